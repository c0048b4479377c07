"""Commands about rules and packs: `rules`, `explain`, `check-pack`, `test-pack`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from lawlint.cli.common import console

_PACK_OPTION = click.option("--pack", "packs", multiple=True, metavar="PACK",
                            help="Rule pack (repeatable); default: the configuration's, "
                                 "else national and typography.")


def _ruleset(packs: tuple[str, ...]):
    from lawlint.pipeline import linter

    resolver = linter.Resolver(linter.Options(packs=packs))
    return resolver.ruleset(resolver.settings(None))


def register(group: click.Group) -> None:
    from lawlint.cli.common import debug_option, run_safely

    @group.command()
    @_PACK_OPTION
    @click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
    @debug_option
    def rules(packs, output_format) -> None:
        """List every active rule: id, name, severity, kind and basis."""
        run_safely(lambda: _rules(packs, output_format))

    @group.command()
    @click.argument("rule")
    @_PACK_OPTION
    @debug_option
    def explain(rule, packs) -> None:
        """Explain a rule (id or name), a part's heading vocabulary (M, S, R, P, O) or the
        organ grammar (organs): what it checks, why, its parameters and examples."""
        run_safely(lambda: _explain(rule, packs))

    @group.command("check-pack")
    @click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
    @debug_option
    def check_pack(files) -> None:
        """Validate packs and test every rule's examples (exit 1 on problems, 2 if unloadable)."""
        run_safely(lambda: _test_packs(files, None, with_fixtures=False))

    @group.command("test-pack")
    @click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
    @click.option("--fixtures", type=click.Path(exists=True, file_okay=False),
                  help="Annotated reports to check [default: <pack>.tests/ beside the pack].")
    @debug_option
    def test_pack(files, fixtures) -> None:
        """Run a pack's examples and annotated fixture reports, for pack authors' CI."""
        run_safely(lambda: _test_packs(files, fixtures, with_fixtures=True))


def _rules(packs, output_format) -> int:
    ruleset = _ruleset(packs)
    rows = [{"id": r.id, "name": r.name, "severity": r.severity if r.enabled else "off",
             "kind": r.kind, "pack": r.pack, "basis": r.basis, "enabled": r.enabled}
            for r in _with_off_rules(ruleset)]
    out = console(sys.stdout, for_people=output_format == "text")
    if output_format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        out.write(f"{row['id']}  {row['name']:<{width}}  {row['severity']:<7}  "
                  f"{row['kind']:<11}  {row['basis']}\n")
    return 0


def _with_off_rules(ruleset) -> list:
    """The rules that run, with each off-by-default rule of the packs in its place among
    its pack's rules (after the last one with a smaller id), so `lawlint rules` shows it."""
    listed = list(ruleset.all_rules)
    for rule in (rule for rule in ruleset.deselected if not rule.enabled):
        before = [index for index, other in enumerate(listed)
                  if other.pack == rule.pack and other.id < rule.id]
        listed.insert(before[-1] + 1 if before else len(listed), rule)
    return listed


def _explain(key, packs) -> int:
    from lawlint.errors import UsageError

    ruleset = _ruleset(packs)
    elements = {element.key: element for element in ruleset.grammar.elements}
    if key in elements:
        _explain_element(elements[key])
        return 0
    if key == "organs":
        _explain_organs(ruleset.grammar.organs)
        return 0
    rule = ruleset.find(key)
    if rule is None:
        raise UsageError(f"no rule {key!r} in the active packs",
                         hint="see `lawlint rules`; `lawlint explain M` (a part), `lawlint explain organs`")
    click.echo(f"{rule.id} {rule.name}  ({rule.severity}; kind: {rule.kind}; pack: {rule.pack})\n")
    click.echo(rule.description.strip() + "\n")
    click.echo(f"依据：{rule.basis}")
    click.echo(f"消息：{rule.message}")
    if rule.published:
        click.echo(f"公开稿（--published）：{rule.published}")
    for name, value in rule.params.items():
        shown = ruleset.parameters.get(value, value) if name == "parameter" else value
        click.echo(f"参数 {name}: {shown}" + (f"  (pack parameter {value})" if name == "parameter" else ""))
    for group, title in (("bad", "不符合（会报告）"), ("good", "符合（不报告）")):
        for text in rule.examples.get(group, ()):
            indented = "\n".join("    " + line for line in text.rstrip().split("\n"))
            click.echo(f"\n示例，{title}：\n{indented}")
    for name in ("element", "within"):
        if rule.params.get(name) in elements:
            click.echo("")
            _explain_element(elements[rule.params[name]])
    if rule.kind in ("title", "signature", "addressee"):
        click.echo("")
        _explain_organs(ruleset.grammar.organs)
    return 0


def _explain_element(element) -> None:
    """The vocabulary that names a part: what `structure` scores each heading with."""
    from lawlint.document import parts

    click.echo(f"部分 {element.key}：{element.label}（一级、二级标题按词打分，达到 {parts.THRESHOLD} 分即命名该部分）")
    for cue in element.cues:
        note = "（仅当其他部分都未达到阈值时计分）" if cue.fallback else ""
        click.echo(f"  {cue.weight:+d}  {cue.source}{note}")
    if element.veto is not None:
        click.echo(f"  否决  {element.veto.pattern.pattern}")
    year = "下一年度" if element.year else "报告年度"
    click.echo(f"  年份：标题中的年份为{year}时 +{parts.YEAR_WEIGHT}，为其他已计分部分的年份时 -{parts.YEAR_WEIGHT}")
    if element.topical_min:
        click.echo(f"  或：{element.topical_min} 个以上未命名任何部分的一级标题（按工作领域展开）")


def _explain_organs(organs) -> None:
    """The organ-name grammar: divisions, types, prefixes, short forms."""
    click.echo("机关名称：由一个或几个单位组成，每个单位以机关类型或行政区划结尾")
    for level, names in organs.levels:
        click.echo(f"  行政区划（{level}）：{'、'.join(names)}")
    click.echo(f"  机关类型：{'、'.join(sorted(organs.types, key=len))}")
    click.echo(f"  前缀：{'、'.join(organs.prefixes)}；党组、党委随其机关：{'、'.join(organs.party)}")
    click.echo("  简称：" + "、".join(f"{short}={full}" for short, full in organs.expand))


def _test_packs(files, fixtures, with_fixtures: bool) -> int:
    from lawlint.pipeline import casetest as packtest

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
