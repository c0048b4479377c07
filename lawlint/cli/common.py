"""What every command shares: the fail levels, id lists, the group whose default command is
lint, where output goes (a file checked before the work, a console in an encoding it can
show), and running a command body so that any error is one line and exit 2."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lawlint import output
from lawlint.errors import DEBUG_ENV, LawlintError, UsageError, internal

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
    """Run a command body; an error is one line on stderr and exit 2, never a traceback (exit
    1 means findings: a CI gate must tell a crash from a defect). A user error says what to
    do; lawlint's own failure says so, with the traceback under --debug."""
    try:
        code = action()
    except LawlintError as exc:
        click.echo(f"lawlint: error: {exc}", err=True)
        code = 2
    except KeyboardInterrupt:
        click.echo("lawlint: interrupted", err=True)
        code = 130
    except BrokenPipeError:   # `lawlint … | head`: the reader left; nothing to say to anyone
        _silence_stdout()
        code = 141
    except Exception as exc:   # noqa: BLE001 - the last boundary: one line, exit 2
        click.echo(f"lawlint: error: {internal(exc, '运行时')}", err=True)
        code = 2
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _debug(ctx: click.Context, _param, value: bool) -> None:
    if value:   # the environment, so that worker processes print their tracebacks too
        os.environ[DEBUG_ENV] = "1"


debug_option = click.option(
    "--debug", is_flag=True, expose_value=False, is_eager=True, callback=_debug,
    help="Print the traceback of an internal error (also: LAWLINT_DEBUG=1).")


def _limits(ctx: click.Context, _param, values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    from lawlint import limits

    try:
        parsed = limits.parse(values)
        limits.DEFAULT.with_values(parsed)   # a bad name or value: refuse it now
    except UsageError as exc:
        raise click.BadParameter(str(exc)) from None
    return tuple(parsed.items())


limit_option = click.option(
    "--limit", multiple=True, metavar="NAME=VALUE", callback=_limits,
    help="Raise or lower a limit on what one input may cost, e.g. zip-member=100MB "
         "(repeatable; docs/formats.md#limits lists them).")


def check_output(path: str | None) -> None:
    """`-o FILE` that cannot be written is a usage error before any report is read, not a
    traceback after the whole batch."""
    if not path:
        return
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise UsageError(f"cannot write {path}: it is a directory", hint="name a file with -o")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: no folder {folder}", hint="create the folder first")
    if not os.access(target if target.exists() else folder, os.W_OK):
        raise UsageError(f"cannot write {path}: permission denied", hint="choose a writable place")


def open_output(path: str, newline: str | None = None):
    """The -o file, always UTF-8 (whatever the console or the locale)."""
    try:
        return open(path, "w", encoding="utf-8", newline=newline)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}", hint="choose a writable place") from None


def console(stream, for_people: bool):
    """Standard output ready for a format: a file format (JSON, SARIF, CSV…) as UTF-8 whatever
    the console's encoding, since no reader accepts GBK JSON; a format for people in the
    console's encoding, with what it cannot show (「•」 on a GBK console) escaped, not a crash."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            if for_people:
                reconfigure(errors="backslashreplace")
            else:
                reconfigure(encoding="utf-8", errors="strict")
        except (ValueError, OSError):   # a stream that cannot change: write as it is
            pass
    return stream


def tolerant_stderr() -> None:
    """Messages on stderr never crash on a file name the console cannot encode."""
    reconfigure = getattr(sys.stderr, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass
