"""Commands about rules and packs: `rules`, `explain`, `check-pack`, `test-pack`."""

from __future__ import annotations

import json
from pathlib import Path

import click

_PACK_OPTION = click.option("--pack", "packs", multiple=True, metavar="PACK",
                            help="Rule pack (repeatable); default: the configuration's, "
                                 "else national and typography.")


def _ruleset(packs: tuple[str, ...]):
    from lawlint import linter

    resolver = linter.Resolver(linter.Options(packs=packs))
    return resolver.ruleset(resolver.settings(None))


def register(group: click.Group) -> None:
    from lawlint.cli import run_safely

    @group.command()
    @_PACK_OPTION
    @click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
    def rules(packs, output_format) -> None:
        """List every active rule: id, name, severity, kind and basis."""
        run_safely(lambda: _rules(packs, output_format))

    @group.command()
    @click.argument("rule")
    @_PACK_OPTION
    def explain(rule, packs) -> None:
        """Explain a rule (id or name): what it checks, why, its parameters and examples."""
        run_safely(lambda: _explain(rule, packs))

    @group.command("check-pack")
    @click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
    def check_pack(files) -> None:
        """Validate packs and test every rule's examples (exit 1 on problems, 2 if unloadable)."""
        run_safely(lambda: _test_packs(files, None, with_fixtures=False))

    @group.command("test-pack")
    @click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
    @click.option("--fixtures", type=click.Path(exists=True, file_okay=False),
                  help="Annotated reports to check [default: <pack>.tests/ beside the pack].")
    def test_pack(files, fixtures) -> None:
        """Run a pack's examples and annotated fixture reports, for pack authors' CI."""
        run_safely(lambda: _test_packs(files, fixtures, with_fixtures=True))


def _rules(packs, output_format) -> int:
    ruleset = _ruleset(packs)
    rows = [{"id": r.id, "name": r.name, "severity": r.severity, "kind": r.kind, "pack": r.pack,
             "basis": r.basis} for r in ruleset.all_rules]
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        click.echo(f"{row['id']}  {row['name']:<{width}}  {row['severity']:<7}  "
                   f"{row['kind']:<11}  {row['basis']}")
    return 0


def _explain(key, packs) -> int:
    from lawlint.errors import UsageError

    ruleset = _ruleset(packs)
    rule = ruleset.find(key)
    if rule is None:
        raise UsageError(f"no rule {key!r} in the active packs", hint="see `lawlint rules`")
    click.echo(f"{rule.id} {rule.name}  ({rule.severity}; kind: {rule.kind}; pack: {rule.pack})\n")
    click.echo(rule.description.strip() + "\n")
    click.echo(f"依据：{rule.basis}")
    click.echo(f"消息：{rule.message}")
    for name, value in rule.params.items():
        shown = ruleset.parameters.get(value, value) if name == "parameter" else value
        click.echo(f"参数 {name}: {shown}" + (f"  (pack parameter {value})" if name == "parameter" else ""))
    for group, title in (("bad", "不符合（会报告）"), ("good", "符合（不报告）")):
        for text in rule.examples.get(group, ()):
            indented = "\n".join("    " + line for line in text.rstrip().split("\n"))
            click.echo(f"\n示例，{title}：\n{indented}")
    return 0


def _test_packs(files, fixtures, with_fixtures: bool) -> int:
    from lawlint import packtest

    failed = False
    for file in files:
        path = Path(file)
        report = packtest.check(path, Path(fixtures) if fixtures else None, with_fixtures)
        for problem in report.problems:
            click.echo(str(problem))
        failed = failed or bool(report.problems)
        status = "FAILED" if report.problems else "ok"
        click.echo(f"{file}: {status} ({report.rules} rules, {report.examples} examples"
                   + (f", {report.fixtures} fixtures" if with_fixtures else "") + ")")
    return 1 if failed else 0
