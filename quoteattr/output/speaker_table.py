"""The corpus-wide speakers table: one row per speaker merged across documents.

:class:`SpeakerTable` (a list of :class:`CorpusSpeaker`, most quoted first) is what
:func:`quoteattr.corpus_speakers` returns (see :mod:`quoteattr.output.corpus_speakers` for how
speakers are merged and their ids made). It exports itself as rows, CSV and a data frame, and
shows itself as an HTML table in Jupyter (:func:`speakers_html`, also on the review page).

Example:
    >>> table = SpeakerTable([CorpusSpeaker("eva-joly-ef7d19ea", "Eva Joly", SpeakerType.PERSON,
    ...                                     (("députée", ("a",)),), ("a", "b"), 3)])
    >>> table.to_rows()[0]["roles"], table.get("eva-joly-ef7d19ea").quotes
    ('députée (a)', 3)
"""

from __future__ import annotations

import csv
import importlib
import io
import os
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any, TextIO

import attrs

from quoteattr.output.styles import CELL_STYLE, HEAD_STYLE, MUTED_STYLE, badge
from quoteattr.records import SpeakerType

__all__ = ["SPEAKER_COLUMNS", "CorpusSpeaker", "SpeakerTable", "speakers_html"]

SPEAKER_COLUMNS: tuple[str, ...] = (
    "speaker_id",
    "name",
    "type",
    "quotes",
    "documents",
    "roles",
    "names",
    "negated",
    "alleged",
    "denials",
    "needs_review",
)
"""The columns of :meth:`SpeakerTable.to_rows` and :meth:`SpeakerTable.to_csv`."""


@attrs.frozen
class CorpusSpeaker:
    """One speaker of a corpus, merged across documents.

    ``roles`` pairs each role the documents give with the ids of the documents that give it;
    ``documents`` lists the documents the speaker is quoted in; ``names`` the forms of the name
    the records carry (``Hélène Marchetti``, ``Marchetti``); ``review`` counts the records that
    need review (:attr:`Quote.needs_review <quoteattr.records.Quote.needs_review>`).

    Example:
        >>> CorpusSpeaker("x-1", "X", SpeakerType.PERSON, (("maire", ("a",)),), ("a",), 1).roles
        (('maire', ('a',)),)
    """

    id: str
    name: str
    type: SpeakerType
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    documents: tuple[str, ...]
    quotes: int
    negated: int = 0
    alleged: int = 0
    denials: int = 0
    review: int = 0
    names: tuple[str, ...] = ()

    def to_row(self) -> dict[str, str | int]:
        """One flat row with the columns :data:`SPEAKER_COLUMNS` (lists joined with ``; ``).

        Example:
            >>> speaker = CorpusSpeaker("x-1", "X", SpeakerType.PERSON, (), ("a", "b"), 2)
            >>> speaker.to_row()["documents"]
            'a; b'
        """
        roles = "; ".join(f"{role} ({', '.join(docs)})" for role, docs in self.roles)
        return {
            "speaker_id": self.id,
            "name": self.name,
            "type": self.type.value,
            "quotes": self.quotes,
            "documents": "; ".join(self.documents),
            "roles": roles,
            "names": "; ".join(self.names),
            "negated": self.negated,
            "alleged": self.alleged,
            "denials": self.denials,
            "needs_review": self.review,
        }


class SpeakerTable(list[CorpusSpeaker]):
    """The speakers of a corpus (most quoted first), with the speaker id of every record.

    ``ids[i][j]`` is the id of the speaker of quote ``j`` of document ``i`` (``None`` when
    the record has no speaker name); ``doc_ids`` the documents in order; ``unattributed`` the
    number of records without a speaker name.

    Example:
        >>> SpeakerTable()
        SpeakerTable(0 speakers, 0 documents)
    """

    def __init__(
        self,
        speakers: Iterable[CorpusSpeaker] = (),
        *,
        ids: Sequence[tuple[str | None, ...]] = (),
        doc_ids: Sequence[str] = (),
        unattributed: int = 0,
    ) -> None:
        super().__init__(speakers)
        self.ids = list(ids)
        self.doc_ids = list(doc_ids)
        self.unattributed = unattributed

    def __repr__(self) -> str:
        docs = len(self.doc_ids)
        head = f"{len(self)} speaker{'s' * (len(self) != 1)}, {docs} document{'s' * (docs != 1)}"
        lines = [f"SpeakerTable({head})"]
        for s in self[:25]:
            roles = "; ".join(role for role, _docs in s.roles) or "-"
            lines.append(
                f"  {s.id}  {s.name} ({s.type.value}; {roles}): {s.quotes} quote(s) "
                f"in {len(s.documents)} document(s)"
            )
        return "\n".join(lines)

    def get(self, speaker_id: str) -> CorpusSpeaker | None:
        """The speaker with this id, or ``None``.

        Example:
            >>> SpeakerTable().get("x") is None
            True
        """
        return next((s for s in self if s.id == speaker_id), None)

    def to_rows(self) -> list[dict[str, str | int]]:
        """One flat row per speaker (:data:`SPEAKER_COLUMNS`).

        Example:
            >>> SpeakerTable().to_rows()
            []
        """
        return [s.to_row() for s in self]

    def to_csv(self, path_or_buffer: str | os.PathLike[str] | TextIO | None = None) -> str:
        """The table as CSV (header, then a row per speaker); also written to a path or buffer.

        Example:
            >>> SpeakerTable().to_csv().split(",")[:2]
            ['speaker_id', 'name']
        """
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=SPEAKER_COLUMNS)
        writer.writeheader()
        writer.writerows(self.to_rows())
        data = buffer.getvalue()
        if isinstance(path_or_buffer, str | os.PathLike):
            with open(path_or_buffer, "w", encoding="utf-8", newline="") as handle:
                handle.write(data)
        elif path_or_buffer is not None:
            path_or_buffer.write(data)
        return data

    def to_dataframe(self) -> Any:
        """The table as a :class:`pandas.DataFrame` (needs pandas).

        Example:
            >>> list(SpeakerTable().to_dataframe().columns)[:3]     # doctest: +SKIP
            ['speaker_id', 'name', 'type']
        """
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError("the speakers table needs pandas: pip install pandas") from exc
        return pandas.DataFrame(self.to_rows(), columns=list(SPEAKER_COLUMNS))

    def to_html(self) -> str:
        """The table as an HTML ``<table class="qa-corpus-speakers">`` (inline styles).

        Example:
            >>> 'class="qa-corpus-speakers"' in SpeakerTable().to_html()
            True
        """
        return speakers_html(self)

    def _repr_html_(self) -> str:
        return self.to_html()


_HEADS = ("Speaker", "Type", "Roles (documents)", "Documents", "Quotes", "Flagged", "Review")


def speakers_html(table: SpeakerTable) -> str:
    """The corpus speakers as an HTML table: one row per speaker with its id and counts.

    Example:
        >>> "No speaker" in speakers_html(SpeakerTable())
        True
    """
    rows: list[str] = []
    for s in table:
        roles = "<br>".join(
            f'{escape(role)} <span style="{MUTED_STYLE}">({escape(", ".join(docs))})</span>'
            for role, docs in s.roles
        )
        flagged = "".join(
            badge(flag, f"{flag} {count}")
            for flag, count in (
                ("negated", s.negated),
                ("alleged", s.alleged),
                ("denial", s.denials),
            )
            if count
        )
        names = escape("; ".join(n for n in s.names if n != s.name))
        rows.append(
            f'<tr class="qa-corpus-speaker" data-speaker="{escape(s.id)}" '
            f'data-quotes="{s.quotes}" data-review="{s.review}">'
            f'<td style="{CELL_STYLE}"><strong>{escape(s.name)}</strong><br>'
            f'<code style="{MUTED_STYLE}">{escape(s.id)}</code>'
            + (f'<br><span style="{MUTED_STYLE}">also: {names}</span>' if names else "")
            + f'</td><td class="qa-type" style="{CELL_STYLE}">{s.type.value}</td>'
            f'<td class="qa-roles" style="{CELL_STYLE}">{roles}</td>'
            f'<td class="qa-documents" style="{CELL_STYLE}">{escape(", ".join(s.documents))}</td>'
            f'<td style="{CELL_STYLE} text-align: right;">{s.quotes}</td>'
            f'<td style="{CELL_STYLE}">{flagged}</td>'
            f'<td style="{CELL_STYLE} text-align: right;">{s.review}</td></tr>'
        )
    if not rows:
        rows.append(f'<tr><td colspan="{len(_HEADS)}" style="{CELL_STYLE}">No speaker.</td></tr>')
    head = "".join(f'<th style="{HEAD_STYLE}">{name}</th>' for name in _HEADS)
    note = (
        f'<caption style="caption-side: bottom; {MUTED_STYLE}">{table.unattributed} record(s) '
        "without a speaker name</caption>"
        if table.unattributed
        else ""
    )
    return (
        '<table class="qa-corpus-speakers" style="border-collapse: collapse; font-size: 0.9em; '
        f'margin: 0.8em 0;">{note}<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table>"
    )
