"""Kind `scope-level`: 全市, 全县, 全镇… against the level of the organ that reports.

A county bureau that writes 「整顿和规范全市医疗服务市场秩序」 copied a city report: its own
actions reach 全县. Two slips betray the copy: a scope *below* the organ's level anywhere
(a city bureau's 「全县」), and a scope *above* it as the object of the organ's own action
(「规范全市…」). A scope above named otherwise is the organ's place in the wider whole
(「在全市率先」「居全市前列」) and is right."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import Context, Hit, Param, compile_pattern, regex_param, register

_LEVELS = Param("levels", {"type": "array", "minItems": 2, "items": {
    "type": "object", "required": ["divisions", "scopes"], "additionalProperties": False,
    "properties": {"divisions": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                   "scopes": {"type": "array", "items": {"type": "string"}, "minItems": 1}}}},
    "Administrative levels from the top: the division words that end a place of that level "
    "(县, 旗) and the scope words that mean all of it (全县, 全旗).")
_NOT_A_DIVISION = "场域村民直属辖"   # 市场, 区域, 乡村, 县直: a division word inside another word


@register("scope-level", _LEVELS,
          regex_param("acts", "Verbs that make a scope the organ's own field of action (规范, 覆盖)."),
          provides=("found", "own", "organ"))
class ScopeLevelCheck:
    """The organ's level is that of the last division word in its name (安溪县卫生健康局:
    县). A scope word of a lower level is a finding wherever it stands; one of a higher level
    only right after a verb of `acts`. Silent when the organ or its level is unknown."""

    def __init__(self, params: Mapping[str, Any]):
        self.levels = [(tuple(level["divisions"]), tuple(level["scopes"])) for level in params["levels"]]
        self.acts = compile_pattern(f"(?:{params['acts']})(?:和|及|、)?$")
        divisions = sorted({d for names, _ in self.levels for d in names}, key=len, reverse=True)
        self._division = regex.compile(
            "(?<=\\p{Han})(?:" + "|".join(map(regex.escape, divisions)) + f")(?![{_NOT_A_DIVISION}])")
        scopes = sorted({s for _, words in self.levels for s in words}, key=len, reverse=True)
        self._scope = regex.compile("|".join(map(regex.escape, scopes)))

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        own = self._level_of_organ(doc.organ or "")
        if own is None:
            return
        text = doc.folded.text
        for match in self._scope.finditer(text, doc.body_start, doc.body_end):
            level = self._level_of_scope(match.group())
            if level == own or level is None:
                continue
            if level < own and not self.acts.search(text, max(0, match.start() - 5), match.start()):
                continue   # a wider whole the organ is part of: 在全市率先, 居全省前列
            yield Hit(doc.span(match.start(), match.end()),
                      {"found": match.group(), "own": self.levels[own][1][0], "organ": doc.organ})

    def _level_of_organ(self, organ: str) -> int | None:
        found = list(self._division.finditer(organ))
        if not found:
            return None
        word = found[-1].group()
        return next((i for i, (names, _) in enumerate(self.levels) if word in names), None)

    def _level_of_scope(self, word: str) -> int | None:
        return next((i for i, (_, scopes) in enumerate(self.levels) if word in scopes), None)
