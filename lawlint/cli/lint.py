"""The command line: parse options, call the linter, render, exit 0 / 1 / 2.

`lawlint PATH...` is `lawlint check PATH...`; the other commands are about rules and packs.
"""

from __future__ import annotations

import os
import sys

import click

from lawlint import __version__
from lawlint.cli.common import FAIL_LEVELS, DefaultGroup, ids, run_safely
from lawlint.errors import UsageError

@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawlint")
def main() -> None:
    """Lint 法治政府建设年度报告: `lawlint PATH...` checks reports (same as `lawlint check`)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "--output-format", "output_format", type=click.Choice(["text", "json", "sarif"]),
              default="text", show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to FILE instead of standard output.")
@click.option("--pack", "packs", multiple=True, metavar="PACK",
              help="Rule pack: a built-in name or a YAML path (repeatable; "
                   "default: national and typography).")
@click.option("--select", multiple=True, metavar="IDS",
              help="Only these rules: ids, id prefixes (LL4) or names, comma-separated.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (same forms).")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Exit 1 when a finding has at least this severity [default: error].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (same as --fail-on never).")
@click.option("--year", type=click.IntRange(1990, 2100),
              help="Report year, when the title and opening do not state it.")
@click.option("--published/--submitted", default=None,
              help="Judge reports as published copies (a missing addressee, signature or date "
                   "is info) or as submitted ones [default: published for .html only].")
@click.option("--config", type=click.Path(exists=True, dir_okay=False),
              help="Use this configuration file for every report (no discovery).")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--require-reason", is_flag=True,
              help="Report suppressions that give no reason (LL002).")
@click.option("--statistics", is_flag=True, help="Show a count per rule instead of each finding.")
@click.option("--encoding", help="Decode text files with this codec (gb18030, big5…) instead of detecting.")
@click.option("--stdin-filename", metavar="NAME",
              help="Name (and format, by suffix) of the report read from '-'.")
@click.option("--max-size", type=click.FloatRange(0.001), default=20, show_default=True,
              metavar="MB", help="Report files larger than this are an input error.")
@click.option("--regex-timeout", type=click.FloatRange(0.01), default=2, show_default=True,
              metavar="SECONDS", help="A pack regex running longer fails its rule (LL003).")
@click.option("--fix", is_flag=True,
              help="Apply safe fixes in place (.txt, .md), then report what is left.")
@click.option("--diff", is_flag=True,
              help="Print the safe fixes as a unified diff; change nothing (exit 1 if any).")
@click.option("--color/--no-color", default=None, help="Colour text output (default: on a terminal).")
def check(paths, output_format, output, packs, select, ignore, fail_on, exit_zero, year, published, config, isolated,
          require_reason, statistics, encoding, stdin_filename, max_size, regex_timeout,
          fix, diff, color) -> None:
    """Lint reports: .txt, .md, .docx, .pdf, .html (directories recursively; '-' for stdin)."""
    from lawlint.pipeline.linter import Options

    fail_on = "never" if exit_zero else fail_on
    options = Options(config, isolated, packs, ids(select), ids(ignore), fail_on, require_reason,
                      year, encoding, stdin_filename, int(max_size * 1024 * 1024),
                      keep_text=output_format == "text" and not statistics, published=published,
                      regex_timeout=regex_timeout)
    run_safely(lambda: _check(paths, options, output_format, output, statistics, color,
                              _fixing(fix, diff, paths)))


def _fixing(fix: bool, diff: bool, paths) -> str | None:
    if fix and diff:
        raise UsageError("--fix and --diff exclude each other", hint="--diff shows what --fix would write")
    mode = "fix" if fix else "diff" if diff else None
    if mode and "-" in paths:
        raise UsageError(f"--{mode} works on files, not on '-'", hint="save the report to a file first")
    return mode


def _check(paths, options, output_format, output, statistics, color, fixing=None) -> int:
    from lawlint import output as formatters
    from lawlint.pipeline import linter
    from lawlint.pipeline.result import exit_code

    resolver = linter.Resolver(options)
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    if fixing:
        outcomes = _fix(paths, resolver, write=fixing == "fix")
        results = [outcome.result for outcome in outcomes]
    else:
        results = linter.lint_paths(paths, resolver, stdin)
    if not results:
        raise UsageError("no report files (.txt .md .docx .pdf .html) found in " + ", ".join(paths),
                         hint="name the files, or a directory that holds them")
    if fixing == "diff":
        return _show_diffs(outcomes)
    ruleset = resolver.ruleset(resolver.settings(None))
    render = formatters.get("statistics" if statistics and output_format == "text" else output_format)
    if output:
        with open(output, "w", encoding="utf-8") as out:
            render(results, ruleset, out, color=False)
    else:
        use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
        render(results, ruleset, sys.stdout, color=use_color)
    return exit_code(results)


def _fix(paths, resolver, write: bool) -> list:
    """Fix every report (in place when `write`); say on stderr what --fix changed."""
    from lawlint.pipeline import fixer, linter

    outcomes = [fixer.fix_path(path, resolver, write) for path in linter.collect(paths, resolver)]
    fixed = [outcome for outcome in outcomes if outcome.changed]
    if write and fixed:
        click.echo(f"lawlint: fixed {sum(o.applied for o in fixed)} findings in {len(fixed)} "
                   f"file{'s' if len(fixed) != 1 else ''}", err=True)
    return outcomes


def _show_diffs(outcomes) -> int:
    """--diff: the fixes as one unified diff on stdout; exit 1 when there is any (as ruff
    does), 2 when a file could not be read."""
    for outcome in outcomes:
        if outcome.result.error:
            click.echo(f"{outcome.result.path}: error: {outcome.result.error}", err=True)
        elif outcome.changed:
            sys.stdout.write(outcome.diff())
    if any(outcome.result.error for outcome in outcomes):
        return 2
    return 1 if any(outcome.changed for outcome in outcomes) else 0

