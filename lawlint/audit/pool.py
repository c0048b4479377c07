"""Paths in, audit items out: a pool of worker processes fed one file at a time, each with
its own resolver (and so its own compiled rule sets); results come from the cache when the
file, the rules and the settings are unchanged."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from lawlint.pipeline import linter
from lawlint.document import source
from lawlint.audit import cache
from lawlint.audit.item import Item
from lawlint.audit.similarity import fingerprints
from lawlint.pipeline.result import FileResult
from lawlint.errors import InputError

_WORKER: dict = {}


def run(paths: list[str], options: linter.Options, jobs: int, use_cache: bool,
        advance: Callable[[], None] = lambda: None) -> list[Item]:
    """Audit items for `paths`, in the order given."""
    if jobs <= 1 or len(paths) <= 1:
        _start(options, use_cache)
        items = []
        for path in paths:
            items.append(_audit(path))
            advance()
        return items
    by_path: dict[str, Item] = {}
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(jobs, initializer=_start, initargs=(options, use_cache)) as pool:
        for item in pool.imap_unordered(_audit, paths, chunksize=1):
            by_path[item.result.path] = item.compact()
            advance()
    return [by_path[Path(path).as_posix()] for path in paths]


def _start(options: linter.Options, use_cache: bool) -> None:
    """Per worker: one resolver, so packs are parsed and compiled once per process."""
    _WORKER["resolver"] = linter.Resolver(options)
    _WORKER["cache"] = use_cache


def _audit(path: str) -> Item:
    resolver: linter.Resolver = _WORKER["resolver"]
    options = resolver.options
    name = Path(path).as_posix()
    settings = resolver.settings(Path(path))
    try:
        data = source.read_bytes(path, name, options.max_bytes)
        ruleset = resolver.ruleset(settings)
        key = cache.key(data, repr((ruleset.digest, settings, options.year, options.encoding)))
        hit = cache.get(key) if _WORKER["cache"] else None
        if hit is not None:
            return hit.renamed(name)
    except InputError as exc:
        reason = f"{exc.message} ({exc.hint})" if exc.hint else exc.message
        return Item(FileResult(name, error=reason, fail_on=settings.fail_on))
    run = linter.run_file(path, resolver, data=data)
    if run.document is None:
        return Item(run.result)
    item = Item(run.result.without_fixes(), fingerprints(run.document))   # an audit never fixes
    if _WORKER["cache"]:
        cache.put(key, item)
    return item


def collect(paths: list[str], options: linter.Options) -> Iterator[str]:
    """Every supported file under the given paths (configuration include/exclude applied)."""
    return linter.collect(paths, linter.Resolver(options))
