"""The ``quoteattr corpus`` command.

After the run, ``--table``, ``--speakers`` and ``--review`` write what is derived from the whole
output file (this run's documents and those of earlier runs): one CSV of every quote with its
corpus-wide speaker id (:func:`quoteattr.to_csv`), the corpus speakers table
(:func:`quoteattr.corpus_speakers`) and the review page (:func:`quoteattr.review_page`).
Warnings print as one ``quoteattr corpus: warning: …`` line each.
"""

from __future__ import annotations

import argparse
import math
import signal
import sys
from collections.abc import Sequence
from typing import Any

from quoteattr.corpus.inputs import CorpusInputError
from quoteattr.corpus.pool import WorkerStartError
from quoteattr.corpus.run import run_corpus
from quoteattr.exitcodes import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_MODEL,
    EXIT_OK,
    EXIT_UNREADABLE,
    from_system_exit,
    int_at_least,
)
from quoteattr.output.console import note, tool_warnings

__all__ = ["build_parser", "main"]

PROG = "quoteattr corpus"


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
        type=int_at_least(0),
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
        type=int_at_least(1),
        default=8,
        metavar="B",
        help="documents parsed together by a worker (default: 8)",
    )
    parser.add_argument(
        "--batch-chars",
        type=int_at_least(1),
        default=20_000,
        metavar="C",
        help="most characters in a batch of several documents (default: 20000)",
    )
    parser.add_argument(
        "--threads-per-worker",
        type=int_at_least(1),
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
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        default=None,
        help="encoding of the .txt files (default: UTF-8, else the Western European encoding "
        "charset-normalizer detects, with a note)",
    )
    parser.add_argument(
        "--table",
        metavar="FILE",
        default=None,
        help="after the run, write every quote of OUT as one CSV, with corpus speaker ids",
    )
    parser.add_argument(
        "--speakers",
        metavar="FILE",
        default=None,
        help="after the run, write the corpus speakers table of OUT (CSV)",
    )
    parser.add_argument(
        "--review",
        metavar="FILE",
        default=None,
        help="after the run, write the review page of OUT (HTML)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``quoteattr corpus`` and return its exit status.

    Prints a one-line summary on stderr. Exit status
    (:mod:`quoteattr.exitcodes`): 0 when the run finished (even
    if some documents failed: see the output's ``status``), 1 when a worker
    cannot start, 2 for an unreadable input or output or bad usage, 3 for a
    missing Stanza model, 130 when interrupted (the output stays resumable).

    Example:
        >>> main(["no/such/dir", "out.jsonl"])  # prints "quoteattr corpus: error: ..." on stderr
        2
    """
    parser = build_parser()
    try:
        options = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return from_system_exit(exc)
    from quoteattr.syntax.pipeline import ModelNotFoundError

    if options.workers == 0 and options.timeout is not None:
        print("quoteattr corpus: note: --timeout is not enforced with --workers 0", file=sys.stderr)
    installed, previous = _terminate_as_interrupt()
    try:
        with tool_warnings(PROG):
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
                encoding=options.encoding,
                on_note=lambda message: note(PROG, message),
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
    return _derived(options)


def _derived(options: argparse.Namespace) -> int:
    """Write the ``--table``, ``--speakers`` and ``--review`` files from the output."""
    if not (options.table or options.speakers or options.review):
        return EXIT_OK
    from quoteattr.output.tables import corpus_speakers, review_page, to_csv

    target = ""
    try:
        with tool_warnings(PROG):
            if options.table:
                target = options.table
                to_csv(options.output, options.table)
            if options.speakers:
                target = options.speakers
                corpus_speakers(options.output).to_csv(options.speakers)
            if options.review:
                target = options.review
                page = review_page(options.output, title=f"quoteattr review: {options.input}")
                with open(options.review, "w", encoding="utf-8") as handle:
                    handle.write(page)
    except OSError as exc:
        _error(f"cannot write {target}: {exc.strerror or exc}")
        return EXIT_UNREADABLE
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
    print(f"{PROG}: error: {message}", file=sys.stderr)
