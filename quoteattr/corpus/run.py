"""A whole corpus run: :func:`run_corpus`."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from quoteattr.corpus.inputs import CorpusInputError, PathLike, iter_documents
from quoteattr.corpus.output import CorpusSummary, ResultWriter, finished_documents, result_row
from quoteattr.corpus.pool import WorkerPool, process_batch

__all__ = ["run_corpus"]


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
    encoding: str | None = None,
    on_note: Callable[[str], None] | None = None,
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
    :class:`~quoteattr.syntax.pipeline.ModelNotFoundError` for a missing model.
    ``encoding`` is that of the ``.txt`` files of a directory (default: UTF-8, else detected);
    ``on_note`` receives the note of each file read in a detected encoding.

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
    documents = iter_documents(source, text_field=text_field, id_field=id_field, encoding=encoding)
    previous = finished_documents(output, repair=True)
    skip = {d for d, s in previous.items() if s == "ok" or not retry_failed}
    summary = CorpusSummary()
    out = ResultWriter(output, summary)
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
            if document.note is not None and on_note is not None:
                on_note(document.note)
            if document.text is None:
                out.write(result_row(document.doc_id, "error", [], document.error, 0.0))
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
            pool = WorkerPool(workers, model, threads_per_worker, timeout, out)
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
