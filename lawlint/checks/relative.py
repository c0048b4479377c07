"""Kind `relative-year`: 今年 and 明年 in a report written the year after the one it reports.

A report on 2023 is written in early 2024: its 「今年一年以来，未有行政诉讼」 says 2024 where
the author meant 2023, and in the plans for 2024 「明年」 says 2025. The date the report was
written (成文日期) decides; without one, nothing is said."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import (Context, Hit, compile_pattern, element_param, elements_param,
                            regex_param, register)


@register("relative-year",
          regex_param("this_year", "Words for the year of writing (今年, 本年)."),
          regex_param("next_year", "Words for the year after it (明年)."),
          element_param("plans", "The element about the next year, where 明年 is wrong."),
          elements_param("present", "Elements written from the day of writing (plans, "
                         "shortcomings as they stand), where 今年 is right."),
          provides=("found", "written", "meant", "year"))
class RelativeYearCheck:
    """With a 成文日期 in the year after the report year: `this_year` outside the `present`
    elements means the report year, `next_year` inside the `plans` element means the year
    after the report year; either is a finding naming the year to write."""

    def __init__(self, params: Mapping[str, Any]):
        self.this_year = compile_pattern(params["this_year"])
        self.next_year = compile_pattern(params["next_year"])
        self.plans = params["plans"]
        self.present = tuple(params["present"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        written = doc.closing.date.year if doc.closing.date else None
        if doc.year is None or written != doc.year + 1:
            return
        present = _ranges(ctx, self.present)
        plans = _ranges(ctx, (self.plans,))
        text = doc.folded.text
        for pattern, ranges, inside, meant in ((self.this_year, present, False, doc.year),
                                               (self.next_year, plans, True, doc.year + 1)):
            for match in pattern.finditer(text, doc.body_start, doc.body_end):
                if any(a <= match.start() < b for a, b in ranges) == inside:
                    yield Hit(doc.span(match.start(), match.end()),
                              {"found": match.group(0), "written": written, "meant": meant,
                               "year": doc.year})


def _ranges(ctx: Context, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for key in keys for s in ctx.element_sections(key)]
