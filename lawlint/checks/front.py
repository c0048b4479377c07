"""Kinds about the front matter: `title` (names what it must), `addressee-form` (the
addressee line as written) and `addressee-pair` (党委 and 政府 both). Whether they are there at all is kind `present`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import Context, Hit, Param, REGEX_DOC, compile_pattern, regex_param, register
from lawlint.document import Edit, Span


_REQUIRE = Param("require", {"type": "array", "items": {
    "type": "object", "required": ["label"], "additionalProperties": False,
    "properties": {"label": {"type": "string"},
                   "pattern": {"type": "string", "minLength": 1, "description": REGEX_DOC},
                   "part": {"enum": ["organ"], "description": "A fact of the document instead of a "
                            "pattern: `organ` (named by the title or the letterhead)."}},
    "oneOf": [{"required": ["pattern"]}, {"required": ["part"]}]}},
    "What the title must name: each item a `label` and a `pattern` matched against the joined "
    "title lines, or a `part`.", regex=True)


@register("title", _REQUIRE, provides=("missing", "title"))
class TitleCheck:
    """The title lacks a `require`d part: an item's `pattern` must match the title, or its
    `part` (`organ`) must be named: by the title, or by the letterhead / 发文机关标志 of a
    report laid out as GB/T 9704 版头. Silent when there is no title (kind `present`)."""

    def __init__(self, params: Mapping[str, Any]):
        self.require = [(item["label"], compile_pattern(item["pattern"]) if "pattern" in item
                         else item["part"]) for item in params.get("require", ())]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if not doc.title:
            return
        missing = [label for label, wanted in self.require if not _has(doc, wanted)]
        if missing:
            yield Hit(doc.span(doc.title[0].start, doc.title[-1].end),
                      {"missing": "、".join(missing), "title": doc.title_text})


@register("addressee-form",
          regex_param("pattern", "Matched against the addressee line as written (not folded), e.g. `：$`."),
          provides=("found",))
class AddresseeFormCheck:
    """The 主送机关 line as written does not match `pattern` (e.g. end with a full-width
    colon). 「区政府:」 is fixed to 「区政府：」; a line with no colon is left to the author.
    Silent when there is no addressee (kind `present`)."""

    def __init__(self, params: Mapping[str, Any]):
        self.pattern = compile_pattern(params["pattern"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        line = doc.addressee
        if line is None:
            return
        span = doc.span(line.start, line.end)
        written = doc.written(span)
        if not self.pattern.search(written):
            yield Hit(span, {"found": written}, fix=_colon_fix(written, span))


def _has(doc, wanted) -> bool:
    if wanted == "organ":
        return doc.organ_source in ("title", "letterhead")
    return wanted.search(doc.title_text) is not None


def _colon_fix(written: str, span: Span) -> tuple[Edit, ...]:
    """「区政府:」 → 「区政府：」 is certain; a line with no colon at all is left to the author."""
    stripped = written.rstrip()
    if not stripped.endswith(":"):
        return ()
    at = span.start + len(stripped) - 1
    return (Edit(Span(at, at + 1), "："),)


_ITEMS = regex.compile(r"[^、，,及和;；:：\s]+")


@register("addressee-pair",
          regex_param("party", "An addressee item that is a party committee (区委, 县委, 党工委)."),
          regex_param("government", "An addressee item that is a government (区政府, 县人民政府)."),
          provides=("found", "missing"))
class AddresseePairCheck:
    """The 主送机关 names a party committee or a government but not both: a report goes to
    本级党委和政府 together (「区政府：」 alone is half the addressee). Silent when it names
    neither (a report to the department one level up) or there is none."""

    def __init__(self, params: Mapping[str, Any]):
        self.party = compile_pattern(params["party"])
        self.government = compile_pattern(params["government"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        line = doc.addressee
        if line is None:
            return
        items = _ITEMS.findall(line.text)
        party = any(self.party.search(item) for item in items)
        government = any(self.government.search(item) for item in items)
        if party != government:
            span = doc.span(line.start, line.end)
            yield Hit(span, {"found": doc.written(span).strip(), "missing": "政府" if party else "党委"})
