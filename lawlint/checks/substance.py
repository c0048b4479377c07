"""Kinds about substance: `extent` (an element that is there only in name) and
`boilerplate` (stock phrases standing in for facts). Both are hints: a reviewer reads them as
"look here", which is why packs give them severity info."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lawlint.checks import (SENTENCE, Context, Hit, Param, choice_param, compile_pattern,
                            element_param, pack_parameter, regex_param, register)
from lawlint.document import Document, Section

_CONTENT = regex.compile(r"[\p{Han}\p{L}\p{N}]")
# 「一是…二是…」「第一，…」「首先…其次…」 and inline (1) or 1. items
_ENUMERATION = regex.compile(
    r"(?:^|[。;:，,])\s*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][,、]|首先|其次|再次|此外|另外|最后)"
    r"|(?:^|[。;:])\s*(?:\(\d{1,2}\)|\d{1,2}[.、])(?!\d)",
    regex.MULTILINE)
_NOT_CONTENT = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")


def content_length(text: str) -> int:
    """Characters that carry content: Han, letters, digits (not spaces or punctuation)."""
    return len(text) - sum(len(run) for run in _NOT_CONTENT.findall(text))


@register("extent", element_param(),
          Param("min_items", {"type": "integer", "minimum": 1},
                "Fewest distinct items (sub-sections, 一是/二是 enumerations or sentences matching `cue`)."),
          pack_parameter("Pack parameter: the least share of the body the element's sections should take (0–1)."),
          regex_param("cue", "A regular expression (Python `regex` module syntax), matched against folded "
                      "text. A sentence that matches it counts as one item."),
          provides=("element", "items", "share", "min_items", "min_share"))
class ExtentCheck:
    """The element's own sections must name at least `min_items` distinct items (child
    sections, 一是/二是 enumerations, or sentences matching `cue`) and take at least the share
    of the body given by pack parameter `parameter`. A missing element is another rule's."""

    def __init__(self, params: Mapping[str, Any]):
        self.element = params["element"]
        self.min_items = int(params["min_items"])
        self.parameter = params["parameter"]
        self.cue = compile_pattern(params["cue"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        sections = ctx.sections_of(self.element)
        if not sections:
            return
        doc = ctx.doc
        body = content_length(doc.text(doc.body_start, doc.body_end)) or 1
        share = sum(content_length(doc.text(s.start, s.end)) for s in sections) / body
        items = self._items(doc, sections)
        min_share = float(ctx.params[self.parameter])
        if items >= self.min_items and share >= min_share:
            return
        heading = sections[0].heading.line
        yield Hit(doc.line_span(heading), {
            "element": ctx.label(self.element), "items": items, "share": f"{share:.1%}",
            "min_items": self.min_items, "min_share": f"{min_share:.0%}"})

    def _items(self, doc: Document, sections: tuple[Section, ...]) -> int:
        indices = {s.index for s in sections}
        children = sum(1 for s in doc.sections if s.parent in indices)
        text = "\n".join(_body_of(doc, s) for s in sections)
        enumerated = len(_ENUMERATION.findall(text))
        cued = sum(1 for sentence in SENTENCE.finditer(text) if self.cue.search(sentence.group()))
        return max(children, enumerated, cued)


def _body_of(doc: Document, section: Section) -> str:
    """A section's text without its heading line."""
    return doc.text(section.heading.line.end, section.end)


@register("boilerplate",
          regex_param("pattern", "A regular expression (Python `regex` module syntax), matched against "
                      "folded text. Each match is one stock phrase."),
          Param("min_count", {"type": "integer", "minimum": 1},
                "Below this many stock phrases the report is not judged (and jieba is never loaded)."),
          pack_parameter("Pack parameter: the most stock phrases per 1,000 units."),
          choice_param("unit", ("characters", "words"), "What 1,000 of are counted: content characters "
                       "(default, fast) or jieba words (≈13 ms per report).", required=False),
          provides=("count", "density", "limit", "phrases", "unit"))
class BoilerplateCheck:
    """Stock phrases (`pattern`) per 1,000 units of the body above pack parameter
    `parameter`. `unit: characters` (default) counts content characters (字, as 公文 length is
    measured); `unit: words` counts words as jieba segments them, which costs ≈13 ms per
    4,000-character report plus ≈0.3 s to load once per process. Below `min_count` phrases a
    report is never a finding, and jieba is not loaded."""

    def __init__(self, params: Mapping[str, Any]):
        self.pattern = compile_pattern(params["pattern"])
        self.min_count = int(params["min_count"])
        self.parameter = params["parameter"]
        self.unit = params.get("unit", "characters")

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        found = list(self.pattern.finditer(doc.folded.text, doc.body_start, doc.body_end))
        if len(found) < self.min_count:
            return
        limit = float(ctx.params[self.parameter])
        body = doc.text(doc.body_start, doc.body_end)
        size = word_count(body) if self.unit == "words" else content_length(body)
        density = len(found) * 1000 / (size or 1)
        if density <= limit:
            return
        common = Counter(match.group(0) for match in found).most_common(3)
        yield Hit(doc.span(found[0].start(), found[0].end()), {
            "count": len(found), "density": f"{density:.1f}", "limit": f"{limit:g}",
            "unit": "千词" if self.unit == "words" else "千字",
            "phrases": "、".join(f"“{phrase}”×{times}" for phrase, times in common)})


def word_count(text: str) -> int:
    """Words in Chinese text as jieba segments it (punctuation and blanks are not words)."""
    return sum(1 for token in segmenter().cut(text) if _CONTENT.search(token))


_SEGMENTER = None
# Words jieba has seen at least this often: 52k of its 349k entries. Loading them takes 0.1 s
# and ~20 MB instead of 0.9 s and ~60 MB, and word counts stay within about 7 %; rare words
# the trimmed dictionary lacks are still segmented by jieba's HMM.
MIN_WORD_FREQUENCY = 50


def segmenter():
    """A jieba tokenizer on the trimmed dictionary, built once per process and cached per
    user, so the first report that needs it pays ≈0.3 s and an audit worker pays it once."""
    global _SEGMENTER
    if _SEGMENTER is None:
        import jieba

        jieba.setLogLevel(logging.ERROR)
        tokenizer = jieba.Tokenizer(str(_trimmed_dictionary(jieba)))
        tokenizer.tmp_dir = str(_cache())
        tokenizer.initialize()
        _SEGMENTER = tokenizer
    return _SEGMENTER


_WORDS: frozenset[str] | None = None


def dictionary_words() -> frozenset[str]:
    """The words of the trimmed jieba dictionary, without importing jieba (~40 ms) or
    importlib.metadata (~50 ms): read once from the trimmed dictionary (~110 ms) and kept
    in the user cache (~10 ms to read back)."""
    global _WORDS
    if _WORDS is None:
        import importlib.util
        from types import SimpleNamespace

        from lawlint import usercache

        origin = importlib.util.find_spec("jieba").origin
        jieba = SimpleNamespace(__file__=origin, __version__=_version(origin))

        def read() -> frozenset[str]:
            with _trimmed_dictionary(jieba).open(encoding="utf-8") as lines:
                return frozenset(line.split(" ", 1)[0] for line in lines)

        _WORDS = frozenset(usercache.kept(
            f"jieba/words-{jieba.__version__}-f{MIN_WORD_FREQUENCY}.marshal", read))
    return _WORDS


def _version(init_file: str) -> str:
    """jieba's __version__ as its __init__.py writes it, read without importing jieba."""
    import re
    from pathlib import Path

    found = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", Path(init_file).read_text(encoding="utf-8")[:4000])
    return found.group(1) if found else "unknown"


def _cache():
    from lawlint.usercache import cache_dir

    folder = cache_dir() / "jieba"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _trimmed_dictionary(jieba):
    """jieba's own dict.txt without its rare words, written once into the lawlint cache."""
    from pathlib import Path

    from lawlint import usercache

    source = Path(jieba.__file__).with_name("dict.txt")
    target = _cache() / f"dict-{jieba.__version__}-f{MIN_WORD_FREQUENCY}.txt"
    if not target.exists():
        with source.open(encoding="utf-8") as lines:
            kept = [line for line in lines if _frequency(line) >= MIN_WORD_FREQUENCY]
        usercache.write(target, "".join(kept).encode("utf-8"))   # atomic: workers share it
    return target


def _frequency(line: str) -> int:
    parts = line.split(" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
