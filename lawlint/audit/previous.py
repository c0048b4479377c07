"""Last year's reports against this year's: a body that is mostly a previous report, the
organ's own or another's, is 照搬上年报告.

Last year is either its submissions (linted here, shingles and sketches) or the JSON of last
year's audit (`--format json` keeps each file's sketch and clause count): with shingles on
both sides the share is exact, with a sketch on one side it is estimated from the share of
equal MinHash bins. Either way the reports meet through the same LSH bands as the rings, so
20,000 against 20,000 is not 400 million comparisons."""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass
from pathlib import Path

from lawlint.audit.crosscheck import Note
from lawlint.audit.item import Item
from lawlint.audit.similarity import bands, estimated_jaccard, overlap, sketch_from_text
from lawlint.document.organs import OrganGrammar
from lawlint.errors import InputError


@dataclass(frozen=True, slots=True)
class Earlier:
    """One report of last year, as much of it as the comparison needs."""

    path: str
    organ: str | None
    clauses: int
    sketch: array
    fingerprints: array | None = None   # None when it came from an audit's JSON


def from_items(items: list[Item]) -> list[Earlier]:
    return [Earlier(i.result.path, i.result.organ, len(i.fingerprints), i.sketch, i.fingerprints)
            for i in items if not i.result.error and len(i.sketch)]


def from_audit_json(path: str) -> list[Earlier]:
    """The files of a `lawlint audit --format json` output that carry a sketch."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"cannot read last year's audit: {exc}", path,
                         hint="give the JSON written by `lawlint audit --format json`, "
                              "or the folder of last year's reports") from None
    if not isinstance(data, dict) or data.get("schema") != "lawlint-audit":
        raise InputError("not a lawlint audit JSON (its 'schema' is not lawlint-audit)", path,
                         hint="write it with `lawlint audit DIR --format json -o FILE`")
    earlier = []
    for row in data.get("files", ()):
        if row.get("sketch"):
            earlier.append(Earlier(row["path"], row.get("organ"), int(row.get("clauses", 0)),
                                   sketch_from_text(row["sketch"])))
    return earlier


def notes(items: list[Item], earlier: list[Earlier], threshold: float,
          grammar: OrganGrammar | None = None) -> list[Note]:
    """A note for each report whose clauses are at least `threshold` a previous report's."""
    index: dict[tuple[int, bytes], list[int]] = {}
    for number, report in enumerate(earlier):
        for key in bands(report.sketch):
            index.setdefault(key, []).append(number)
    found = []
    for item in items:
        if item.result.error or not len(item.sketch):
            continue
        candidates = {n for key in bands(item.sketch) for n in index.get(key, ())}
        scored = [(_share(item, earlier[n]), earlier[n]) for n in candidates]
        best = max(scored, key=lambda pair: (pair[0], pair[1].path), default=None)
        if best is not None and best[0] >= threshold:
            found.append(_note(item, *best, grammar))
    return found


def _share(item: Item, report: Earlier) -> float:
    """The part of this year's clauses found in the previous report."""
    if report.fingerprints is not None:
        shared, _ = overlap(item.fingerprints, report.fingerprints)
    else:
        jaccard = estimated_jaccard(item.sketch, report.sketch)
        shared = jaccard * (len(item.fingerprints) + report.clauses) / (1 + jaccard)
    return min(1.0, shared / len(item.fingerprints)) if len(item.fingerprints) else 0.0


def _note(item: Item, share: float, report: Earlier, grammar: OrganGrammar | None) -> Note:
    organ, other = item.result.organ, report.organ
    own = bool(organ and other) and (organ == other or (grammar is not None and grammar.same(organ, other)))
    whose = "本机关上年报告" if own else f"{other or '另一单位'}的上年报告"
    return Note(item.result.path, "previous",
                f"正文 {share:.0%} 与{whose}（{report.path}）相同，疑为照搬上年报告")
