"""What the document parser needs to know from the packs: the parts' heading vocabulary
and the organ-name grammar (both pack data, compiled once per rule set)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lawlint.document.organs import OrganGrammar
from lawlint.document.parts import Element


@dataclass(frozen=True)
class Grammar:
    elements: tuple[Element, ...] = ()
    organs: OrganGrammar = field(default_factory=lambda: OrganGrammar.from_pack({}))
