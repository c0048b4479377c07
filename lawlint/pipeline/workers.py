"""Chunks of items in, results out in item order: worker processes for pipeline/batch.py.

Each process gets the `Worker` object (forked on POSIX, so it inherits what the parent already
compiled: the rule sets; pickled under spawn), calls `start()`, then runs the chunks it is sent
over its own pipe until told to stop. Whichever worker is free gets the next chunk, at most
_AHEAD each beyond the last chunk yielded: that bounds the reorder buffer and the memory.
A worker's exception is raised in the caller; a worker that dies is `WorkerDied`, not a hang.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import signal
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import fields
from multiprocessing.connection import wait

from lawlint.pipeline.batch import Ordered, Worker

_AHEAD = 2      # chunks handed to each worker beyond the last one yielded


class WorkerDied(RuntimeError):
    def __init__(self, exitcode: int | None, items: Sequence[str]) -> None:
        super().__init__(f"a worker process ended (exit code {exitcode}) while on: "
                         + ", ".join(items))


def ordered(worker: Worker, items: Sequence[str], processes: int, size: int) -> Iterator:
    """Each item's result in item order; the workers stop however the caller stops (the
    end, an error, Ctrl-C, close())."""
    chunks = [items[start:start + size] for start in range(0, len(items), size)]
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    links: list[_Link] = []
    order: Ordered = Ordered()
    sent = 0
    try:
        links.extend(_Link(context, worker) for _ in range(processes))
        while order.next < len(chunks):
            for link in links:
                while len(link.busy) < _AHEAD and sent < len(chunks) \
                        and sent - order.next < _AHEAD * processes:
                    link.send(sent, chunks[sent])
                    sent += 1
            ready = wait([end for link in links if link.busy for end in (link.conn, link.sentinel)])
            for link in links:
                if link.conn in ready or link.sentinel in ready:
                    yield from order.add(*link.receive(chunks))
    finally:
        _stop(links)


class _Link:
    """One worker process, the pipe to it and the chunks it holds."""

    def __init__(self, context, worker: Worker) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(worker, child), daemon=True)
        self.process.start()
        child.close()
        self.sentinel = self.process.sentinel
        self.busy: list[int] = []

    def send(self, index: int, chunk: Sequence[str]) -> None:
        try:
            self.conn.send((index, chunk))
        except OSError:   # it died: receive() says so, naming the chunk it was on
            pass
        self.busy.append(index)

    def receive(self, chunks: list) -> tuple[int, list]:
        """The next finished chunk; a worker's exception is raised here, in the caller."""
        try:
            index, results, error = pickle.loads(self.conn.recv_bytes())
        except (EOFError, OSError):
            self.process.join(1)
            raise WorkerDied(self.process.exitcode, chunks[self.busy[0]]) from None
        self.busy.remove(index)
        if error is not None:
            raise error
        return index, results


def _stop(links: list[_Link]) -> None:
    for link in links:
        try:
            link.conn.send(None)
        except OSError:
            pass
    for link in links:
        link.process.join(timeout=2)
        if link.process.is_alive():
            link.process.terminate()
            link.process.join()
        link.conn.close()


def _serve(worker: Worker, conn) -> None:
    """A worker process: start, then run chunks until told to stop (None) or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    worker.start()
    encoder = _Encoder()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, chunk = task
        try:
            reply = encoder.dumps((index, [worker.run(item) for item in chunk], None))
        except Exception as exc:   # noqa: BLE001 - a bug, or a result that cannot be pickled
            reply = encoder.dumps((index, None, _portable(exc)))
        try:
            conn.send_bytes(reply)
        except (EOFError, OSError):
            return


def _portable(exc: Exception) -> Exception:
    """The exception if it survives pickling, else a RuntimeError with its traceback."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:   # noqa: BLE001
        return RuntimeError("".join(traceback.format_exception(exc)))


class _Encoder:
    """Pickles a frozen dataclass (Diagnostic, Replacement, FileResult, Item) as its class and
    field values, so that unpickling is one call of its __init__: dataclasses' own __setstate__
    looks the fields up again for every object, and a report has ~50 of them (measured: the
    parent unpickles a file's results in 109 µs instead of 193 µs)."""

    def __init__(self) -> None:
        self.names: dict[type, tuple[str, ...]] = {}

    def dumps(self, value) -> bytes:
        buffer = io.BytesIO()
        _Pickler(buffer, self).dump(value)
        return buffer.getvalue()

    def reduce(self, value):
        cls = type(value)
        names = self.names.get(cls)
        if names is None:
            names = self.names[cls] = _init_fields(cls)
        return (cls, tuple([getattr(value, name) for name in names])) if names else NotImplemented


def _init_fields(cls: type) -> tuple[str, ...]:
    """A frozen dataclass's fields when its __init__ takes them all and does nothing else."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or hasattr(cls, "__post_init__"):
        return ()
    found = fields(cls)
    return tuple(field.name for field in found) if all(field.init for field in found) else ()


class _Pickler(pickle.Pickler):
    def __init__(self, buffer: io.BytesIO, encoder: _Encoder) -> None:
        super().__init__(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        self.encoder = encoder

    def reducer_override(self, obj):
        return self.encoder.reduce(obj)
