"""One table for a corpus: many results as one DataFrame, CSV or JSON Lines, in one call.

Every function here takes either the results of
:func:`quoteattr.extract_many` (any iterable of
:class:`~quoteattr.output.results.QuoteList`, consumed lazily) or the path of a
``quoteattr corpus`` output file (see :mod:`quoteattr.corpus`), and writes one
row per quote with its ``doc_id`` first, in the columns of
:data:`quoteattr.output.export.CSV_COLUMNS`:

* :func:`to_dataframe`: a :class:`pandas.DataFrame` with the dtypes of
  :data:`quoteattr.output.export.CSV_DTYPES` (needs ``pip install 'quoteattr[pandas]'``);
* :func:`to_csv`: a CSV file, written as the documents come (flat memory);
* :func:`to_jsonl`: a JSON Lines file of nested quote dicts
  (:func:`quoteattr.output.export.quote_to_dict`), one per quote, each with its
  ``doc_id``.

A document without an id gets its 0-based position in the stream, as a
string. :func:`read_corpus` reads a ``quoteattr corpus`` output back as
:class:`~quoteattr.output.results.QuoteList` objects (without their text, which
that file does not keep).

Every row carries the ``speaker_id`` of the corpus-wide speakers table
(:func:`corpus_speakers`, :mod:`quoteattr.output.corpus_speakers`): a surname
alone in one document takes the id of the one full name of the corpus that
fits. That needs the whole corpus before the first row: a list or an output
file is read twice; results from a generator are read once into a temporary
file (memory stays flat) and the rows are written from it.

Example:
    >>> import io
    >>> from quoteattr.records import Quote, Span
    >>> docs = [QuoteList([Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "marks")],
    ...                   text="Non.", doc_id="a1"), QuoteList(text="Rien.", doc_id="a2")]
    >>> buffer = io.StringIO()
    >>> to_csv(docs, buffer)
    1
    >>> buffer.getvalue().splitlines()[1].split(",")[:4]
    ['a1', '0', '3', 'Non']
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import tempfile
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from quoteattr.output.corpus_speakers import speaker_table
from quoteattr.output.export import CSV_COLUMNS, CSV_DTYPES, quote_to_dict, quote_to_row
from quoteattr.output.results import QuoteList
from quoteattr.output.review_page import render_review
from quoteattr.output.speaker_table import SpeakerTable

__all__ = [
    "Results",
    "corpus_speakers",
    "documents_with_ids",
    "read_corpus",
    "review_page",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
    "to_rows",
]

Results = Iterable[QuoteList] | str | os.PathLike[str]
"""What the functions of this module take: results, or a ``quoteattr corpus`` output path."""

Target = str | os.PathLike[str] | TextIO


def read_corpus(path: str | os.PathLike[str]) -> Iterator[QuoteList]:
    """The documents of a ``quoteattr corpus`` output file, in file order.

    When a document has several lines (a resumed run with
    ``--retry-failed``), the last one wins, as for the runner. Documents
    whose status is ``error`` or ``timeout`` have no quotes: they are left
    out with a :class:`UserWarning` naming them; a line cut short by a killed
    run is skipped the same way.

    Example:
        >>> for quotes in read_corpus("quotes.jsonl"):          # doctest: +SKIP
        ...     print(quotes.doc_id, len(quotes))
        a.txt 3
    """
    source = Path(path)
    last: dict[str, int] = {}
    with source.open("rb") as handle:
        offset = 0
        for raw in handle:
            row = _row(raw)
            if row is not None:
                last[str(row.get("doc_id"))] = offset
            offset += len(raw)
    failed: list[str] = []
    broken = 0
    with source.open("rb") as handle:
        offset = 0
        for raw in handle:
            row = _row(raw)
            here, offset = offset, offset + len(raw)
            if row is None:
                broken += bool(raw.strip())
                continue
            doc_id = str(row.get("doc_id"))
            if last.get(doc_id) != here:
                continue
            if row.get("status", "ok") != "ok":
                failed.append(f"{doc_id} ({row.get('status')})")
                continue
            yield QuoteList.from_dicts(row.get("quotes") or [], text="", doc_id=doc_id)
    if failed or broken:
        listed = ", ".join(failed[:5]) + (f" and {len(failed) - 5} more" if len(failed) > 5 else "")
        message = f"{source}: {len(failed)} document(s) without quotes left out"
        message += f": {listed}" if failed else ""
        message += f"; {broken} unreadable line(s) skipped" if broken else ""
        warnings.warn(message, UserWarning, stacklevel=2)


def _row(raw: bytes) -> dict[str, Any] | None:
    try:
        row = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return row if isinstance(row, dict) and "doc_id" in row else None


def _documents(results: Results) -> Iterator[tuple[str, QuoteList]]:
    if isinstance(results, str | os.PathLike):
        results = read_corpus(results)
    elif isinstance(results, QuoteList):
        results = [results]
    for index, quotes in enumerate(results):
        if not isinstance(quotes, QuoteList):
            raise TypeError(
                f"item {index} is a {type(quotes).__name__}, not a QuoteList: pass the results "
                "of extract_many, or the path of a quoteattr corpus output"
            )
        yield (quotes.doc_id if quotes.doc_id is not None else str(index)), quotes


def corpus_speakers(results: Results) -> SpeakerTable:
    """The corpus-wide speakers table of many documents, with the speaker id of every record.

    ``results`` are the results of :func:`quoteattr.extract_many` or the path of a
    ``quoteattr corpus`` output (see :mod:`quoteattr.output.corpus_speakers` for how speakers
    are merged across documents and how their ids are made). It shows itself as a table in
    Jupyter; ``to_csv``, ``to_dataframe`` and ``to_rows`` export it.

    Example:
        >>> table = corpus_speakers(extract_many(articles))          # doctest: +SKIP
        >>> [(s.name, s.documents) for s in table][:1]                # doctest: +SKIP
        [('Hélène Marchetti', ('france-sante', 'belgique-energie', 'quebec-hydro'))]
    """
    return speaker_table(_documents(results))


def _quiet_table(results: Results) -> SpeakerTable:
    """:func:`corpus_speakers` without the warnings of a corpus file (its row pass gives them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return speaker_table(_documents(results))


def documents_with_ids(
    results: Results, table: list[SpeakerTable] | None = None
) -> Iterator[tuple[str, QuoteList, tuple[str | None, ...]]]:
    """``(doc_id, quotes, speaker ids)`` per document, the ids from :func:`corpus_speakers`.

    When ``table`` is a list, the speakers table is appended to it before the first document
    is given.

    Example:
        >>> [(d, len(q), ids) for d, q, ids in documents_with_ids([QuoteList(doc_id="a")])]
        [('a', 0, ())]
    """
    found = table if table is not None else []
    if isinstance(results, str | os.PathLike | Sequence):
        found.append(_quiet_table(results))
        for (doc_id, quotes), ids in zip(_documents(results), found[-1].ids, strict=True):
            yield doc_id, quotes, ids
        return
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:

        def spooled() -> Iterator[tuple[str, QuoteList]]:
            for doc_id, quotes in _documents(results):
                rows = [quote_to_dict(q) for q in quotes]
                payload = {"doc_id": doc_id, "text": quotes.text, "quotes": rows}
                spool.write(json.dumps(payload) + "\n")
                yield doc_id, quotes

        found.append(speaker_table(spooled()))
        spool.seek(0)
        for line, ids in zip(spool, found[-1].ids, strict=True):
            row = json.loads(line)
            quotes = QuoteList.from_dicts(row["quotes"], text=row["text"], doc_id=row["doc_id"])
            yield row["doc_id"], quotes, ids


def review_page(results: Results, *, title: str = "quoteattr: review") -> str:
    """The review page of many documents (:mod:`quoteattr.output.review_page`), as a string.

    The records that need review stand out and can be filtered; the corpus speakers table
    follows, then each document highlighted when its text is known (results of
    :func:`quoteattr.extract_many`; not for a ``quoteattr corpus`` output, which keeps no text).

    Example:
        >>> page = review_page(extract_many(articles))                # doctest: +SKIP
        >>> open("review.html", "w", encoding="utf-8").write(page)     # doctest: +SKIP
    """
    found: list[SpeakerTable] = []
    documents = [
        (doc_id, quotes, ids, quotes.text)
        for doc_id, quotes, ids in documents_with_ids(results, found)
    ]
    return render_review(documents, speakers=found[0] if found else None, title=title)


def to_rows(results: Results) -> Iterator[dict[str, Any]]:
    """Flat rows (:func:`quoteattr.output.export.quote_to_row`), one per quote, lazily,
    with the corpus-wide ``speaker_id``.

    Example:
        >>> list(to_rows([QuoteList(text="Rien.", doc_id="a")]))
        []
    """
    for doc_id, quotes, ids in documents_with_ids(results):
        for quote, sid in zip(quotes, ids, strict=True):
            yield quote_to_row(quote, doc_id, sid)


def to_dataframe(results: Results) -> Any:
    """All the quotes as one :class:`pandas.DataFrame`, one row per quote, ``doc_id`` first.

    Columns: :data:`quoteattr.output.export.CSV_COLUMNS`, dtypes
    :data:`quoteattr.output.export.CSV_DTYPES` (the flags are booleans).

    Example:
        >>> frame = to_dataframe(extract_many(articles))          # doctest: +SKIP
        >>> frame[frame.negated][["doc_id", "speaker_name"]]      # doctest: +SKIP
    """
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            "quoteattr.to_dataframe() needs pandas: pip install 'quoteattr[pandas]'"
        ) from exc
    frame = pandas.DataFrame(list(to_rows(results)), columns=list(CSV_COLUMNS))
    return frame.astype(CSV_DTYPES)


def _write(target: Target, write: Any) -> int:
    if isinstance(target, str | os.PathLike):
        with open(target, "w", encoding="utf-8", newline="") as handle:
            return int(write(handle))
    return int(write(target))


def to_csv(results: Results, path_or_buffer: Target) -> int:
    """Write all the quotes as one CSV (header, then a row per quote); return the row count.

    Files are written as UTF-8, row by row (after the pass that finds the speakers).

    Example:
        >>> to_csv(extract_many(articles), "quotes.csv")          # doctest: +SKIP
        42
    """

    def write(handle: TextIO) -> int:
        writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        count = 0
        for row in to_rows(results):
            writer.writerow(row)
            count += 1
        return count

    return _write(path_or_buffer, write)


def to_jsonl(results: Results, path_or_buffer: Target) -> int:
    """Write all the quotes as JSON Lines (nested dicts with ``doc_id`` and ``speaker_id``);
    return the line count.

    Example:
        >>> import io
        >>> buffer = io.StringIO()
        >>> to_jsonl([QuoteList(text="Rien.", doc_id="a")], buffer), buffer.getvalue()
        (0, '')
    """

    def write(handle: TextIO) -> int:
        count = 0
        for doc_id, quotes, ids in documents_with_ids(results):
            for sid, row in zip(ids, quotes.to_dicts(), strict=True):
                line = {"doc_id": doc_id, "speaker_id": sid, **row}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                count += 1
        return count

    return _write(path_or_buffer, write)
