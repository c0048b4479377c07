"""The batch runner: results in collect order whatever order workers finish in, a bad file is
a result and never stops the batch, one process or several give the same results, and the
workers' state lives in the worker object, not in module globals."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lawlint.audit import pool as audit_pool
from lawlint.pipeline import batch, linter, workers

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class Echo:
    """A worker that returns (item, its process, whether start() ran); `slow` items take a
    while, so that later chunks finish first."""

    def __init__(self, slow=(), fail=None, die=None):
        self.slow, self.fail, self.die = set(slow), fail, die
        self.started = False

    def start(self) -> None:
        self.started = True

    def run(self, item: str):
        if item in self.slow:
            time.sleep(0.2)
        if item == self.fail:
            raise ValueError(f"cannot run {item}")
        if item == self.die:
            os._exit(3)
        return item, os.getpid(), self.started

    def failed(self, item: str, error: BaseException):
        return item, "failed", repr(error)


ITEMS = [f"item-{index:02d}" for index in range(40)]


@pytest.mark.parametrize("count, jobs, expected", [
    (1, None, 1), (batch.THRESHOLD - 1, None, 1),           # too few to pay for a pool
    (batch.THRESHOLD, None, batch.cpu_count()), (1000, None, batch.cpu_count()),
    (1000, 1, 1), (1000, 3, 3), (2, 8, 2), (1, 8, 1), (0, None, 1), (0, 4, 1),
])
def test_workers_by_batch_size_unless_jobs_says(count, jobs, expected):
    assert batch.workers_for(count, jobs) == expected


@pytest.mark.parametrize("arrival", [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]])
def test_the_reorder_buffer_releases_results_in_order_as_soon_as_they_can_go(arrival):
    order = batch.Ordered()
    released = []
    for index in arrival:   # chunks of two items: the one at position 2 × index comes
        out = list(order.add(2 * index, [f"{index}a", f"{index}b"]))
        assert out == [f"{i}{s}" for i in range(len(released) // 2, order.next // 2) for s in "ab"]
        released += out
    assert released == [f"{i}{s}" for i in range(4) for s in "ab"]
    assert order.done == {}   # nothing kept once released


def test_order_is_the_items_order_when_the_first_chunk_finishes_last():
    results = list(batch.run(Echo(slow={ITEMS[0]}), ITEMS, jobs=2))
    assert [item for item, _, _ in results] == ITEMS
    assert len({pid for _, pid, _ in results}) == 2 and os.getpid() not in {p for _, p, _ in results}
    assert all(started for _, _, started in results)   # each worker ran start() first


def test_jobs_1_runs_in_this_process():
    results = list(batch.run(Echo(), ITEMS, jobs=1))
    assert [item for item, _, _ in results] == ITEMS
    assert {pid for _, pid, _ in results} == {os.getpid()}


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_exception_is_that_items_failed_result_and_every_other_item_runs(jobs):
    import multiprocessing

    results = list(batch.run(Echo(fail="item-13"), ITEMS, jobs=jobs))
    assert [item for item, _, _ in results] == ITEMS
    assert [r for r in results if r[1] == "failed"] == [("item-13", "failed", "ValueError('cannot run item-13')")]
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_is_replaced_and_only_the_item_that_kills_it_fails():
    import multiprocessing

    results = list(batch.run(Echo(die="item-21"), ITEMS, jobs=2))
    assert [item for item, _, _ in results] == ITEMS
    failed = [r for r in results if r[1] == "failed"]
    assert len(failed) == 1 and failed[0][0] == "item-21" and "exit code 3" in failed[0][2]
    assert multiprocessing.active_children() == []


class Unpicklable(Echo):
    def run(self, item: str):
        return (lambda: item) if item == "item-05" else super().run(item)


def test_a_result_that_cannot_leave_its_worker_is_that_items_failure():
    results = list(batch.run(Unpicklable(), ITEMS, jobs=2))
    assert [r[0] for r in results] == ITEMS and [r[0] for r in results if r[1] == "failed"] == ["item-05"]


def test_a_caller_that_stops_early_stops_the_workers():
    import multiprocessing

    results = batch.run(Echo(), ITEMS, jobs=2)
    assert next(results)[0] == ITEMS[0]
    results.close()
    assert multiprocessing.active_children() == []


def test_an_unreadable_file_in_the_middle_is_a_result_and_the_rest_still_run(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(30):
        (tmp_path / f"r{index:02d}.txt").write_bytes(seeds[index % len(seeds)].read_bytes())
    (tmp_path / "r15.txt").write_bytes(b"\x00\x01binary")
    for jobs in (1, 2):
        resolver = linter.Resolver(linter.Options(isolated=True, jobs=jobs))
        results = list(linter.lint_paths([str(tmp_path)], resolver))
        assert [Path(r.path).name for r in results] == [f"r{i:02d}.txt" for i in range(30)]
        assert [r.error is not None for r in results] == [i == 15 for i in range(30)]
        assert all(r.diagnostics for r in results if r.error is None)


def test_one_process_and_two_give_the_same_results_on_the_seeds():
    def lint(jobs: int) -> list:
        resolver = linter.Resolver(linter.Options(isolated=True, jobs=jobs, keep_text=True))
        return list(linter.lint_paths([str(SEEDS)] * 6, resolver))

    alone, pooled = lint(1), lint(2)
    assert len(alone) == 6 * len(list(SEEDS.glob("*.txt")))
    assert pooled == alone and all(r.text for r in pooled)


def test_audit_items_are_the_same_in_one_process_and_in_two(tmp_path):
    files = [str(path) for path in sorted(SEEDS.glob("*.txt"))] * 4
    options = linter.Options(isolated=True)
    assert audit_pool.run(files, options, 2, use_cache=False) == \
        audit_pool.run(files, options, 1, use_cache=False)


def test_lint_paths_streams():
    resolver = linter.Resolver(linter.Options(isolated=True))
    results = linter.lint_paths([str(SEEDS)], resolver)
    assert not isinstance(results, (list, tuple)) and next(results).path.endswith(".txt")


@pytest.mark.parametrize("module", [batch, workers, audit_pool])
def test_worker_state_is_in_the_worker_object_not_in_module_globals(module):
    mutable = {name: type(value).__name__ for name, value in vars(module).items()
               if not name.startswith("__") and isinstance(value, (dict, list, set, bytearray))}
    assert mutable == {}


def test_one_file_starts_no_pool_and_imports_no_multiprocessing():
    code = ("import sys; from lawlint.pipeline import linter; "
            f"list(linter.lint_paths([{str(SEEDS / '004_3b8f22655ae3d0b6.txt')!r}], "
            "linter.Resolver(linter.Options(isolated=True)))); "
            "print('multiprocessing' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
