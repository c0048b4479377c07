"""Formatters: FileResults in, text out. Each module exposes `render(results, ruleset, out)`."""

from __future__ import annotations

FORMATS = ("text", "json", "sarif")


def get(name: str):
    """The render function of a format, imported only when asked for."""
    if name == "json":
        from lawlint.output.json import render
    elif name == "sarif":
        from lawlint.output.sarif import render
    elif name == "statistics":
        from lawlint.output.statistics import render
    else:
        from lawlint.output.text import render
    return render
