"""Paths in, audit items out: the batch runner (pipeline/batch.py) with an audit worker, whose
resolver (and so its compiled rule sets) each worker process inherits; results come from the
cache when the file, the rules and the settings are unchanged."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from lawlint import extract
from lawlint.pipeline import batch, linter
from lawlint.document import source
from lawlint.audit import cache
from lawlint.audit.item import Item
from lawlint.audit import similarity
from lawlint.pipeline.result import FileResult
from lawlint.errors import InputError


def run(paths: list[str], options: linter.Options, jobs: int, use_cache: bool,
        advance: Callable[[], None] = lambda: None) -> list[Item]:
    """Audit items for `paths`, in the order given (`jobs` 1: in this process)."""
    worker = AuditWorker(options, use_cache)
    pooled = batch.workers_for(len(paths), jobs) > 1
    if pooled:   # compile the rule set once, here: every forked worker inherits it
        linter.precompile(worker.resolver, Path(paths[0]))
    items = []
    for item in batch.run(worker, paths, jobs):
        items.append(item.compact() if pooled else item)   # unpickled strings are copies
        advance()
    return items


class AuditWorker:
    """A worker's state: one resolver, so packs are parsed and compiled once per batch (a
    forked worker inherits the rule set the parent compiled), and whether to use the cache."""

    def __init__(self, options: linter.Options, use_cache: bool):
        self.resolver = linter.Resolver(options)
        self.use_cache = use_cache

    def start(self) -> None:
        """Nothing to build: the resolver came with the worker."""

    def run(self, path: str) -> Item:
        resolver = self.resolver
        options = resolver.options
        name = Path(path).as_posix()
        settings = resolver.settings(Path(path))
        if settings.error:
            return Item(FileResult(name, error=settings.error))
        key = None
        try:
            extract.refuse_unsupported(name, Path(path).suffix)
            data = source.read_bytes(path, name, options.max_bytes)
            if self.use_cache:   # the key hashes the bytes and the settings: only when it is used
                ruleset = resolver.ruleset(settings)
                key = cache.key(data, repr((ruleset.digest, settings, options.year, options.encoding)))
                hit = cache.get(key)
                if hit is not None:
                    return hit.renamed(name)
        except InputError as exc:
            return Item(linter.unreadable(name, exc, settings.fail_on))
        run = linter.run_file(path, resolver, data=data)
        if run.document is None:
            return Item(run.result)
        shingles = similarity.fingerprints(run.document, run.ruleset.grammar.organs, run.ruleset.boilerplate)
        item = Item(run.result.without_fixes(), shingles, similarity.sketch(shingles))   # an audit never fixes
        if key is not None:
            cache.put(key, item)
        return item


    def failed(self, path: str, error: BaseException) -> Item:
        return Item(linter.failure(path, error))


def collect(paths: list[str], options: linter.Options) -> Iterator[str]:
    """Every supported file under the given paths (configuration include/exclude applied)."""
    return linter.collect(paths, linter.Resolver(options))
