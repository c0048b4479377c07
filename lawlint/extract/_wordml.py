"""A .docx's body as Word shows it (the "final" view), for lawlint/extract/docx.py.

python-docx's `Paragraph.text` reads the runs directly under a paragraph: text in a tracked
insertion, a content control, a field result or a text box is lost, deleted text is not
removed everywhere, and list numbers (「一、」 from Word's numbering button) are not text at
all. python-docx has no API for these, so this module walks its lxml elements: paragraphs,
tables (rows and cells once each, merged cells included) and block-level content controls in
order; in a paragraph, insertions and moves-to in, deletions and moves-from out, field
results in and field codes out, a run's tabs, breaks and symbols as Word renders them, and
the paragraphs of a text box after the paragraph that anchors it (mc:Fallback, the VML copy
of the same box, is skipped). Headers, footers, comments and footnotes live in other parts
and are never read. List numbers come from numbering.xml (lawlint/extract/_numbering.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lawlint.extract._numbering import Numbering

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# Containers whose children are blocks (paragraphs, tables…) in reading order.
_BLOCK_CONTAINERS = {"tbl", "tr", "tc", "sdtContent", "customXml", "ins", "moveTo", "txbxContent"}
# In a paragraph: subtrees that are not shown text in the final view.
_NOT_SHOWN = {"pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "instrText", "delText",
              "delInstrText", "fldData", "commentReference", "footnoteReference",
              "endnoteReference", "annotationRef", "footnoteRef", "endnoteRef", "tblPr", "trPr",
              "tcPr", "tblGrid"}


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph as shown: its text (soft breaks as \\n), the length of the list number
    Word generates in front of it (not in the file's text), its heading style, and where its
    text comes from: `pieces`, one (w:t element, its text) per piece of text in order, the
    element None where Word draws the text (a tab, a break, a symbol); the list number is
    not among them. A reviewed copy (lawlint/output/docx_review.py) anchors comments by them."""

    text: str
    generated: int = 0
    style: str | None = None
    pieces: tuple = ()
    paragraph: object = None   # its w:p (the last one, where a deleted mark joined several)


def _local(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def blocks(document) -> Iterator[Block]:
    """Every paragraph of the body in reading order, as Word's final view shows it."""
    body = document.element.body
    if body is None:   # a document part with no <w:body>
        return
    reader = _Reader(Numbering.of(document))
    yield from reader.blocks(body)


def comment_paragraphs(document) -> dict[str, list]:
    """Comment id → the w:p elements its range runs over (its reference alone, if it has no
    range), in body order."""
    body = document.element.body
    spans: dict[str, list] = {}
    open_ids: set[str] = set()
    for paragraph in body.iter(_w("p")):
        for element in paragraph.iter(_w("commentRangeStart"), _w("commentRangeEnd"),
                                      _w("commentReference")):
            ident = element.get(_w("id"))
            if element.tag == _w("commentRangeStart"):
                open_ids.add(ident)
            spans.setdefault(ident, [])
            if not spans[ident] or spans[ident][-1] is not paragraph:
                spans[ident].append(paragraph)
            if element.tag == _w("commentRangeEnd"):
                open_ids.discard(ident)
        for ident in open_ids:
            if spans[ident][-1] is not paragraph:
                spans[ident].append(paragraph)
    return spans


def revisions(document) -> tuple[int, int]:
    """(tracked changes, comments) in the body: a report that still has them is not final."""
    body = document.element.body
    if body is None:
        return 0, 0
    changes = sum(1 for _ in body.iter(_w("ins"), _w("del"), _w("moveFrom"), _w("moveTo")))
    comments = sum(1 for _ in body.iter(_w("commentReference")))
    return changes, comments


class _Reader:
    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.carry = ""   # text of a paragraph whose mark was deleted: it joins the next one
        self.carry_pieces: tuple = ()

    def blocks(self, container) -> Iterator[Block]:
        for child in container.iterchildren():
            tag = _local(child)
            if tag == "p":
                yield from self.paragraph(child)
            elif tag == "sdt":
                content = child.find(_w("sdtContent"))
                if content is not None:
                    yield from self.blocks(content)
            elif tag == "tr" and _deleted_row(child):
                continue
            elif tag in _BLOCK_CONTAINERS:
                yield from self.blocks(child)

    def paragraph(self, element) -> Iterator[Block]:
        shown = _Shown()
        shown.walk(element)
        text = self.carry + shown.text()
        pieces = self.carry_pieces + tuple(shown.pieces)
        self.carry, self.carry_pieces = "", ()
        if _mark_deleted(element):
            self.carry, self.carry_pieces = text, pieces
        elif text or not shown.boxes:   # a paragraph that only anchors a text box shows no line
            label = self.numbering.label(element) if text.strip() else ""
            yield Block(label + text, len(label), _style_id(element), pieces, element)
        for box in shown.boxes:   # a text box's paragraphs follow the one that anchors it
            yield from self.blocks(box)


class _Shown:
    """The text one paragraph shows, gathered in document order."""

    def __init__(self) -> None:
        self.pieces: list[tuple] = []   # (w:t element or None, text)
        self.fields: list[bool] = []   # per open complex field: True once its result begins
        self.boxes: list = []
        self.had_text = False

    def text(self) -> str:
        return "".join(text for _, text in self.pieces)

    def walk(self, element) -> None:
        for child in element.iterchildren():
            tag = _local(child)
            if tag in _NOT_SHOWN or (child.tag == f"{{{MC}}}Fallback"):
                continue
            if tag == "txbxContent":
                self.boxes.append(child)
            elif tag == "fldChar":
                self._field(child.get(_w("fldCharType")))
            elif tag == "t" or tag in _RENDERED:
                if not self.fields or all(self.fields):   # inside a field's code: not shown
                    if tag == "t":
                        self._add(child.text or "", child)
                    else:
                        self._add(_RENDERED[tag](child), None)
            else:   # runs, hyperlinks, insertions, controls, fields, drawings: look inside
                self.walk(child)

    def _field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _add(self, text: str, element) -> None:
        self.had_text = True
        self.pieces.append((element, text))


def _symbol(element) -> str:
    """w:sym: a character of a symbol font, often written in the private-use block F0xx."""
    try:
        code = int(element.get(_w("char")) or "", 16)
    except ValueError:
        return ""
    return chr(code - 0xF000) if 0xF020 <= code <= 0xF0FF else chr(code)


def _break(element) -> str:
    """A line break is a new line of the paragraph; a page or column break is not text."""
    return "" if element.get(_w("type")) in ("page", "column") else "\n"


_RENDERED = {
    "tab": lambda _: "\t",
    "ptab": lambda _: "\t",
    "br": _break,
    "cr": lambda _: "\n",
    "sym": _symbol,
    "noBreakHyphen": lambda _: "-",
    "softHyphen": lambda _: "",
}


def _mark_deleted(paragraph) -> bool:
    """The paragraph mark is a tracked deletion: in the final view it joins the next one."""
    properties = paragraph.find(_w("pPr"))
    marks = properties.find(_w("rPr")) if properties is not None else None
    return marks is not None and marks.find(_w("del")) is not None


def _deleted_row(row) -> bool:
    properties = row.find(_w("trPr"))
    return properties is not None and properties.find(_w("del")) is not None


def _style_id(paragraph) -> str | None:
    properties = paragraph.find(_w("pPr"))
    style = properties.find(_w("pStyle")) if properties is not None else None
    return style.get(_w("val")) if style is not None else None
