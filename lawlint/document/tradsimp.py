"""Traditional → simplified Chinese, character for character, for the folded view only.

The table is OpenCC's TSCharacters (via opencc-python-reimplemented), first candidate of each
entry; only one-character mappings are used, so folding stays a 1:1 map and every finding
still points at the original, traditional text. Loaded on first use.
"""

from __future__ import annotations

import re
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


@lru_cache(maxsize=1)
def _traditional() -> frozenset[str]:
    return frozenset(map(chr, table()))


# Characters that any traditional-character report uses many times over (國 為 發 會 與 這…):
# a text with none of them is simplified, and the 10 ms table load is skipped.
_TELLTALE = re.compile("[國為發會與這們說時對報關經實設進開門問題機構權規範審議區員導領責歷據護應當將傳統網絡]")


def simplify(text: str) -> str:
    """The text with traditional characters replaced; same length, same offsets. Simplified
    text (the usual case) is returned as it is without loading the table."""
    if _TELLTALE.search(text) is None or _traditional().isdisjoint(text):
        return text
    return text.translate(table())
