"""One speaker across documents: the corpus-wide speakers table and the stable id of each record's
speaker.

Within a document, the resolver already gives every quote of one person the same canonical name
(:attr:`Speaker.name <quoteattr.records.Speaker.name>`). Across documents, :func:`speaker_table`
merges those names by their shape (:func:`quoteattr.output.speaker_names.parse_name`):

* a full name (``Emmanuel Macron``) is one speaker wherever it appears, whatever the case, accents
  or description before it (``le président Emmanuel Macron``);
* a surname alone (``M. Macron``, ``le président Macron``, ``Macron``) or after an initial
  (``E. Macron``) joins the one full name of the corpus with that surname, a compatible initial
  and a compatible gender (read from the mentions' titles, pronouns and determiners: ``M.``,
  ``elle``, ``la ministre``; the title before a mention is read in the document's text when it
  is known, so not in a ``quoteattr corpus`` output, which keeps no text); when no full name
  fits, or several do, it stays a speaker of its own (``person:<surname>``, with its gender
  when known), so namesakes are never merged by guess;
* two full names with different first names (``Pierre Lambert``, ``Sophie Lambert``) stay apart;
* another proper name (an organisation's: ``l'OMS``, ``Amnesty International``) is one speaker
  wherever it appears;
* a description without a name (``le ministre``, ``la préfecture de police``) never leaves its
  document: it is one speaker per document.

Each speaker gets a stable id (:func:`quoteattr.output.speaker_names.speaker_id`): a readable
slug and 8 hexadecimal digits of the SHA-1 of its key (``person:emmanuel macron``), so that the
same person has the same id in every run and every corpus where the same names are found. The
table (:class:`~quoteattr.output.speaker_table.SpeakerTable`) lists each speaker's name, type, the
roles given with the documents that give them, the documents, and the counts of quotes, negated,
alleged and denial quotes and quotes that need review; ``table.ids`` holds the id of every
record, document by document.

:class:`SpeakerIndex` does the same one document at a time, for outputs that stream: the ids
it gives a document are those of the corpus read so far (a surname alone takes the id of a full
name given in the same or an earlier document); its final :meth:`~SpeakerIndex.table` holds the
ids of the whole corpus, which differ only for a surname whose full name came later, or that a
later namesake made ambiguous.

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

import copy
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quoteattr.output.speaker_names import (
    NameParts,
    mention_gender,
    parse_name,
    speaker_id,
    title_gender,
)
from quoteattr.output.speaker_table import CorpusSpeaker, SpeakerTable
from quoteattr.records import Quote, SpeakerType

__all__ = [
    "CorpusSpeaker",
    "SpeakerIndex",
    "SpeakerTable",
    "quote_speaker_id",
    "speaker_table",
]


@dataclass
class _Group:
    """What the records of one name say (per document for a surname), before the merge."""

    key: str
    label: str
    first: tuple[int, int]
    parts: NameParts
    displays: Counter[str] = field(default_factory=Counter)
    names: dict[str, None] = field(default_factory=dict)
    types: Counter[SpeakerType] = field(default_factory=Counter)
    genders: Counter[str] = field(default_factory=Counter)
    roles: dict[str, dict[str, None]] = field(default_factory=dict)
    documents: dict[str, None] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, quote: Quote, doc_id: str, text: str) -> None:
        speaker = quote.speaker
        assert speaker is not None and speaker.name is not None
        self.displays[self.parts.display] += 1
        self.names.setdefault(speaker.name, None)
        self.types[speaker.type] += 1
        mention = speaker.mention
        if mention is not None:
            gender = mention_gender(mention.text)
            if gender is None and text[mention.start : mention.end] == mention.text:
                gender = title_gender(text[: mention.start])
            if gender is not None:
                self.genders[gender] += 1
        if speaker.role:
            self.roles.setdefault(speaker.role, {}).setdefault(doc_id, None)
        self.documents.setdefault(doc_id, None)
        self.counts.update(
            quotes=1,
            negated=int(quote.negated),
            alleged=int(quote.alleged),
            denials=int(quote.denial),
            review=int(quote.needs_review),
        )

    def merge(self, other: _Group, *, displays: bool) -> None:
        self.first = min(self.first, other.first)
        if displays:
            self.displays.update(other.displays)
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
    """The key and label of a name (a ``surname`` key is the one it has when nothing fits)."""
    if parts.kind == "full":
        return f"person:{parts.first} {parts.surname}", f"{parts.first} {parts.surname}"
    if parts.kind == "name":
        return f"name:{parts.surname}", parts.surname
    if parts.kind == "description":
        return f"doc:{doc_id}:{parts.surname}", parts.surname
    initial = f" {parts.first}." if parts.first else ""
    return f"person:{parts.surname}{initial}", parts.surname


def _own_key(group: _Group) -> str:
    """The key of a surname that joins no full name: its gender keeps M. X apart from Mme X."""
    return group.key + (f" ({group.gender})" if group.gender else "")


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
    index = SpeakerIndex()
    return index.add(doc_id or "", [quote])[0]


class SpeakerIndex:
    """The speakers of a corpus read one document at a time (see the module docstring).

    Example:
        >>> from quoteattr.records import Quote, Span, Speaker
        >>> def said(name):
        ...     return Quote(Span(0, 3, "Non"), "direct", Speaker(None, name), None, 0.9, "m")
        >>> index = SpeakerIndex()
        >>> index.add("a", [said("Macron")]), index.add("b", [said("Emmanuel Macron")])
        (('macron-43f4731c',), ('emmanuel-macron-7feb2df4',))
        >>> index.table().ids
        [('emmanuel-macron-7feb2df4',), ('emmanuel-macron-7feb2df4',)]
    """

    def __init__(self) -> None:
        self.groups: dict[str, _Group] = {}
        self.pending: dict[tuple[str, str], _Group] = {}  # surnames, per document
        self.by_surname: dict[str, list[_Group]] = {}
        self.rows: list[list[_Group | None]] = []
        self.doc_ids: list[str] = []
        self.unattributed = 0
        self._parsed: dict[tuple[str, SpeakerType], NameParts] = {}

    def _group(self, quote: Quote, doc_id: str, first: tuple[int, int], text: str) -> _Group | None:
        speaker = quote.speaker
        if speaker is None or speaker.name is None:
            self.unattributed += 1
            return None
        lookup = (speaker.name, speaker.type)
        parts = self._parsed.get(lookup)
        if parts is None:
            parts = self._parsed[lookup] = parse_name(*lookup)
        key, label = _key(parts, doc_id)
        if parts.kind == "surname":
            group = self.pending.get((doc_id, key))
            if group is None:
                group = self.pending[(doc_id, key)] = _Group(key, label, first, parts)
        else:
            group = self.groups.get(key)
            if group is None:
                group = self.groups[key] = _Group(key, label, first, parts)
                if parts.kind == "full":
                    self.by_surname.setdefault(parts.surname, []).append(group)
        group.add(quote, doc_id, text)
        return group

    def _fits(self, group: _Group) -> list[_Group]:
        """The full names a surname group may join: same surname, initial and gender."""
        parts, gender = group.parts, group.gender
        return [
            full
            for full in self.by_surname.get(parts.surname, [])
            if (parts.first is None or (full.parts.first or "").startswith(parts.first))
            and (gender is None or full.gender is None or full.gender == gender)
        ]

    def _id(self, group: _Group) -> str:
        if group.parts.kind != "surname":
            return speaker_id(group.key, group.label)
        fits = self._fits(group)
        if len(fits) == 1:
            return speaker_id(fits[0].key, fits[0].label)
        return speaker_id(_own_key(group), group.label)

    def add(
        self, doc_id: str, quotes: Iterable[Quote], text: str | None = None
    ) -> tuple[str | None, ...]:
        """Read one document; return its records' speaker ids, as of the documents read so far.

        ``text`` (default: ``quotes.text`` when ``quotes`` is a
        :class:`~quoteattr.output.results.QuoteList`) lets the civil title before a mention
        tell the speaker's gender (``M. Lambert``, whose mention is ``Lambert``).

        Example:
            >>> SpeakerIndex().add("a", [])
            ()
        """
        doc_index = len(self.doc_ids)
        self.doc_ids.append(doc_id)
        if text is None:
            text = str(getattr(quotes, "text", "") or "")
        row = [self._group(q, doc_id, (doc_index, i), text) for i, q in enumerate(quotes)]
        self.rows.append(row)
        return tuple(None if group is None else self._id(group) for group in row)

    def table(self) -> SpeakerTable:
        """The speakers of every document read, merged, with the final id of every record.

        Example:
            >>> SpeakerIndex().table()
            SpeakerTable(0 speakers, 0 documents)
        """
        groups = copy.deepcopy((self.groups, self.pending, self.by_surname, self.rows))
        fulls, pending, by_surname, rows = groups
        final: dict[int, _Group] = {id(group): group for group in fulls.values()}
        own: dict[str, _Group] = {}
        merged = SpeakerIndex()
        merged.by_surname = by_surname
        for group in sorted(pending.values(), key=lambda g: g.first):
            fits = merged._fits(group)
            if len(fits) == 1:
                fits[0].merge(group, displays=False)
                final[id(group)] = fits[0]
                continue
            key = _own_key(group)
            target = own.setdefault(key, group)
            if target is not group:
                target.merge(group, displays=True)
            target.key = key
            final[id(group)] = target
        finals = {id(group): group for group in final.values()}
        speakers = {ident: _speaker(group) for ident, group in finals.items()}
        ordered = sorted(finals.values(), key=lambda g: (-g.counts["quotes"], g.first))
        ids = [
            tuple(None if g is None else speakers[id(final[id(g)])].id for g in row) for row in rows
        ]
        return SpeakerTable(
            [speakers[id(g)] for g in ordered],
            ids=ids,
            doc_ids=self.doc_ids,
            unattributed=self.unattributed,
        )


def speaker_table(documents: Iterable[tuple[str, Sequence[Quote]]]) -> SpeakerTable:
    """Merge the speakers of ``(doc_id, quotes)`` documents into one table (module docstring).

    The documents are read once, in order; only a few facts per record are kept.

    Example:
        >>> speaker_table([("a", [])])
        SpeakerTable(0 speakers, 1 document)
    """
    index = SpeakerIndex()
    for doc_id, quotes in documents:
        index.add(doc_id, quotes)
    return index.table()


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
