"""Kind `private-name`: a private party named in full where a published report speaks of a
case or a party (「蔡国中行政诉讼案」「张三诉某区卫生健康局案」「当事人王小明不服…」).

Regexes find the contexts and a surname in the slot beside them; only then does jieba's
part-of-speech tagger (`nr`, person name) judge the few characters of that slot, so a report
without such a slot never loads jieba. Findings are masked like personal data (LL702)."""

from __future__ import annotations

import sys

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import regex

from lawlint.checks import Context, Hit, Param, compile_pattern, regex_param, register
from lawlint.document import Document, Span

_HAN = regex.compile(r"\p{Han}")
_REACH = 8         # characters of the clause tagged with a slot: enough context for jieba
_LENGTHS = (2, 3)  # a one-character surname and a given name of one or two characters


class Slot(NamedTuple):
    """Folded range [start, end) where a name may stand; `side` says which end it touches."""

    label: str
    side: str      # "before": the name ends at `end` (…案); "after": it starts at `start` (当事人…)
    start: int
    end: int


_CONTEXTS = Param("contexts", {"type": "array", "minItems": 1, "items": {
    "type": "object", "additionalProperties": False, "required": ["label", "pattern", "side"],
    "properties": {"label": {"type": "string"}, "pattern": {"type": "string", "minLength": 1},
                   "side": {"enum": ["before", "after"]}}}},
    "Where reports name parties: `{label, pattern, side}`; a name stands right `before` a "
    "match (「…行政诉讼案」, 「…诉…案」) or right `after` it (「当事人…」); `label` fills the message.",
    regex=True)


@register("private-name", _CONTEXTS,
          Param("surnames", {"type": "string", "minLength": 1},
                "One-character surnames a name must begin with (the slot is judged only then)."),
          regex_param("masked", "Matched right after the surname: an already masked form "
                      "(张某, 王某某, 李×, 张先生) is silent."),
          regex_param("public_role", "Matched against the text that ends where a name begins: "
                      "a person named in a public role (局长张三, 法律顾问…) is silent.", required=False),
          regex_param("organisation", "Matched right after a name: the name is part of an "
                      "organisation's (张三诊所), which is silent.", required=False),
          provides=("label", "masked"))
class PrivateNameCheck:
    """A person's name right beside a case or party context (`contexts`): it must begin with
    one of `surnames`, not be masked already (`masked`), and jieba must tag it as a person
    name (`nr`) without it being a common dictionary word (陈述, 许可). Each finding is masked
    in every output and suggests the 张某 form (`{masked}`); there is no automatic fix."""

    def __init__(self, params: Mapping[str, Any]):
        self.contexts = [(c["label"], compile_pattern(c["pattern"]), c["side"]) for c in params["contexts"]]
        self.surnames = frozenset(params["surnames"])
        self.masked = compile_pattern(params["masked"])
        self.public_role, self.organisation = (compile_pattern(params[key]) if params.get(key) else None
                                               for key in ("public_role", "organisation"))

    def run(self, ctx: Context) -> Iterator[Hit]:
        doc = ctx.doc
        slots = [slot for slot in self._slots(doc.folded.text, doc.body_start, doc.body_end)
                 if self._plausible(doc.folded.text, slot)]
        if not slots:
            return   # the common case: jieba is never loaded
        seen: set[tuple[int, int]] = set()
        while slots:
            slot = slots.pop(0)
            name = self._name(doc.folded.text, slot)
            if name and name not in seen:
                seen.add(name)
                slots.extend(self._listed(doc.folded.text, slot, name))
                args = {"label": slot.label, "masked": doc.folded.text[name[0]] + "某"}
                yield from (Hit(span, args, mask=True) for span in _pieces(doc, *name))

    def _slots(self, text: str, start: int, end: int) -> Iterator[Slot]:
        for label, pattern, side in self.contexts:
            for match in pattern.finditer(text, start, end):
                yield _slot(text, label, side, match.start() if side == "before" else match.end())

    def _plausible(self, text: str, slot: Slot) -> bool:
        """A surname where a name of two or three characters could begin, not masked."""
        starts = ((slot.end - 3, slot.end - 2) if slot.side == "before" else (slot.start,))
        return any(slot.start <= at <= slot.end - 2 and text[at] in self.surnames
                   and not self.masked.match(text, at + 1) for at in starts)

    def _name(self, text: str, slot: Slot) -> tuple[int, int] | None:
        tokens = tagged(text[slot.start:slot.end], slot.start)
        found = _ending(tokens, slot.end) if slot.side == "before" else _starting(tokens, slot.start)
        if not found or text[found[0]] not in self.surnames or self.masked.match(text, found[0] + 1):
            return None
        if self.public_role and self.public_role.search(text, max(found[0] - _REACH, 0), found[0]):
            return None
        if self.organisation and self.organisation.match(text, found[1]):
            return None
        return found

    def _listed(self, text: str, slot: Slot, name: tuple[int, int]) -> list[Slot]:
        """「张三、李四诉…案」「申请人王五、赵六」: the next name of a list gets a slot of its own."""
        if slot.side == "before" and name[0] > 0 and text[name[0] - 1] == "、":
            return [_slot(text, slot.label, "before", name[0] - 1)]
        if slot.side == "after" and text[name[1]:name[1] + 1] == "、":
            return [_slot(text, slot.label, "after", name[1] + 1)]
        return []


def _pieces(doc: Document, start: int, end: int) -> Iterator[Span]:
    """The name's span in the source, cut where the source is not contiguous: a name split by
    a page break (「蔡国」 / 「中」) is masked on each of its lines, in excerpts and snippets."""
    origin, first = doc.folded.origin, start
    for at in range(start + 1, end + 1):
        if at == end or origin[at] != origin[at - 1] + 1:
            yield Span(origin[first], origin[at - 1] + 1)
            first = at


def _slot(text: str, label: str, side: str, at: int) -> Slot:
    """The run of Han characters (at most `_REACH`) that ends, or begins, at `at`."""
    if side == "before":
        start = at
        while start > max(at - _REACH, 0) and _HAN.match(text, start - 1):
            start -= 1
        return Slot(label, side, start, at)
    end = at
    while end < min(at + _REACH, len(text)) and _HAN.match(text, end) and text[end] != "诉":
        end += 1   # 「原告张三诉…」: jieba would read 张三诉 as one name
    return Slot(label, side, at, end)


class Token(NamedTuple):
    start: int
    word: str
    tag: str
    common: bool   # a dictionary word jieba has seen often (陈述, 许可), whatever its tag


# Tags no given name carries: prepositions, conjunctions, particles, pronouns, numerals,
# measure words, interjections, punctuation (「张|于|2023年」「李|在」 are not names).
_FUNCTION_TAGS = ("p", "c", "u", "r", "m", "q", "y", "e", "o", "x", "w")


def _is_name(tokens: list[Token], closed: bool = False) -> bool:
    """One person-name token that is not a common word (王小明); or a one-character surname
    and its given name, one of them tagged `nr` (蔡|国中, 曾|海燕); or, when the context fixes
    where the name ends (`closed`: …行政诉讼案), a person-name token and one more character
    (陈雨|萱)."""
    first, given = tokens[0], tokens[1:]
    if any(token.tag.startswith(_FUNCTION_TAGS) for token in tokens):
        return False
    if not given:
        return _person(first) and len(first.word) > 1
    if len(first.word) == 1:
        return first.tag.startswith("nr") or (len(given) == 1 and given[0].tag.startswith("nr"))
    return closed and _person(first)


def _person(token: Token) -> bool:
    return token.tag.startswith("nr") and not token.common


def _ending(tokens: list[Token], end: int) -> tuple[int, int] | None:
    """The longest name that ends at `end`: 「办理|张三」, 「解决|了|蔡|国中」."""
    for index, token in enumerate(tokens):
        if end - token.start in _LENGTHS and _is_name(tokens[index:], closed=True):
            return token.start, end
    return None


def _starting(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """The longest name that begins at `start`: 「王小明|不服」, 「陈|立新|对」."""
    for count in range(len(tokens), 0, -1):
        end = tokens[count - 1].start + len(tokens[count - 1].word)
        if end - start in _LENGTHS and _is_name(tokens[:count]):
            return start, end
    return None


def tagged(text: str, offset: int = 0) -> list[Token]:
    """jieba's words and part-of-speech tags for a few characters, with their offsets."""
    tagger = _tagger()
    tokens, at = [], offset
    for pair in tagger.cut(text):
        tokens.append(Token(at, pair.word, pair.flag, pair.word in tagger.word_tag_tab))
        at += len(pair.word)
    return tokens


_TAGGER = None


def _tagger() -> Any:
    """jieba's part-of-speech tagger on the trimmed dictionary that `boilerplate` already
    uses (one load per process for both). The trimmed dictionary holds only words seen at
    least 50 times, so a word found in it is a common word: 陈述 and 许可 are tagged `nr`
    there, but no private party's name is that frequent."""
    global _TAGGER
    if _TAGGER is None:
        import jieba

        from lawlint.checks import substance

        segmenter = substance.segmenter()
        # Importing jieba.posseg builds its default tagger from jieba.dt's dictionary: the
        # full 5 MB dict.txt, ~0.27 s per process for nothing. Pointed at the trimmed one
        # first, that default tagger is the one we want (lawlint never uses jieba.dt).
        if "jieba.posseg" not in sys.modules:
            jieba.dt.dictionary = segmenter.dictionary
        import jieba.posseg

        tagger = jieba.posseg.dt
        if tagger.tokenizer.dictionary != segmenter.dictionary:   # imported before us
            tagger = jieba.posseg.POSTokenizer(segmenter)
        tagger.tokenizer = segmenter
        _TAGGER = tagger
    return _TAGGER
