"""Kinds that read citations against the pack's registry of laws and plans (`laws`):
`citation-title` (a title no entry has, but one entry nearly has), `citation-form` (a known
entry written in a form that is not its title: hyphen, period without 年) and `citation-claim`
(an old law called 新修订 or 新实施)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lawlint.checks import Context, Hit, Param, compile_pattern, regex_param, register
from lawlint.checks.lawbook import Citation, cite, citations, written
from lawlint.document import Edit

# a claim reaches back over wrapped lines (PDF text breaks sentences), not past a sentence
_CLAUSE_END = re.compile(r"[。;!?]")


def quoted(ctx: Context, span) -> str:
    """The citation as the author wrote it, for a message (a page break inside it left out)."""
    return ctx.doc.written(span).replace("\n", "")


def _marked(ctx: Context, cited: Citation):
    """The span of a citation with its marks (《…》 or 〈…〉)."""
    return ctx.doc.span(cited.start - 1, cited.end + 1)


def body_citations(ctx: Context) -> Iterator[Citation]:
    """The body's citations, less the titles quoted inside a registry entry's own title (the
    entry is judged whole: 《江苏省贯彻落实〈纲要（2015—2020年）〉实施方案》 is one citation)."""
    doc = ctx.doc
    known_outer = None
    for cited in citations(doc.folded.text, doc.body_start, doc.body_end):
        outer = cited.start == cited.outer_start + 1
        if outer:
            known_outer = ctx.laws.lookup(cited.title) is not None
        elif known_outer:
            continue
        yield cited


class _RegistryCitations:
    """A kind that judges each citation in the body against the registry, one at a time."""

    def __init__(self, params: Mapping[str, Any]):
        pass

    def run(self, ctx: Context) -> Iterator[Hit]:
        if ctx.laws:
            for cited in body_citations(ctx):
                yield from self.judge(ctx, cited)

    def judge(self, ctx: Context, cited: Citation) -> Iterator[Hit]:
        raise NotImplementedError


@register("citation-title", provides=("found", "expected"))
class CitationTitleCheck(_RegistryCitations):
    """A cited title that no registry entry has, of a law's genre (…法, …条例, …办法, …纲要)
    and within one edit in five (at most two) of exactly one entry's title: 「疑为」 that
    entry. A title whose only difference is its period is another rule's (citation-period);
    a title that extends a known one (…法实施条例) is another document; local documents that
    resemble nothing in the registry are never findings."""

    def judge(self, ctx: Context, cited: Citation) -> Iterator[Hit]:
        law = None if ctx.laws.known_base(cited.title) else ctx.laws.nearest(cited.title)
        if law is not None:
            span = _marked(ctx, cited)
            yield Hit(span, {"found": quoted(ctx, span), "expected": cite(law.canonical(cited.title))})


@register("citation-form", provides=("found", "expected"))
class CitationFormCheck(_RegistryCitations):
    """A registry entry cited in a form that is none of its right ones (its title or short
    forms, with or without 中华人民共和国, brackets of either width, an edition note): a
    hyphen for the dash, a period without 年. The fix writes the title as the entry has it,
    unless the citation runs over a line break."""

    def judge(self, ctx: Context, cited: Citation) -> Iterator[Hit]:
        law = ctx.laws.lookup(cited.title)
        if law is None or written(cited.title) in law.forms():
            return
        expected = law.canonical(cited.title)
        span = ctx.doc.span(cited.start, cited.end)
        fix = () if "\n" in ctx.doc.written(span) else (Edit(span, expected),)
        marked = _marked(ctx, cited)
        yield Hit(marked, {"found": quoted(ctx, marked), "expected": f"《{expected}》"}, fix=fix)


@register("citation-claim",
          regex_param("claim", "What calls a law new in a sentence (新修订, 新实施…)."),
          Param("recent_years", {"type": "integer", "minimum": 0, "maximum": 10},
                "A law adopted or amended in the report year or this many years before is new."),
          provides=("found", "claim", "last", "year", "successor"))
class CitationClaimCheck:
    """A sentence that calls the laws it cites 新修订 or 新实施 (the claim after the
    citations, in the same sentence): each cited entry whose adoption, entry into force and
    amendments (when the registry knows them all) are older than `recent_years` before the
    report year, once. An entry that had ended by then is citation-registry's finding."""

    def __init__(self, params: Mapping[str, Any]):
        self.claim = compile_pattern(params["claim"])
        self.recent = int(params["recent_years"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        if doc.year is None or not ctx.laws:
            return
        text = doc.folded.text
        start_of_year = datetime.date(doc.year, 1, 1)
        done: set[int] = set()
        for claim in self.claim.finditer(text, doc.body_start, doc.body_end):
            low = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, claim.start() - 300),
                                                               claim.start())), default=claim.start() - 300)
            for cited in citations(text, max(low, doc.body_start), claim.start()):
                law = ctx.laws.lookup(cited.title)
                last = law.last_made if law else None
                if (last is None or last.year >= doc.year - self.recent or cited.start in done
                        or (law.ends and law.ends <= start_of_year)):
                    continue
                done.add(cited.start)
                successor = f"；若指{cite(law.successor)}，应写其名称" if law.successor else ""
                span = _marked(ctx, cited)
                yield Hit(span, {"found": quoted(ctx, span), "claim": claim.group(0),
                                                "last": last.year, "year": doc.year,
                                                "successor": successor})
