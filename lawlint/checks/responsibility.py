"""Kinds that weigh what a part says, not only that it is there: `copied-text` (a part that
repeats another part word for word) and `actor` (an act reported, but by someone other than
the one whose duty it is: the 分管领导 in court where the principal's duty is meant)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import (Context, Hit, Param, compile_pattern, element_param, regex_param,
                            register, sentences_about)

_STRIDE = 4   # copies are looked for at every 4th character of the part: a run of N ≥ 4+k is found


@register("copied-text", element_param("within", "The part that must say something of its own."),
          Param("min_chars", {"type": "integer", "minimum": 8},
                "The shortest run of identical characters that counts as a copy."),
          provides=("found", "line", "element"))
class CopiedTextCheck:
    """A run of at least `min_chars` characters of the element's sections that stands word
    for word elsewhere in the body: the part repeats another instead of reporting its own
    matter (the 第一责任人 part copied from the measures). One finding, at the first run."""

    def __init__(self, params: Mapping[str, Any]):
        self.within = params["within"]
        self.size = int(params["min_chars"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        text = doc.folded.text
        for section in ctx.sections_of(self.within):
            body_start = section.heading.line.end
            outside = text[doc.body_start:section.start] + "\n" + text[section.end:doc.body_end]
            for start in range(body_start, section.end - self.size + 1, _STRIDE):
                piece = text[start:start + self.size]
                if "\n" in piece or piece not in outside:
                    continue
                end = start + self.size
                while start > body_start and text[start - 1] != "\n" and text[start - 1:end] in outside:
                    start -= 1   # the run began before the stride found it
                while end < section.end and text[end] != "\n" and text[start:end + 1] in outside:
                    end += 1
                where = text.find(text[start:end], doc.body_start)
                line = doc.source.location(doc.span(where, where).start)[0]
                span = doc.span(start, end)
                yield Hit(span, {"found": doc.written(span), "line": line,
                                 "element": ctx.label(self.within)})
                return


@register("actor", regex_param("topic", "The act (出庭应诉)."),
          regex_param("wrong", "Who is not meant (分管领导)."),
          regex_param("right", "Who is meant (主要负责人, 一把手)."),
          provides=("found",))
class ActorCheck:
    """Sentences report the act (`topic`) done by `wrong` and no sentence reports it done by
    `right`: the report cannot count the act as `right`'s. One finding, at the first."""

    def __init__(self, params: Mapping[str, Any]):
        self.topic = compile_pattern(params["topic"])
        self.wrong = compile_pattern(params["wrong"])
        self.right = compile_pattern(params["right"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        first = None
        for offset, sentence in sentences_about(doc, self.topic):
            if self.right.search(sentence):
                return
            wrong = self.wrong.search(sentence)
            if wrong and first is None:
                first = (offset + wrong.start(), offset + wrong.end(), wrong.group())
        if first:
            yield Hit(doc.span(first[0], first[1]), {"found": first[2]})
