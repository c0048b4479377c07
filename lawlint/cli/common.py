"""What every command shares: the fail levels, id lists, the default-command group, and
running a command body so that a user error is one line and exit 2."""

from __future__ import annotations

import sys

import click

from lawlint.errors import LawlintError

FAIL_LEVELS = ("error", "warning", "info", "never")


class DefaultGroup(click.Group):
    """A group whose first argument, when it is not a command, starts the `check` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


def ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """Accept repeated options and comma-separated lists alike: --select LL1,LL4 --select LL501."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def run_safely(action) -> None:
    """Run a command body; a user error is one line on stderr and exit 2, never a traceback."""
    try:
        code = action()
    except LawlintError as exc:
        click.echo(f"lawlint: error: {exc}", err=True)
        code = 2
    sys.exit(code)
