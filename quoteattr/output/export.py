"""Conversion of :class:`~quoteattr.records.Quote` records to plain data.

Two shapes are provided:

* a *nested* dict (:func:`quote_to_dict` / :func:`quote_from_dict`) that
  mirrors the record tree exactly, with enums as their string values and every
  span as ``{"start", "end", "text"}``; it is JSON-able and the round trip is
  lossless. It also carries the derived fields of
  :func:`quoteattr.output.review.review_fields` (``needs_review``,
  ``review_reasons``, ``signal_kinds``, ``signals``), which
  :func:`quote_from_dict` ignores;
* a *flat* row (:func:`quote_to_row`, columns :data:`CSV_COLUMNS`) for CSV
  files and data frames, one scalar per column, with the speaker's id
  (:mod:`quoteattr.output.corpus_speakers`), the review decision and the kinds
  of claim signal.

Example:
    >>> from quoteattr.records import Quote, QuoteKind, Span
    >>> text = "« Non », dit-il."
    >>> q = Quote(Span.of(text, 2, 5), QuoteKind.DIRECT, None, None, 0.5, "marks")
    >>> d = quote_to_dict(q)
    >>> d["content"], d["kind"]
    ({'start': 2, 'end': 5, 'text': 'Non'}, 'direct')
    >>> quote_from_dict(d) == q
    True
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from quoteattr.output.corpus_speakers import quote_speaker_id
from quoteattr.output.review import quote_signal_kinds, quote_signals, review_fields
from quoteattr.records import (
    Cue,
    CueClass,
    CueType,
    MentionKind,
    Modality,
    Polarity,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerType,
    SpeakerVia,
)

__all__ = [
    "CSV_COLUMNS",
    "CSV_DTYPES",
    "quote_from_dict",
    "quote_to_dict",
    "quote_to_row",
]

CSV_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "content_start",
    "content_end",
    "content_text",
    "kind",
    "speaker_mention_start",
    "speaker_mention_end",
    "speaker_mention_text",
    "speaker_name",
    "speaker_id",
    "speaker_kind",
    "speaker_role",
    "speaker_type",
    "speaker_via",
    "speaker_distance",
    "cue_start",
    "cue_end",
    "cue_text",
    "cue_lemma",
    "cue_class",
    "cue_polarity",
    "cue_modality",
    "negated",
    "alleged",
    "denial",
    "confidence",
    "rule",
    "sentence",
    "paragraph",
    "needs_review",
    "review_reasons",
    "signal_kinds",
    "signal_count",
)
"""The columns of :func:`quote_to_row`, in CSV order."""

_INT_COLUMNS = ("content_start", "content_end", "sentence", "paragraph", "signal_count")
_NULLABLE_INT_COLUMNS = (
    "speaker_mention_start",
    "speaker_mention_end",
    "speaker_distance",
    "cue_start",
    "cue_end",
)
_BOOL_COLUMNS = ("negated", "alleged", "denial", "needs_review")


def _dtype(column: str) -> str:
    if column in _INT_COLUMNS:
        return "int64"
    if column in _NULLABLE_INT_COLUMNS:
        return "Int64"
    if column == "confidence":
        return "float64"
    return "bool" if column in _BOOL_COLUMNS else "string"


CSV_DTYPES: dict[str, str] = {column: _dtype(column) for column in CSV_COLUMNS}
"""The pandas dtype of each column of a quote table: offsets, sentence, paragraph and
``signal_count`` ``int64``, the optional offsets (speaker mention, cue) and
``speaker_distance`` nullable ``Int64``, ``confidence`` ``float64``, the flags and
``needs_review`` ``bool`` and the rest ``string``."""

Scalar = str | int | float | bool | None


def _serialize(instance: Any, attribute: attrs.Attribute[Any] | None, value: Any) -> Any:
    """``attrs.asdict`` value serializer: enums become their string value."""
    if isinstance(value, enum.Enum):
        return value.value
    return value


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """Convert a quote to a nested, JSON-able dict.

    Enums become their string values, spans ``{"start", "end", "text"}``
    dicts and absent parts (speaker, cue, marks) ``None``; the derived fields
    of :func:`~quoteattr.output.review.review_fields` come last.

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> q = Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "marks")
        >>> data = quote_to_dict(q)
        >>> data["speaker"] is None, data["needs_review"], data["review_reasons"]
        (True, True, ['no_speaker'])
    """
    data = attrs.asdict(quote, recurse=True, value_serializer=_serialize)
    data.update(review_fields(quote))
    return data


def _get(data: Mapping[str, Any], key: str) -> Any:
    try:
        return data[key]
    except KeyError:
        raise ValueError(f"invalid quote dict: missing key {key!r}") from None
    except TypeError:
        raise ValueError(f"invalid quote dict: expected a mapping, got {data!r}") from None


def _span(data: Mapping[str, Any]) -> Span:
    return Span(int(_get(data, "start")), int(_get(data, "end")), str(_get(data, "text")))


def _opt_span(data: Mapping[str, Any] | None) -> Span | None:
    return None if data is None else _span(data)


def _speaker(data: Mapping[str, Any] | None) -> Speaker | None:
    if data is None:
        return None
    name = data.get("name")
    return Speaker(
        mention=_opt_span(data.get("mention")),
        name=None if name is None else str(name),
        kind=MentionKind(data.get("kind", MentionKind.NAME.value)),
        resolved_from=_opt_span(data.get("resolved_from")),
        role=None if data.get("role") is None else str(data["role"]),
        type=SpeakerType(data.get("type") or SpeakerType.UNKNOWN.value),
        via=SpeakerVia(data.get("via") or SpeakerVia.NAME.value),
        distance=int(data.get("distance") or 0),
    )


def _cue(data: Mapping[str, Any] | None) -> Cue | None:
    if data is None:
        return None
    return Cue(
        span=_span(_get(data, "span")),
        lemma=str(_get(data, "lemma")),
        type=CueType(data.get("type", CueType.VERB.value)),
        cls=CueClass(data.get("cls", CueClass.NEUTRAL.value)),
        polarity=Polarity(data.get("polarity", Polarity.POSITIVE.value)),
        modality=Modality(data.get("modality", Modality.ASSERTED.value)),
    )


def quote_from_dict(data: Mapping[str, Any]) -> Quote:
    """Rebuild a :class:`Quote` from the output of :func:`quote_to_dict`.

    Unknown keys (such as the ``doc_id`` of a JSON Lines row) are ignored;
    a missing required key or a bad value raises :class:`ValueError`.

    Example:
        >>> q = quote_from_dict({"content": {"start": 0, "end": 3, "text": "Non"},
        ...                      "kind": "direct", "speaker": None, "cue": None,
        ...                      "confidence": 0.5, "rule": "marks"})
        >>> q.kind, q.content.text
        (<QuoteKind.DIRECT: 'direct'>, 'Non')
    """
    try:
        return Quote(
            content=_span(_get(data, "content")),
            kind=QuoteKind(_get(data, "kind")),
            speaker=_speaker(data.get("speaker")),
            cue=_cue(data.get("cue")),
            confidence=float(_get(data, "confidence")),
            rule=str(_get(data, "rule")),
            open_mark=_opt_span(data.get("open_mark")),
            close_mark=_opt_span(data.get("close_mark")),
            sentence=int(data.get("sentence", 0)),
            paragraph=int(data.get("paragraph", 0)),
        )
    except (TypeError, AttributeError) as exc:
        raise ValueError(f"invalid quote dict: {exc}") from exc


def quote_to_row(
    quote: Quote, doc_id: str | None = None, speaker_id: str | None = None
) -> dict[str, Scalar]:
    """Flatten a quote to one row with the columns :data:`CSV_COLUMNS`.

    Missing parts (no speaker, no mention, no cue) give ``None`` cells; the
    flags ``negated``, ``alleged`` and ``denial`` and ``needs_review`` are
    booleans (see :attr:`Quote.flags <quoteattr.records.Quote.flags>`);
    ``review_reasons`` and ``signal_kinds`` are joined with ``;``.
    ``speaker_id`` is the corpus id of the speaker when the caller knows it
    (:func:`~quoteattr.output.corpus_speakers.speaker_table`), else the id read
    from the speaker's name alone
    (:func:`~quoteattr.output.corpus_speakers.quote_speaker_id`).

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> row = quote_to_row(Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "marks"), "a")
        >>> row["doc_id"], row["content_text"], row["speaker_name"], row["negated"]
        ('a', 'Non', None, False)
        >>> row["needs_review"], row["review_reasons"], row["signal_count"]
        (True, 'no_speaker', 0)
    """
    speaker = quote.speaker
    mention = speaker.mention if speaker is not None else None
    cue = quote.cue
    return {
        "doc_id": doc_id,
        "content_start": quote.content.start,
        "content_end": quote.content.end,
        "content_text": quote.content.text,
        "kind": quote.kind.value,
        "speaker_mention_start": mention.start if mention is not None else None,
        "speaker_mention_end": mention.end if mention is not None else None,
        "speaker_mention_text": mention.text if mention is not None else None,
        "speaker_name": speaker.name if speaker is not None else None,
        "speaker_id": speaker_id if speaker_id is not None else quote_speaker_id(quote, doc_id),
        "speaker_kind": speaker.kind.value if speaker is not None else None,
        "speaker_role": speaker.role if speaker is not None else None,
        "speaker_type": speaker.type.value if speaker is not None else None,
        "speaker_via": speaker.via.value if speaker is not None else None,
        "speaker_distance": speaker.distance if speaker is not None else None,
        "cue_start": cue.span.start if cue is not None else None,
        "cue_end": cue.span.end if cue is not None else None,
        "cue_text": cue.span.text if cue is not None else None,
        "cue_lemma": cue.lemma if cue is not None else None,
        "cue_class": cue.cls.value if cue is not None else None,
        "cue_polarity": cue.polarity.value if cue is not None else None,
        "cue_modality": cue.modality.value if cue is not None else None,
        "negated": quote.negated,
        "alleged": quote.alleged,
        "denial": quote.denial,
        "confidence": quote.confidence,
        "rule": quote.rule,
        "sentence": quote.sentence,
        "paragraph": quote.paragraph,
        "needs_review": quote.needs_review,
        "review_reasons": ";".join(quote.review_reasons),
        "signal_kinds": ";".join(quote_signal_kinds(quote)),
        "signal_count": len(quote_signals(quote)),
    }
