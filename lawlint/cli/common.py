"""What every command shares: the fail levels, id lists, the group whose default command is
lint, and running a command body so that a user error is one line and exit 2."""

from __future__ import annotations

import sys

import click

from lawlint import output
from lawlint.errors import LawlintError

FAIL_LEVELS = ("error", "warning", "info", "never")


class FormatChoice(click.Choice):
    """`--format`: the choices are the registry's names for what the command renders, read
    when they are needed (a format registered after start-up is a choice too)."""

    def __init__(self, renders: str):
        self.renders = renders
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        return output.names(self.renders)

    @choices.setter
    def choices(self, _value) -> None:
        pass


class DefaultGroup(click.Group):
    """A group with a default command, as ruff and black have: `lawlint PATH...` runs it
    (`lawlint check PATH...` still does), and `lawlint --help` shows its options next to
    the other commands, where a user looks for them."""

    default_command = "check"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in (*ctx.help_option_names, "--version"):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] PATH...")
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix=" " * len("Usage: "))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The default command's options, then the group's own (--version, --help)."""
        command = self.commands[self.default_command]
        sub = click.Context(command, parent=ctx, info_name=self.default_command)
        help_option = command.get_help_option(sub)
        records = [param.get_help_record(sub) for param in command.get_params(sub)
                   if isinstance(param, click.Option) and param is not help_option]
        records += [param.get_help_record(ctx) for param in self.get_params(ctx)]
        with formatter.section("Options"):
            formatter.write_dl([record for record in records if record])
        self.format_commands(ctx, formatter)

    def shell_complete(self, ctx: click.Context, incomplete: str):
        """At the top level: the default command's options and paths, besides the commands."""
        from click.shell_completion import CompletionItem

        results = super().shell_complete(ctx, incomplete)
        command = self.commands[self.default_command]
        if incomplete.startswith("-"):
            known = {item.value for item in results}
            results += [item for item in command.shell_complete(ctx, incomplete) if item.value not in known]
        else:
            results.append(CompletionItem(incomplete, type="file"))
        return results


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
