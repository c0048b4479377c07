"""The kinds' declarations in, Markdown out: the "Kinds" section of docs/writing-rules.md,
between its two markers. A test fails when the page is stale; regenerate with
`python -m lawlint.output.kinds_md` (rewrites the section in place)."""

from __future__ import annotations

import sys
from pathlib import Path

from lawlint.checks import SPECS, KindSpec, Param, load_kinds

START, END = "<!-- kinds: generated -->", "<!-- kinds: end -->"
PAGE = Path(__file__).resolve().parents[2] / "docs" / "writing-rules.md"


def render() -> str:
    """Every registered kind, by name: what it reports, its parameters, its placeholders."""
    load_kinds()
    out = [START, "", "Generated from the `@register(...)` declarations in `lawlint/checks/`; "
           "do not edit by hand (`python -m lawlint.output.kinds_md`)."]
    for name in sorted(SPECS):
        out += _section(SPECS[name])
    return "\n".join(out + ["", END])


def _section(spec: KindSpec) -> list[str]:
    lines = ["", f"### `{spec.name}`", "", spec.doc]
    if spec.params:
        lines += ["", "| parameter | required | type | what |", "|---|---|---|---|"]
        lines += [f"| `{p.name}` | {'yes' if p.required else 'no'} | {_type(p)} | "
                  f"{p.json_schema().get('description', '')} |" for p in spec.params]
    if spec.provides:
        lines += ["", "Placeholders: " + ", ".join(f"`{{{name}}}`" for name in spec.provides) + "."]
    return lines


def _type(param: Param) -> str:
    schema = param.schema
    if param.regex and schema.get("type") == "string":
        return "regex"
    if "enum" in schema:
        return " \\| ".join(f"`{value}`" for value in schema["enum"])
    if schema.get("pattern") == "^[A-Z]$":
        return "element"
    if schema.get("type") == "array":
        items = schema.get("items", {})
        return "list of elements" if items.get("pattern") == "^[A-Z]$" else \
            "list of items" if items.get("type") == "object" else "list"
    return str(schema.get("type", "object"))


def updated(page: str) -> str:
    """The page with its generated section replaced by the current one."""
    head, _, rest = page.partition(START)
    _, _, tail = rest.partition(END)
    return head + render() + tail


if __name__ == "__main__":
    PAGE.write_text(updated(PAGE.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"updated {PAGE}\n")
