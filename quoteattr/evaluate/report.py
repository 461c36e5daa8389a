"""The report of an evaluation: metrics per file and overall, error cases, tables.

Tables: :meth:`Report.format_table` (fixed width), :meth:`Report.format_markdown`
and :meth:`Report.format_reliability` (named-speaker accuracy by predicted
confidence, Markdown).
"""

from __future__ import annotations

import enum
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from attrs import field

from quoteattr.evaluate.metrics import RELIABILITY_THRESHOLD, Metrics, ReliabilityRow
from quoteattr.records import QuoteKind, Span

__all__ = ["ErrorCase", "ErrorType", "Report", "quote_context"]

_WHITESPACE = re.compile(r"\s+")


def quote_context(text: str, span: Span, width: int = 80) -> str:
    """About ``width`` characters of ``text`` around ``span``, the span marked with ⟦ ⟧.

    Half of ``width`` is taken on each side; whitespace runs (newlines
    included) become single spaces; a span longer than ``width`` is
    shortened in the middle with `` … ``; ``…`` marks text cut at either end.

    Example:
        >>> quote_context("Il a dit : « Non ».\\nPuis il est parti.", Span(13, 16, "Non"), 20)
        '…a dit : « ⟦Non⟧ ». Puis i…'
    """
    half = max(width // 2, 0)
    left_start = max(span.start - half, 0)
    right_end = min(span.end + half, len(text))
    inner = _squash(text[span.start : span.end])
    limit = max(width, 20)
    if len(inner) > limit:
        keep = (limit - 3) // 2
        inner = f"{inner[:keep].rstrip()} … {inner[-keep:].lstrip()}"
    left = _squash(text[left_start : span.start])
    right = _squash(text[span.end : right_end])
    prefix = "…" if left_start > 0 else ""
    suffix = "…" if right_end < len(text) else ""
    return f"{prefix}{left}⟦{inner}⟧{right}{suffix}"


def _squash(chunk: str) -> str:
    return _WHITESPACE.sub(" ", chunk)


class ErrorType(str, enum.Enum):
    """What went wrong in an :class:`ErrorCase`.

    Example:
        >>> ErrorType("missed") is ErrorType.MISSED
        True
    """

    MISSED = "missed"
    """A gold quote no prediction matched."""
    FALSE_POSITIVE = "false_positive"
    """A prediction matching no gold quote, in a complete document."""
    WRONG_SPEAKER = "wrong_speaker"
    """A matched pair whose predicted speaker is not the gold one."""
    WRONG_NAMED_SPEAKER = "wrong_named_speaker"
    """A matched pair with a named gold speaker whose predicted name does not match it
    (the named-speaker accuracy; the same pair may also be a :attr:`WRONG_SPEAKER`)."""

    def __str__(self) -> str:
        return self.value


def _span_to_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _span_from_dict(data: Mapping[str, Any] | None) -> Span | None:
    return None if data is None else Span(int(data["start"]), int(data["end"]), str(data["text"]))


def _optional_kind(value: Any) -> QuoteKind | None:
    return None if value is None else QuoteKind(value)


@attrs.frozen(slots=True)
class ErrorCase:
    """One error for inspection: a missed quote, a false positive, a wrong speaker or name.

    ``context`` shows about 80 characters around the quote (the gold one, or
    the predicted one for a false positive) with the quote marked by ⟦ ⟧.

    Example:
        >>> e = ErrorCase(ErrorType.MISSED, "dev.jsonl", "d1", Span(3, 6, "Non"), None,
        ...               context="« ⟦Non⟧ »", gold_kind=QuoteKind.DIRECT)
        >>> e.format().splitlines()[0]
        'missed  dev.jsonl  d1  gold [3, 6) direct'
    """

    type: ErrorType = field(converter=ErrorType)
    file: str
    doc_id: str
    gold: Span | None
    predicted: Span | None
    context: str = ""
    gold_kind: QuoteKind | None = field(default=None, converter=_optional_kind)
    predicted_kind: QuoteKind | None = field(default=None, converter=_optional_kind)
    gold_speaker: str | None = None
    """The gold speaker mention text."""
    gold_speaker_name: str | None = None
    predicted_speaker: str | None = None
    """The predicted speaker mention text."""
    predicted_speaker_name: str | None = None

    def format(self) -> str:
        """A short human-readable description, context on the second line.

        Example:
            >>> ErrorCase("false_positive", "f", "d", None, Span(0, 2, "Oh"),
            ...           context="⟦Oh⟧", predicted_kind="direct").format()
            'false_positive  f  d  pred [0, 2) direct\\n    ⟦Oh⟧'
        """
        parts = [str(self.type), self.file, self.doc_id]
        if self.gold is not None:
            gold_kind = f" {self.gold_kind}" if self.gold_kind is not None else ""
            parts.append(f"gold [{self.gold.start}, {self.gold.end}){gold_kind}")
        if self.predicted is not None:
            pred_kind = f" {self.predicted_kind}" if self.predicted_kind is not None else ""
            parts.append(f"pred [{self.predicted.start}, {self.predicted.end}){pred_kind}")
        head = "  ".join(parts)
        if self.type is ErrorType.WRONG_SPEAKER:
            head += (
                f"\n    speaker: gold {_who(self.gold_speaker, self.gold_speaker_name)}"
                f", predicted {_who(self.predicted_speaker, self.predicted_speaker_name)}"
            )
        elif self.type is ErrorType.WRONG_NAMED_SPEAKER:
            head += (
                f"\n    name: gold {_name(self.gold_speaker_name)}"
                f", predicted {_name(self.predicted_speaker_name)}"
            )
        return f"{head}\n    {self.context}" if self.context else head

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form.

        Example:
            >>> ErrorCase("missed", "f", "d", Span(0, 2, "Oh"), None).to_dict()["gold"]
            {'start': 0, 'end': 2, 'text': 'Oh'}
        """
        return {
            "type": self.type.value,
            "file": self.file,
            "doc_id": self.doc_id,
            "gold": _span_to_dict(self.gold),
            "predicted": _span_to_dict(self.predicted),
            "gold_kind": None if self.gold_kind is None else self.gold_kind.value,
            "predicted_kind": None if self.predicted_kind is None else self.predicted_kind.value,
            "gold_speaker": self.gold_speaker,
            "gold_speaker_name": self.gold_speaker_name,
            "predicted_speaker": self.predicted_speaker,
            "predicted_speaker_name": self.predicted_speaker_name,
            "context": self.context,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorCase:
        """Rebuild from :meth:`to_dict` output.

        Example:
            >>> e = ErrorCase("missed", "f", "d", Span(0, 2, "Oh"), None, gold_kind="direct")
            >>> ErrorCase.from_dict(e.to_dict()) == e
            True
        """
        return cls(
            type=data["type"],
            file=data["file"],
            doc_id=data["doc_id"],
            gold=_span_from_dict(data.get("gold")),
            predicted=_span_from_dict(data.get("predicted")),
            context=data.get("context", ""),
            gold_kind=data.get("gold_kind"),
            predicted_kind=data.get("predicted_kind"),
            gold_speaker=data.get("gold_speaker"),
            gold_speaker_name=data.get("gold_speaker_name"),
            predicted_speaker=data.get("predicted_speaker"),
            predicted_speaker_name=data.get("predicted_speaker_name"),
        )


def _name(name: str | None) -> str:
    return "none" if name is None else repr(name)


def _who(mention: str | None, name: str | None) -> str:
    if mention is None and name is None:
        return "none"
    if name is None or name == mention:
        return repr(mention if mention is not None else name)
    return f"{mention!r} ({name})" if mention is not None else f"({name})"


_COLUMNS: tuple[tuple[str, str], ...] = (
    ("P", "precision"),
    ("R", "recall"),
    ("F1", "f1"),
    ("exact", "exact_boundary_rate"),
    ("spk", "speaker_accuracy"),
    ("spk n", "speaker_eligible"),
    ("named spk", "named_speaker_accuracy"),
    ("named n", "named_speaker_eligible"),
    ("attP", "attribution_precision"),
    ("attR", "attribution_recall"),
    ("attF1", "attribution_f1"),
    ("cue", "cue_accuracy"),
    ("kind", "kind_accuracy"),
    ("Rdir", "recall_direct"),
    ("Rmix", "recall_mixed"),
    ("Rind", "recall_indirect"),
    ("Racc", "recall_according_to"),
)
_LEGEND = textwrap.fill(
    "scores in %; P/R/F1: quote detection (P over complete documents only); "
    "exact: exact boundaries among matches; spk: speaker accuracy (mention or name); "
    "named spk: named-speaker accuracy (predicted name vs gold name, gold names that are only "
    "pronouns or function words left out); spk n / named n: their denominators (counts); "
    "attP/attR/attF1: detection with the right speaker; cue: cue accuracy; "
    "kind: kind accuracy; Rdir/Rmix/Rind/Racc: recall of direct/mixed/indirect/"
    "according_to quotes; -: undefined",
    width=100,
    break_on_hyphens=False,
)
_COUNT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("docs", "documents"),
    ("gold", "gold"),
    ("pred", "predicted"),
    ("match", "matched"),
)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


_SCORE_KEYS = frozenset(Metrics().scores())
"""Keys of :data:`_COLUMNS` that are scores (shown in %); the others are count fields."""


@attrs.frozen(slots=True)
class Report:
    """The outcome of :func:`evaluate_documents`: metrics per gold file and overall, and errors.

    Example:
        >>> from quoteattr.evaluate import GoldDocument, evaluate_documents
        >>> r = evaluate_documents([GoldDocument("d", "x", (), complete=True)], predictions=[[]])
        >>> list(r.per_file), r.overall.documents, r.errors
        (['<input>'], 1, [])
    """

    per_file: dict[str, Metrics]
    overall: Metrics
    errors: list[ErrorCase] = field(factory=list)

    def to_dict(self, max_errors: int | None = None) -> dict[str, Any]:
        """JSON-able form; ``max_errors`` caps the error list (``n_errors`` keeps the total).

        Example:
            >>> r = Report({"dev.jsonl": Metrics(documents=1)}, Metrics(documents=1))
            >>> sorted(r.to_dict())
            ['errors', 'n_errors', 'overall', 'per_file', 'reliability']
        """
        errors = self.errors if max_errors is None else self.errors[: max(max_errors, 0)]
        return {
            "per_file": {name: metrics.to_dict() for name, metrics in self.per_file.items()},
            "overall": self.overall.to_dict(),
            "reliability": {
                "threshold": RELIABILITY_THRESHOLD,
                "rows": [row.to_dict() for row in self.reliability()],
            },
            "n_errors": len(self.errors),
            "errors": [error.to_dict() for error in errors],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Rebuild from :meth:`to_dict` output (reliability rows are recomputed from the counts).

        Example:
            >>> r = Report({"dev.jsonl": Metrics(documents=1)}, Metrics(documents=1))
            >>> Report.from_dict(r.to_dict()) == r
            True
        """
        return cls(
            per_file={name: Metrics.from_dict(m) for name, m in data["per_file"].items()},
            overall=Metrics.from_dict(data["overall"]),
            errors=[ErrorCase.from_dict(e) for e in data.get("errors", [])],
        )

    def reliability(
        self, threshold: float = RELIABILITY_THRESHOLD, file: str | None = None
    ) -> list[ReliabilityRow]:
        """Named-speaker accuracy by predicted confidence: one row per bin, then ``≥ threshold``.

        Over the matched quotes whose gold speaker is named (the pairs of
        :attr:`Metrics.named_speaker_accuracy`), overall or for one gold
        ``file``; see :meth:`Metrics.reliability`.

        Example:
            >>> r = Report({}, Metrics(named_by_confidence={0.95: (4, 3), 0.4: (2, 0)}))
            >>> [(row.label, row.quotes, row.share_right) for row in r.reliability()][::4]
            [('[0.00, 0.50)', 2, 0.0), ('[0.90, 1.00]', 4, 0.75)]
            >>> r.reliability(threshold=0.0)[-1].quotes
            6
        """
        metrics = self.overall if file is None else self.per_file[file]
        return metrics.reliability(threshold)

    def format_reliability(
        self, threshold: float = RELIABILITY_THRESHOLD, file: str | None = None
    ) -> str:
        """:meth:`reliability` as a GitHub-flavoured Markdown table, the ``≥`` row in bold.

        Example:
            >>> r = Report({}, Metrics(named_by_confidence={0.95: (4, 3), 0.6: (2, 1)}))
            >>> print("\\n".join(r.format_reliability().splitlines()[:4]))
            | confidence | quotes | right | right % |
            | --- | ---: | ---: | ---: |
            | [0.00, 0.50) | 0 | 0 | - |
            | [0.50, 0.70) | 2 | 1 | 50.0 |
            >>> r.format_reliability(threshold=0.5).splitlines()[7]
            '| **≥ 0.50** | 6 | 4 | 66.7 |'
        """
        lines = [
            "| confidence | quotes | right | right % |",
            "| --- | ---: | ---: | ---: |",
        ]
        for row in self.reliability(threshold, file):
            label = f"**{row.label}**" if row.at_least else row.label
            cells = [label, str(row.quotes), str(row.right), _percent(row.share_right)]
            lines.append("| " + " | ".join(cells) + " |")
        scope = "overall" if file is None else f"`{file}`"
        legend = (
            f"named-speaker accuracy by predicted confidence ({scope}): matched quotes whose "
            "gold speaker is named; right: the predicted name matches; -: no quote"
        )
        return "\n".join([*lines, "", textwrap.fill(legend, width=100)])

    def _rows(self) -> list[tuple[str, Metrics]]:
        return [*self.per_file.items(), ("overall", self.overall)]

    def _cells(self, metrics: Metrics) -> list[str]:
        scores = metrics.scores()
        return [str(getattr(metrics, attr)) for _, attr in _COUNT_COLUMNS] + [
            _percent(scores[key]) if key in _SCORE_KEYS else str(getattr(metrics, key))
            for _, key in _COLUMNS
        ]

    def format_table(self) -> str:
        """A fixed-width table, one row per gold file plus ``overall``; scores in percent.

        ``-`` marks a score that cannot be computed (no complete document for
        precision, no gold quote of a kind, ...).

        Example:
            >>> r = Report({"dev.jsonl": Metrics(documents=1)}, Metrics(documents=1))
            >>> r.format_table().splitlines()[0].split()[:6]
            ['file', 'docs', 'gold', 'pred', 'match', 'P']
        """
        header = ["file", *(h for h, _ in _COUNT_COLUMNS), *(h for h, _ in _COLUMNS)]
        rows = [[name, *self._cells(metrics)] for name, metrics in self._rows()]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

        def line(cells: Sequence[str]) -> str:
            first = cells[0].ljust(widths[0])
            rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
            return "  ".join([first, *rest]).rstrip()

        rule = "-" * len(line(header))
        body = [line(row) for row in rows]
        return "\n".join([line(header), rule, *body[:-1], rule, body[-1], "", _LEGEND])

    def format_markdown(self) -> str:
        """The same table in GitHub-flavoured Markdown.

        Example:
            >>> r = Report({"dev.jsonl": Metrics(documents=1)}, Metrics(documents=1))
            >>> r.format_markdown().splitlines()[1].startswith("| --- |")
            True
        """
        header = ["file", *(h for h, _ in _COUNT_COLUMNS), *(h for h, _ in _COLUMNS)]
        lines = [
            "| " + " | ".join(header) + " |",
            "| --- |" + " ---: |" * (len(header) - 1),
        ]
        for name, metrics in self._rows():
            label = f"**{name}**" if name == "overall" else f"`{name}`"
            lines.append("| " + " | ".join([label, *self._cells(metrics)]) + " |")
        return "\n".join([*lines, "", _LEGEND])

    def format_errors(self, limit: int | None = None) -> str:
        """Up to ``limit`` error cases, one block each (all when ``limit`` is ``None``).

        Example:
            >>> r = Report({"dev.jsonl": Metrics(documents=1)}, Metrics(documents=1))
            >>> r.format_errors(5)
            'errors: 0'
        """
        shown = self.errors if limit is None else self.errors[: max(limit, 0)]
        head = f"errors: {len(self.errors)}"
        if len(shown) < len(self.errors):
            head += f" (showing {len(shown)})"
        return "\n".join([head, *(error.format() for error in shown)])
