"""One speaker across documents: the corpus-wide speakers table and the stable id of each record's
speaker.

Within a document, the resolver already gives every quote of one person the same canonical name
(:attr:`Speaker.name <quoteattr.records.Speaker.name>`). Across documents, :func:`speaker_table`
merges those names by their shape (:func:`quoteattr.output.speaker_names.parse_name`):

* a full name (``Emmanuel Macron``) is one speaker wherever it appears, whatever the case, accents
  or description before it (``le président Emmanuel Macron``);
* a surname alone (``M. Macron``, ``le président Macron``, ``Macron``) or after an initial
  (``E. Macron``) joins the one full name of the corpus with that surname, a compatible initial
  and a compatible gender (read from titles, pronouns and determiners of the mentions: ``M.``,
  ``elle``, ``la ministre``); when no full name fits, or several do, it stays a speaker of its
  own (``person:<surname>``, with its gender when known), so namesakes are never merged by guess;
* two full names with different first names (``Pierre Lambert``, ``Sophie Lambert``) stay apart;
* another proper name (an organisation's: ``l'OMS``, ``Amnesty International``) is one speaker
  wherever it appears;
* a description without a name (``le ministre``, ``la préfecture de police``) never leaves its
  document: it is one speaker per document.

Each speaker gets a stable id (:func:`quoteattr.output.speaker_names.speaker_id`): a readable
slug and 8 hexadecimal digits of the SHA-1 of its key (``person:emmanuel macron``), so that the
same person has the same id in every run and every corpus where the same names are found. The
table (:class:`SpeakerTable`) lists each speaker's name, type, the roles given with the documents
that give them, the documents, and the counts of quotes, negated, alleged and denial quotes and
quotes that need review; ``table.ids`` holds the id of every record, document by document.

Example:
    >>> from quoteattr.records import Quote, Span, Speaker
    >>> def said(name, mention):
    ...     return Quote(Span(0, 3, "Non"), "direct", Speaker(Span(0, len(mention), mention),
    ...                  name, type="person"), None, 0.9, "marks")
    >>> table = speaker_table([("a", [said("Hélène Marchetti", "Hélène Marchetti")]),
    ...                        ("b", [said("Marchetti", "Mme Marchetti")])])
    >>> [(s.name, s.documents, s.quotes) for s in table]
    [('Hélène Marchetti', ('a', 'b'), 2)]
    >>> table.ids
    [('helene-marchetti-934e3aa0',), ('helene-marchetti-934e3aa0',)]
"""

from __future__ import annotations

import csv
import importlib
import io
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any, TextIO

import attrs

from quoteattr.output.speaker_names import NameParts, mention_gender, parse_name, speaker_id
from quoteattr.output.styles import CELL_STYLE, HEAD_STYLE, MUTED_STYLE, badge
from quoteattr.records import Quote, SpeakerType

__all__ = [
    "SPEAKER_COLUMNS",
    "CorpusSpeaker",
    "SpeakerTable",
    "quote_speaker_id",
    "speaker_table",
]

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


@dataclass
class _Group:
    """What the records of one key say, gathered before the merge."""

    key: str
    label: str
    first: tuple[int, int]
    parts: NameParts | None = None
    displays: Counter[str] = field(default_factory=Counter)
    names: dict[str, None] = field(default_factory=dict)
    types: Counter[SpeakerType] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    roles: dict[str, dict[str, None]] = field(default_factory=dict)
    documents: dict[str, None] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, quote: Quote, doc_id: str, display: str) -> None:
        speaker = quote.speaker
        assert speaker is not None and speaker.name is not None
        self.displays[display] += 1
        self.names.setdefault(speaker.name, None)
        self.types[speaker.type] += 1
        if speaker.mention is not None:
            gender = mention_gender(speaker.mention.text)
            if gender is not None:
                self.genders[gender] += 1
        if speaker.role:
            self.roles.setdefault(speaker.role, {}).setdefault(doc_id, None)
        self.documents.setdefault(doc_id, None)
        self.counts.update(
            quotes=1,
            negated=quote.negated,
            alleged=quote.alleged,
            denials=quote.denial,
            review=quote.needs_review,
        )

    def merge(self, other: _Group) -> None:
        self.first = min(self.first, other.first)
        self.names.update(other.names)
        self.types.update(other.types)
        for role, docs in other.roles.items():
            self.roles.setdefault(role, {}).update(docs)
        self.documents.update(other.documents)
        self.counts.update(other.counts)

    @property
    def gender(self) -> str | None:
        return next(iter(self.genders)) if len(self.genders) == 1 else None


def _key(parts: NameParts, doc_id: str) -> tuple[str, str]:
    """The key and label of a name that needs no merging (``surname`` names do)."""
    if parts.kind == "full":
        return f"person:{parts.first} {parts.surname}", f"{parts.first} {parts.surname}"
    if parts.kind == "name":
        return f"name:{parts.surname}", parts.surname
    if parts.kind == "description":
        return f"doc:{doc_id}:{parts.surname}", parts.surname
    initial = f" {parts.first}." if parts.first else ""
    return f"person:{parts.surname}{initial}", parts.surname


def quote_speaker_id(quote: Quote, doc_id: str | None = None) -> str | None:
    """The id of a record's speaker read from its name alone, as in a corpus of this one record.

    A surname alone is not merged with a full name here (:func:`speaker_table` does that across
    the documents); ``doc_id`` scopes a description's id to its document.

    Example:
        >>> from quoteattr.records import Quote, Span, Speaker
        >>> quote_speaker_id(Quote(Span(0, 3, "Non"), "direct", Speaker(None, "Eva Joly"),
        ...                        None, 1.0, "marks"))
        'eva-joly-ef7d19ea'
    """
    speaker = quote.speaker
    if speaker is None or speaker.name is None:
        return None
    key, label = _key(parse_name(speaker.name, speaker.type), doc_id or "")
    if key.startswith("person:") and speaker.mention is not None:
        gender = mention_gender(speaker.mention.text)
        parts = parse_name(speaker.name, speaker.type)
        if parts.kind == "surname" and gender is not None:
            key += f" ({gender})"
    return speaker_id(key, label)


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
        lines = [f"SpeakerTable({len(self)} speakers, {len(self.doc_ids)} documents)"]
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


def speaker_table(documents: Iterable[tuple[str, Sequence[Quote]]]) -> SpeakerTable:
    """Merge the speakers of ``(doc_id, quotes)`` documents into one table (module docstring).

    The documents are read once, in order; only a few facts per record are kept.

    Example:
        >>> speaker_table([("a", [])])
        SpeakerTable(0 speakers, 1 documents)
    """
    groups: dict[str, _Group] = {}
    pending: dict[tuple[str, str], _Group] = {}  # surnames, per document, merged at the end
    keys: list[list[_Group | None]] = []
    doc_ids: list[str] = []
    parsed: dict[tuple[str, SpeakerType], NameParts] = {}
    unattributed = 0
    for doc_index, (doc_id, quotes) in enumerate(documents):
        doc_ids.append(doc_id)
        row: list[_Group | None] = []
        for index, quote in enumerate(quotes):
            speaker = quote.speaker
            if speaker is None or speaker.name is None:
                unattributed += 1
                row.append(None)
                continue
            lookup = (speaker.name, speaker.type)
            if lookup not in parsed:
                parsed[lookup] = parse_name(*lookup)
            parts = parsed[lookup]
            key, label = _key(parts, doc_id)
            if parts.kind == "surname":
                group = pending.get((doc_id, key))
                if group is None:
                    group = pending[(doc_id, key)] = _Group(key, label, (doc_index, index), parts)
            else:
                group = groups.get(key)
                if group is None:
                    group = groups[key] = _Group(key, label, (doc_index, index), parts)
            group.add(quote, doc_id, parts.display)
            row.append(group)
        keys.append(row)
    final = _merge_surnames(groups, pending)
    finals = {id(group): group for group in final.values()}
    speakers = {key: _speaker(group) for key, group in finals.items()}
    ordered = sorted(finals.values(), key=lambda g: (-g.counts["quotes"], g.first))
    ids = [tuple(None if g is None else speakers[id(final[id(g)])].id for g in row) for row in keys]
    return SpeakerTable(
        [speakers[id(g)] for g in ordered], ids=ids, doc_ids=doc_ids, unattributed=unattributed
    )


def _merge_surnames(
    groups: dict[str, _Group], pending: dict[tuple[str, str], _Group]
) -> dict[int, _Group]:
    """Map every gathered group (by ``id``) to the group it ends in."""
    final: dict[int, _Group] = {id(group): group for group in groups.values()}
    by_surname: dict[str, list[_Group]] = {}
    for group in groups.values():
        if group.parts is not None and group.parts.kind == "full":
            by_surname.setdefault(group.parts.surname, []).append(group)
    own: dict[str, _Group] = {}
    for (_doc_id, _key_text), group in sorted(pending.items(), key=lambda kv: kv[1].first):
        parts = group.parts
        assert parts is not None
        gender = group.gender
        fits = [
            full
            for full in by_surname.get(parts.surname, [])
            if full.parts is not None
            and (parts.first is None or (full.parts.first or "").startswith(parts.first))
            and (gender is None or full.gender is None or full.gender == gender)
        ]
        if len(fits) == 1:
            fits[0].merge(group)
            final[id(group)] = fits[0]
            continue
        key = group.key + (f" ({gender})" if gender else "")
        target = own.get(key)
        if target is None:
            group.key = key
            own[key] = group
            final[id(group)] = group
        else:
            target.merge(group)
            target.displays.update(group.displays)
            final[id(group)] = target
    return final


def _speaker(group: _Group) -> CorpusSpeaker:
    person, organisation = group.types[SpeakerType.PERSON], group.types[SpeakerType.ORGANISATION]
    kind = SpeakerType.UNKNOWN
    if person > organisation:
        kind = SpeakerType.PERSON
    elif organisation > person:
        kind = SpeakerType.ORGANISATION
    counts = group.counts
    return CorpusSpeaker(
        id=speaker_id(group.key, group.label),
        name=group.displays.most_common(1)[0][0],
        type=kind,
        roles=tuple((role, tuple(docs)) for role, docs in group.roles.items()),
        documents=tuple(group.documents),
        quotes=counts["quotes"],
        negated=counts["negated"],
        alleged=counts["alleged"],
        denials=counts["denials"],
        review=counts["review"],
        names=tuple(group.names),
    )


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


def iter_ids(table: SpeakerTable) -> Iterator[tuple[str, tuple[str | None, ...]]]:
    """``(doc_id, ids)`` for each document of the table, in order.

    Example:
        >>> list(iter_ids(speaker_table([("a", [])])))
        [('a', ())]
    """
    return zip(table.doc_ids, table.ids, strict=True)
