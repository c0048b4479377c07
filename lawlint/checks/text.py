"""Kinds that match text: `phrase` (a pattern that must or must not appear), `citation`,
`substitute` (miswritten words and their right form, prh-style)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import (Context, Hit, Param, choice_param, compile_pattern, element_param,
                            regex_param, register)
from lawlint.document import Edit


@register("phrase", regex_param("pattern"),
          choice_param("expect", ("present", "absent"), "Whether `pattern` must appear or must not."),
          element_param("within", "Search only this element's sections.", required=False),
          Param("whole", {"type": "boolean"}, "With `within`: judge the element only where the "
                "text shows all of it (another part or the closing block follows).", required=False),
          regex_param("item", "With `within` and no section naming the element: an enumerated item "
                      "inside a paragraph (四是落实……职责) that stands for it, to the next item.",
                      required=False),
          provides=("found", "element"))
class PhraseCheck:
    """`expect: absent`: every match of `pattern` is a finding (`{found}`). `expect: present`
    with `within: KEY`: the element's sections must contain a match (causes in S); for an
    element made of topical sections (M written as 「二、依法履行职能」「三、…」) those sections.
    Without such sections, an `item` of an enumeration inside another part (「四是落实主要
    负责人履行第一责任人职责。局长亲自部署……」, up to 「五是」 or the paragraph's end) stands
    for the element, in a text that shows the plans or the closing block after it (an opening
    cut short may have the element's own part further on). Silent when the element is missing
    (another rule reports that), and with `whole: true` when it runs to the end of a text
    without a closing block (a copy cut short)."""

    def __init__(self, params: Mapping[str, Any]):
        self.pattern = compile_pattern(params["pattern"])
        self.expect = params["expect"]
        self.within = params.get("within")
        self.whole = bool(params.get("whole"))
        self.item = compile_pattern(params["item"]) if "item" in params else None

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if self.expect == "absent":
            for match in self.pattern.finditer(doc.folded.text):
                if match.end() > match.start():
                    yield Hit(doc.span(match.start(), match.end()), {"found": match.group(0)})
            return
        sections = ctx.element_sections(self.within) if self.within else ()
        if self.within and not sections:
            passage = self._item_passage(ctx)
            if passage and not self.pattern.search(doc.folded.text, passage[0], passage[1]):
                yield Hit(doc.span(passage[0], passage[2]), {"element": ctx.label(self.within)})
            return  # else the element's absence is another rule's finding
        if self.whole and not _shown_whole(doc, sections):
            return
        ranges = [(s.start, s.end) for s in sections] or [(doc.body_start, doc.body_end)]
        if not any(self.pattern.search(doc.folded.text, a, b) for a, b in ranges):
            line = sections[0].heading.line if sections else None
            span = doc.span(line.start, line.end) if line else doc.anchor()
            yield Hit(span, {"element": ctx.label(self.within) if self.within else ""})


    def _item_passage(self, ctx: Context) -> tuple[int, int, int] | None:
        """(start, end, end of the item's own words) of the first `item` in the body, when
        the text goes on to the plans or the closing block."""
        doc = ctx.doc
        if self.item is None or not (ctx.present("P") or doc.closing.date or doc.closing.signature):
            return None
        text = doc.folded.text
        match = self.item.search(text, doc.body_start, doc.body_end)
        if match is None:
            return None
        line_end = text.find("\n", match.end())
        line_end = doc.body_end if line_end < 0 else min(line_end, doc.body_end)
        following = _NEXT_ITEM.search(text, match.end(), line_end)
        return match.start(), following.start() if following else line_end, match.end()


# the next item of an enumeration inside a paragraph: 五是, （五）, 5.
_NEXT_ITEM = regex.compile(r"[一二三四五六七八九十]+是|[(（][一二三四五六七八九十]+[)）]|(?<![\d.])\d{1,2}[.、](?!\d)")


def _shown_whole(doc, sections) -> bool:
    """Something follows the last section: another part, or the signature or date."""
    closed = doc.closing.signature is not None or doc.closing.date is not None
    return closed or max(section.end for section in sections) < doc.body_end


@register("citation", regex_param("pattern", "Must define the named groups `start` and `end` (years)."),
          Param("periods", {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": r"^\d{4}-\d{4}$"}},
                "The periods the cited document really has, as YYYY-YYYY."),
          provides=("found", "expected"))
class CitationCheck:
    """A cited document's period (named groups `start`, `end`) must be one of `periods`
    (e.g. `["2015-2020", "2021-2025"]`); the finding sits on the period. When exactly one known
    period shares the cited start or end year (2021—2026 → 2021—2025), it carries that fix."""

    def __init__(self, params: Mapping[str, Any]):
        self.pattern = compile_pattern(params["pattern"])
        self.periods = {tuple(period.split("-")) for period in params["periods"]}

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        for match in self.pattern.finditer(doc.folded.text):
            period = (match.group("start"), match.group("end"))
            if period in self.periods:
                continue
            start, end = match.span("start")[0], match.span("end")[1]
            span = doc.span(start, end)
            known = self._correction(period)
            yield Hit(span, {
                "found": f"{period[0]}—{period[1]}",
                "expected": "或".join(f"{a}—{b}" for a, b in sorted(self.periods)),
            }, fix=(Edit(span, f"{known[0]}—{known[1]}"),) if known else ())

    def _correction(self, period: tuple[str, str]) -> tuple[str, str] | None:
        """The one known period that shares the cited start or end year (2021—2026 can only
        mean 2021—2025); None when the slip could mean more than one."""
        near = [known for known in self.periods if known[0] == period[0] or known[1] == period[1]]
        return near[0] if len(near) == 1 else None


_WORDS = Param("words", {"type": "array", "minItems": 1, "items": {
    "type": "object", "additionalProperties": False, "required": ["pattern", "expected"],
    "properties": {
        "pattern": {"type": "string", "minLength": 1, "description": "The miswritten form (a regex)."},
        "expected": {"type": "string", "description": "The right form; \\1 or \\g<name> take a group."},
        "fix": {"type": "boolean", "description": "Whether --fix may write it (default true): "
                                                  "false where the right form depends on what is meant."}}}},
    "Miswritten words: one `{pattern, expected, fix}` each, as prh writes its rules.", regex=True)


@register("substitute", _WORDS, provides=("found", "expected"), habit="expected")
class SubstituteCheck:
    """Each match of an entry's `pattern` is a finding that names `expected` (groups expanded)
    and, unless the entry says `fix: false`, carries it as a fix: the genre's miswritten words
    (截止至 → 截至, 法制轨道 → 法治轨道) are data, one entry each."""

    def __init__(self, params: Mapping[str, Any]):
        self.words = [(compile_pattern(word["pattern"]), word["expected"], word.get("fix", True))
                      for word in params["words"]]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        text = doc.folded.text
        for pattern, expected, fixable in self.words:
            for match in pattern.finditer(text):
                if match.end() == match.start():
                    continue
                span = doc.span(match.start(), match.end())
                right = match.expand(expected)
                yield Hit(span, {"found": match.group(0), "expected": right},
                          fix=(Edit(span, right),) if fixable else ())
