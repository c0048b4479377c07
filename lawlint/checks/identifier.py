"""Kind `identifier`: personal data that must not be published (resident ID numbers with a
valid checksum, mobile numbers, bank card numbers passing Luhn). Findings are masked: the
value never appears in any output."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import Context, Hit, Param, compile_pattern, register

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"   # GB 11643-1999: ISO 7064 MOD 11-2


def id_card_valid(value: str) -> bool:
    total = sum(int(digit) * weight for digit, weight in zip(value[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == value[17].upper()


def luhn_valid(value: str) -> bool:
    total = 0
    for index, digit in enumerate(reversed(value)):
        number = int(digit) * (2 if index % 2 else 1)
        total += number - 9 if number > 9 else number
    return total % 10 == 0


CHECKSUMS = {"none": lambda value: True, "id-card": id_card_valid, "luhn": luhn_valid}


def mask(value: str) -> str:
    """Keep enough to find it (first 3, last 2), hide the rest: 110***********1X."""
    return value[:3] + "*" * max(0, len(value) - 5) + value[-2:] if len(value) > 5 else "*" * len(value)


_FORMS = Param("forms", {"type": "array", "minItems": 1, "items": {
    "type": "object", "additionalProperties": False, "required": ["label", "pattern", "checksum"],
    "properties": {"label": {"type": "string"}, "pattern": {"type": "string", "minLength": 1},
                   "checksum": {"enum": ["none", "id-card", "luhn"]}}}},
    "The forms of personal data: `{label, pattern, checksum}`, checksum `none`, `id-card` "
    "(GB 11643 check digit) or `luhn` (bank cards).", regex=True)


@register("identifier", _FORMS, provides=("label", "found"))
class IdentifierCheck:
    """Personal data that a published report must not contain: each match of a form's
    `pattern` that passes its `checksum` (so that ordinary numbers stay quiet) is a finding,
    masked (first 3 and last 2 characters kept) in its message, its excerpt and the source
    line of every output format."""

    def __init__(self, params: Mapping[str, Any]):
        self.forms = [(form["label"], compile_pattern(form["pattern"]), CHECKSUMS[form["checksum"]])
                      for form in params["forms"]]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        seen: set[tuple[int, int]] = set()
        for label, pattern, valid in self.forms:
            for match in pattern.finditer(doc.folded.text):
                if match.span() in seen or not valid(match.group(0)):
                    continue
                seen.add(match.span())
                yield Hit(doc.span(*match.span()), {"label": label, "found": mask(match.group(0))},
                          mask=True)
