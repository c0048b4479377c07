""".doc, .wps, .rtf, .odt and the other formats offices send, read through LibreOffice: the
bytes are converted to .docx by a headless `soffice` and read as a .docx, so positions are
paragraphs and findings name the original file. Without LibreOffice these stay
`unsupported`, with the advice to save the file as .docx (issue 14).

.dotx and .docm are zip packages like a .docx, but python-docx refuses any main part whose
content type is not a plain document's (a template's or a macro-enabled one's), so they
take the same road.

LibreOffice guesses a format from the content and, when nothing fits, imports the bytes as
plain text: random bytes named .doc would come back as a page of mojibake and be linted. So
the file must start like one of the formats below, and Word's and RTF's import filter is
named, never guessed; anything else is an InputError before LibreOffice starts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from lawlint.document import source
from lawlint.errors import InputError, UnsupportedFormat
from lawlint.extract import _SAVE_AS, docx

if TYPE_CHECKING:   # process tools are imported when a file is converted, not at every start-up
    import subprocess

SUFFIXES = (".doc", ".dot", ".docm", ".dotx", ".wps", ".wpt", ".rtf", ".odt")
SOFFICE_ENV = "LAWLINT_SOFFICE"   # the soffice to run, when it is not on PATH
TIME_LIMIT = 60                   # seconds one conversion may take; then it is killed
_EXPORT = "docx:MS Word 2007 XML"
_INSTALL = "或安装 LibreOffice（soffice 在 PATH 上，或用 LAWLINT_SOFFICE 指明）后再检查"

# How a file an office sends starts, and the import filter LibreOffice must use (None: the
# package or markup says what it is). Kingsoft WPS writes .wps/.wpt as Word 97 binaries.
_KINDS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Word 97"),   # .doc .dot .wps .wpt
    (b"{\\rtf", "Rich Text Format"),
    (b"PK\x03\x04", None),                                 # .odt .docm .dotx
    (b"<", None),                                          # a web page or Word XML saved as .doc
)


def extract(data: bytes, name: str, encoding: str | None = None) -> source.Source:
    """`encoding` is not used: every one of these formats says its own."""
    suffix = Path(name).suffix.lower() or SUFFIXES[0]
    program = soffice()
    if program is None:
        raise UnsupportedFormat(f"unsupported format ({suffix})", name, hint=_advice())
    converted = convert(program, data, suffix, import_filter(data, name), name)
    try:
        return docx.extract(converted, name)
    except InputError as exc:   # say which file it was: the user sent a .doc, not a .docx
        raise type(exc)(f"{exc.message} (in the .docx LibreOffice made of this {suffix})", name,
                        exc.line, exc.key, exc.hint) from None


def soffice() -> str | None:
    """The LibreOffice to run: LAWLINT_SOFFICE when set (and nothing else then), else
    soffice or libreoffice on PATH."""
    import shutil

    chosen = os.environ.get(SOFFICE_ENV)
    if chosen:
        return shutil.which(chosen)
    return shutil.which("soffice") or shutil.which("libreoffice")


def _advice() -> str:
    chosen = os.environ.get(SOFFICE_ENV)
    broken = f"{SOFFICE_ENV}={chosen} 不是可运行的程序；" if chosen else ""
    return f"{broken}这种格式不能直接检查，{_SAVE_AS}；{_INSTALL}"


def import_filter(data: bytes, name: str) -> str | None:
    """The filter for these bytes; InputError when they start like none of the formats."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, named in _KINDS:
        if head.startswith(magic):
            return named
    raise InputError("not a Word, WPS, RTF or OpenDocument file (it does not start like one)",
                     name, hint=_SAVE_AS)


def convert(program: str, data: bytes, suffix: str, named: str | None, name: str) -> bytes:
    """The .docx LibreOffice makes of `data`, in a folder of its own under a fixed name;
    InputError when it makes none, or runs over TIME_LIMIT.

    The folder holds LibreOffice's user profile too: runs sharing a profile hand their work
    to each other (or to the user's own LibreOffice), so worker processes converting side
    by side must not share one. A fresh profile costs under 0.1 s of the ~1.1 s a file takes
    (measured, LibreOffice 7.4), too little to keep one per process and clean it up."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="lawlint-convert-") as folder:
        given = Path(folder, "report" + suffix)
        given.write_bytes(data)
        command = [program, f"-env:UserInstallation={Path(folder, 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", *([f"--infilter={named}"] if named else []),
                   "--convert-to", _EXPORT, "--outdir", folder, str(given)]
        said = _run(command, name)
        made = Path(folder, "report.docx")
        if not made.is_file():
            raise InputError(f"LibreOffice could not read it as {suffix} ({said or 'no output'})",
                             name, hint=f"文件可能已损坏，{_SAVE_AS}")
        return made.read_bytes()


def _run(command: list[str], name: str) -> str:
    """Run LibreOffice in a session of its own (no terminal, killed whole on timeout);
    the last thing it said on stderr, which is where it reports a file it could not load."""
    import subprocess

    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = process.communicate(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise InputError(f"LibreOffice did not finish converting it within {TIME_LIMIT} s",
                         name, hint=f"文件可能已损坏或过大，{_SAVE_AS}") from None
    lines = [line for line in err.decode(errors="replace").splitlines()
             if line.strip() and "javaldx" not in line]   # a warning on every run without Java
    return lines[-1].strip() if lines else ""


def _kill(process: subprocess.Popen) -> None:
    """soffice starts oosplash, which starts soffice.bin: all of them go, with SIGKILL (an
    oosplash whose soffice.bin died was seen waiting forever, deaf to SIGTERM)."""
    import signal
    import subprocess

    if os.name == "posix":
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    else:  # pragma: no cover - Windows
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True)
        process.kill()
    process.communicate()
