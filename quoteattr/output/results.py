"""The value :func:`quoteattr.extract` returns: a list of quotes with its text.

:class:`QuoteList` is a plain ``list`` of :class:`~quoteattr.records.Quote`
that also remembers the text the offsets point into and an optional document
id, and knows how to export itself (dicts, JSON, JSON Lines, CSV, pandas),
summarise its speakers and display itself (plain text and, in Jupyter, HTML).

Example:
    >>> from quoteattr.records import Quote, QuoteKind, Span
    >>> text = "« Non », a-t-il dit."
    >>> quotes = QuoteList([Quote(Span.of(text, 2, 5), QuoteKind.DIRECT, None, None,
    ...                           0.5, "marks")], text=text, doc_id="d1")
    >>> quotes
    QuoteList(1 quote, doc_id='d1')
      [direct] «Non» — unattributed (sieve=marks, 0.50)
    >>> QuoteList.from_dicts(quotes.to_dicts(), text=text) == quotes
    True
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import os
from collections.abc import Iterable, Mapping
from typing import Any, SupportsIndex, TextIO, overload

from quoteattr.output.corpus_speakers import speaker_table
from quoteattr.output.export import CSV_COLUMNS, quote_from_dict, quote_to_dict, quote_to_row
from quoteattr.output.review import passed_review, review_queue
from quoteattr.output.speaker_table import SpeakerTable
from quoteattr.output.summary import UNATTRIBUTED, SpeakerSummary, shorten, summarize_speakers
from quoteattr.records import Quote

__all__ = ["QuoteList", "SpeakerSummary", "summarize_speakers"]

_REPR_MAX_QUOTES = 25
_REPR_MAX_CONTENT = 60


def _describe(quote: Quote) -> str:
    """One readable line for ``QuoteList.__repr__``."""
    speaker = quote.speaker
    if speaker is not None and speaker.name is not None:
        who = speaker.name
    elif speaker is not None and speaker.mention is not None:
        who = f"?{shorten(speaker.mention.text, 30)}?"
    else:
        who = UNATTRIBUTED
    details = [f"sieve={quote.rule}, {quote.confidence:.2f}", *quote.flags]
    if quote.cue is not None:
        details.insert(0, shorten(quote.cue.span.text, 30))
    content = shorten(quote.content.text, _REPR_MAX_CONTENT)
    return f"[{quote.kind.value}] «{content}» — {who} ({'; '.join(details)})"


class QuoteList(list[Quote]):
    """The quotes of one document, with the text their offsets point into.

    It is a ``list`` (index it, iterate it, ``len`` it) with ``text`` and
    ``doc_id`` attributes and export helpers. Slicing keeps the type.

    Example:
        >>> empty = QuoteList(text="Rien à signaler.")
        >>> len(empty), empty.text, empty.doc_id
        (0, 'Rien à signaler.', None)
    """

    text: str
    doc_id: str | None

    def __init__(
        self, quotes: Iterable[Quote] = (), *, text: str = "", doc_id: str | None = None
    ) -> None:
        super().__init__(quotes)
        self.text = text
        self.doc_id = doc_id

    @overload
    def __getitem__(self, index: SupportsIndex) -> Quote: ...

    @overload
    def __getitem__(self, index: slice) -> QuoteList: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Quote | QuoteList:
        if isinstance(index, slice):
            return QuoteList(super().__getitem__(index), text=self.text, doc_id=self.doc_id)
        return super().__getitem__(index)

    def __repr__(self) -> str:
        count = len(self)
        head = f"{count} quote" + ("" if count == 1 else "s")
        if self.doc_id is not None:
            head += f", doc_id={self.doc_id!r}"
        lines = [f"QuoteList({head})"]
        lines.extend("  " + _describe(q) for q in self[:_REPR_MAX_QUOTES])
        if count > _REPR_MAX_QUOTES:
            lines.append(f"  … and {count - _REPR_MAX_QUOTES} more")
        return "\n".join(lines)

    # -- plain data -------------------------------------------------------

    def to_dicts(self) -> list[dict[str, Any]]:
        """The quotes as nested JSON-able dicts (see :func:`quote_to_dict`).

        Example:
            >>> from quoteattr.records import Quote, Span
            >>> QuoteList([Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "m")],
            ...           text="Non").to_dicts()[0]["kind"]
            'direct'
        """
        return [quote_to_dict(q) for q in self]

    @classmethod
    def from_dicts(
        cls, rows: Iterable[Mapping[str, Any]], *, text: str, doc_id: str | None = None
    ) -> QuoteList:
        """Rebuild a list from :meth:`to_dicts` (or :meth:`to_jsonl`) rows.

        When ``text`` is not empty, every content span must match it, else
        :class:`ValueError` is raised. When ``doc_id`` is ``None`` it is taken
        from the rows' ``doc_id`` key, if they have one.

        Example:
            >>> rows = [{"doc_id": "a", "content": {"start": 0, "end": 3, "text": "Non"},
            ...          "kind": "direct", "speaker": None, "cue": None,
            ...          "confidence": 1.0, "rule": "marks"}]
            >>> ql = QuoteList.from_dicts(rows, text="Non.")
            >>> ql.doc_id, ql[0].content.text
            ('a', 'Non')
        """
        quotes = []
        for row in rows:
            if doc_id is None and isinstance(row.get("doc_id"), str):
                doc_id = row["doc_id"]
            quote = quote_from_dict(row)
            span = quote.content
            if text and text[span.start : span.end] != span.text:
                raise ValueError(
                    f"quote content {span.text!r} does not match the text at "
                    f"[{span.start}, {span.end})"
                )
            quotes.append(quote)
        return cls(quotes, text=text, doc_id=doc_id)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The document as JSON: ``{"doc_id", "text", "quotes": [...]}``.

        Non-ASCII characters are kept as is. :meth:`from_json` is the inverse.

        Example:
            >>> json.loads(QuoteList(text="Été.", doc_id="a").to_json())
            {'doc_id': 'a', 'text': 'Été.', 'quotes': []}
        """
        payload = {"doc_id": self.doc_id, "text": self.text, "quotes": self.to_dicts()}
        return json.dumps(payload, ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: str) -> QuoteList:
        """Rebuild a list from the output of :meth:`to_json`.

        Example:
            >>> QuoteList.from_json('{"doc_id": "a", "text": "x", "quotes": []}').doc_id
            'a'
        """
        payload = json.loads(data)
        if not isinstance(payload, dict):
            raise ValueError("expected a JSON object with doc_id, text and quotes")
        return cls.from_dicts(
            payload.get("quotes", []), text=payload.get("text", ""), doc_id=payload.get("doc_id")
        )

    def to_jsonl(self) -> str:
        """JSON Lines: one object per quote, each with a leading ``doc_id`` and ``speaker_id``.

        Returns ``""`` when there are no quotes, else ends with a newline.

        Example:
            >>> from quoteattr.records import Quote, Span
            >>> line = QuoteList([Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "m")],
            ...                  text="Non", doc_id="a").to_jsonl()
            >>> json.loads(line)["doc_id"]
            'a'
        """
        ids = self.speaker_table().ids[0]
        return "".join(
            json.dumps({"doc_id": self.doc_id, "speaker_id": sid, **row}, ensure_ascii=False) + "\n"
            for sid, row in zip(ids, self.to_dicts(), strict=True)
        )

    def to_rows(self) -> list[dict[str, str | int | float | None]]:
        """Flat rows, one per quote, with the columns of :meth:`to_csv`.

        ``speaker_id`` is the id of :meth:`speaker_table` (this document as a corpus).

        Example:
            >>> QuoteList(text="").to_rows()
            []
        """
        ids = self.speaker_table().ids[0]
        return [quote_to_row(q, self.doc_id, sid) for q, sid in zip(self, ids, strict=True)]

    def to_csv(self, path_or_buffer: str | os.PathLike[str] | TextIO | None = None) -> str:
        """CSV with a header and one row per quote (columns: ``CSV_COLUMNS``).

        Cells are quoted where needed (commas, quotes, newlines); missing
        values are empty. The CSV is returned and, if ``path_or_buffer`` is
        given, also written there (files as UTF-8).

        Example:
            >>> QuoteList(text="").to_csv().splitlines()[0].split(",")[:3]
            ['doc_id', 'content_start', 'content_end']
        """
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(self.to_rows())
        data = buffer.getvalue()
        if path_or_buffer is None:
            pass
        elif isinstance(path_or_buffer, str | os.PathLike):
            with open(path_or_buffer, "w", encoding="utf-8", newline="") as handle:
                handle.write(data)
        else:
            path_or_buffer.write(data)
        return data

    def to_dataframe(self) -> Any:
        """A :class:`pandas.DataFrame` with one row per quote (CSV columns).

        Needs the optional dependency: ``pip install 'quoteattr[pandas]'``.

        Example:
            >>> df = QuoteList(text="").to_dataframe()  # doctest: +SKIP
            >>> list(df.columns)[:2]  # doctest: +SKIP
            ['doc_id', 'content_start']
        """
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError(
                "QuoteList.to_dataframe() needs pandas: pip install 'quoteattr[pandas]'"
            ) from exc
        return pandas.DataFrame(self.to_rows(), columns=list(CSV_COLUMNS))

    # -- summaries and display -------------------------------------------

    def review_queue(self) -> QuoteList:
        """The quotes that need a human look (:attr:`Quote.needs_review
        <quoteattr.records.Quote.needs_review>`), as a list of the same document.

        Example:
            >>> from quoteattr.records import Quote, Span
            >>> len(QuoteList([Quote(Span(0, 3, "Non"), "direct", None, None, 0.9, "m")],
            ...               text="Non.").review_queue())
            1
        """
        return QuoteList(review_queue(self), text=self.text, doc_id=self.doc_id)

    def passed_review(self) -> QuoteList:
        """The quotes that need no review: what can be published as is.

        Example:
            >>> QuoteList(text="").passed_review()
            QuoteList(0 quotes)
        """
        return QuoteList(passed_review(self), text=self.text, doc_id=self.doc_id)

    def speaker_table(self) -> SpeakerTable:
        """This document's speakers with their stable ids, as a corpus of one document.

        See :func:`quoteattr.output.corpus_speakers.speaker_table`; for many documents use
        :func:`quoteattr.corpus_speakers`.

        Example:
            >>> QuoteList(text="", doc_id="a").speaker_table()
            SpeakerTable(0 speakers, 1 document)
        """
        return speaker_table([(self.doc_id or "", self)])

    def speakers(self) -> list[SpeakerSummary]:
        """Quotes grouped by canonical speaker, with role, type and flag counts.

        See :func:`quoteattr.output.summary.summarize_speakers`.

        Example:
            >>> QuoteList(text="").speakers()
            []
        """
        return summarize_speakers(self)

    def to_html(self) -> str:
        """The document as self-contained HTML with the quotes highlighted.

        Example:
            >>> QuoteList(text="a < b").to_html().count("a &lt; b")
            1
        """
        from quoteattr.output.display import render_html

        return render_html(self, self.text, doc_id=self.doc_id)

    def _repr_html_(self) -> str:
        return self.to_html()
