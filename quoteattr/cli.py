"""The ``quoteattr`` command: find who said what in French text files.

Usage::

    quoteattr [--format text|json|jsonl|csv|html] [--model-dir DIR] [--batch-size N]
              [--threads N] [FILE ...]
    quoteattr evaluate ...
    quoteattr corpus IN OUT [--workers N] [--timeout S] [--batch-size B] ...

Files are read as UTF-8 (``-`` or no file at all reads standard input) and
every record carries the file name as ``doc_id`` (``<stdin>`` for standard
input). Output formats:

* ``text``: readable, one block per quote (content, kind, speaker and
  mention, cue, sieve, confidence);
* ``json``: one JSON array of documents ``{"doc_id", "text", "quotes"}``;
* ``jsonl``: one JSON object per quote, with its ``doc_id``;
* ``csv``: one row per quote, flat columns (see :data:`quoteattr.output.export.CSV_COLUMNS`);
* ``html``: one self-contained page with every document highlighted, as
  Jupyter shows it (:func:`quoteattr.output.display.render_page`): redirect it to a
  file and open it in a browser.

``--threads N`` sets the torch CPU threads of the parser (default:
:func:`quoteattr.syntax.pipeline.default_threads`, one on a two-core machine).

``quoteattr corpus`` processes a whole corpus with worker processes into a
resumable JSON Lines file (see :mod:`quoteattr.corpus`).

Exit status (:mod:`quoteattr.exitcodes`, shared by every
command): 0 success, 1 no input, 2 unreadable file, undecodable UTF-8 or bad
usage, 3 missing Stanza model, 130 interrupted.

Example:
    >>> main(["--format", "json", "no/such/file.txt"])  # error goes to stderr
    2
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from quoteattr.exitcodes import (
    EXIT_INTERRUPTED,
    EXIT_MODEL,
    EXIT_NO_INPUT,
    EXIT_OK,
    EXIT_UNREADABLE,
    from_system_exit,
    int_at_least,
)
from quoteattr.output.export import CSV_COLUMNS, quote_to_row
from quoteattr.output.results import QuoteList
from quoteattr.records import Quote

__all__ = [
    "EXIT_MODEL",
    "EXIT_NO_INPUT",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "build_parser",
    "int_at_least",
    "main",
]

STDIN_ID = "<stdin>"
"""The ``doc_id`` of text read from standard input."""

FORMATS = ("text", "json", "jsonl", "csv", "html")

ExtractMany = Callable[..., Iterable[QuoteList]]
"""Signature of :func:`quoteattr.engine.extract_many` (injectable in :func:`main`)."""


class _InputError(Exception):
    """An input that cannot be read or decoded."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quoteattr`` command (without ``evaluate``).

    Example:
        >>> build_parser().parse_args(["--format", "csv", "a.txt"]).format
        'csv'
    """
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find quotations and reported speech in French text, "
        "with speaker, cue and exact offsets.",
        epilog="Evaluation against a gold corpus: quoteattr evaluate --help. "
        "A whole corpus with worker processes: quoteattr corpus --help",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="UTF-8 text files; '-' or nothing reads standard input",
    )
    parser.add_argument(
        "-f", "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--model-dir", metavar="DIR", default=None, help="directory of the Stanza models"
    )
    parser.add_argument(
        "--batch-size",
        type=int_at_least(1),
        default=16,
        metavar="N",
        help="documents parsed together (default: 16)",
    )
    parser.add_argument(
        "--threads",
        type=int_at_least(1),
        default=None,
        metavar="N",
        help="torch CPU threads for the parser (default: half the CPUs, at most 4: "
        "one on a two-core machine, where more is slower)",
    )
    return parser


def _read_stdin() -> str:
    stream = sys.stdin
    if stream is None:
        raise _InputError(f"cannot read {STDIN_ID}: no standard input")
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data: bytes = buffer.read()
            return data.decode("utf-8")
        return stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise _InputError(f"cannot read {STDIN_ID}: {exc}") from exc


def _read_file(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        return data.decode("utf-8")
    except OSError as exc:
        raise _InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise _InputError(f"cannot read {path}: not valid UTF-8 ({exc})") from exc


def _read_inputs(files: Sequence[str]) -> list[tuple[str, str]]:
    return [
        (STDIN_ID, _read_stdin()) if name == "-" else (name, _read_file(name)) for name in files
    ]


def _model_not_found_error() -> type[BaseException]:
    """:class:`quoteattr.syntax.pipeline.ModelNotFoundError` (that module loads no model)."""
    from quoteattr.syntax.pipeline import ModelNotFoundError

    return ModelNotFoundError


def _default_extract_many() -> ExtractMany:
    """:func:`quoteattr.engine.extract_many`, imported only when needed."""
    from quoteattr.engine import extract_many

    return extract_many


def _progress(results: Iterable[QuoteList], total: int) -> Iterable[QuoteList]:
    """Wrap ``results`` in a tqdm bar on stderr when useful and available."""
    if total < 2 or not getattr(sys.stderr, "isatty", lambda: False)():
        return results
    try:
        tqdm = importlib.import_module("tqdm").tqdm
    except (ImportError, AttributeError):
        return results
    bar: Iterable[QuoteList] = tqdm(results, total=total, unit="doc", file=sys.stderr, leave=False)
    return bar


def _describe_quote(number: int, quote: Quote) -> str:
    lines = [f"{number}. [{quote.kind.value}] «{quote.content.text}»"]
    speaker = quote.speaker
    if speaker is None:
        lines.append("   speaker:    (unattributed)")
    else:
        who = speaker.name if speaker.name is not None else "(unknown)"
        if speaker.mention is not None:
            mention = speaker.mention
            who += (
                f" — mention «{mention.text}» ({speaker.kind.value}, {mention.start}-{mention.end})"
            )
        lines.append(f"   speaker:    {who}")
    if quote.cue is not None:
        cue = quote.cue
        lines.append(
            f"   cue:        «{cue.span.text}» ({cue.lemma}; {cue.cls.value}, "
            f"{cue.polarity.value}, {cue.modality.value})"
        )
    else:
        lines.append("   cue:        (none)")
    lines.append(
        f"   rule:       {quote.rule} · confidence {quote.confidence:.2f} · "
        f"offsets {quote.content.start}-{quote.content.end} · "
        f"paragraph {quote.paragraph}, sentence {quote.sentence}"
    )
    return "\n".join(lines)


def _format_text(quotes: QuoteList, doc_id: str) -> str:
    count = len(quotes)
    blocks = [f"== {doc_id}: {count} quote{'s' if count != 1 else ''} =="]
    blocks.extend(_describe_quote(i, q) for i, q in enumerate(quotes, start=1))
    return "\n".join(blocks) + "\n"


class _Writer:
    """Streams documents to ``out`` in one of the output formats."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.count = 0
        self.csv: csv.DictWriter[str] | None = None
        self.pages: list[tuple[str, str]] = []  # html: (doc_id, fragment), written at the end

    def _csv(self) -> csv.DictWriter[str]:
        # the header is written lazily: nothing reaches stdout if the model is missing
        if self.csv is None:
            self.csv = csv.DictWriter(self.out, fieldnames=CSV_COLUMNS)
            self.csv.writeheader()
        return self.csv

    def write(self, quotes: QuoteList, doc_id: str) -> None:
        if self.fmt == "text":
            self.out.write(("\n" if self.count else "") + _format_text(quotes, doc_id))
        elif self.fmt == "json":
            payload = {"doc_id": doc_id, "text": quotes.text, "quotes": quotes.to_dicts()}
            self.out.write("[\n" if self.count == 0 else ",\n")
            self.out.write(json.dumps(payload, ensure_ascii=False, indent=2))
        elif self.fmt == "jsonl":
            for row in quotes.to_dicts():
                self.out.write(json.dumps({"doc_id": doc_id, **row}, ensure_ascii=False) + "\n")
        elif self.fmt == "html":
            self.pages.append((doc_id, quotes.to_html()))
        else:
            self._csv().writerows(quote_to_row(q, doc_id) for q in quotes)
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "csv":
            self._csv()
        elif self.fmt == "html":
            from quoteattr.output.display import render_page

            names = [doc_id for doc_id, _fragment in self.pages]
            title = "quoteattr: " + (
                ", ".join(names) if len(names) <= 3 else f"{len(names)} documents"
            )
            self.out.write(render_page((fragment for _id, fragment in self.pages), title=title))
        self.out.flush()


def _error(message: str) -> None:
    print(f"quoteattr: error: {message}", file=sys.stderr)


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


def main(argv: Sequence[str] | None = None, *, extract_many: ExtractMany | None = None) -> int:
    """Run the ``quoteattr`` command and return its exit status.

    ``argv`` defaults to ``sys.argv[1:]``; ``extract_many`` replaces
    :func:`quoteattr.engine.extract_many` (for tests and embedding). A first
    argument ``evaluate`` runs :func:`quoteattr.evaluate.main` on the rest,
    ``corpus`` runs :func:`quoteattr.corpus.main` on the rest.

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
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return from_system_exit(exc)
    files: list[str] = options.files or ["-"]
    if not options.files and sys.stdin is not None and sys.stdin.isatty():
        _error("no input: give FILE arguments or pipe text on standard input")
        return EXIT_NO_INPUT
    try:
        items = _read_inputs(files)
    except _InputError as exc:
        _error(str(exc))
        return EXIT_UNREADABLE
    if not any(text.strip() for _, text in items):
        _error("no input: the input text is empty")
        return EXIT_NO_INPUT
    return _run(items, options, extract_many)


def _run(
    items: list[tuple[str, str]], options: argparse.Namespace, extract_many: ExtractMany | None
) -> int:
    model_error = _model_not_found_error()
    writer = _Writer(options.format, sys.stdout)
    try:
        if extract_many is None:
            extract_many = _default_extract_many()
        results = extract_many(
            items,
            batch_size=options.batch_size,
            model_dir=options.model_dir,
            progress=False,
            threads=options.threads,
        )
        for (doc_id, text), quotes in zip(items, _progress(results, len(items)), strict=False):
            if quotes.doc_id is None:
                quotes.doc_id = doc_id
            if not quotes.text:
                quotes.text = text
            writer.write(quotes, quotes.doc_id or doc_id)
        writer.close()
    except model_error as exc:
        _error(str(exc))
        return EXIT_MODEL
    except BrokenPipeError:
        # the reader went away (``quoteattr big.txt | head``): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return EXIT_OK
