"""Traditional → simplified Chinese, character for character, for the folded view only.

The table is OpenCC's TSCharacters (via opencc-python-reimplemented), first candidate of each
entry; only one-character mappings are used, so folding stays a 1:1 map and every finding
still points at the original, traditional text. Loaded on first use.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def table() -> dict[int, int]:
    """str.translate table of traditional characters that differ from their simplified form."""
    try:
        text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a dependency
        return {}
    mapping = {}
    for line in text.splitlines():
        traditional, _, simplified = line.partition("\t")
        first = simplified.split(" ")[0]
        if len(traditional) == 1 and len(first) == 1 and first != traditional:
            mapping[ord(traditional)] = ord(first)
    return mapping


def simplify(text: str) -> str:
    """The text with traditional characters replaced; same length, same offsets."""
    return text.translate(table())
