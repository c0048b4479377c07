"""Results cache: a file's audit item, keyed by (content hash, rule-set digest and settings,
lawlint version), so re-running an audit only lints the files that changed."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from lawlint import __version__
from lawlint.audit.item import Item, from_json, to_json
from lawlint import usercache
from lawlint.usercache import cache_dir


def key(data: bytes, context: str) -> str:
    """`context` names everything besides the content that changes the result."""
    digest = hashlib.sha256(data).hexdigest()
    return hashlib.sha256(f"{__version__}\0{context}\0{digest}".encode()).hexdigest()


def _path(cache_key: str) -> Path:
    return cache_dir() / "results" / cache_key[:2] / f"{cache_key}.json"


def get(cache_key: str) -> Item | None:
    if not usercache.enabled():
        return None
    try:
        return from_json(json.loads(_path(cache_key).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or unreadable: lint again


def put(cache_key: str, item: Item) -> None:
    """Write atomically (workers write concurrently); a read-only cache only costs speed."""
    if not usercache.enabled():
        return
    target = _path(cache_key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(to_json(item), out, ensure_ascii=False)
        os.replace(temporary, target)
    except OSError:
        pass
