"""Where lawlint keeps what it may recompute: validated pack keys, the trimmed jieba
dictionary, audit results. One place, so the README can say where and how to turn it off."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Per-user cache (LAWLINT_CACHE_DIR, else XDG_CACHE_HOME/lawlint, else ~/.cache/lawlint)."""
    if os.environ.get("LAWLINT_CACHE_DIR"):
        return Path(os.environ["LAWLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawlint"
