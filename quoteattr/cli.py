"""The ``quoteattr`` command: find who said what in French text files.

Usage::

    quoteattr [--format text|json|jsonl|csv|html|review] [--encoding ENC]
              [--min-confidence X] [--needs-review | --passed-review] [--speakers FILE]
              [--model-dir DIR] [--batch-size N] [--batch-chars C] [--threads N]
              [--progress | --no-progress] [--version] [FILE ...]
    quoteattr evaluate ...
    quoteattr corpus IN OUT [--workers N] [--timeout S] [--batch-size B] ...

Input (:mod:`quoteattr.text.encoding`): files are read as UTF-8 (a byte-order mark is
removed); a file that is not UTF-8 is read in the Western European encoding charset-normalizer
detects (Windows-1252 for Latin-1 files), with a note on standard error naming it;
``--encoding ENC`` reads every input in ``ENC`` instead. ``-`` or no file at all reads standard
input; every record carries the file name as ``doc_id`` (``<stdin>`` for standard input).

Output (:mod:`quoteattr.output.stream`): ``text`` (readable blocks), ``json``, ``jsonl``,
``csv``, ``html`` (a page to open in a browser) or ``review`` (the review page:
:mod:`quoteattr.output.review_page`). Every record carries its speaker id
(:mod:`quoteattr.output.corpus_speakers`), its review decision and its claim signals.
Documents are parsed at most ``--batch-size`` at a time and ``--batch-chars`` characters per
batch (a longer document goes alone), and each document is written, and flushed, as soon as it
is done: the first results of a long run show at once. A long document (more than
``--batch-chars`` characters) shows a progress bar over its chunks on standard error, and
several documents a bar over the documents, when standard error is a terminal or with
``--progress``.

Filters: ``--min-confidence X`` keeps the records whose confidence is at least ``X``;
``--needs-review`` keeps only those that need a human look (:attr:`Quote.needs_review
<quoteattr.records.Quote.needs_review>`), ``--passed-review`` only the others (what can be
published as is). ``--speakers FILE`` writes the corpus-wide speakers table of the run (CSV).

Messages: quoteattr's warnings (a text that is not French) print as one line
``quoteattr: warning: …``; errors as ``quoteattr: error: …``.

``quoteattr corpus`` processes a whole corpus with worker processes into a resumable JSON Lines
file (see :mod:`quoteattr.corpus`).

Exit status (:mod:`quoteattr.exitcodes`, shared by every command): 0 success, 1 no input, 2
unreadable or undecodable file or bad usage, 3 missing Stanza model, 130 interrupted.

Example:
    >>> main(["--format", "json", "no/such/file.txt"])  # error goes to stderr
    2
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from quoteattr.exitcodes import (
    EXIT_INTERRUPTED,
    EXIT_MODEL,
    EXIT_NO_INPUT,
    EXIT_OK,
    EXIT_UNREADABLE,
    from_system_exit,
    int_at_least,
)
from quoteattr.output.console import note, tool_warnings
from quoteattr.output.results import QuoteList
from quoteattr.output.stream import FORMATS, DocumentWriter
from quoteattr.records import Quote
from quoteattr.text.encoding import UndecodableError, decode

__all__ = [
    "EXIT_MODEL",
    "EXIT_NO_INPUT",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "build_parser",
    "int_at_least",
    "main",
]

PROG = "quoteattr"
STDIN_ID = "<stdin>"
"""The ``doc_id`` of text read from standard input."""
BATCH_CHARS = 20_000
"""Default ``--batch-chars``: at most this many characters in a batch of several documents."""

ExtractMany = Callable[..., Iterable[QuoteList]]
"""Signature of :func:`quoteattr.engine.extract_many` (injectable in :func:`main`)."""
Extract = Callable[..., QuoteList]
"""Signature of :func:`quoteattr.engine.extract` (injectable in :func:`main`)."""


class _InputError(Exception):
    """An input that cannot be read or decoded."""


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must lie between 0 and 1, got {value}")
    return number


def _version() -> str:
    from quoteattr import __version__

    return f"{PROG} {__version__}"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quoteattr`` command (without ``evaluate`` and ``corpus``).

    Example:
        >>> build_parser().parse_args(["--format", "csv", "a.txt"]).format
        'csv'
    """
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Find quotations and reported speech in French text, "
        "with speaker, cue and exact offsets.",
        epilog="Evaluation against a gold corpus: quoteattr evaluate --help. "
        "A whole corpus with worker processes: quoteattr corpus --help",
    )
    add = parser.add_argument
    add("files", nargs="*", metavar="FILE", help="text files; '-' or nothing reads standard input")
    add("-f", "--format", choices=FORMATS, default="text", help="output format (default: text)")
    add("--version", action="version", version=_version())
    add(
        "--encoding",
        metavar="ENC",
        default=None,
        help="encoding of the inputs (default: UTF-8, else the Western European encoding "
        "charset-normalizer detects, with a note)",
    )
    add(
        "--min-confidence",
        type=_confidence,
        default=None,
        metavar="X",
        help="only records whose confidence is at least X (0 to 1)",
    )
    review = parser.add_mutually_exclusive_group()
    review.add_argument(
        "--needs-review", action="store_true", help="only records that need a human look"
    )
    review.add_argument(
        "--passed-review", action="store_true", help="only records that need no review"
    )
    add("--speakers", metavar="FILE", default=None, help="write the speakers table (CSV) there")
    add("--model-dir", metavar="DIR", default=None, help="directory of the Stanza models")
    add(
        "--batch-size",
        type=int_at_least(1),
        default=16,
        metavar="N",
        help="documents parsed together (default: 16)",
    )
    add(
        "--batch-chars",
        type=int_at_least(1),
        default=BATCH_CHARS,
        metavar="C",
        help=f"most characters parsed together; a longer document goes alone, with a progress "
        f"bar (default: {BATCH_CHARS})",
    )
    add(
        "--threads",
        type=int_at_least(1),
        default=None,
        metavar="N",
        help="torch CPU threads for the parser (default: half the CPUs, at most 4: "
        "one on a two-core machine, where more is slower)",
    )
    add(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bars on standard error (default: when it is a terminal)",
    )
    return parser


def _decode(name: str, data: bytes, encoding: str | None) -> str:
    try:
        decoded = decode(data, encoding)
    except UndecodableError as exc:
        raise _InputError(f"cannot read {name}: {exc}") from None
    if decoded.detected:
        note(
            PROG,
            f"{name} is not UTF-8: read as {decoded.encoding} (detected by charset-normalizer); "
            "give --encoding to choose",
        )
    return decoded.text


def _read(name: str, encoding: str | None) -> tuple[str, str]:
    if name == "-":
        stream = sys.stdin
        if stream is None:
            raise _InputError(f"cannot read {STDIN_ID}: no standard input")
        try:
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                return STDIN_ID, str(stream.read())
            data: bytes = buffer.read()
        except OSError as exc:
            raise _InputError(f"cannot read {STDIN_ID}: {exc}") from exc
        return STDIN_ID, _decode(STDIN_ID, data, encoding)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise _InputError(f"cannot read {name}: {exc.strerror or exc}") from exc
    return name, _decode(name, data, encoding)


def _batches(
    items: Sequence[tuple[str, str]], size: int, chars: int
) -> Iterator[list[tuple[str, str]]]:
    """Batches of at most ``size`` documents and ``chars`` characters (a longer one alone)."""
    batch: list[tuple[str, str]] = []
    total = 0
    for item in items:
        if batch and (len(batch) >= size or total + len(item[1]) > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += len(item[1])
    if batch:
        yield batch


def _documents_bar(show: bool, total: int) -> Any:
    """A tqdm bar over the documents on stderr, or ``None``."""
    if not show or total < 2:
        return None
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except (ImportError, AttributeError):
        return None
    return tqdm(total=total, unit="doc", file=sys.stderr, leave=False)


def _engine(name: str) -> Any:
    """:func:`quoteattr.engine.extract` or ``extract_many``, imported only when needed."""
    return getattr(importlib.import_module("quoteattr.engine"), name)


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _evaluate(argv: Sequence[str]) -> int:
    try:
        module = importlib.import_module("quoteattr.evaluate")
    except ModuleNotFoundError as exc:
        if exc.name != "quoteattr.evaluate":
            raise
        _error("the evaluate command is not available in this installation")
        return EXIT_UNREADABLE
    evaluate_main: Callable[[list[str]], Any] = module.main
    return int(evaluate_main(list(argv)) or 0)


def _corpus(argv: Sequence[str]) -> int:
    from quoteattr.corpus import main as corpus_main

    return corpus_main(list(argv))


def main(
    argv: Sequence[str] | None = None,
    *,
    extract_many: ExtractMany | None = None,
    extract: Extract | None = None,
) -> int:
    """Run the ``quoteattr`` command and return its exit status.

    ``argv`` defaults to ``sys.argv[1:]``; ``extract_many`` and ``extract`` replace
    :func:`quoteattr.engine.extract_many` and :func:`quoteattr.engine.extract` (for tests and
    embedding; ``extract`` parses a long document alone, with a progress bar). A first
    argument ``evaluate`` runs :func:`quoteattr.evaluate.main` on the rest, ``corpus`` runs
    :func:`quoteattr.corpus.main` on the rest.

    Example:
        >>> main(["no/such/file.txt"])  # prints "quoteattr: error: cannot read ..." on stderr
        2
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "evaluate":
        return _evaluate(args[1:])
    if args and args[0] == "corpus":
        return _corpus(args[1:])
    parser = build_parser()
    try:
        options = parser.parse_args(args)
    except SystemExit as exc:  # --help, --version (0) or a usage error (2)
        return from_system_exit(exc)
    files: list[str] = options.files or ["-"]
    if not options.files and sys.stdin is not None and sys.stdin.isatty():
        _error("no input: give FILE arguments or pipe text on standard input")
        return EXIT_NO_INPUT
    try:
        items = [_read(name, options.encoding) for name in files]
    except _InputError as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    if not any(text.strip() for _, text in items):
        _error("no input: the input text is empty")
        return EXIT_NO_INPUT
    with tool_warnings(PROG):
        return _run(items, options, extract_many, extract)


def _keep(options: argparse.Namespace) -> Callable[[Quote], bool] | None:
    floor: float | None = options.min_confidence
    if floor is None and not options.needs_review and not options.passed_review:
        return None

    def keep(quote: Quote) -> bool:
        if floor is not None and quote.confidence < floor:
            return False
        if options.needs_review and not quote.needs_review:
            return False
        return not (options.passed_review and quote.needs_review)

    return keep


def _run(
    items: list[tuple[str, str]],
    options: argparse.Namespace,
    extract_many: ExtractMany | None,
    extract: Extract | None,
) -> int:
    from quoteattr.syntax.pipeline import ModelNotFoundError

    writer = DocumentWriter(options.format, sys.stdout, keep=_keep(options))
    show = options.progress if options.progress is not None else sys.stderr.isatty()
    bar = _documents_bar(show, len(items))
    settings = {"model_dir": options.model_dir, "threads": options.threads}
    try:
        for batch in _batches(items, options.batch_size, options.batch_chars):
            results: Iterable[QuoteList]
            if len(batch) == 1 and len(batch[0][1]) > options.batch_chars:
                one = extract if extract is not None else _engine("extract")
                doc_id, text = batch[0]
                results = [QuoteList(one(text, progress=show, **settings), doc_id=doc_id)]
            else:
                many = extract_many if extract_many is not None else _engine("extract_many")
                results = many(batch, batch_size=options.batch_size, progress=False, **settings)
            for (doc_id, text), quotes in zip(batch, results, strict=False):
                if quotes.doc_id is None:
                    quotes.doc_id = doc_id
                if not quotes.text:
                    quotes.text = text
                writer.write(quotes, quotes.doc_id or doc_id)
                if bar is not None:
                    bar.update(1)
        writer.close()
    except ModelNotFoundError as exc:
        _error(str(exc))
        return EXIT_MODEL
    except BrokenPipeError:
        # the reader went away (``quoteattr big.txt | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        if bar is not None:
            bar.close()
    if options.speakers is not None:
        try:
            writer.speakers().to_csv(options.speakers)
        except OSError as exc:
            _error(f"cannot write {options.speakers}: {exc.strerror or exc}")
            return EXIT_UNREADABLE
    return EXIT_OK
