"""FileResults in, reviewed copies out: each report as a .docx with every finding as a Word
comment (批注) by 「lawlint」, anchored on exactly the text it is about.

Authors write these reports in Word or WPS, and offices send them back with 批注: a comment
in the author's own document is the one place a finding cannot be missed. The copy is the
original package with comments added and, where a comment must start or end inside a run,
that run split in two with its formatting copied; nothing else changes, and the original
file is never written. A report that is not a .docx becomes one: its text, one paragraph a
line, Markdown headings as Word headings.

The text lawlint checked is Word's final view (lawlint/extract/_wordml.py); each of its
characters is traced back to the w:t element it came from (`Block.pieces`), so a finding's
place in that text is a place among the runs. A finding about the document as a whole (a
missing part) stands on the report's anchor (the title): its comment takes that paragraph.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterable
from pathlib import Path

from lawlint.errors import UsageError
from lawlint.pipeline.result import Diagnostic, FileResult

AUTHOR, INITIALS = "lawlint", "LL"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def render(results: Iterable[FileResult], ruleset, target: str, display=None) -> None:
    """Write the reviewed copy of each result: to `target` for one report, into the folder
    `target` (made if missing) for several, each named after its report with .docx."""
    tracked = getattr(display, "tracked_fixes", True)
    results = [r for r in results if r.error is None]
    if not results:
        return
    if len(results) == 1 and not Path(target).is_dir():
        write(results[0], Path(target), ruleset, tracked)
        return
    folder = Path(target)
    folder.mkdir(parents=True, exist_ok=True)
    for result in results:
        write(result, folder / (Path(result.path).stem + ".docx"), ruleset, tracked)


def write(result: FileResult, target: Path, ruleset, tracked: bool = True) -> int:
    """The reviewed copy of one report; returns how many comments it carries."""
    import docx

    source_path = Path(result.path)
    if target.resolve() == source_path.resolve():
        raise UsageError(f"{target}: the reviewed copy would overwrite the report",
                         hint="name another file with -o")
    if source_path.suffix.lower() == ".docx":
        document = docx.Document(io.BytesIO(source_path.read_bytes()))
    else:
        document = _from_text(result)
    review = Review(document, result)
    count = review.comment_all()
    if tracked:
        review.track_fixes(ruleset)
    document.save(str(target))
    return count


def _from_text(result: FileResult):
    """A report that is not a .docx, as one: a paragraph a line of the text lawlint read,
    「## …」 lines as Word headings of that level (their marks laid out again in front, as a
    .docx's heading styles are, so every finding's place is the same)."""
    import docx

    from lawlint import extract

    text = result.text if result.text is not None else \
        extract.read(result.path, result.path, result.encoding).text
    document = docx.Document()
    _official_page(document)
    for line in text.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading:
            document.add_heading(line[heading.end():], level=len(heading.group(1)))
        else:
            document.add_paragraph(line)
    return document


def _official_page(document) -> None:
    """GB/T 9704's page, not python-docx's US Letter: A4, 天头 37 mm, 订口 28 mm and a
    156 × 225 mm 版心, body text in 三号仿宋 (16 pt), so the copy prints as the report would."""
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")


_HEADING = __import__("re").compile(r"(#{1,6}) (?=\S)")


class Review:
    """One document and the findings to put in it as comments."""

    def __init__(self, document, result: FileResult):
        from lawlint.extract.docx import laid_out

        self.document = document
        self.revision = _REVISION_IDS
        self.findings = [d for d in result.diagnostics if not d.suppressed]
        self.paragraphs: list[_Paragraph] = []
        offset = 0
        for block, prefix in laid_out(document):
            paragraph = _Paragraph(block, prefix, offset)
            self.paragraphs.append(paragraph)
            offset += len(paragraph.text) + 1
        self.line_starts = _line_starts("\n".join(p.text for p in self.paragraphs))

    def comment_all(self) -> int:
        """Comment every finding, the last first: a run split for one finding never moves
        the text of a finding before it."""
        count = 0
        for finding in sorted(self.findings, key=lambda d: (d.line, d.column), reverse=True):
            if self.comment(finding):
                count += 1
        return count

    def comment(self, finding: Diagnostic) -> bool:
        # by line and column, not offset: the copy of a CRLF text has no CR in its paragraphs
        start = self._offset(finding.line, finding.column)
        end = self._offset(finding.end_line, finding.end_column)
        paragraph = next((p for p in self.paragraphs if p.start <= start <= p.end), None)
        runs = paragraph.runs_between(start - paragraph.start, min(end, paragraph.end) - paragraph.start,
                                      whole=finding.whole) if paragraph else []
        if not runs:   # no text of the file's own there (an empty paragraph): the first that has
            runs = next((p.runs_between(0, 0, whole=True) for p in self.paragraphs if p.has_text()), [])
        if not runs:
            return False
        self.document.add_comment(runs, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        return True

    def _offset(self, line: int, column: int) -> int:
        return self.line_starts[min(line, len(self.line_starts)) - 1] + column - 1

    def track_fixes(self, ruleset) -> int:
        """Every safe fix as tracked changes by 「lawlint」 (w:del of the old text, w:ins of
        the new): the text `lawlint --fix` would write (fixes applied pass after pass, as one
        fix may enable another) against the text as it is, character by character. A change
        that would touch text Word draws (a list number) is left to the comments. Returns how
        many changes were written."""
        import difflib

        text = "\n".join(p.text for p in self.paragraphs)
        fixed = fixed_text(text, ruleset)
        changes = [op for op in difflib.SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes()
                   if op[0] != "equal"]
        written = 0
        for _, start, end, new_start, new_end in reversed(changes):
            paragraph = next((p for p in self.paragraphs if p.start <= start <= p.end), None)
            if paragraph is None or end > paragraph.end or "\n" in fixed[new_start:new_end]:
                continue
            plan = paragraph.plan(start - paragraph.start, end - paragraph.start)
            if plan is not None:
                paragraph.replace(plan, fixed[new_start:new_end], self._ids())
                written += 1
        return written

    def _ids(self) -> tuple[int, int]:
        self.revision += 2
        return self.revision - 1, self.revision


def fixed_text(text: str, ruleset) -> str:
    """What `lawlint --fix` makes of `text`: lint, apply the safe fixes, again until none."""
    from lawlint.document import source
    from lawlint.pipeline import fixer, linter

    for _ in range(fixer.MAX_PASSES):
        result = linter.lint_source(source.from_text(text, "report.txt"), ruleset)
        text, count = fixer.apply(text, result.diagnostics)
        if not count:
            break
    return text


def comment_text(finding: Diagnostic) -> str:
    """What the author reads: the rule, the message, its basis, what to do if it is wrong."""
    lines = [f"{finding.rule_id}（{finding.name}）：{finding.message}"]
    if finding.basis:
        lines.append(f"依据：{finding.basis}")
    lines.append(f"说明：lawlint explain {finding.rule_id}；认为不适用的，请在回复中说明理由。")
    return "\n".join(lines)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, char in enumerate(text) if char == "\n"]
    return starts


class _Paragraph:
    """One laid-out paragraph: its text as lawlint read it and, per character, the w:t
    element and index it comes from (None where Word draws it: a mark, a list number, a tab)."""

    def __init__(self, block, prefix: str, start: int):
        self.text = prefix + block.text
        self.start, self.end = start, start + len(self.text)
        self.chars: list[tuple] = [(None, 0)] * (len(prefix) + block.generated)
        for element, text in block.pieces:
            self.chars += [(element, i) for i in range(len(text))]

    def runs_between(self, start: int, end: int, whole: bool = False) -> list:
        """The runs that hold exactly the characters [start, end) of this paragraph (split
        where they begin or end inside a run); the whole paragraph for a finding about the
        document as a whole, or on text Word draws (a list number)."""
        from docx.text.run import Run

        held = [i for i in range(max(start, 0), max(end, start + 1)) if i < len(self.chars)
                and self.chars[i][0] is not None]
        if whole or not held:
            held = [i for i, (element, _) in enumerate(self.chars) if element is not None]
            if not held:
                return []
        else:
            self._split_after(held[-1])
            self._split_before(held[0])
        return [Run(self._run_of(held[0]), None), Run(self._run_of(held[-1]), None)]

    def plan(self, start: int, end: int):
        """What a tracked change of [start, end) needs: the characters (all the file's own
        text) and, for an insertion, the place; None when it cannot be tracked here."""
        if start < end:
            elements = [self.chars[i][0] for i in range(start, min(end, len(self.chars)))]
            if end > len(self.chars) or any(e is None for e in elements):
                return None
            containers = [e.getparent().getparent() for e in elements]   # kept: one lxml proxy each
            if any(c is not containers[0] for c in containers):
                return None   # runs in different containers (a hyperlink and text): one w:del cannot hold them
            return ("replace", start, end)
        if start < len(self.chars) and self.chars[start][0] is not None:
            return ("before", start, start)
        if start > 0 and self.chars[start - 1][0] is not None:
            return ("after", start - 1, start - 1)
        return None

    def replace(self, plan, text: str, ids: tuple[int, int]):
        """Carry out a plan: the old characters' runs into one w:del (their w:t become
        w:delText), `text` in a w:ins right after, formatted as the first old run. Returns
        (first, last) element written."""
        kind, start, end = plan
        if kind == "replace":
            self._split_after(end - 1)
            self._split_before(start)
            runs = []
            for i in range(start, end):
                run = self.chars[i][0].getparent()
                if run not in runs:
                    runs.append(run)
            deleted = _element("del", ids[0], tracked=True)
            runs[0].addprevious(deleted)
            for run in runs:
                deleted.append(run)
                for t in run.iter(f"{{{W}}}t"):
                    t.tag = f"{{{W}}}delText"
            model, anchor = runs[0], deleted
        else:
            if kind == "before":
                self._split_before(start)
                model = anchor = self.chars[start][0].getparent()
            else:
                self._split_after(start)
                model = anchor = self.chars[start][0].getparent()
            deleted = None
        if not text:
            return deleted, deleted
        inserted = _element("ins", ids[1], tracked=True)
        run = copy.deepcopy(model)
        for child in list(run):
            if child.tag != f"{{{W}}}rPr":
                run.remove(child)
        t = run.makeelement(f"{{{W}}}t", {})
        t.text = text
        _preserve(t)
        run.append(t)
        inserted.append(run)
        if kind == "before":
            anchor.addprevious(inserted)
        else:
            anchor.addnext(inserted)
        return (deleted if deleted is not None else inserted), inserted

    def has_text(self) -> bool:
        return any(element is not None for element, _ in self.chars)

    def _run_of(self, index: int):
        return self.chars[index][0].getparent()

    def _split_after(self, index: int) -> None:
        """Split the run so that character `index` ends it."""
        element, at = self.chars[index]
        self._split(element, at + 1)

    def _split_before(self, index: int) -> None:
        """Split the run so that character `index` begins one."""
        element, at = self.chars[index]
        if at > 0 or not _first_content(element):
            self._split(element, at)

    def _split(self, element, at: int):
        """Cut w:t `element` at `at`: its run keeps the text before, a new run right after it
        (the same w:rPr) takes the rest and every later child; returns the new w:t. The
        character map follows the move."""
        text = element.text or ""
        run = element.getparent()
        following = list(element.itersiblings())
        if at >= len(text) and not following:
            return element
        new_run = copy.deepcopy(run)
        for child in list(new_run):
            if child.tag != f"{{{W}}}rPr":
                new_run.remove(child)
        new_t = copy.deepcopy(element)
        new_t.text = text[at:]
        _preserve(new_t)
        new_run.append(new_t)
        for child in following:
            new_run.append(child)   # moves it out of the old run
        element.text = text[:at]
        _preserve(element)
        run.addnext(new_run)
        self.chars = [(new_t, i - at) if e is element and i >= at else (e, i) for e, i in self.chars]
        return new_t


_REVISION_IDS = 900_000   # w:id of lawlint's w:ins/w:del: far from the ids a file already uses


def _element(name: str, ident: int, tracked: bool = False):
    """A w:<name> with w:id (and author and date for a tracked change)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    attrs = {qn("w:id"): str(ident)}
    if tracked:
        import datetime

        attrs[qn("w:author")] = AUTHOR
        attrs[qn("w:date")] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return OxmlElement(f"w:{name}", attrs=attrs)


def _first_content(element) -> bool:
    """The w:t is the first content of its run (nothing but w:rPr before it)."""
    previous = element.getprevious()
    return previous is None or previous.tag == f"{{{W}}}rPr"


def _preserve(element) -> None:
    """A w:t whose text starts or ends with a blank keeps it only with xml:space."""
    element.set(XML_SPACE, "preserve")
