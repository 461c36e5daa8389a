"""Writing documents as they are done: the output formats of the ``quoteattr`` command.

:class:`DocumentWriter` takes one document at a time and writes it at once (then flushes), so a
long run shows its first results while the rest is parsed:

* ``text``: one readable block per quote: content, kind, speaker with its id and mention, cue,
  rule and confidence, the review decision and the claim signals;
* ``jsonl``: one JSON object per quote (:func:`~quoteattr.output.export.quote_to_dict`), with
  its ``doc_id`` and ``speaker_id``;
* ``csv``: a header, then one row per quote (:data:`~quoteattr.output.export.CSV_COLUMNS`);
* ``json``: one JSON array of documents ``{"doc_id", "text", "quotes"}``, each quote with its
  ``speaker_id``, written document by document;
* ``html``: one page with every document highlighted and, for several documents, the corpus
  speakers table first; ``review``: the review page (:mod:`quoteattr.output.review_page`).
  Both are written when the last document is done.

Speaker ids come from a :class:`~quoteattr.output.corpus_speakers.SpeakerIndex` fed as the
documents come: those of the documents read so far (:meth:`DocumentWriter.speakers` gives the
final table of the run). ``keep`` selects the records written (the command's
``--min-confidence``, ``--needs-review``, ``--passed-review``); ids are computed on all of them.

Example:
    >>> import io
    >>> from quoteattr.output.results import QuoteList
    >>> out = io.StringIO()
    >>> writer = DocumentWriter("text", out)
    >>> writer.write(QuoteList(text="Rien.", doc_id="a.txt"))
    >>> writer.close()
    >>> out.getvalue()
    '== a.txt: 0 quotes ==\\n'
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import TextIO

from quoteattr.output.corpus_speakers import SpeakerIndex
from quoteattr.output.display import render_html, render_page
from quoteattr.output.export import CSV_COLUMNS, quote_to_dict, quote_to_row
from quoteattr.output.results import QuoteList
from quoteattr.output.review import quote_signals
from quoteattr.output.review_page import ReviewDocument, render_review
from quoteattr.output.speaker_table import SpeakerTable, speakers_html
from quoteattr.records import Quote

__all__ = ["FORMATS", "DocumentWriter", "describe_quote"]

FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "csv", "html", "review")
"""The output formats of :class:`DocumentWriter`."""


def describe_quote(number: int, quote: Quote, speaker_id: str | None = None) -> str:
    """The block of the ``text`` format for one quote.

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> print(describe_quote(1, Quote(Span(0, 3, "Non"), "direct", None, None, 0.9, "m")))
        1. [direct] «Non»
           speaker:    (unattributed)
           cue:        (none)
           rule:       m · confidence 0.90 · offsets 0-3 · paragraph 0, sentence 0
           review:     needs review (no_speaker)
    """
    lines = [f"{number}. [{quote.kind.value}] «{quote.content.text}»"]
    speaker = quote.speaker
    if speaker is None:
        lines.append("   speaker:    (unattributed)")
    else:
        who = speaker.name if speaker.name is not None else "(unknown)"
        if speaker_id is not None:
            who += f" [{speaker_id}]"
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
    reasons = quote.review_reasons
    lines.append(
        "   review:     " + (f"needs review ({', '.join(reasons)})" if reasons else "passed")
    )
    signals = quote_signals(quote)
    if signals:
        shown = ", ".join(f"{s.kind.value} «{s.text}»" for s in signals)
        lines.append(f"   signals:    {shown}")
    return "\n".join(lines)


class DocumentWriter:
    """Streams documents to ``out`` in one of :data:`FORMATS` (see the module docstring).

    Example:
        >>> import io
        >>> DocumentWriter("csv", io.StringIO()).fmt
        'csv'
    """

    def __init__(
        self, fmt: str, out: TextIO, *, keep: Callable[[Quote], bool] | None = None
    ) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.fmt = fmt
        self.out = out
        self.keep = keep
        self.count = 0
        self.index = SpeakerIndex()
        self.csv: csv.DictWriter[str] | None = None
        self.held: list[ReviewDocument] = []  # html, review: written at the end

    def _csv(self) -> csv.DictWriter[str]:
        # the header is written lazily: nothing reaches the output if the model is missing
        if self.csv is None:
            self.csv = csv.DictWriter(self.out, fieldnames=CSV_COLUMNS)
            self.csv.writeheader()
        return self.csv

    def write(self, quotes: QuoteList, doc_id: str | None = None) -> None:
        """Write one document (its id: ``doc_id``, else ``quotes.doc_id``), then flush.

        Example:
            >>> import io
            >>> out = io.StringIO()
            >>> DocumentWriter("jsonl", out).write(QuoteList(text="", doc_id="a"))
            >>> out.getvalue()
            ''
        """
        name = doc_id if doc_id is not None else (quotes.doc_id or str(self.count))
        ids = self.index.add(name, quotes)
        pairs = [
            (q, i) for q, i in zip(quotes, ids, strict=True) if self.keep is None or self.keep(q)
        ]
        if self.fmt == "text":
            count = len(pairs)
            blocks = [f"== {name}: {count} quote{'s' if count != 1 else ''} =="]
            blocks.extend(describe_quote(n, q, i) for n, (q, i) in enumerate(pairs, start=1))
            self.out.write(("\n" if self.count else "") + "\n".join(blocks) + "\n")
        elif self.fmt == "json":
            rows = [{"speaker_id": i, **quote_to_dict(q)} for q, i in pairs]
            payload = {"doc_id": name, "text": quotes.text, "quotes": rows}
            self.out.write("[\n" if self.count == 0 else ",\n")
            self.out.write(json.dumps(payload, ensure_ascii=False, indent=2))
        elif self.fmt == "jsonl":
            for q, i in pairs:
                row = {"doc_id": name, "speaker_id": i, **quote_to_dict(q)}
                self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            self._csv().writerows(quote_to_row(q, name, i) for q, i in pairs)
        else:
            kept = [q for q, _i in pairs]
            self.held.append((name, kept, [i for _q, i in pairs], quotes.text))
        self.count += 1
        self.out.flush()

    def speakers(self) -> SpeakerTable:
        """The corpus speakers table of every document written so far, with its final ids.

        Example:
            >>> import io
            >>> DocumentWriter("text", io.StringIO()).speakers()
            SpeakerTable(0 speakers, 0 documents)
        """
        return self.index.table()

    def close(self) -> None:
        """End the output: close the JSON array, write the header of an empty CSV, the pages.

        Example:
            >>> import io
            >>> out = io.StringIO()
            >>> DocumentWriter("json", out).close()
            >>> out.getvalue()
            '[]\\n'
        """
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "csv":
            self._csv()
        elif self.fmt in ("html", "review"):
            names = [doc_id for doc_id, *_rest in self.held]
            shown = ", ".join(names) if len(names) <= 3 else f"{len(names)} documents"
            if self.fmt == "review":
                title = f"quoteattr review: {shown}"
                self.out.write(render_review(self.held, speakers=self.speakers(), title=title))
            else:
                fragments = [
                    render_html(list(quotes), text, doc_id=doc_id)
                    for doc_id, quotes, _ids, text in self.held
                ]
                if len(self.held) > 1:
                    fragments.insert(0, "<h2>Speakers</h2>" + speakers_html(self.speakers()))
                self.out.write(render_page(fragments, title=f"quoteattr: {shown}"))
        self.out.flush()
