"""Worker processes: attribution of one batch, the worker loop, and the pool that feeds them.

Workers are started with the ``spawn`` context, so their entry point
(:func:`_worker_main`) must stay importable as ``quoteattr.corpus.pool._worker_main``.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from quoteattr.corpus.inputs import PathLike
from quoteattr.corpus.output import ResultWriter, Row, Status, result_row
from quoteattr.output.console import tool_warnings

__all__ = ["FAULTS_ENV", "WorkerPool", "WorkerStartError", "process_batch"]

FAULTS_ENV = "QUOTEATTR_TEST_FAULTS"
"""Environment variable read by worker processes for test-only fault injection."""


class WorkerStartError(RuntimeError):
    """A worker process could not start (it died or failed while loading the model).

    Example:
        >>> str(WorkerStartError("worker exited with code 1 while loading the model"))
        'worker exited with code 1 while loading the model'
    """


def process_batch(
    documents: Sequence[tuple[str | None, str]],
    *,
    model_dir: PathLike | None = None,
    pipeline: Any = None,
) -> list[Row]:
    """Attribute quotes in a few documents, one output row per document.

    The documents are parsed together; if that raises, each one is retried
    alone and an exception is recorded as an ``error`` row for its document.
    A missing model is not a document error: :class:`ModelNotFoundError`
    propagates. The Stanza pipeline is the shared one of the process
    (:func:`quoteattr.syntax.pipeline.get_pipeline`) unless ``pipeline`` is given.

    Example:
        >>> [row] = process_batch([("a1", "« Oui », a dit Paul.")])   # doctest: +SKIP
        >>> row["status"], row["quotes"][0]["content"]["text"]        # doctest: +SKIP
        ('ok', 'Oui')
    """
    from quoteattr.engine import extract_many
    from quoteattr.syntax.pipeline import get_pipeline

    if not documents:
        return []
    nlp = pipeline if pipeline is not None else get_pipeline(model_dir)
    items = [text if doc_id is None else (doc_id, text) for doc_id, text in documents]
    start = time.perf_counter()
    try:
        results = list(extract_many(items, batch_size=len(items), pipeline=nlp, progress=False))
    except Exception as exc:
        if len(documents) == 1:
            seconds = time.perf_counter() - start
            return [
                result_row(documents[0][0], "error", [], f"{type(exc).__name__}: {exc}", seconds)
            ]
        return [row for doc in documents for row in process_batch([doc], pipeline=nlp)]
    elapsed = time.perf_counter() - start
    sizes = [len(text) + 1 for _doc_id, text in documents]
    total = sum(sizes)
    return [
        result_row(doc_id, "ok", quotes.to_dicts(), None, elapsed * size / total)
        for (doc_id, _text), quotes, size in zip(documents, results, sizes, strict=True)
    ]


# -- worker processes ---------------------------------------------------------------------------


def _initialize_worker(model_dir: str | None, threads: int) -> None:
    """Worker initializer: ignore Ctrl-C (the parent handles it), size torch, load the model."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import torch

    torch.set_num_threads(threads)
    from quoteattr.syntax.pipeline import get_pipeline

    get_pipeline(model_dir)


def _load_faults() -> dict[str, set[str]]:
    """Test-only fault injection (see :data:`FAULTS_ENV`)."""
    raw = os.environ.get(FAULTS_ENV)
    if not raw:
        return {}
    data = json.loads(raw)
    return {kind: {str(doc_id) for doc_id in data.get(kind, ())} for kind in ("crash", "hang")}


def _inject_faults(faults: dict[str, set[str]], batch: Sequence[tuple[str, str]]) -> None:
    ids = {doc_id for doc_id, _text in batch}
    if ids & faults.get("crash", set()):
        os._exit(1)
    if ids & faults.get("hang", set()):
        time.sleep(3600)


def _worker_main(conn: Connection, model_dir: str | None, threads: int) -> None:
    """The loop of a worker process: receive a batch, send its rows back."""
    from quoteattr.syntax.pipeline import ModelNotFoundError

    try:
        _initialize_worker(model_dir, threads)
    except ModelNotFoundError as exc:
        conn.send(("fatal", "model", exc.model_dir, str(exc)))
        return
    except Exception as exc:
        conn.send(("fatal", "error", None, f"{type(exc).__name__}: {exc}"))
        return
    faults = _load_faults()
    conn.send(("ready", os.getpid()))
    with tool_warnings("quoteattr corpus"):  # a text that is not French: one line on stderr
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return
            if message is None:
                return
            task_id, batch = message
            if faults:
                _inject_faults(faults, batch)
            rows = process_batch(batch, model_dir=model_dir)
            try:
                conn.send(("done", task_id, rows))
            except (BrokenPipeError, OSError):
                return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    batch: list[tuple[str, str]] | None = None
    task_id: int = 0
    sent_at: float = 0.0
    deadline: float | None = None


class WorkerPool:
    """Worker processes fed one batch at a time, with timeouts and crash recovery.

    A slot whose worker died or was killed is left empty and refilled only
    while there is work left, so a failure at the very end starts no model.
    """

    def __init__(
        self,
        size: int,
        model_dir: str | None,
        threads: int,
        timeout: float | None,
        output: ResultWriter,
    ) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.model_dir = model_dir
        self.threads = threads
        self.timeout = timeout
        self.output = output
        self.retry: deque[tuple[str, str]] = deque()
        self.tasks = 0
        self.started = 0
        self.workers: list[_Worker | None] = [None] * size

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_worker_main,
            args=(child, self.model_dir, self.threads),
            name="quoteattr-corpus-worker",
            daemon=True,
        )
        process.start()
        child.close()
        self.started += 1
        return _Worker(process, parent)

    def run(self, next_batch: Callable[[], list[tuple[str, str]]]) -> None:
        """Feed batches from ``next_batch`` (empty list: input exhausted) until all are done."""
        exhausted = False
        waiting: deque[list[tuple[str, str]]] = deque()  # pulled for a worker still starting

        def work_left() -> bool:
            nonlocal exhausted
            if self.retry or waiting:
                return True
            if not exhausted:
                batch = next_batch()
                if batch:
                    waiting.append(batch)
                exhausted = not batch
            return bool(waiting)

        while True:
            for index, worker in enumerate(self.workers):
                if worker is None:
                    if work_left():
                        self.workers[index] = self._start()
                elif worker.ready and worker.batch is None and work_left():
                    if self.retry:
                        self._send(worker, [self.retry.popleft()])
                    else:
                        self._send(worker, waiting.popleft())
            live = [w for w in self.workers if w is not None]
            busy = [w for w in live if w.batch is not None]
            if not busy and not work_left():
                return
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            handles: list[Any] = []
            for worker in live:
                handles.extend((worker.conn, worker.process.sentinel))
            ready = set(wait(handles, wait_for))
            for index, worker in enumerate(self.workers):
                if worker is not None and (
                    worker.conn in ready or worker.process.sentinel in ready
                ):
                    self._receive(index, worker)
            now = time.monotonic()
            for index, worker in enumerate(self.workers):
                if worker is not None and worker.deadline is not None and now >= worker.deadline:
                    self._timed_out(index, worker)

    def _send(self, worker: _Worker, batch: list[tuple[str, str]]) -> None:
        self.tasks += 1
        worker.task_id = self.tasks
        worker.batch = batch
        worker.sent_at = time.monotonic()
        worker.deadline = (
            None if self.timeout is None else worker.sent_at + self.timeout * len(batch)
        )
        worker.conn.send((worker.task_id, batch))

    def _receive(self, index: int, worker: _Worker) -> None:
        closed = False
        while not closed:
            try:
                message = worker.conn.recv() if worker.conn.poll() else None
            except (EOFError, OSError):
                closed = True
                continue
            if message is None:
                break
            self._handle(worker, message)
        if closed or not worker.process.is_alive():
            self._died(index, worker)

    def _handle(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            worker.ready = True
        elif kind == "done":
            _kind, task_id, rows = message
            if task_id == worker.task_id and worker.batch is not None:
                for row in rows:
                    self.output.write(row)
                worker.batch = None
                worker.deadline = None
        elif kind == "fatal":
            _kind, what, model_dir, detail = message
            if what == "model":
                from quoteattr.syntax.pipeline import ModelNotFoundError

                error = ModelNotFoundError(model_dir)
                error.args = (detail,)
                raise error
            raise WorkerStartError(f"a worker could not load the model: {detail}")

    def _died(self, index: int, worker: _Worker) -> None:
        self.workers[index] = None
        _stop(worker, grace=5.0)
        code = worker.process.exitcode
        if not worker.ready:
            raise WorkerStartError(f"a worker exited with code {code} while loading the model")
        if worker.batch is not None:
            self._fail(worker, "error", f"the worker process died (exit code {code})")

    def _timed_out(self, index: int, worker: _Worker) -> None:
        self.workers[index] = None
        _stop(worker, grace=0.0)
        assert self.timeout is not None
        self._fail(
            worker,
            "timeout",
            f"no result after {self.timeout:g} s; the worker was killed and replaced",
        )

    def _fail(self, worker: _Worker, status: Status, message: str) -> None:
        batch = worker.batch or []
        if len(batch) > 1:
            self.retry.extend(batch)  # retried one by one to find the culprit
        elif batch:
            seconds = time.monotonic() - worker.sent_at
            self.output.write(result_row(batch[0][0], status, [], message, seconds))
        worker.batch = None
        worker.deadline = None

    def close(self) -> None:
        """Ask the workers to exit, then kill those that do not within a few seconds."""
        live = [w for w in self.workers if w is not None]
        for worker in live:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in live:
            _stop(worker, grace=5.0 if worker.ready else 0.0)
        self.workers = [None] * len(self.workers)

    def kill(self) -> None:
        """Kill every worker at once (on an error or an interrupt)."""
        for worker in self.workers:
            if worker is not None:
                _stop(worker, grace=0.0)
        self.workers = [None] * len(self.workers)


def _stop(worker: _Worker, grace: float) -> None:
    """Wait up to ``grace`` seconds for a worker to exit, then kill it; close its pipe."""
    worker.process.join(timeout=grace)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(timeout=5)
    worker.conn.close()
