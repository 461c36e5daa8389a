"""Counts and scores of an evaluation: :class:`Metrics` (see :mod:`quoteattr.evaluate`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field

from quoteattr.evaluate.gold import KINDS

__all__ = ["Metrics"]


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
    attributed: int = 0
    attributed_complete: int = 0
    cue_eligible: int = 0
    cue_correct: int = 0
    kind_correct: int = 0
    gold_by_kind: Mapping[str, int] = field(factory=_kind_counts, converter=_kind_counts)
    matched_by_kind: Mapping[str, int] = field(factory=_kind_counts, converter=_kind_counts)
    kind_confusion: Mapping[str, Mapping[str, int]] = field(factory=dict)
    """``kind_confusion[gold_kind][predicted_kind]``: matched pairs, by kind."""

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
    if a.name not in {"gold_by_kind", "matched_by_kind", "kind_confusion"}
)
