"""Items (paths) in, results out in the same order: in-process for a few, worker processes
once there are enough to pay for starting them (ruff lints in parallel by default too).

A result is yielded as soon as it and every one before it are done (`Ordered`, a small
reorder buffer), so output streams in a stable order whatever order the workers finish in.
The processes themselves are in pipeline/workers.py, imported only for a batch that uses them.

A worker's state is the `Worker` object itself: each process gets it, calls `start()` once and
then `run(item)` per item; nothing is kept in module globals.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Generic, Protocol, TypeVar

R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

# Below this many files one process. Workers cost ~10–15 ms to start and stop, and ~5% more
# when no core is free; with a free core they save up to half (benchmarks/threshold.py,
# docs/performance.md, issue 12). From 32 files the worst case is ~10 ms.
THRESHOLD = 32
_CHUNK = 8      # items per message: amortises the pipe round trip (~0.1 ms) over ~20 ms of work


class Worker(Protocol[R_co]):
    def start(self) -> None:
        """Once per process, before the first item."""

    def run(self, item: str) -> R_co:
        """One item's result; never raises for a bad input (that is a result too)."""

    def failed(self, item: str, error: BaseException) -> R_co:
        """The item's result when `run` raised or its process died: lawlint's own bug or
        a resource running out, reported on that item so the rest of the batch goes on."""


class WorkerDied(RuntimeError):
    """A worker process ended while on `items` (killed for memory, a crash in a C library):
    raised by pipeline/workers.py, given to `Worker.failed` for the item that killed it."""

    def __init__(self, exitcode: int | None, items: Sequence[str]) -> None:
        super().__init__(f"a worker process ended (exit code {exitcode}) while on: "
                         + ", ".join(items))


def guarded(worker: Worker[R], item: str) -> R:
    """The one error boundary of a batch: whatever `run` raises becomes that item's result."""
    try:
        return worker.run(item)
    except Exception as error:   # noqa: BLE001 - any bug or exhaustion: this file's error only
        return worker.failed(item, error)


def cpu_count() -> int:
    """The CPUs this process may run on (a container's or taskset's limit, not the host's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):   # not Linux
        return os.cpu_count() or 1


def workers_for(count: int, jobs: int | None) -> int:
    """Worker processes for `count` items: `jobs` when given (1: in-process), else one per CPU
    once there are THRESHOLD items; never more than there are items."""
    if jobs is None:
        jobs = cpu_count() if count >= THRESHOLD else 1
    return max(1, min(jobs, count))


def run(worker: Worker[R], items: Sequence[str], jobs: int | None = None) -> Iterator[R]:
    """Each item's result, in the order of `items`, as soon as it is ready."""
    processes = workers_for(len(items), jobs)
    if processes <= 1:
        return _in_process(worker, items)
    from lawlint.pipeline import workers   # multiprocessing only for a batch that needs it

    return workers.ordered(worker, items, processes, _chunk_size(len(items), processes))


def _in_process(worker: Worker[R], items: Sequence[str]) -> Iterator[R]:
    worker.start()
    for item in items:
        yield guarded(worker, item)


def _chunk_size(count: int, processes: int) -> int:
    """_CHUNK, smaller for a batch too small to give every worker a few chunks."""
    return max(1, min(_CHUNK, count // (processes * 4)))


class Ordered(Generic[R]):
    """A reorder buffer: the results of a run of items arrive keyed by the position of its
    first item, in any order, and leave in item order (positions, not chunk numbers, so a
    chunk may be split and resent item by item)."""

    def __init__(self) -> None:
        self.done: dict[int, list[R]] = {}
        self.next = 0

    def add(self, start: int, results: list[R]) -> list[R]:
        """Store the results of the items from `start` on; return every result that is now
        next in line, in order."""
        self.done[start] = results
        released: list[R] = []
        while self.next in self.done:
            run = self.done.pop(self.next)
            released += run
            self.next += len(run)
        return released
