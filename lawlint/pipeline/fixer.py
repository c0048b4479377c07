"""Safe fixes: apply the edits that findings carry, lint again, repeat until nothing changes.

A fix is all or nothing per finding, never overlaps another in the same pass, and never
touches a line break; the file is written back in the encoding it was read in (BOM included)
and atomically, so a crash cannot leave half a report. Only .txt and .md reports are their
own text: .docx, .pdf and .html are reported, never rewritten.
"""

from __future__ import annotations

import codecs
import difflib
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from lawlint.pipeline.result import Diagnostic, FileResult, Replacement

MAX_PASSES = 10   # one fix can enable another (a heading restyled, then its siblings agree)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One file after fixing: what is left to report, and the text before and after."""

    result: FileResult
    original: str = ""
    fixed: str = ""
    applied: int = 0

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        """A unified diff of the fix, as `git apply` and reviewers read it."""
        name = self.result.path
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"a/{name}", tofile=f"b/{name}"))


def apply(text: str, diagnostics: tuple[Diagnostic, ...]) -> tuple[str, int]:
    """Apply every active finding's fix that overlaps no fix taken before it; return the new
    text and how many findings (a habit: how many of its places) were fixed."""
    taken: list[tuple[int, int, str]] = []
    fixed = 0
    for fix in units(diagnostics):
        edits = [(r.start, r.end, r.text) for r in fix]
        if any(_overlaps(edit, other) for edit in edits for other in taken):
            continue  # the next pass sees it again, on the text this pass leaves
        taken.extend(edits)
        fixed += 1
    pieces, position = [], 0
    for start, end, replacement in sorted(taken):
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), fixed


def units(diagnostics: tuple[Diagnostic, ...]) -> list[tuple[Replacement, ...]]:
    """The fixes to apply, one per active finding and one per place of a habit, in file
    order: the same fixes in the same order whether habits were folded or not, so --fix
    writes the same text either way (which fix wins an overlap depends on the order)."""
    found = [(place.offset, d.rule_id, place.fix) for d in diagnostics if d.fix and not d.suppressed
             for place in (d.related or (d,)) if place.fix]
    if any(d.related for d in diagnostics):   # put each place back where it stood
        found.sort(key=lambda unit: unit[:2])   # the engine's order; stable among equals
    return [fix for _, _, fix in found]


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a[0] == b[0]


def fix_path(path: str, resolver, write: bool) -> Outcome:
    """Lint one file, fixing what is safe until a pass changes nothing; write it when asked.
    The file is read and linted once; only a pass that changed the text is linted again."""
    from lawlint.pipeline import linter

    run = linter.run_file(path, resolver)
    src, result, keep = run.source, run.result, resolver.options.keep_text
    if src is None or src.format != "text" or not any(d.fix for d in result.active):
        return Outcome(replace(result, text=src.text) if src and keep else result)
    original, text, applied = src.text, src.text, 0
    for _ in range(MAX_PASSES):
        text, count = apply(text, run.result.diagnostics)
        if not count:
            break
        applied += count
        run = run.relint(text)
    result = replace(run.result, text=text) if keep else run.result
    if write and text != original:
        try:
            _write(path, text, src.encoding)
        except (OSError, UnicodeEncodeError) as exc:
            return Outcome(replace(result, error=f"could not write the fix: {exc}"))
    return Outcome(result, original, text, applied)


def _write(path: str, text: str, encoding: str) -> None:
    """Write atomically, in the file's own encoding and byte order, keeping its mode."""
    target = Path(path)
    bom = b""
    if encoding.lower().replace("_", "-") == "utf-16":   # decodes either byte order: keep it
        with target.open("rb") as existing:
            bom = existing.read(2)
    if bom == codecs.BOM_UTF16_BE:
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    elif bom == codecs.BOM_UTF16_LE:
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, target.stat().st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
