"""The command line: parse options, call the linter, render, exit 0 / 1 / 2."""

from __future__ import annotations

import os
import sys

import click

from lawlint import __version__
from lawlint.errors import LawlintError, UsageError

FAIL_LEVELS = ("error", "warning", "info", "never")


def _ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """Accept repeated options and comma-separated lists alike: --select LL1,LL4 --select LL501."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "sarif"]),
              default="text", show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to FILE instead of standard output.")
@click.option("--pack", "packs", multiple=True, metavar="PACK",
              help="Rule pack: a built-in name or a YAML path (repeatable; default: national).")
@click.option("--select", multiple=True, metavar="IDS",
              help="Only these rules: ids, id prefixes (LL4) or names, comma-separated.")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules (same forms).")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default="error", show_default=True,
              help="Exit 1 when a finding has at least this severity.")
@click.option("--year", type=click.IntRange(1990, 2100),
              help="Report year, when the title and opening do not state it.")
@click.option("--color/--no-color", default=None, help="Colour text output (default: on a terminal).")
@click.version_option(__version__, prog_name="lawlint")
def main(paths, output_format, output, packs, select, ignore, fail_on, year, color) -> None:
    """Lint 法治政府建设年度报告 files (.txt, .md; directories recursively; '-' for stdin)."""
    try:
        code = _run(paths, output_format, output, packs, select, ignore, fail_on, year, color)
    except LawlintError as exc:
        click.echo(f"lawlint: error: {exc}", err=True)
        code = 2
    sys.exit(code)


def _run(paths, output_format, output, packs, select, ignore, fail_on, year, color) -> int:
    from lawlint import formatters, linter, rulepack
    from lawlint.diagnostic import exit_code

    ruleset = rulepack.load_ruleset(packs or ("national",)).select(_ids(select), _ids(ignore))
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    results = linter.lint_paths(paths, ruleset, year, stdin)
    if not results:
        raise UsageError("no report files (*.txt, *.md) found in " + ", ".join(paths),
                         hint="name the files, or a directory that holds them")
    render = formatters.get(output_format)
    sources = _sources(results, stdin) if output_format == "text" else None
    if output:
        with open(output, "w", encoding="utf-8") as out:
            render(results, ruleset, out, color=False, sources=sources)
    else:
        use_color = color if color is not None else (sys.stdout.isatty() and "NO_COLOR" not in os.environ)
        render(results, ruleset, sys.stdout, color=use_color, sources=sources)
    return exit_code(results, fail_on)


def _sources(results, stdin: bytes | None) -> dict[str, str]:
    """Original text of each linted file, for the snippets under text findings."""
    from lawlint import source

    texts = {}
    for result in results:
        if result.error or not result.diagnostics:
            continue
        try:
            data = stdin if result.path == "<stdin>" else open(result.path, "rb").read()
            texts[result.path] = source.decode(data or b"", result.path)[0]
        except (OSError, LawlintError):
            continue
    return texts
