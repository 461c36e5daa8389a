"""Attribute quotes in a whole corpus on one machine, with worker processes.

Input is either a directory of UTF-8 ``.txt`` files (the ``doc_id`` of each
is its path relative to the directory, with ``/`` separators; files are
visited in sorted order) or a JSON Lines file of articles (one object per
line with an id and a text field: ``id`` or else ``doc_id``, and ``text`` by
default). Documents are read lazily and handed to a bounded pool of worker
processes; results are streamed to an output JSON Lines file, one line per
document::

    {"doc_id": "a.txt", "status": "ok", "quotes": [...], "error": null, "seconds": 0.42}

``quotes`` holds :func:`quoteattr.export.quote_to_dict` dicts (rebuild them
with :meth:`quoteattr.results.QuoteList.from_dicts`); ``status`` is ``ok``,
``error`` (an exception in the engine, a worker crash, or a document that
cannot be read, ``error`` then says why) or ``timeout``. ``seconds`` is the
worker's wall-clock time for the document; documents parsed together in one
batch share the batch's time in proportion to their length.

How it runs:

* **Workers.** ``workers`` processes are started with the ``spawn``
  context; each loads the Stanza model once (:func:`_initialize_worker`)
  and keeps it. ``workers=1`` is one such worker process (so the timeout
  and crash protection still apply); ``workers=0`` runs in the calling
  process, without timeout or crash protection (for debugging and
  embedding). Each worker uses one torch thread unless
  ``threads_per_worker`` says otherwise: scale with workers, not threads
  (on a loaded machine, torch's spinning thread pool makes two threads per
  process many times slower than one).
* **Bounded memory.** Each worker holds at most one batch of at most
  ``batch_size`` documents and ``batch_chars`` characters (a longer
  document goes alone); the input is pulled only when a worker is idle, so
  about ``(workers + 1) × batch_size`` texts at most are in memory, whatever
  the corpus size.
* **Order.** Lines are written in *completion* order, not input order:
  use ``doc_id`` to join. Each line is flushed as soon as it is written.
* **Faults.** A document whose batch raises, crashes its worker or runs
  over the timeout is retried alone; alone, an exception or a crash is
  recorded as ``error`` and an overrun as ``timeout`` (the stuck worker is
  killed and replaced), and the run goes on. A batch of *k* documents may
  run for *k* × ``timeout`` seconds.
* **Resume.** Documents whose ``doc_id`` already has a line in the output
  (status ok, error or timeout) are skipped; a truncated last line left by
  a killed run is cut off first. With ``retry_failed=True`` only ``ok``
  documents are skipped, and the new line of a retried document is
  appended after its old one (the last line of a ``doc_id`` wins). A
  ``doc_id`` seen twice in the input is processed once.

Test-only fault injection: when the environment variable named by
:data:`FAULTS_ENV` holds JSON such as ``{"crash": ["b.txt"], "hang":
["c.txt"]}``, a worker *process* calls ``os._exit(1)`` on a batch holding
``b.txt`` and sleeps for an hour on one holding ``c.txt``. It is read once
when a worker starts, ignored with ``workers=0``, and never set by
quoteattr itself.

Example:
    >>> summary = run_corpus("articles/", "quotes.jsonl", workers=2, timeout=300)  # doctest: +SKIP
    >>> print(summary.line())                                                     # doctest: +SKIP
    quoteattr corpus: 120 documents (118 ok, 1 error, 1 timeout, 0 skipped) in 95.3 s, ...
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "FAULTS_ENV",
    "STATUSES",
    "CorpusInputError",
    "CorpusSummary",
    "Document",
    "WorkerStartError",
    "build_parser",
    "finished_documents",
    "iter_documents",
    "main",
    "process_batch",
    "run_corpus",
]

Status = Literal["ok", "error", "timeout"]
STATUSES: tuple[str, ...] = ("ok", "error", "timeout")
"""The values of the ``status`` field of an output line."""

FAULTS_ENV = "QUOTEATTR_TEST_FAULTS"
"""Environment variable read by worker processes for test-only fault injection."""

Row = dict[str, Any]
PathLike = str | os.PathLike[str]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNREADABLE = 2
EXIT_MODEL = 3
EXIT_INTERRUPTED = 130


class CorpusInputError(Exception):
    """The corpus cannot be read: no such path, or a malformed JSON Lines line.

    Example:
        >>> iter_documents("no/such/corpus")
        Traceback (most recent call last):
        ...
        quoteattr.corpus.CorpusInputError: cannot read no/such/corpus: no such file or directory
    """


class WorkerStartError(RuntimeError):
    """A worker process could not start (it died or failed while loading the model).

    Example:
        >>> str(WorkerStartError("worker exited with code 1 while loading the model"))
        'worker exited with code 1 while loading the model'
    """


@dataclass(frozen=True)
class Document:
    """One document of a corpus: its id and text, or why it cannot be read.

    Example:
        >>> Document("a.txt", "« Oui », dit-il.").error is None
        True
    """

    doc_id: str
    text: str | None
    error: str | None = None


@dataclass
class CorpusSummary:
    """Counts and timing of one :func:`run_corpus` call.

    ``skipped`` counts documents already in the output (and repeated ids);
    ``words`` the whitespace-separated words of the documents processed;
    ``workers_started`` the worker processes started, replacements included.

    Example:
        >>> s = CorpusSummary(ok=3, error=1, timeout=0, skipped=2, seconds=2.0, words=400)
        >>> s.processed, s.docs_per_second
        (4, 2.0)
    """

    ok: int = 0
    error: int = 0
    timeout: int = 0
    skipped: int = 0
    seconds: float = 0.0
    words: int = 0
    workers_started: int = 0

    @property
    def processed(self) -> int:
        """Documents written by this run (ok, error and timeout).

        Example:
            >>> CorpusSummary(ok=1, timeout=1).processed
            2
        """
        return self.ok + self.error + self.timeout

    @property
    def docs_per_second(self) -> float:
        """Processed documents per second of wall-clock time (0 when nothing ran).

        Example:
            >>> CorpusSummary(ok=10, seconds=4.0).docs_per_second
            2.5
        """
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        """Processed words per second of wall-clock time (0 when nothing ran).

        Example:
            >>> CorpusSummary(ok=1, seconds=2.0, words=3000).words_per_second
            1500.0
        """
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The one-line summary the ``quoteattr corpus`` command prints.

        Example:
            >>> CorpusSummary(ok=3, error=1, skipped=2, seconds=2.0, words=400).line()
            'quoteattr corpus: 4 documents (3 ok, 1 error, 0 timeout, 2 skipped) in 2.0 s, 2.00 docs/s, 200 words/s'
        """  # noqa: E501
        return (
            f"quoteattr corpus: {self.processed} documents ({self.ok} ok, {self.error} error, "
            f"{self.timeout} timeout, {self.skipped} skipped) in {self.seconds:.1f} s, "
            f"{self.docs_per_second:.2f} docs/s, {self.words_per_second:.0f} words/s"
        )


# -- input --------------------------------------------------------------------------------------


def iter_documents(
    source: PathLike, *, text_field: str = "text", id_field: str = "id"
) -> Iterator[Document]:
    """Stream the documents of a directory of ``.txt`` files or of a JSON Lines file.

    The path is checked at once (:class:`CorpusInputError` if it cannot be
    read); the documents are then read one at a time. A ``.txt`` file that
    cannot be read or decoded, or a JSON object without a string text field,
    gives a :class:`Document` with ``error`` set; a line that is not a JSON
    object, or has no id, raises :class:`CorpusInputError` when it is
    reached. With the default ``id_field="id"``, a ``doc_id`` field is used
    when ``id`` is absent. Blank lines are ignored.

    Example:
        >>> import json, tempfile
        >>> path = tempfile.mktemp(suffix=".jsonl")
        >>> with open(path, "w") as f:
        ...     _ = f.write(json.dumps({"doc_id": "a1", "text": "Rien."}) + "\\n")
        >>> [(d.doc_id, d.text) for d in iter_documents(path)]
        [('a1', 'Rien.')]
    """
    root = Path(source)
    if root.is_dir():
        return _iter_directory(root)
    try:
        handle = open(root, encoding="utf-8")  # noqa: SIM115 - closed by the generator
    except FileNotFoundError:
        raise CorpusInputError(f"cannot read {source}: no such file or directory") from None
    except OSError as exc:
        raise CorpusInputError(f"cannot read {source}: {exc.strerror or exc}") from None
    id_fields = (id_field, "doc_id") if id_field == "id" else (id_field,)
    return _iter_jsonl(handle, str(source), text_field, id_fields)


def _iter_directory(root: Path) -> Iterator[Document]:
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            path = Path(directory) / name
            doc_id = path.relative_to(root).as_posix()
            try:
                text = path.read_bytes().decode("utf-8")
            except OSError as exc:
                yield Document(doc_id, None, f"cannot read {doc_id}: {exc.strerror or exc}")
            except UnicodeDecodeError as exc:
                yield Document(doc_id, None, f"cannot read {doc_id}: not valid UTF-8 ({exc})")
            else:
                yield Document(doc_id, text)


def _iter_jsonl(
    handle: Any, name: str, text_field: str, id_fields: tuple[str, ...]
) -> Iterator[Document]:
    with handle:
        number = 0
        while True:
            number += 1
            try:
                line = handle.readline()
            except UnicodeDecodeError as exc:
                raise CorpusInputError(f"{name}:{number}: not valid UTF-8 ({exc})") from None
            except OSError as exc:
                raise CorpusInputError(f"cannot read {name}: {exc}") from None
            if not line:
                return
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusInputError(f"{name}:{number}: not JSON ({exc})") from None
            if not isinstance(record, dict):
                raise CorpusInputError(f"{name}:{number}: not a JSON object")
            doc_id = next((record[f] for f in id_fields if record.get(f) is not None), None)
            if doc_id is None:
                fields = " or ".join(repr(f) for f in id_fields)
                raise CorpusInputError(f"{name}:{number}: no {fields} field (see --id-field)")
            doc_id = str(doc_id)
            text = record.get(text_field)
            if isinstance(text, str):
                yield Document(doc_id, text)
            else:
                problem = "missing" if text is None else f"a {type(text).__name__}, not a string"
                yield Document(doc_id, None, f"the {text_field!r} field is {problem}")


# -- output and resume ----------------------------------------------------------------------------


def finished_documents(output: PathLike, *, repair: bool = False) -> dict[str, str]:
    """The ``doc_id → status`` of the documents already in an output file.

    A missing file gives ``{}``. Lines that are not complete JSON objects
    with a ``doc_id`` and a known status are ignored; with ``repair=True`` an
    incomplete *last* line (a run killed while writing) is cut off the file
    so that new lines can be appended. When a ``doc_id`` has several lines,
    the last one wins.

    Example:
        >>> import tempfile
        >>> path = tempfile.mktemp(suffix=".jsonl")
        >>> with open(path, "w") as f:
        ...     _ = f.write('{"doc_id": "a", "status": "ok"}\\n{"doc_id": "b", "sta')
        >>> finished_documents(path, repair=True)
        {'a': 'ok'}
        >>> open(path).read()
        '{"doc_id": "a", "status": "ok"}\\n'
    """
    path = Path(output)
    if not path.exists():
        return {}
    done: dict[str, str] = {}
    offset = 0
    last_good = 0
    with open(path, "rb") as handle:
        for raw in handle:
            offset += len(raw)
            record = _parse_output_line(raw)
            if record is not None:
                done[record[0]] = record[1]
            if raw.endswith(b"\n"):
                last_good = offset
    if repair and last_good < offset:
        with open(path, "r+b") as handle:
            handle.truncate(last_good)
    return done


def _parse_output_line(raw: bytes) -> tuple[str, str] | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    doc_id, status = record.get("doc_id"), record.get("status")
    if isinstance(doc_id, str) and status in STATUSES:
        return doc_id, status
    return None


def _row(
    doc_id: str | None, status: Status, quotes: list[Row], error: str | None, seconds: float
) -> Row:
    return {
        "doc_id": doc_id,
        "status": status,
        "quotes": quotes,
        "error": error,
        "seconds": round(seconds, 4),
    }


class _Output:
    """Appends result lines, flushed one by one, and counts them."""

    def __init__(self, path: PathLike, summary: CorpusSummary) -> None:
        self.handle = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.summary = summary

    def write(self, row: Row) -> None:
        self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.handle.flush()
        status = row["status"]
        setattr(self.summary, status, getattr(self.summary, status) + 1)

    def close(self) -> None:
        self.handle.close()


# -- attribution of one batch (workers, in-process runs and Dask partitions) --------------------


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
    (:func:`quoteattr.pipeline.get_pipeline`) unless ``pipeline`` is given.

    Example:
        >>> [row] = process_batch([("a1", "« Oui », a dit Paul.")])   # doctest: +SKIP
        >>> row["status"], row["quotes"][0]["content"]["text"]        # doctest: +SKIP
        ('ok', 'Oui')
    """
    from quoteattr.engine import extract_many
    from quoteattr.pipeline import get_pipeline

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
            return [_row(documents[0][0], "error", [], f"{type(exc).__name__}: {exc}", seconds)]
        return [row for doc in documents for row in process_batch([doc], pipeline=nlp)]
    elapsed = time.perf_counter() - start
    sizes = [len(text) + 1 for _doc_id, text in documents]
    total = sum(sizes)
    return [
        _row(doc_id, "ok", quotes.to_dicts(), None, elapsed * size / total)
        for (doc_id, _text), quotes, size in zip(documents, results, sizes, strict=True)
    ]


# -- worker processes ---------------------------------------------------------------------------


def _initialize_worker(model_dir: str | None, threads: int) -> None:
    """Worker initializer: ignore Ctrl-C (the parent handles it), size torch, load the model."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import torch

    torch.set_num_threads(threads)
    from quoteattr.pipeline import get_pipeline

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
    from quoteattr.pipeline import ModelNotFoundError

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


class _Pool:
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
        output: _Output,
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
                from quoteattr.pipeline import ModelNotFoundError

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
            self.output.write(_row(batch[0][0], status, [], message, seconds))
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


# -- the run ------------------------------------------------------------------------------------


def run_corpus(
    source: PathLike,
    output: PathLike,
    *,
    workers: int = 1,
    timeout: float | None = None,
    batch_size: int = 8,
    batch_chars: int = 20_000,
    model_dir: PathLike | None = None,
    text_field: str = "text",
    id_field: str = "id",
    retry_failed: bool = False,
    threads_per_worker: int = 1,
) -> CorpusSummary:
    """Attribute every document of a corpus into a JSON Lines output file.

    ``source`` is a directory of ``.txt`` files or a JSON Lines file (see
    :func:`iter_documents`); ``output`` is appended to, and documents it
    already holds are skipped (see the module docstring for the line format,
    ordering, fault handling and resume). ``timeout`` is in seconds per
    document (``None``: no limit). A batch holds at most ``batch_size``
    documents and, unless it is a single document, at most ``batch_chars``
    characters, so that long documents are spread over the workers. Raises
    :class:`CorpusInputError` for an unreadable input (a malformed line
    stops the run after the documents in flight are written; the output
    stays resumable),
    :class:`~quoteattr.pipeline.ModelNotFoundError` for a missing model.

    Example:
        >>> s = run_corpus("dev.jsonl", "out.jsonl", workers=2, id_field="doc_id")  # doctest: +SKIP
        >>> s.ok, s.error, s.timeout, s.skipped                                    # doctest: +SKIP
        (199, 0, 0, 0)
    """
    if workers < 0:
        raise ValueError(f"workers must be 0 or more, got {workers}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if batch_chars < 1:
        raise ValueError(f"batch_chars must be at least 1, got {batch_chars}")
    if threads_per_worker < 1:
        raise ValueError(f"threads_per_worker must be at least 1, got {threads_per_worker}")
    if timeout is not None and not timeout > 0:
        raise ValueError(f"timeout must be positive, got {timeout}")
    started = time.monotonic()
    documents = iter_documents(source, text_field=text_field, id_field=id_field)
    previous = finished_documents(output, repair=True)
    skip = {d for d, s in previous.items() if s == "ok" or not retry_failed}
    summary = CorpusSummary()
    out = _Output(output, summary)
    seen: set[str] = set()
    input_error: list[CorpusInputError] = []

    carried: list[tuple[str, str]] = []  # the document that did not fit in the last batch

    def next_batch() -> list[tuple[str, str]]:
        batch: list[tuple[str, str]] = carried[:]
        carried.clear()
        size = sum(len(text) for _doc_id, text in batch)
        while len(batch) < batch_size:
            try:
                document = next(documents, None)
            except CorpusInputError as exc:
                input_error.append(exc)
                document = None
            if document is None:
                break
            if document.doc_id in skip or document.doc_id in seen:
                summary.skipped += 1
                continue
            seen.add(document.doc_id)
            if document.text is None:
                out.write(_row(document.doc_id, "error", [], document.error, 0.0))
                continue
            summary.words += len(document.text.split())
            if batch and size + len(document.text) > batch_chars:
                carried.append((document.doc_id, document.text))
                break
            batch.append((document.doc_id, document.text))
            size += len(document.text)
        return batch

    model = None if model_dir is None else os.fspath(model_dir)
    try:
        if workers == 0:
            while batch := next_batch():
                for row in process_batch(batch, model_dir=model):
                    out.write(row)
        else:
            pool = _Pool(workers, model, threads_per_worker, timeout, out)
            try:
                pool.run(next_batch)  # starts no worker when there is nothing to do
            except BaseException:
                pool.kill()
                raise
            finally:
                summary.workers_started = pool.started
            pool.close()
    finally:
        out.close()
        summary.seconds = time.monotonic() - started
    if input_error:
        raise input_error[0]
    return summary


# -- command line ---------------------------------------------------------------------------------


def _count(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {number}")
        return number

    return parse


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not number > 0 or math.isinf(number):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {value}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``quoteattr corpus``.

    Example:
        >>> build_parser().parse_args(["in/", "out.jsonl", "--workers", "2"]).workers
        2
    """
    parser = argparse.ArgumentParser(
        prog="quoteattr corpus",
        description="Attribute quotes in a corpus (a directory of .txt files or a JSON Lines "
        "file) with worker processes; one JSON line per document in OUT, in completion order. "
        "Documents already in OUT are skipped, so an interrupted run resumes.",
    )
    parser.add_argument("input", metavar="IN", help="directory of .txt files, or a JSONL file")
    parser.add_argument("output", metavar="OUT", help="output JSON Lines file (appended to)")
    parser.add_argument(
        "-w",
        "--workers",
        type=_count(0),
        default=1,
        metavar="N",
        help="worker processes (default: 1; 0 runs in this process, without timeouts)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=None,
        metavar="S",
        help="seconds per document before its worker is killed (default: no limit)",
    )
    parser.add_argument(
        "--batch-size",
        type=_count(1),
        default=8,
        metavar="B",
        help="documents parsed together by a worker (default: 8)",
    )
    parser.add_argument(
        "--batch-chars",
        type=_count(1),
        default=20_000,
        metavar="C",
        help="most characters in a batch of several documents (default: 20000)",
    )
    parser.add_argument(
        "--threads-per-worker",
        type=_count(1),
        default=1,
        metavar="T",
        help="torch threads in each worker process (default: 1)",
    )
    parser.add_argument(
        "--model-dir", metavar="DIR", default=None, help="directory of the Stanza models"
    )
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSONL field holding the text (default: text)",
    )
    parser.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="JSONL field holding the id (default: id, else doc_id)",
    )
    parser.add_argument(
        "--retry-failed",
        action="store_true",
        help="redo documents recorded as error or timeout in OUT",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``quoteattr corpus`` and return its exit status.

    Prints a one-line summary on stderr. Exit status: 0 when the run
    finished (even if some documents failed: see the output's ``status``),
    1 when a worker cannot start, 2 for an unreadable input or output or bad usage, 3 for a missing
    Stanza model, 130 when interrupted (the output stays resumable).

    Example:
        >>> main(["no/such/dir", "out.jsonl"])  # prints "quoteattr corpus: error: ..." on stderr
        2
    """
    parser = build_parser()
    try:
        options = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_UNREADABLE
    from quoteattr.pipeline import ModelNotFoundError

    if options.workers == 0 and options.timeout is not None:
        print("quoteattr corpus: note: --timeout is not enforced with --workers 0", file=sys.stderr)
    installed, previous = _terminate_as_interrupt()
    try:
        summary = run_corpus(
            options.input,
            options.output,
            workers=options.workers,
            timeout=options.timeout,
            batch_size=options.batch_size,
            batch_chars=options.batch_chars,
            model_dir=options.model_dir,
            text_field=options.text_field,
            id_field=options.id_field,
            retry_failed=options.retry_failed,
            threads_per_worker=options.threads_per_worker,
        )
    except CorpusInputError as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    except ModelNotFoundError as exc:
        _error(str(exc))
        return EXIT_MODEL
    except IsADirectoryError:
        _error(f"cannot write {options.output}: is a directory")
        return EXIT_UNREADABLE
    except OSError as exc:
        _error(f"cannot write {options.output}: {exc.strerror or exc}")
        return EXIT_UNREADABLE
    except WorkerStartError as exc:
        _error(str(exc))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _error("interrupted; run the same command again to resume")
        return EXIT_INTERRUPTED
    finally:
        if installed:
            signal.signal(signal.SIGTERM, previous)
    print(summary.line(), file=sys.stderr)
    return EXIT_OK


def _terminate_as_interrupt() -> tuple[bool, Any]:
    """Make SIGTERM stop the run like Ctrl-C (workers killed, output resumable).

    Returns whether the handler was installed (not possible outside the main
    thread) and the previous one.
    """

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        return True, signal.signal(signal.SIGTERM, interrupt)
    except ValueError:
        return False, None


def _error(message: str) -> None:
    print(f"quoteattr corpus: error: {message}", file=sys.stderr)
