"""A .docx in, a Source out: the body as Word shows it (list numbers, tracked changes
accepted, content controls, field results, text boxes: lawlint/extract/_wordml.py), one line
per paragraph (a soft line break inside a paragraph adds a line of that paragraph). Word
heading styles (Heading 1…, 标题 1…) become Markdown heading marks on their line, so the
parser sees a heading's level even when its text carries no ordinal.

A .docx is a zip of XML parts, so a small file can unpack to gigabytes or carry an entity
bomb: the package is checked against the limits in force (lawlint/limits.py) before
python-docx opens it (issue 13)."""

from __future__ import annotations

import io
import zipfile

from lawlint.document import source
from lawlint.errors import InputError
from lawlint.extract import _package, require_text


SUFFIXES = (".docx",)


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    """`encoding` is not used: a .docx says its own."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml import etree
    except ImportError:  # pragma: no cover - a dependency
        raise InputError("reading .docx needs python-docx", name, hint="pip install python-docx") from None
    check_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise _xml_error(exc, name) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, etree.ParserError) as exc:
        raise _unreadable(exc.__class__.__name__, name) from None
    return _source(document, name)


def _source(document, name: str) -> source.Source:
    """One line per paragraph of Word's final view (lawlint/extract/_wordml.py), a heading
    style's level as Markdown marks in front. The marks and the list number Word draws are
    not the file's text: their span is `generated`, so a finding there points at the
    paragraph's start."""
    from lawlint.extract import _wordml

    lines, numbers, generated, offset, owners = [], [], [], 0, []
    for number, (block, prefix) in enumerate(laid_out(document), start=1):
        owners.append(block.paragraph)
        if prefix or block.generated:
            generated.append((offset, offset + len(prefix) + block.generated))
        for part in (prefix + block.text).split("\n"):
            lines.append(part)
            numbers.append(number)
            offset += len(part) + 1
    text = require_text("\n".join(lines), name, ".docx")
    changes, comments = _wordml.revisions(document)
    notes = tuple(_directive_notes(document, owners, numbers))
    return source.from_text(text, name, "docx", format="docx", paragraphs=tuple(numbers),
                            generated=tuple(generated), revisions=changes,
                            comments=comments - len(notes), notes=notes)


def _directive_notes(document, owners: list, numbers: list[int]):
    """(first line, last line, text) of each Word comment that is a lawlint directive
    (「lawlint-disable LL105 -- 理由」): an author answers a finding where they read it, in
    Word, and the comment silences the rule on the paragraphs it stands on."""
    from lawlint.extract import _wordml

    try:
        comments = {str(c.comment_id): c.text for c in document.comments}
    except (KeyError, ValueError, AttributeError):   # no comments part, or one python-docx cannot read
        return
    spans = _wordml.comment_paragraphs(document)
    block_of = {id(paragraph): number for number, paragraph in enumerate(owners, start=1)
                if paragraph is not None}
    for ident, text in comments.items():
        if not text.strip().startswith("lawlint-"):
            continue
        blocks = [block_of[id(p)] for p in spans.get(ident, ()) if id(p) in block_of]
        lines = [line for line, number in enumerate(numbers, start=1) if number in blocks]
        if lines:
            yield lines[0], lines[-1], text.strip()


def laid_out(document):
    """Each paragraph as the Source lays it out: (its _wordml.Block, the Markdown heading
    mark put in front of a heading-styled one). One line per paragraph and soft break: the
    reviewed copy (lawlint/output/docx_review.py) walks the same layout back to the runs."""
    from lawlint.extract import _wordml

    levels = _heading_levels(document)
    for block in _wordml.blocks(document):
        level = levels.get(block.style, 0)
        yield block, "#" * level + " " if level and not block.text.startswith("#") else ""


def _heading_levels(document) -> dict[str, int]:
    """Style id → heading level, for styles named Heading N, heading N or 标题 N."""
    levels = {}
    for style in document.styles:
        name = style.name or ""
        for prefix in ("Heading ", "heading ", "标题 "):
            if name.startswith(prefix) and name[len(prefix):].isdigit():
                levels[style.style_id] = min(int(name[len(prefix):]), 6)
    return levels


def _parsed(filename: str) -> bool:
    """Whether python-docx parses this part as XML: relationships and Word's own parts, not
    the data an add-in keeps under customXml/ (read as bytes, and free to carry a DTD)."""
    lower = filename.lower()
    if lower.endswith(".rels"):
        return True
    return lower.endswith(".xml") and not lower.startswith("customxml/")


WORD = _package.Kind(".docx", "Word", "the file may be truncated or not a Word document; re-save it from Word",
                     _parsed)


def check_package(data: bytes, name: str) -> None:
    """The zip checks (lawlint/extract/_package.py) as a .docx."""
    _package.check_package(data, name, WORD)


def _unreadable(why: str, name: str) -> InputError:
    return _package.unreadable(why, name, WORD)


def _xml_error(exc, name: str) -> InputError:
    """lxml's own refusals: its resource limits (a text node over 10 MB, whatever
    --limit xml-text says) and entity amplification are named; other syntax errors are a
    broken file."""
    detail = str(exc).split(",")[0].strip()
    if "limit" in detail.lower() or "amplification" in detail.lower():
        return InputError(f"an XML part is beyond the XML parser's own limits ({detail})", name,
                          hint="Word never writes such a part; re-save the document from Word")
    return _unreadable(f"XMLSyntaxError: {detail}", name)
