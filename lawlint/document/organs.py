"""The grammar of organ names (机关名称), built from the pack's `organs` vocabulary.

An organ is a run of units; a unit ends in an organ type (人民政府, 街道办事处, 局, 委, 党组…)
or in an administrative division (长延堡街道, 下洋镇, 静海区): a bare division names its
government. Joint forms (「中共××县委 ××县人民政府」) are several units. Comparing two names
(title and signature) expands the short forms the pack lists (委 → 委员会, 街道 → 街道办事处,
镇 → 镇人民政府), drops 中共 and a department's 党组, and lets the shorter leave characters out
(the place prefix, a contraction such as 区教委), never the type or a lower place (××县可大乡).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

_SEPARATORS = regex.compile(r"[\s、，,]+")
# A report's own voice (我局, 本委, 该镇, 全县) is not a name.
_NOT_A_NAME = ("我", "本", "该", "全", "各", "其")
_MAX_UNIT = 30


@dataclass(frozen=True)
class OrganGrammar:
    """Compiled from pack data: `divisions` (by level), `types`, `prefixes`, `expand`
    (short suffix → full suffix) and `party` (suffixes a department's party group adds)."""

    divisions: tuple[str, ...]
    types: tuple[str, ...]
    prefixes: tuple[str, ...]
    expand: tuple[tuple[str, str], ...]
    party: tuple[str, ...]
    levels: tuple[tuple[str, tuple[str, ...]], ...]
    unit: regex.Pattern = field(compare=False, repr=False)
    joint: regex.Pattern = field(compare=False, repr=False)

    @classmethod
    def from_pack(cls, data: Mapping[str, Any]) -> OrganGrammar:
        levels = tuple((item["level"], tuple(item["names"])) for item in data.get("divisions", ()))
        divisions = _longest_first(name for _, names in levels for name in names)
        types = _longest_first(data.get("types", ()))
        prefixes = tuple(data.get("prefixes", ()))
        ends = "|".join(map(regex.escape, (*types, *divisions))) or "(?!)"
        prefix = "|".join(map(regex.escape, prefixes)) or "(?!)"
        return cls(
            divisions=divisions, types=types, prefixes=prefixes,
            expand=tuple((item["short"], item["full"]) for item in data.get("expand", ())),
            party=_longest_first(data.get("party", ())), levels=levels,
            # 「高新区(新市区)人民政府」: a bracketed alias inside the name
            unit=regex.compile(rf"(?:{prefix})?\p{{Han}}(?:\p{{Han}}|\([\p{{Han}}]+\)){{0,{_MAX_UNIT}}}?(?:{ends})"),
            # 「中共××县委××县人民政府」: a new unit starts at 中共, or after a committee
            # (委, 委员会) where a government name follows
            joint=regex.compile(rf"(?<=.)(?={prefix})|(?<=委员会|委)(?=\p{{Han}}{{2,{_MAX_UNIT}}}人民政府$)"),
        )

    def is_unit(self, text: str) -> bool:
        return bool(text) and not text.startswith(_NOT_A_NAME) and \
            self.unit.fullmatch(text, timeout=1) is not None

    def is_organ(self, text: str) -> bool:
        """A name made of one or more units (「中共××县委××县人民政府」 included)."""
        return bool(self.units(text))

    def units(self, text: str) -> tuple[str, ...]:
        """The units of an organ name, or () when the text is not an organ name: split at
        separators, before 中共, and between a party committee and its government."""
        pieces = [piece for part in _SEPARATORS.split(text.strip())
                  for piece in self.joint.split(part) if piece]
        if not pieces or not all(self.is_unit(piece) for piece in pieces):
            return ()
        return tuple(pieces)

    def normal(self, unit: str) -> str:
        """One unit in full form, for comparison: no 中共, no department 党组, short forms
        expanded, a bare division as its government."""
        for prefix in self.prefixes:
            if unit.startswith(prefix) and len(unit) > len(prefix) + 1:
                unit = unit[len(prefix):]
        for suffix in self.party:
            stem = unit[:-len(suffix)]
            if unit.endswith(suffix) and stem.endswith(self.types) and not stem.endswith(self.divisions):
                unit = stem
                break
        for short, full in self.expand:
            if unit.endswith(short) and not unit.endswith(full):
                unit = unit[:-len(short)] + full
                break
        return unit

    def same(self, signed: str, titled: str) -> bool:
        """Every signing unit is one of the title's units. Units match when they end in the
        same organ type and the shorter is the longer with characters left out: the place
        prefix (渝北区卫生健康委员会 for 重庆市渝北区卫生健康委员会) or a contraction (区教委 for
        九龙坡区教育委员会, 人社局 for 人力资源和社会保障局); 「…委员会办公室」 is another organ.
        Names the grammar cannot read are compared as written."""
        signed_units = [self.normal(u) for u in self.units(signed)] or [signed]
        title_units = [self.normal(u) for u in self.units(titled)] or [titled]
        return all(any(self._compatible(s, t) for t in title_units) for s in signed_units)

    def _compatible(self, a: str, b: str) -> bool:
        (short, short_bare), (long, long_bare) = sorted(
            (self._without_bare_place(a), self._without_bare_place(b)), key=lambda u: len(u[0]))
        short_type, long_type = self._type(short), self._type(long)
        if not (short_type.endswith(long_type) or long_type.endswith(short_type)):
            return False
        place = self._division(long[:len(long) - len(long_type)]) or long_bare
        own = self._division(short[:len(short) - len(short_type)]) or short_bare
        if place and own and place != own:
            return False   # 「××县可大乡」 is not 「××县」: the longer names a place below
        rest = iter(long)
        return all(char in rest for char in short)   # a subsequence, in order

    def _type(self, unit: str) -> str:
        return next((t for t in self.types if unit.endswith(t)), "")

    def _starts_with_place(self, text: str) -> bool:
        """「中区…」 after 「市」: the division word began a name (市中区), it was not bare."""
        return any(text[skip:].startswith(self.divisions) for skip in range(3))

    def _division(self, name: str) -> str:
        return next((d for d in self.divisions if name.endswith(d)), "")

    def _without_bare_place(self, unit: str) -> tuple[str, str]:
        """「区教委员会」: a division word with no name before it says only 'ours' (and the
        level: 区); returns the rest and that division."""
        for division in self.divisions:
            rest = unit[len(division):]
            if unit.startswith(division) and len(rest) > 1 and not self._starts_with_place(rest):
                return rest, division
        return unit, ""


def _longest_first(names) -> tuple[str, ...]:
    return tuple(sorted(set(names), key=len, reverse=True))


def organ_prefix(title: str, stops: regex.Pattern, grammar: OrganGrammar) -> str | None:
    """The organ a title opens with (what precedes 关于, the year or the subject), or, for
    「2023年度××局法治政府建设情况报告」, the name between the year and the subject."""
    for segment in _segments(title, stops):
        if len(segment) >= 2 and grammar.is_organ(segment):
            return segment
    return None


def _segments(title: str, stops: regex.Pattern) -> Sequence[str]:
    matches = list(stops.finditer(title))
    if not matches:
        return ()
    segments = [title[:matches[0].start()]]
    if len(matches) > 1:
        segments.append(title[matches[0].end():matches[1].start()])
    return segments
