"""Counts and scores of an evaluation: :class:`Metrics` (see :mod:`quoteattr.evaluate`).

Besides the summed counts, :class:`Metrics` keeps the named-speaker outcomes by
predicted confidence, from which :meth:`Metrics.reliability` makes the rows of a
reliability table (:class:`ReliabilityRow`, bins :data:`CONFIDENCE_BINS`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from attrs import field

from quoteattr.evaluate.gold import KINDS

__all__ = ["CONFIDENCE_BINS", "RELIABILITY_THRESHOLD", "Metrics", "ReliabilityRow"]

CONFIDENCE_BINS: tuple[tuple[float, float], ...] = (
    (0.0, 0.5),
    (0.5, 0.7),
    (0.7, 0.8),
    (0.8, 0.9),
    (0.9, 1.0),
)
"""The bins of predicted confidence of the reliability table: ``[low, high)``, the last one
``[low, high]`` (closed, so that confidence 1 falls in it)."""

RELIABILITY_THRESHOLD = 0.9
"""The default threshold of the reliability table's ``≥ threshold`` row."""


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _precision(hits: int, predicted: int, gold: int, complete_documents: int) -> float | None:
    """Precision over complete documents; ``None`` without any, 0 when nothing was predicted."""
    if complete_documents == 0:
        return None
    if predicted == 0:
        return 0.0 if gold else None
    return hits / predicted


def _kind_counts(values: Mapping[str, int] | None = None) -> dict[str, int]:
    counts = dict.fromkeys(KINDS, 0)
    if values:
        counts.update({str(k): int(v) for k, v in values.items()})
    return counts


def _confidence_counts(
    values: Mapping[Any, Sequence[int]] | None = None,
) -> dict[float, tuple[int, int]]:
    """``{confidence: (quotes, right)}`` sorted by confidence; keys may be strings (from JSON)."""
    if not values:
        return {}
    pairs = ((float(k), (int(v[0]), int(v[1]))) for k, v in values.items())
    return dict(sorted(pairs))


def _add_confidence_counts(
    a: Mapping[float, tuple[int, int]], b: Mapping[float, tuple[int, int]]
) -> dict[float, tuple[int, int]]:
    out = dict(a)
    for key, (quotes, right) in b.items():
        before = out.get(key, (0, 0))
        out[key] = (before[0] + quotes, before[1] + right)
    return _confidence_counts(out)


@attrs.frozen(slots=True)
class ReliabilityRow:
    """One row of a reliability table: named-speaker outcomes of quotes in a confidence range.

    A bin row covers ``low <= confidence < high`` (``<= high`` when ``closed``);
    the threshold row (``at_least``) covers ``confidence >= low``. ``quotes``
    counts matched quotes whose gold speaker is named, ``right`` those whose
    predicted name is right (:func:`~quoteattr.evaluate.matching.named_speakers_match`).

    Example:
        >>> row = ReliabilityRow(0.5, 0.7, quotes=4, right=3)
        >>> row.label, row.share_right
        ('[0.50, 0.70)', 0.75)
        >>> ReliabilityRow(0.9, 1.0, 0, 0, at_least=True).label
        '≥ 0.90'
    """

    low: float
    high: float
    quotes: int
    right: int
    closed: bool = False
    """Whether ``high`` itself falls in the bin."""
    at_least: bool = False
    """The ``confidence >= low`` row (not a bin: it overlaps the bins above ``low``)."""

    @property
    def label(self) -> str:
        """``[low, high)``, ``[low, high]`` or ``≥ low``, two decimals.

        Example:
            >>> ReliabilityRow(0.9, 1.0, 2, 1, closed=True).label
            '[0.90, 1.00]'
        """
        if self.at_least:
            return f"≥ {self.low:.2f}"
        return f"[{self.low:.2f}, {self.high:.2f}{']' if self.closed else ')'}"

    @property
    def share_right(self) -> float | None:
        """``right / quotes``; ``None`` for an empty row.

        Example:
            >>> ReliabilityRow(0.0, 0.5, 0, 0).share_right is None
            True
        """
        return _ratio(self.right, self.quotes)

    def covers(self, confidence: float) -> bool:
        """Whether a confidence falls in this row.

        Example:
            >>> row = ReliabilityRow(0.7, 0.8, 0, 0)
            >>> row.covers(0.7), row.covers(0.8)
            (True, False)
        """
        if self.at_least:
            return confidence >= self.low
        return self.low <= confidence < self.high or (self.closed and confidence == self.high)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form (with the label and the share).

        Example:
            >>> ReliabilityRow(0.5, 0.7, 4, 3).to_dict()["share_right"]
            0.75
        """
        return {
            "label": self.label,
            "low": self.low,
            "high": self.high,
            "closed": self.closed,
            "at_least": self.at_least,
            "quotes": self.quotes,
            "right": self.right,
            "share_right": self.share_right,
        }


def _add_counts(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, int]:
    out = dict(a)
    for key, value in b.items():
        out[key] = out.get(key, 0) + value
    return out


@attrs.frozen(slots=True)
class Metrics:
    """Raw counts for a set of documents; every score is a property derived from them.

    Counts named ``*_complete`` only cover documents with ``complete=true``.
    Metrics add up with ``+`` (micro-averaging). Rates are ``None`` when their
    denominator is 0.

    Example:
        >>> m = Metrics(documents=1, complete_documents=1, gold=4, predicted=2,
        ...             gold_complete=4, predicted_complete=2, matched=2, matched_complete=2)
        >>> m.precision, m.recall, round(m.f1 or 0, 3)
        (1.0, 0.5, 0.667)
    """

    documents: int = 0
    complete_documents: int = 0
    gold: int = 0
    predicted: int = 0
    gold_complete: int = 0
    predicted_complete: int = 0
    matched: int = 0
    matched_complete: int = 0
    exact: int = 0
    speaker_eligible: int = 0
    speaker_correct: int = 0
    named_speaker_eligible: int = 0
    """Matched pairs whose gold ``speaker_name`` is more than function words."""
    named_speaker_correct: int = 0
    """Of those, pairs whose predicted name matches (``named_speakers_match``)."""
    attributed: int = 0
    attributed_complete: int = 0
    cue_eligible: int = 0
    cue_correct: int = 0
    kind_correct: int = 0
    gold_by_kind: Mapping[str, int] = field(factory=_kind_counts, converter=_kind_counts)
    matched_by_kind: Mapping[str, int] = field(factory=_kind_counts, converter=_kind_counts)
    kind_confusion: Mapping[str, Mapping[str, int]] = field(factory=dict)
    """``kind_confusion[gold_kind][predicted_kind]``: matched pairs, by kind."""
    named_by_confidence: Mapping[float, tuple[int, int]] = field(
        factory=dict, converter=_confidence_counts
    )
    """``{predicted confidence: (named-speaker pairs, right ones)}``, for :meth:`reliability`."""

    # -- scores

    @property
    def precision(self) -> float | None:
        """Detection precision over complete documents (``None`` without any).

        Example:
            >>> Metrics(documents=1, gold=3, matched=1).precision is None
            True
        """
        return _precision(
            self.matched_complete,
            self.predicted_complete,
            self.gold_complete,
            self.complete_documents,
        )

    @property
    def recall(self) -> float | None:
        """Detection recall over all documents.

        Example:
            >>> Metrics(documents=1, gold=4, matched=1).recall
            0.25
        """
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of :attr:`precision` and :attr:`recall`.

        Example:
            >>> Metrics(complete_documents=1, gold=2, gold_complete=2, predicted_complete=2,
            ...         matched=1, matched_complete=1).f1
            0.5
        """
        return _f1(self.precision, self.recall)

    @property
    def exact_boundary_rate(self) -> float | None:
        """Share of matched pairs whose content spans are identical.

        Example:
            >>> Metrics(matched=4, exact=3).exact_boundary_rate
            0.75
        """
        return _ratio(self.exact, self.matched)

    @property
    def speaker_accuracy(self) -> float | None:
        """Correct speakers among matched pairs whose gold quote has a speaker.

        Example:
            >>> Metrics(speaker_eligible=2, speaker_correct=1).speaker_accuracy
            0.5
        """
        return _ratio(self.speaker_correct, self.speaker_eligible)

    @property
    def named_speaker_accuracy(self) -> float | None:
        """Right predicted names among matched pairs whose gold speaker is named.

        Stricter than :attr:`speaker_accuracy`: only names count (no mention
        overlap), compared by
        :func:`~quoteattr.evaluate.matching.named_speakers_match`; gold names
        made of function words only (``il``, ``ce dernier``) are left out.

        Example:
            >>> Metrics(named_speaker_eligible=4, named_speaker_correct=3).named_speaker_accuracy
            0.75
        """
        return _ratio(self.named_speaker_correct, self.named_speaker_eligible)

    def reliability(self, threshold: float = RELIABILITY_THRESHOLD) -> list[ReliabilityRow]:
        """Named-speaker outcomes by predicted confidence: one row per bin, then ``≥ threshold``.

        The bins are :data:`CONFIDENCE_BINS`; the last row (``at_least``)
        counts every named-speaker pair whose confidence is at least
        ``threshold``.

        Example:
            >>> m = Metrics(named_by_confidence={0.6: (2, 1), 0.95: (3, 3)})
            >>> [(r.label, r.quotes, r.right) for r in m.reliability()][1::3]
            [('[0.50, 0.70)', 2, 1), ('[0.90, 1.00]', 3, 3)]
            >>> m.reliability(0.5)[-1].share_right
            0.8
        """
        last = len(CONFIDENCE_BINS) - 1
        shapes = [
            ReliabilityRow(low, high, 0, 0, closed=i == last)
            for i, (low, high) in enumerate(CONFIDENCE_BINS)
        ]
        shapes.append(ReliabilityRow(threshold, 1.0, 0, 0, closed=True, at_least=True))
        rows: list[ReliabilityRow] = []
        for shape in shapes:
            counts = [n for c, n in self.named_by_confidence.items() if shape.covers(c)]
            quotes = sum(n for n, _ in counts)
            right = sum(r for _, r in counts)
            rows.append(attrs.evolve(shape, quotes=quotes, right=right))
        return rows

    @property
    def attribution_precision(self) -> float | None:
        """End-to-end precision: matched with the right speaker / predicted (complete docs).

        Example:
            >>> Metrics(complete_documents=1, gold_complete=1, predicted_complete=2,
            ...         attributed_complete=1).attribution_precision
            0.5
        """
        return _precision(
            self.attributed_complete,
            self.predicted_complete,
            self.gold_complete,
            self.complete_documents,
        )

    @property
    def attribution_recall(self) -> float | None:
        """End-to-end recall: matched with the right speaker / gold (all documents).

        Example:
            >>> Metrics(gold=4, attributed=1).attribution_recall
            0.25
        """
        return _ratio(self.attributed, self.gold)

    @property
    def attribution_f1(self) -> float | None:
        """Harmonic mean of the attribution precision and recall.

        Example:
            >>> Metrics(gold=4, attributed=1).attribution_f1 is None  # no complete document
            True
        """
        return _f1(self.attribution_precision, self.attribution_recall)

    @property
    def cue_accuracy(self) -> float | None:
        """Share of matched pairs with a gold cue whose predicted cue overlaps it.

        Example:
            >>> Metrics(cue_eligible=4, cue_correct=1).cue_accuracy
            0.25
        """
        return _ratio(self.cue_correct, self.cue_eligible)

    @property
    def kind_accuracy(self) -> float | None:
        """Share of matched pairs whose predicted kind equals the gold kind.

        Example:
            >>> Metrics(matched=2, kind_correct=2).kind_accuracy
            1.0
        """
        return _ratio(self.kind_correct, self.matched)

    @property
    def recall_by_kind(self) -> dict[str, float | None]:
        """Recall of the gold quotes of each kind (``None`` where there is none).

        Example:
            >>> Metrics(gold_by_kind={"direct": 2}, matched_by_kind={"direct": 1}).recall_by_kind
            {'direct': 0.5, 'mixed': None, 'indirect': None, 'according_to': None}
        """
        return {
            kind: _ratio(self.matched_by_kind.get(kind, 0), self.gold_by_kind.get(kind, 0))
            for kind in self.gold_by_kind
        }

    # -- arithmetic and serialisation

    def __add__(self, other: Metrics) -> Metrics:
        if not isinstance(other, Metrics):
            return NotImplemented
        scalars = {name: getattr(self, name) + getattr(other, name) for name in _COUNT_FIELDS}
        confusion: dict[str, dict[str, int]] = {}
        for table in (self.kind_confusion, other.kind_confusion):
            for gold_kind, row in table.items():
                confusion[gold_kind] = _add_counts(confusion.get(gold_kind, {}), row)
        return Metrics(
            **scalars,
            gold_by_kind=_add_counts(self.gold_by_kind, other.gold_by_kind),
            matched_by_kind=_add_counts(self.matched_by_kind, other.matched_by_kind),
            kind_confusion=confusion,
            named_by_confidence=_add_confidence_counts(
                self.named_by_confidence, other.named_by_confidence
            ),
        )

    def scores(self) -> dict[str, float | None]:
        """Every score by name, in table order (kind recalls as ``recall_<kind>``).

        Example:
            >>> list(Metrics().scores())[:3]
            ['precision', 'recall', 'f1']
        """
        out: dict[str, float | None] = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "exact_boundary_rate": self.exact_boundary_rate,
            "speaker_accuracy": self.speaker_accuracy,
            "named_speaker_accuracy": self.named_speaker_accuracy,
            "attribution_precision": self.attribution_precision,
            "attribution_recall": self.attribution_recall,
            "attribution_f1": self.attribution_f1,
            "cue_accuracy": self.cue_accuracy,
            "kind_accuracy": self.kind_accuracy,
        }
        out.update({f"recall_{kind}": value for kind, value in self.recall_by_kind.items()})
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form: ``{"counts": {...}, "scores": {...}}``.

        Example:
            >>> Metrics(gold=2, matched=1).to_dict()["scores"]["recall"]
            0.5
        """
        counts: dict[str, Any] = {name: getattr(self, name) for name in _COUNT_FIELDS}
        counts["gold_by_kind"] = dict(self.gold_by_kind)
        counts["matched_by_kind"] = dict(self.matched_by_kind)
        counts["kind_confusion"] = {k: dict(v) for k, v in self.kind_confusion.items()}
        counts["named_by_confidence"] = {
            repr(c): list(n) for c, n in self.named_by_confidence.items()
        }
        return {"counts": counts, "scores": self.scores()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Metrics:
        """Rebuild from :meth:`to_dict` output (scores are recomputed from the counts).

        Example:
            >>> m = Metrics(gold=2, matched=1, gold_by_kind={"direct": 2})
            >>> Metrics.from_dict(m.to_dict()) == m
            True
        """
        counts = dict(data["counts"])
        confusion = {
            str(k): {str(p): int(n) for p, n in v.items()}
            for k, v in counts.pop("kind_confusion", {}).items()
        }
        return cls(**counts, kind_confusion=confusion)


_COUNT_FIELDS: tuple[str, ...] = tuple(
    a.name
    for a in attrs.fields(Metrics)
    if a.name not in {"gold_by_kind", "matched_by_kind", "kind_confusion", "named_by_confidence"}
)
