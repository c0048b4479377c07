"""Built-in packs in, Markdown out: docs/rules.md, the page SARIF `helpUri` links point into.

Regenerate with `python -m lawlint.output.rules_md > docs/rules.md`; a test fails when it is stale.
"""

from __future__ import annotations

import sys

from lawlint.packs.packfile import builtin_names
from lawlint.packs.ruleset import Rule, load_ruleset


def render() -> str:
    """Every rule of every built-in pack, once, with an anchor per id."""
    seen: dict[str, Rule] = {}
    for name in builtin_names():
        for rule in load_ruleset((name,)).all_rules:
            seen.setdefault(rule.id, rule)
    rules = sorted(seen.values(), key=lambda r: r.id)
    out = ["# lawlint rules", "",
           f"Generated from the built-in packs ({', '.join(builtin_names())}) by "
           "`python -m lawlint.output.rules_md > docs/rules.md`; do not edit by hand.", "",
           "| id | name | 名称 | severity | kind | pack |", "|---|---|---|---|---|---|"]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.name} | {r.title} | {r.severity} | {r.kind} | {r.pack} |"
            for r in rules]
    for rule in rules:
        out += _section(rule)
    return "\n".join(out) + "\n"


def _section(rule: Rule) -> list[str]:
    lines = ["", f'<a id="{rule.id.lower()}"></a>', "", f"## {rule.id} {rule.name}" + (f"（{rule.title}）" if rule.title else ""), "",
             f"- severity: **{rule.severity}**; kind: `{rule.kind}`; pack: `{rule.pack}`"
             + ("; **off by default** (`--select " + rule.id + "` or `enabled: true` in a pack's overrides)"
                if not rule.enabled else ""),
             f"- message: {rule.message}", f"- basis: {rule.basis}", "", rule.description.strip()]
    for group, title in (("bad", "Reported"), ("good", "Not reported")):
        for text in rule.examples.get(group, ())[:1]:
            lines += ["", f"{title}:", "", "```text", text.rstrip(), "```"]
    return lines


if __name__ == "__main__":
    sys.stdout.write(render())
