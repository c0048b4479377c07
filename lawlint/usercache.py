"""Where lawlint keeps what it may recompute: validated pack keys, the trimmed jieba
dictionary, audit results. One place, so the README can say where and how to turn it off.

Off (`LAWLINT_NO_CACHE=1`, or `--no-cache`), nothing is read from or kept in the cache folder:
`cache_dir()` is then a temporary folder private to the run and removed when it ends, so a
caller that needs a file on disk (jieba reads its dictionary from one) still works unchanged.
A caller that only saves time there may ask `enabled()` and skip the cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

OFF = "LAWLINT_NO_CACHE"
_SCRATCH = "_LAWLINT_SCRATCH_DIR"   # the run's temporary folder, inherited by its workers


def enabled() -> bool:
    """False when LAWLINT_NO_CACHE is set to anything but '', 0, false or no."""
    return os.environ.get(OFF, "").strip().lower() in ("", "0", "false", "no")


def cache_dir() -> Path:
    """Per-user cache (LAWLINT_CACHE_DIR, else XDG_CACHE_HOME/lawlint, else ~/.cache/lawlint);
    when the cache is off, the run's temporary folder."""
    if not enabled():
        return _scratch()
    if os.environ.get("LAWLINT_CACHE_DIR"):
        return Path(os.environ["LAWLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lawlint"


@contextmanager
def session(off: bool = False) -> Iterator[None]:
    """A command's span: with the cache off (asked for, or LAWLINT_NO_CACHE), one temporary
    folder made now, so that the worker processes it starts share it through the environment,
    and removed with the environment restored at the end (a command run in-process, as tests
    do, leaves nothing behind)."""
    if not off and enabled():
        yield
        return
    import shutil
    import tempfile   # only when the cache is off: start-up stays as it was

    saved = {key: os.environ.get(key) for key in (OFF, _SCRATCH)}
    folder = tempfile.mkdtemp(prefix="lawlint-nocache-")
    os.environ.update({OFF: "1", _SCRATCH: folder})
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(folder, ignore_errors=True)


def _scratch() -> Path:
    """The run's temporary folder; made here (removed at exit) when no session made it."""
    folder = os.environ.get(_SCRATCH)
    if folder and os.path.isdir(folder):
        return Path(folder)
    import atexit
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="lawlint-nocache-")
    os.environ[_SCRATCH] = folder
    atexit.register(shutil.rmtree, folder, True)
    return Path(folder)


def write(path: Path, data: bytes) -> None:
    """Write a cache file atomically (parallel workers never read half of one); a folder that
    cannot be written only costs speed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass


def kept(name: str, make: Callable[[], Any]) -> Any:
    """The value kept under `name` in the cache (marshal: plain data, ~10× faster to read than
    to rebuild a parsed pack or a word list), else `make()`'s, kept for next time. A damaged
    entry is made again; a value marshal cannot hold (a YAML date) is simply not kept."""
    import marshal

    path = cache_dir() / name
    if enabled():
        try:
            return marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass
    value = make()
    if enabled():
        try:
            write(path, marshal.dumps(value))
        except ValueError:
            pass
    return value
