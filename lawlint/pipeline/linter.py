"""Paths in, FileResults out: collect report files, find each one's settings and rule set,
then read, fold, parse and run the rules.

A file that cannot be read becomes a result with `error` set; the batch always continues.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from lawlint.packs import config
from lawlint.pipeline import batch, engine, habits
from lawlint import extract
from lawlint.document import fold, source, structure
from lawlint.pipeline.result import FileResult
from lawlint.document import Document
from lawlint import limits
from lawlint.errors import InputError, LawlintError, UnsupportedFormat, UsageError, internal
from lawlint.patterns import DEFAULT_TIMEOUT, regex_timeout
from lawlint.packs.ruleset import RuleSet, load_ruleset

SUFFIXES = extract.SUFFIXES
WALKED = SUFFIXES + tuple(extract.UNSUPPORTED)   # a .doc in a folder is a row, not silence
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line says; each field set here overrides the configuration."""

    config: str | None = None
    isolated: bool = False
    packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    require_reason: bool = False
    year: int | None = None
    encoding: str | None = None
    stdin_filename: str | None = None
    max_bytes: int = source.MAX_BYTES
    keep_text: bool = False   # text output shows source lines: keep what was read
    published: bool | None = None   # judge as published copies; None: the configuration's
    regex_timeout: float = DEFAULT_TIMEOUT   # seconds a pack regex may run before its rule fails (LL003)
    jobs: int | None = None         # worker processes for a batch; None: decide by batch size
    limits: tuple[tuple[str, str], ...] = ()   # --limit NAME=VALUE, over the configuration's
    habit_threshold: int | None = None   # --all: 0, every finding listed; None: the configuration's


class Resolver:
    """Settings and rule set for each file: configuration, then options, then per-path."""

    def __init__(self, options: Options = Options(), cwd: Path | None = None):
        self.cwd = config.absolute(cwd or Path.cwd())
        self.options = replace(options, packs=tuple(self._pack_ref(p) for p in options.packs))
        self._fixed = config.load(Path(options.config)) if options.config else None
        self._merged: dict[Path | None, config.Settings] = {}   # per folder: files share it
        self._broken: dict[Path | None, LawlintError] = {}   # a folder's unusable configuration

    def _pack_ref(self, reference: str) -> str:
        """Pack paths on the command line are relative to the working directory."""
        path = self.cwd / reference
        return str(path) if reference.endswith((".yaml", ".yml")) or path.exists() else reference

    def settings(self, path: Path | None) -> config.Settings:
        """The settings for a file (None: for the run as a whole, from the working folder).
        A configuration found beside a file that cannot be used is that file's error
        (`Settings.error`), so one broken or hostile .lawlint.yaml inside a batch of
        submissions costs its own folder, not the batch; the run's own is a usage error."""
        discovered = self._fixed is None and not self.options.isolated
        folder = (path.parent if path else self.cwd) if discovered else None
        merged = self._merged.get(folder)
        if merged is None:
            try:
                merged = self._merge(config.discover(folder) if folder else self._fixed)
            except LawlintError as exc:
                self._broken[folder] = exc
                merged = config.Settings(root=self.cwd, error=str(exc))
            self._merged[folder] = merged
        if merged.error and path is None:
            raise self._broken[folder]   # the run's own configuration: a usage error
        return merged.for_file(path) if path and merged.per_path else merged

    def found(self, settings: config.Settings) -> bool:
        """Whether these settings come from a configuration found beside the files (not
        --config, not the command line alone): its errors are its files' errors."""
        return self._fixed is None and not self.options.isolated and settings.source is not None

    def _merge(self, base: config.Settings | None) -> config.Settings:
        base = base or config.Settings(root=self.cwd)
        o = self.options
        return replace(base, packs=o.packs or base.packs, select=o.select or base.select,
                       ignore=base.ignore + o.ignore, fail_on=o.fail_on or base.fail_on,
                       require_reason=o.require_reason or base.require_reason,
                       published=o.published if o.published is not None else base.published,
                       habit_threshold=base.habit_threshold if o.habit_threshold is None
                       else o.habit_threshold)

    def ruleset(self, settings: config.Settings) -> RuleSet:
        """The compiled rule set; an error that the configuration's choices caused (a pack it
        names, a rule id it selects) names that configuration file."""
        try:
            return _ruleset(settings.root, settings.packs, settings.select, settings.ignore,
                            settings.severity, settings.parameters)
        except LawlintError as exc:
            if settings.source and exc.path is None:
                exc.path = settings.source
            elif settings.source and exc.path != settings.source:
                exc.message += f" (named in {settings.source})"
            raise

    def limits(self, settings: config.Settings) -> limits.Limits:
        """The configuration's `limits:`, then --limit over them."""
        return _limits(settings.limits + self.options.limits)


@lru_cache(maxsize=64)
def _ruleset(root, packs, select, ignore, severity, parameters) -> RuleSet:
    ruleset = load_ruleset(packs, base=root)
    _known(ruleset, select, "select")
    _known(ruleset, ignore, "ignore")
    ruleset = ruleset.select(select, ignore)
    return ruleset.with_severities(dict(severity)).with_parameters(dict(parameters))


def _known(ruleset: RuleSet, keys: tuple[str, ...], option: str) -> None:
    """An id, prefix or name that names no rule is a typo, and a CI gate that selects only a
    typo would pass in silence (ruff refuses it too): a usage error."""
    unknown = [key for key in keys if not ruleset.defines(key)]
    if unknown:
        raise UsageError(f"no rule matches {', '.join(map(repr, unknown))} in {option} "
                         f"(--{option} or `{option}:` in the configuration)",
                         hint="`lawlint rules` lists ids and names; ids are upper case (LL4, not ll4)")


@lru_cache(maxsize=16)
def _limits(values: tuple[tuple[str, str], ...]) -> limits.Limits:
    return limits.DEFAULT.with_values(dict(values)) if values else limits.DEFAULT


def collect(paths: Iterable[str], resolver: Resolver) -> Iterator[str]:
    """Expand directories (recursively, *.txt and *.md, sorted, filtered by include/exclude
    of the configuration); files named on the command line are always linted."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            yield from (f for f in _walk(path) if _wanted(resolver.settings(Path(f)), f))
        else:
            yield path


def _wanted(settings: config.Settings, path: str) -> bool:
    return settings.wants(Path(path)) if settings.include or settings.exclude else True


def _walk(root: str) -> Iterator[str]:
    found = []
    for folder, dirs, files in os.walk(root):  # followlinks=False: no symlink loops
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(folder, f) for f in files if f.lower().endswith(WALKED))
    yield from sorted(found)


def lint_source(src: source.Source, ruleset: RuleSet, year: int | None = None,
                require_reason: bool = False, fail_on: str = "error",
                published: bool | None = None) -> FileResult:
    """Lint one decoded report (the pipeline without reading: pack examples, tests)."""
    return analyse(src, ruleset, year, require_reason, fail_on, published)[0]


def parse(src: source.Source, ruleset: RuleSet, year: int | None = None) -> Document:
    """A decoded report as its document, no check run (the audit re-reads a ring's member)."""
    return structure.parse(src, fold.fold(src), year, ruleset.grammar)


def analyse(src: source.Source, ruleset: RuleSet, year: int | None = None,
            require_reason: bool = False, fail_on: str = "error",
            published: bool | None = None,
            timeout: float = DEFAULT_TIMEOUT) -> tuple[FileResult, Document]:
    """Lint one decoded report; also return the parsed document (for batch cross-checks).
    `published` judges it as the published copy (None: a web page is one, other files not);
    every pack regex gives up after `timeout` seconds."""
    with regex_timeout(timeout):
        document = parse(src, ruleset, year)
        as_published = src.format == "html" if published is None else published
        diagnostics = engine.run(document, ruleset, require_reason, as_published)
    date = document.closing.date.text if document.closing.date else None
    return FileResult(src.path, diagnostics, None, document.year, document.organ, src.encoding,
                      fail_on, src.format, date, published=as_published), document


@dataclass(frozen=True, slots=True)
class FileRun:
    """One file through the pipeline: its result, and what a caller may go on with (the
    fixer the source, the audit the document) under the settings it was linted with."""

    result: FileResult
    source: source.Source | None = None      # None when the file could not be read
    document: Document | None = None
    settings: config.Settings | None = None
    ruleset: RuleSet | None = None
    year: int | None = None
    timeout: float = DEFAULT_TIMEOUT

    def relint(self, text: str) -> FileRun:
        """The same file with other text (a --fix pass), linted under the same settings."""
        assert self.source is not None and self.settings is not None and self.ruleset is not None
        src = source.from_text(text, self.result.path, self.source.encoding)
        result, document = _check(src, self.ruleset, self.settings, self.year, self.timeout)
        return replace(self, result=result, source=src, document=document)


def run_file(path: str, resolver: Resolver, stdin: bytes | None = None,
             data: bytes | None = None) -> FileRun:
    """The one per-file pipeline (read → fold → parse → check → suppress → habits → result) that
    lint, --fix and the audit call: `path` under its own settings, its bytes read here or
    given (`stdin` for '-', named by --stdin-filename; `data` already read by the caller)."""
    options = resolver.options
    is_stdin = path == STDIN
    named = options.stdin_filename if is_stdin else path
    settings = resolver.settings(Path(named) if named else None)
    name = (named or "<stdin>") if is_stdin else Path(path).as_posix()
    if settings.error:
        return FileRun(FileResult(name, error=settings.error))
    try:
        with limits.applied(resolver.limits(settings)):
            if is_stdin or data is not None:
                suffix = Path(named).suffix.lower() if named else ".txt"
                src = extract.from_bytes(stdin if is_stdin else data, name, suffix, options.encoding)
            else:
                src = extract.read(path, name, options.encoding, options.max_bytes)
    except InputError as exc:
        return FileRun(unreadable(name, exc, settings.fail_on))
    ruleset = resolver.ruleset(settings)
    result, document = _check(src, ruleset, settings, options.year, options.regex_timeout)
    return FileRun(result, src, document, settings, ruleset, options.year, options.regex_timeout)


def _check(src: source.Source, ruleset: RuleSet, settings: config.Settings,
           year: int | None, timeout: float) -> tuple[FileResult, Document]:
    """Lint, then fold each habit into one finding (after suppression, before any output)."""
    result, document = analyse(src, ruleset, year, settings.require_reason, settings.fail_on,
                               settings.published, timeout)
    folded = habits.fold(result.diagnostics, settings.habit_threshold)
    return (result if folded is result.diagnostics else replace(result, diagnostics=folded)), document


def lint_path(path: str, resolver: Resolver, stdin: bytes | None = None) -> FileResult:
    """Lint one file (or stdin for '-', named by --stdin-filename) under its own settings."""
    run = run_file(path, resolver, stdin)
    keep = run.source is not None and resolver.options.keep_text
    return replace(run.result, text=run.source.text) if keep else run.result


def lint_paths(paths: Iterable[str], resolver: Resolver | None = None,
               stdin: bytes | None = None) -> Iterator[FileResult]:
    """Every report under `paths`, in collect order, each yielded as soon as it is linted: in
    this process for a few files, in worker processes for a batch (`Options.jobs` decides
    when set; pipeline/batch.py). Nothing keeps the results: a caller that streams them
    holds one at a time."""
    resolver = resolver or Resolver()
    files = list(collect(paths, resolver))
    if files:   # compile the first file's rule set here: workers inherit it, pack errors show once
        first = resolver.options.stdin_filename if files[0] == STDIN else files[0]
        precompile(resolver, Path(first) if first else None)
    return batch.run(LintWorker(resolver, stdin), files, resolver.options.jobs)


def precompile(resolver: Resolver, path: Path | None) -> None:
    """Compile a file's rule set before the workers fork, so they inherit it. An error in
    the command line's packs or selection stops the run here, in one line; one in a
    configuration found beside the files is left to be those files' error."""
    settings = resolver.settings(path)
    if settings.error:
        return
    try:
        resolver.ruleset(settings)
    except LawlintError:
        if not resolver.found(settings):
            raise


class LintWorker:
    """What each worker process lints with: the resolver (its rule sets compiled once) and
    the bytes of stdin, for '-'."""

    def __init__(self, resolver: Resolver, stdin: bytes | None = None):
        self.resolver = resolver
        self.stdin = stdin

    def start(self) -> None:
        """Nothing to build: forked workers inherit the parent's compiled rule sets."""

    def run(self, path: str) -> FileResult:
        return lint_path(path, self.resolver, self.stdin)

    def failed(self, path: str, error: BaseException) -> FileResult:
        return failure(path, error, self.resolver.options.stdin_filename)


def unreadable(name: str, error: InputError, fail_on: str = "error") -> FileResult:
    """The result of a file that could not be turned into text: the error, and what to do."""
    reason = f"{error.message} ({error.hint})" if error.hint else error.message
    return FileResult(name, error=reason, fail_on=fail_on,
                      unsupported=isinstance(error, UnsupportedFormat))


def failure(path: str, error: BaseException, stdin_filename: str | None = None) -> FileResult:
    """The result of a file that lawlint itself failed on (a bug, memory running out, a worker
    process killed): an error naming the exception, so this file is reported and exits 2."""
    name = (stdin_filename or "<stdin>") if path == STDIN else Path(path).as_posix()
    if isinstance(error, LawlintError):   # a per-folder configuration or pack error
        reason = str(error)
    elif isinstance(error, batch.WorkerDied):
        reason = (f"处理本文件的工作进程意外退出（{error.args[0] if error.args else ''}）；"
                  "可能是内存不足，请单独检查此文件，加 --jobs 1 可在本进程中重现")
    else:
        reason = internal(error, "处理本文件时")
    return FileResult(name, error=reason)
