"""Kinds about figures: `figure` (a topic reported with numbers), `ratio` (stated ratios
at or above a pack threshold: the 10 percent legal-review rule)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import (SENTENCE, Context, Hit, Param, compile_pattern, element_param,
                            pack_parameter, regex_param, register, sentences_about)

_CLAUSE = regex.compile(r"[^。;!?,、\n]+")


@register("figure", regex_param("topic"), regex_param("verb"),
          regex_param("figure", "A count, a rate, or words for the whole (a regex, matched against folded text)."),
          element_param("within", "While this element is present, a topic never mentioned is a finding.",
                        required=False),
          provides=("found",))
class FigureCheck:
    """The topic must be reported with a figure: in a paragraph that mentions `topic`, some
    sentence holds `verb` and `figure` (a count, a rate, or words for the whole).
    A topic never mentioned is a finding only while element `within` is present: without
    it, that element's own rule speaks. `{found}` says 未提及 or 未给出数字."""

    def __init__(self, params: Mapping[str, Any]):
        self.within = params.get("within")
        self.topic = compile_pattern(params["topic"])
        self.verb = compile_pattern(params["verb"])
        self.figure = compile_pattern(params["figure"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        first_mention = None
        for line in doc.lines:
            mention = self.topic.search(line.text)
            if mention is None or not doc.body_start <= line.start < doc.body_end:
                continue
            first_mention = first_mention or (line.start + mention.start(), line.start + mention.end())
            for sentence in SENTENCE.finditer(line.text):
                if self.verb.search(sentence.group()) and self.figure.search(sentence.group()):
                    return
        if first_mention is None:
            if self.within is None or ctx.present(self.within):
                yield Hit(doc.anchor(), {"found": "未提及"})
        else:
            yield Hit(doc.span(*first_mention), {"found": "未给出数字"})


@register("ratio", regex_param("topic"),
          regex_param("percent", "Must define the named group `n`."),
          regex_param("part", required=False), regex_param("whole", required=False),
          pack_parameter("Pack parameter: the least ratio allowed (0–1)."),
          provides=("found", "threshold"))
class RatioCheck:
    """Every ratio stated about `topic` must be at least the pack parameter `parameter`:
    a percentage (`percent`, named group `n`) in a clause naming the topic, or the ratio of
    two counts `part` / `whole` (named group `n` each) in one paragraph."""

    def __init__(self, params: Mapping[str, Any]):
        self.topic = compile_pattern(params["topic"])
        self.percent = compile_pattern(params["percent"])
        self.part = compile_pattern(params["part"]) if "part" in params else None
        self.whole = compile_pattern(params["whole"]) if "whole" in params else None
        self.parameter = params["parameter"]

    def run(self, ctx: Context) -> Iterator[Hit]:
        threshold = float(ctx.params[self.parameter])
        doc = ctx.doc
        for line in doc.lines:
            if not self.topic.search(line.text):
                continue
            for start, end, value in self._ratios(line.text):
                if value < threshold:
                    yield Hit(doc.span(line.start + start, line.start + end),
                              {"found": f"{value:.1%}", "threshold": f"{threshold:.0%}"})

    def _ratios(self, text: str) -> Iterator[tuple[int, int, float]]:
        has_percent = self.percent.search(text) is not None   # most lines: skip the clause scan
        for clause in _CLAUSE.finditer(text) if has_percent else ():
            if self.percent.search(clause.group()) and self.topic.search(clause.group()):
                for match in self.percent.finditer(clause.group()):
                    yield (clause.start() + match.start(), clause.start() + match.end(),
                           float(match.group("n")) / 100)
        part = self.part.search(text) if self.part else None
        whole = self.whole.search(text) if part else None
        if part and whole and int(whole.group("n")):
            yield part.start(), part.end(), int(part.group("n")) / int(whole.group("n"))


_KINDS = Param("kinds", {"type": "array", "minItems": 1, "items": {
    "type": "object", "required": ["label", "pattern"], "additionalProperties": False,
    "properties": {"label": {"type": "string"}, "pattern": {"type": "string", "minLength": 1}}}},
    "What is reviewed, one `{label, pattern}` each (规范性文件, 重大行政决策…).", regex=True)


@register("figure-per-kind", regex_param("topic"), _KINDS,
          regex_param("figure", "A count or a rate (words for the whole, 均/所有, are not one)."),
          provides=("found", "label"))
class FigurePerKindCheck:
    """Each kind that sentences name together with `topic` (规范性文件 with 合法性审查) must
    have a `figure` of its own: in a clause that names it, or in a sentence that names no
    other kind. A report that counts its enforcement decisions (法制审核100%) has said
    nothing of its normative documents. Not judged: a kind never named with the topic, and a
    report with no figure at all or with one for the whole (审核各类文件83份), which is
    kind `figure`'s matter or enough."""

    def __init__(self, params: Mapping[str, Any]):
        self.topic = compile_pattern(params["topic"])
        self.figure = compile_pattern(params["figure"])
        self.kinds = [(kind["label"], compile_pattern(kind["pattern"])) for kind in params["kinds"]]

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        first: dict[str, tuple[int, int, str]] = {}
        counted: set[str] = set()
        for offset, sentence in sentences_about(doc, self.topic):
            named = self._named(sentence, offset, first)
            if self.figure.search(sentence) is None:
                continue
            if not named:
                return   # a figure for the review as a whole
            counted.update(named if len(named) == 1 else self._counted(sentence))
        if not counted:
            return   # no figure at all: kind `figure` reports it once
        for label, (start, end, found) in sorted(first.items(), key=lambda item: item[1][0]):
            if label not in counted:
                yield Hit(doc.span(start, end), {"found": found, "label": label})

    def _named(self, text: str, offset: int, first: dict) -> set[str]:
        named = set()
        for label, pattern in self.kinds:
            mention = pattern.search(text)
            if mention:
                named.add(label)
                first.setdefault(label, (offset + mention.start(), offset + mention.end(), mention.group()))
        return named

    def _counted(self, sentence: str) -> set[str]:
        """The kinds a figure belongs to, clause by clause (split at commas): those its own
        clause names, else those named since the last figure (「审查规范性文件，共12件」)."""
        counted: set[str] = set()
        pending: set[str] = set()
        for clause in _COMMA.split(sentence):
            named = {label for label, pattern in self.kinds if pattern.search(clause)}
            if self.figure.search(clause) is None:
                pending |= named
                continue
            counted |= named or pending
            pending = set()
        return counted


_COMMA = regex.compile(r"[,，]")
