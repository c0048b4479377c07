"""Stage 2 and 3 of the pipeline: a decoded `Source`, its folded matching view, and the
`Document` parsed from them (front matter, heading tree with parts, closing block).

The model's types are re-exported here because every later stage speaks them."""

from lawlint.document.model import Closing, Document, Edit, Heading, Line, Section, Span

__all__ = ["Closing", "Document", "Edit", "Heading", "Line", "Section", "Span"]
