"""RuleSet in, Markdown out: docs/rules.md, the page SARIF `helpUri` links point into.

Regenerate with `python -m lawlint.rulesdoc > docs/rules.md`; a test fails when it is stale.
"""

from __future__ import annotations

import sys

from lawlint.rulepack import RuleSet, load_ruleset


def render(ruleset: RuleSet) -> str:
    out = ["# lawlint rules", "",
           f"Generated from the `{'`, `'.join(ruleset.packs)}` pack(s); do not edit by hand.", "",
           "| id | name | severity | kind |", "|---|---|---|---|"]
    out += [f"| [{r.id}](#{r.id.lower()}) | {r.name} | {r.severity} | {r.kind} |" for r in ruleset.rules]
    for rule in ruleset.rules:
        out += ["", f'<a id="{rule.id.lower()}"></a>', f"## {rule.id} {rule.name}", "",
                f"- severity: **{rule.severity}**; kind: `{rule.kind}`",
                f"- message: {rule.message}", f"- basis: {rule.basis}", "", rule.description.strip()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render(load_ruleset(tuple(sys.argv[1:]) or ("national",))))
