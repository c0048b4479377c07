"""User-facing errors: each carries where it happened and what to do, never a traceback."""

from __future__ import annotations

import os
import sys


class LawlintError(Exception):
    """Base of every error a user can cause; the CLI prints it and exits 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 key: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        self.hint = hint

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        text = f"{where}: {self.message}" if where else self.message
        if self.key:
            text += f" [{self.key}]"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(LawlintError):
    """A report that cannot be read or decoded."""


class UnsupportedFormat(InputError):
    """A file of a format lawlint cannot read (.wps without LibreOffice, an image): reported as its
    own row with what a Word user can do about it, never skipped in silence."""


class PackError(LawlintError):
    """A rule pack that is not valid YAML, breaks the schema or has a bad rule."""


class UsageError(LawlintError):
    """A command line that asks for something impossible."""


DEBUG_ENV = "LAWLINT_DEBUG"   # --debug sets it, so worker processes see it too


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


def internal(error: BaseException, doing: str = "") -> str:
    """One line for an exception that is lawlint's own failure, not the user's: its class
    and message for the bug report (the traceback goes to stderr with --debug). `doing` says
    what was in hand ('检查规则 LL201 时')."""
    if debugging():
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    if isinstance(error, MemoryError):
        return f"内存不足，{doing}无法完成（MemoryError）；请拆分文件或在内存更大的机器上重试"
    detail = " ".join(str(error).split())
    detail = detail[:157] + "…" if len(detail) > 160 else detail
    name = error.__class__.__name__ + (f": {detail}" if detail else "")
    return f"lawlint 内部错误，{doing}出错（{name}）；请报告此问题，加 --debug 可看到详细信息"
