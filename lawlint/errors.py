"""User-facing errors: each carries where it happened and what to do, never a traceback."""

from __future__ import annotations


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


class PackError(LawlintError):
    """A rule pack that is not valid YAML, breaks the schema or has a bad rule."""


class UsageError(LawlintError):
    """A command line that asks for something impossible."""
