"""Attribute quotes in a whole corpus on one machine, with worker processes.

Input is either a directory of UTF-8 ``.txt`` files (the ``doc_id`` of each
is its path relative to the directory, with ``/`` separators; files are
visited in sorted order) or a JSON Lines file of articles (one object per
line with an id and a text field: ``id`` or else ``doc_id``, and ``text`` by
default). Documents are read lazily and handed to a bounded pool of worker
processes; results are streamed to an output JSON Lines file, one line per
document::

    {"doc_id": "a.txt", "status": "ok", "quotes": [...], "error": null, "seconds": 0.42}

``quotes`` holds :func:`quoteattr.output.export.quote_to_dict` dicts (rebuild them
with :meth:`quoteattr.output.results.QuoteList.from_dicts`); ``status`` is ``ok``,
``error`` (an exception in the engine, a worker crash, or a document that
cannot be read, ``error`` then says why) or ``timeout``. ``seconds`` is the
worker's wall-clock time for the document; documents parsed together in one
batch share the batch's time in proportion to their length.

How it runs:

* **Workers.** ``workers`` processes are started with the ``spawn``
  context; each loads the Stanza model once (:func:`quoteattr.corpus.pool._initialize_worker`)
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

from quoteattr.corpus.cli import build_parser, main
from quoteattr.corpus.inputs import CorpusInputError, Document, iter_documents
from quoteattr.corpus.output import STATUSES, CorpusSummary, finished_documents
from quoteattr.corpus.pool import FAULTS_ENV, WorkerStartError, process_batch
from quoteattr.corpus.run import run_corpus
from quoteattr.exitcodes import EXIT_FAILED as EXIT_FAILED  # the old names, kept importable
from quoteattr.exitcodes import EXIT_INTERRUPTED as EXIT_INTERRUPTED
from quoteattr.exitcodes import EXIT_MODEL as EXIT_MODEL
from quoteattr.exitcodes import EXIT_OK as EXIT_OK
from quoteattr.exitcodes import EXIT_UNREADABLE as EXIT_UNREADABLE

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
