"""Score quote detection and attribution against hand-annotated gold files.

The gold format is described in ``shared/eval/dev/README.md``: one JSON object
per document (a ``.json`` file holds one document, a ``.jsonl`` file one per
line) with the document ``text``, its ``quotes`` (``content``, ``kind``,
``speaker``, ``speaker_name``, ``cue``) and a ``complete`` flag telling whether
every quote of the text is listed.

Matching (per document): a gold and a predicted quote match when their
content spans share at least half of the *longer* span's characters
(``2 * overlap >= max(len(gold), len(pred))`` and ``overlap > 0``). Pairs are
made one-to-one, greedily by largest overlap, ties broken by position.

Metrics (micro-averaged: counts are summed over documents, per file and
overall, then divided):

* detection precision = matched / predicted, over ``complete`` documents only
  (``None`` when there is none); recall = matched / gold, over all documents;
  F1 = harmonic mean of the two (``None`` when either is ``None``);
* exact-boundary rate = matched pairs with identical content spans / matched;
* speaker accuracy, over matched pairs whose gold ``speaker`` or
  ``speaker_name`` is set: correct when the predicted mention overlaps the gold
  mention (or one of its ``speaker_alt`` antecedents) by a character, or when
  the names agree (see :func:`speaker_names_match`);
* attribution precision / recall / F1: like detection, but a true positive is
  a matched pair with a correct speaker; a gold quote without speaker is
  correct only when the predicted speaker is ``None`` or has no name;
* cue accuracy, over matched pairs with a gold cue: the predicted cue span
  overlaps the gold cue span;
* recall per kind (gold of that kind matched / gold of that kind), kind
  accuracy on matched pairs, and a gold-kind x predicted-kind confusion.

Example:
    >>> text = "« Non », dit-il."
    >>> gold = GoldDocument("d1", text, (GoldQuote(Span.of(text, 2, 5), QuoteKind.DIRECT,
    ...     Span.of(text, 12, 14), "il", Span.of(text, 8, 11)),), complete=True)
    >>> report = evaluate_documents([gold], predictions=[[gold.quotes[0].to_quote()]])
    >>> report.overall.precision, report.overall.recall, report.overall.attribution_f1
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import argparse
import enum
import json
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs
from attrs import field

from quoteattr.records import Cue, Quote, QuoteKind, Span, Speaker

__all__ = [
    "KINDS",
    "ErrorCase",
    "ErrorType",
    "GoldDocument",
    "GoldFormatError",
    "GoldQuote",
    "Metrics",
    "Predictor",
    "Report",
    "evaluate_documents",
    "load_gold",
    "main",
    "match_quotes",
    "quote_context",
    "speaker_names_match",
]

Predictor = Callable[[str], Sequence[Quote]]
"""A function from a document text to the quotes found in it."""

KINDS: tuple[str, ...] = tuple(kind.value for kind in QuoteKind)
"""The quote kinds, in the order they are reported."""

_DEFAULT_FILE = "<input>"
_MIN_SUFFIX_CHARS = 4
_WHITESPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- gold records


class GoldFormatError(ValueError):
    """A gold file that cannot be read or does not follow the gold format.

    ``str(error)`` names the file, the line and the document.

    Example:
        >>> str(GoldFormatError("bad offsets", path="dev.jsonl", line=3, doc_id="d7"))
        "dev.jsonl:3: doc 'd7': bad offsets"
    """

    def __init__(
        self,
        message: str,
        *,
        path: str,
        line: int | None = None,
        doc_id: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.doc_id = doc_id
        where = path if line is None else f"{path}:{line}"
        if doc_id is not None:
            where += f": doc {doc_id!r}"
        super().__init__(f"{where}: {message}")


@attrs.frozen(slots=True)
class GoldQuote:
    """One annotated quote of a gold document.

    ``speaker_alt`` holds alternative speaker mentions (antecedents of a
    relative pronoun, say) that also count as the right speaker mention.

    Example:
        >>> text = "Il a dit que non."
        >>> g = GoldQuote(Span.of(text, 13, 16), QuoteKind.INDIRECT, Span.of(text, 0, 2),
        ...               "Il", Span.of(text, 3, 8))
        >>> g.content.text, g.kind.value, g.speaker_name
        ('non', 'indirect', 'Il')
    """

    content: Span
    kind: QuoteKind = field(converter=QuoteKind)
    speaker: Span | None
    speaker_name: str | None
    cue: Span | None
    speaker_alt: tuple[Span, ...] = ()

    def to_quote(self, rule: str = "gold") -> Quote:
        """This annotation as a predicted :class:`Quote` (confidence 1).

        Example:
            >>> text = "Il a dit que non."
            >>> g = GoldQuote(Span.of(text, 13, 16), "indirect", Span.of(text, 0, 2), "Il", None)
            >>> q = g.to_quote()
            >>> q.content == g.content, q.speaker_name, q.cue is None
            (True, 'Il', True)
        """
        speaker = (
            None
            if self.speaker is None and self.speaker_name is None
            else Speaker(self.speaker, self.speaker_name)
        )
        cue = None if self.cue is None else Cue(self.cue, self.cue.text)
        return Quote(self.content, self.kind, speaker, cue, 1.0, rule)


def _quote_tuple(quotes: Iterable[GoldQuote]) -> tuple[GoldQuote, ...]:
    return tuple(quotes)


@attrs.frozen(slots=True)
class GoldDocument:
    """One gold document: its text, its annotated quotes, and whether the list is complete.

    ``source`` is the provenance string stored in the gold file; ``file`` is
    the gold file the document was loaded from (the per-file key of a
    :class:`Report`).

    Example:
        >>> doc = GoldDocument("d1", "Il a dit non.", (), complete=False)
        >>> doc.doc_id, doc.complete, doc.file
        ('d1', False, '<input>')
    """

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...] = field(converter=_quote_tuple)
    complete: bool
    source: str | None = None
    file: str = _DEFAULT_FILE

    def as_quotes(self) -> list[Quote]:
        """The gold quotes as predicted :class:`Quote` objects (a perfect prediction).

        Example:
            >>> GoldDocument("d1", "x", (), complete=True).as_quotes()
            []
        """
        return [quote.to_quote() for quote in self.quotes]


# --------------------------------------------------------------------------- loading


class _DocError(Exception):
    """A format problem inside one document; the loader adds file and line."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span(text: str, value: Any, what: str, expected: Any = None) -> Span:
    if not (isinstance(value, list) and len(value) == 2 and all(_is_int(v) for v in value)):
        raise _DocError(f"{what} must be a [start, end] pair of integers, got {value!r}")
    start, end = value
    if not 0 <= start < end <= len(text):
        raise _DocError(
            f"{what} [{start}, {end}] is empty or lies outside the text ({len(text)} characters)"
        )
    span = Span.of(text, start, end)
    if expected is not None and expected != span.text:
        raise _DocError(
            f"{what} [{start}, {end}] covers {span.text!r} but the file says {expected!r}"
        )
    return span


def _optional_span(
    text: str, raw: Mapping[str, Any], key: str, text_key: str, what: str
) -> Span | None:
    value = raw.get(key)
    if value is None:
        return None
    return _span(text, value, what, raw.get(text_key))


def _gold_quote(text: str, raw: Any, index: int) -> GoldQuote:
    where = f"quote {index}"
    if not isinstance(raw, dict):
        raise _DocError(f"{where} must be an object, got {type(raw).__name__}")
    if "content" not in raw:
        raise _DocError(f"{where} has no 'content'")
    content = _span(text, raw["content"], f"{where} content", raw.get("text"))
    try:
        kind = QuoteKind(raw.get("kind"))
    except ValueError:
        raise _DocError(
            f"{where} kind {raw.get('kind')!r} is not one of {', '.join(KINDS)}"
        ) from None
    speaker = _optional_span(text, raw, "speaker", "speaker_text", f"{where} speaker")
    cue = _optional_span(text, raw, "cue", "cue_text", f"{where} cue")
    name = raw.get("speaker_name")
    if name is not None and not isinstance(name, str):
        raise _DocError(f"{where} speaker_name must be a string or null, got {name!r}")
    alternatives = raw.get("speaker_alt") or []
    if not isinstance(alternatives, list):
        raise _DocError(f"{where} speaker_alt must be a list of [start, end] pairs")
    speaker_alt = tuple(
        _span(text, value, f"{where} speaker_alt {i}") for i, value in enumerate(alternatives)
    )
    pieces = raw.get("pieces") or []
    if not isinstance(pieces, list):
        raise _DocError(f"{where} pieces must be a list of [start, end] pairs")
    for i, value in enumerate(pieces):
        _span(text, value, f"{where} piece {i}")
    return GoldQuote(content, kind, speaker, name, cue, speaker_alt)


def _gold_document(raw: Any, file: str) -> GoldDocument:
    if not isinstance(raw, dict):
        raise _DocError(f"a document must be a JSON object, got {type(raw).__name__}")
    doc_id = raw.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise _DocError(f"doc_id must be a non-empty string, got {doc_id!r}")
    text = raw.get("text")
    if not isinstance(text, str):
        raise _DocError("text must be a string")
    complete = raw.get("complete")
    if not isinstance(complete, bool):
        raise _DocError(f"complete must be true or false, got {complete!r}")
    quotes = raw.get("quotes")
    if not isinstance(quotes, list):
        raise _DocError("quotes must be a list")
    source = raw.get("source")
    if source is not None and not isinstance(source, str):
        raise _DocError("source must be a string")
    return GoldDocument(
        doc_id,
        text,
        tuple(_gold_quote(text, quote, i) for i, quote in enumerate(quotes)),
        complete,
        source,
        file,
    )


def _raw_documents(path: Path, content: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line, decoded JSON)`` for each document of a gold file."""
    name = str(path)
    if path.suffix.lower() == ".jsonl":
        # split on "\n" only: str.splitlines() would also split on U+2028, U+0085 ...
        # which json.dumps(ensure_ascii=False) leaves unescaped inside strings
        for number, line in enumerate(content.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"invalid JSON: {exc.msg}", path=name, line=number) from None
        return
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"invalid JSON: {exc.msg}", path=name, line=exc.lineno) from None
    if isinstance(data, list):  # tolerated: a JSON array of documents
        for item in data:
            yield 1, item
    else:
        yield 1, data


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read and validate a gold file (``.jsonl``: one document a line; otherwise one JSON document).

    Every offset must lie inside the document text and, where the file stores
    the covered text (``text``, ``speaker_text``, ``cue_text``), ``text[s:e]``
    must equal it; a violation raises :class:`GoldFormatError` naming the file,
    line and doc_id. An unreadable path raises :class:`OSError`.

    Example:
        >>> import json, pathlib, tempfile
        >>> doc = {"doc_id": "d1", "text": "Il a dit : « Non ».", "complete": True,
        ...        "quotes": [{"content": [13, 16], "text": "Non", "kind": "direct",
        ...                    "speaker": [0, 2], "speaker_name": "Il", "cue": [5, 8]}]}
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "gold.jsonl")
        ...     _ = path.write_text(json.dumps(doc) + "\\n", encoding="utf-8")
        ...     [gold] = load_gold(path)
        >>> gold.quotes[0].content.text, gold.quotes[0].cue.text
        ('Non', 'dit')
    """
    path = Path(path)
    name = str(path)
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"not UTF-8 text ({exc.reason})", path=name) from None
    documents: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for line, raw in _raw_documents(path, content):
        doc_id = raw.get("doc_id") if isinstance(raw, dict) else None
        label = doc_id if isinstance(doc_id, str) else None
        try:
            document = _gold_document(raw, name)
        except _DocError as exc:
            raise GoldFormatError(str(exc), path=name, line=line, doc_id=label) from None
        if document.doc_id in seen:
            raise GoldFormatError(
                f"duplicate doc_id (first on line {seen[document.doc_id]})",
                path=name,
                line=line,
                doc_id=document.doc_id,
            )
        seen[document.doc_id] = line
        documents.append(document)
    return documents


# --------------------------------------------------------------------------- matching


def match_quotes(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """Pair gold and predicted content spans one-to-one; return ``(gold_index, pred_index)`` pairs.

    Two spans can pair when they share at least half of the longer span's
    characters. Pairs are taken greedily by largest overlap, ties broken by the
    smaller union of the two spans (the closer fit), then gold start, then
    predicted start. The result is sorted by gold index.

    Example:
        >>> g = [Span(0, 10, "x" * 10)]
        >>> match_quotes(g, [Span(0, 9, "x" * 9), Span(0, 10, "x" * 10)])
        [(0, 1)]
        >>> match_quotes(g, [Span(5, 10, "x" * 5)]), match_quotes(g, [Span(6, 10, "x" * 4)])
        ([(0, 0)], [])
        >>> match_quotes(g, [Span(0, 12, "x" * 12), Span(0, 10, "x" * 10)])
        [(0, 1)]
    """
    candidates: list[tuple[int, int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = g.overlap(p)
            if shared > 0 and 2 * shared >= max(len(g), len(p)):
                union = len(g) + len(p) - shared
                candidates.append((-shared, union, g.start, p.start, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def _normalise_name(name: str) -> str:
    return " ".join(name.casefold().split())


def speaker_names_match(predicted: str | None, gold: str | None) -> bool:
    """True when two speaker names agree after casefolding and collapsing whitespace.

    Names also agree when one ends with the other at a word boundary
    (``'Séjourné'`` / ``'Stéphane Séjourné'``), provided the shorter has at
    least 4 characters. ``None`` never matches.

    Example:
        >>> speaker_names_match("Séjourné", "Stéphane  SÉJOURNÉ")
        True
        >>> speaker_names_match("Blanc", "Leblanc"), speaker_names_match("Lee", "Bruce Lee")
        (False, False)
    """
    if predicted is None or gold is None:
        return False
    a, b = _normalise_name(predicted), _normalise_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < _MIN_SUFFIX_CHARS or not longer.endswith(shorter):
        return False
    return not longer[len(longer) - len(shorter) - 1].isalnum()


def _speaker_mention_hits(gold: GoldQuote, mention: Span | None) -> bool:
    if mention is None:
        return False
    targets = (gold.speaker, *gold.speaker_alt) if gold.speaker is not None else gold.speaker_alt
    return any(mention.overlap(target) > 0 for target in targets)


def _speaker_correct(gold: GoldQuote, pred: Quote) -> bool:
    """Attribution correctness of a matched pair (also defined for gold without speaker)."""
    speaker = pred.speaker
    if gold.speaker is None and gold.speaker_name is None:
        return speaker is None or speaker.name is None
    if speaker is None:
        return False
    return _speaker_mention_hits(gold, speaker.mention) or speaker_names_match(
        speaker.name, gold.speaker_name
    )


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


# --------------------------------------------------------------------------- metrics


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
    """One error for inspection: a missed quote, a false positive or a wrong speaker.

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


def _who(mention: str | None, name: str | None) -> str:
    if mention is None and name is None:
        return "none"
    if name is None or name == mention:
        return repr(mention if mention is not None else name)
    return f"{mention!r} ({name})" if mention is not None else f"({name})"


# --------------------------------------------------------------------------- report

_COLUMNS: tuple[tuple[str, str], ...] = (
    ("P", "precision"),
    ("R", "recall"),
    ("F1", "f1"),
    ("exact", "exact_boundary_rate"),
    ("spk", "speaker_accuracy"),
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
    "exact: exact boundaries among matches; spk: speaker accuracy; "
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


@attrs.frozen(slots=True)
class Report:
    """The outcome of :func:`evaluate_documents`: metrics per gold file and overall, and errors.

    Example:
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
            >>> doc = GoldDocument("d", "x", (), complete=True)
            >>> r = evaluate_documents([doc], predictions=[[]])
            >>> sorted(r.to_dict())
            ['errors', 'n_errors', 'overall', 'per_file']
        """
        errors = self.errors if max_errors is None else self.errors[: max(max_errors, 0)]
        return {
            "per_file": {name: metrics.to_dict() for name, metrics in self.per_file.items()},
            "overall": self.overall.to_dict(),
            "n_errors": len(self.errors),
            "errors": [error.to_dict() for error in errors],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        """Rebuild from :meth:`to_dict` output.

        Example:
            >>> doc = GoldDocument("d", "x", (), complete=True)
            >>> r = evaluate_documents([doc], predictions=[[]])
            >>> Report.from_dict(r.to_dict()) == r
            True
        """
        return cls(
            per_file={name: Metrics.from_dict(m) for name, m in data["per_file"].items()},
            overall=Metrics.from_dict(data["overall"]),
            errors=[ErrorCase.from_dict(e) for e in data.get("errors", [])],
        )

    def _rows(self) -> list[tuple[str, Metrics]]:
        return [*self.per_file.items(), ("overall", self.overall)]

    def _cells(self, metrics: Metrics) -> list[str]:
        scores = metrics.scores()
        return [str(getattr(metrics, attr)) for _, attr in _COUNT_COLUMNS] + [
            _percent(scores[key]) for _, key in _COLUMNS
        ]

    def format_table(self) -> str:
        """A fixed-width table, one row per gold file plus ``overall``; scores in percent.

        ``-`` marks a score that cannot be computed (no complete document for
        precision, no gold quote of a kind, ...).

        Example:
            >>> doc = GoldDocument("d", "x", (), complete=True)
            >>> r = evaluate_documents([doc], predictions=[[]])
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
            >>> doc = GoldDocument("d", "x", (), complete=True)
            >>> r = evaluate_documents([doc], predictions=[[]])
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
            >>> doc = GoldDocument("d", "x", (), complete=True)
            >>> r = evaluate_documents([doc], predictions=[[]])
            >>> r.format_errors(5)
            'errors: 0'
        """
        shown = self.errors if limit is None else self.errors[: max(limit, 0)]
        head = f"errors: {len(self.errors)}"
        if len(shown) < len(self.errors):
            head += f" (showing {len(shown)})"
        return "\n".join([head, *(error.format() for error in shown)])


def _mention_text(quote: Quote) -> str | None:
    speaker = quote.speaker
    if speaker is None or speaker.mention is None:
        return None
    return speaker.mention.text


def _score_document(
    doc: GoldDocument, predicted: Sequence[Quote]
) -> tuple[Metrics, list[ErrorCase]]:
    gold = doc.quotes
    pairs = match_quotes([g.content for g in gold], [p.content for p in predicted])
    complete = doc.complete
    errors: list[ErrorCase] = []
    exact = speaker_eligible = speaker_correct = attributed = 0
    cue_eligible = cue_correct = kind_correct = 0
    matched_by_kind = _kind_counts()
    confusion: dict[str, dict[str, int]] = {}
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        matched_by_kind[g.kind.value] += 1
        row = confusion.setdefault(g.kind.value, {})
        row[p.kind.value] = row.get(p.kind.value, 0) + 1
        exact += g.content.start == p.content.start and g.content.end == p.content.end
        kind_correct += g.kind == p.kind
        correct = _speaker_correct(g, p)
        if g.speaker is not None or g.speaker_name is not None:
            speaker_eligible += 1
            speaker_correct += correct
        attributed += correct
        if g.cue is not None:
            cue_eligible += 1
            cue_correct += p.cue is not None and p.cue.span.overlap(g.cue) > 0
        if not correct:
            errors.append(_error(ErrorType.WRONG_SPEAKER, doc, g, p))
    matched_gold = {gi for gi, _ in pairs}
    errors.extend(
        _error(ErrorType.MISSED, doc, g, None)
        for gi, g in enumerate(gold)
        if gi not in matched_gold
    )
    if complete:
        matched_pred = {pi for _, pi in pairs}
        errors.extend(
            _error(ErrorType.FALSE_POSITIVE, doc, None, p)
            for pi, p in enumerate(predicted)
            if pi not in matched_pred
        )
    errors.sort(key=_error_position)
    metrics = Metrics(
        documents=1,
        complete_documents=int(complete),
        gold=len(gold),
        predicted=len(predicted),
        gold_complete=len(gold) if complete else 0,
        predicted_complete=len(predicted) if complete else 0,
        matched=len(pairs),
        matched_complete=len(pairs) if complete else 0,
        exact=exact,
        speaker_eligible=speaker_eligible,
        speaker_correct=speaker_correct,
        attributed=attributed,
        attributed_complete=attributed if complete else 0,
        cue_eligible=cue_eligible,
        cue_correct=cue_correct,
        kind_correct=kind_correct,
        gold_by_kind=_count_kinds(g.kind for g in gold),
        matched_by_kind=matched_by_kind,
        kind_confusion=confusion,
    )
    return metrics, errors


def _error(
    type: ErrorType, doc: GoldDocument, gold: GoldQuote | None, pred: Quote | None
) -> ErrorCase:
    shown = gold.content if gold is not None else pred.content if pred is not None else None
    assert shown is not None
    return ErrorCase(
        type=type,
        file=doc.file,
        doc_id=doc.doc_id,
        gold=None if gold is None else gold.content,
        predicted=None if pred is None else pred.content,
        context=quote_context(doc.text, shown),
        gold_kind=None if gold is None else gold.kind,
        predicted_kind=None if pred is None else pred.kind,
        gold_speaker=None if gold is None or gold.speaker is None else gold.speaker.text,
        gold_speaker_name=None if gold is None else gold.speaker_name,
        predicted_speaker=None if pred is None else _mention_text(pred),
        predicted_speaker_name=None if pred is None else pred.speaker_name,
    )


def _error_position(error: ErrorCase) -> tuple[int, int]:
    span = error.gold if error.gold is not None else error.predicted
    return (span.start, span.end) if span is not None else (0, 0)


def _count_kinds(kinds: Iterable[QuoteKind]) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind in kinds:
        out[kind.value] = out.get(kind.value, 0) + 1
    return out


def annotated_kinds(gold_docs: Sequence[GoldDocument]) -> dict[str, frozenset[QuoteKind]]:
    """The quote kinds each gold file annotates (the kinds that occur in it).

    Example:
        >>> text = "Il a dit : « Non »."
        >>> g = GoldQuote(Span.of(text, 13, 16), "direct", None, None, None)
        >>> annotated_kinds([GoldDocument("d1", text, (g,), complete=True)])
        {'<input>': frozenset({<QuoteKind.DIRECT: 'direct'>})}
    """
    out: dict[str, set[QuoteKind]] = {}
    for doc in gold_docs:
        out.setdefault(doc.file, set()).update(q.kind for q in doc.quotes)
    return {file: frozenset(kinds) for file, kinds in out.items()}


def evaluate_documents(
    gold_docs: Sequence[GoldDocument],
    predict: Predictor | None = None,
    predictions: Sequence[Sequence[Quote]] | None = None,
    *,
    all_kinds: bool = False,
) -> Report:
    """Score predictions against gold documents (see the module docstring for the metrics).

    Give either ``predict`` (called on each document text) or ``predictions``
    (one sequence of quotes per gold document, in order). Predicted offsets
    must index the gold document's text.

    A gold file that annotates only some kinds (fr-litbank lists direct speech
    only) says nothing about predictions of the other kinds: by default they
    are left out of the scoring of that file. ``all_kinds=True`` scores every
    prediction.

    Example:
        >>> text = "Il a dit : « Non »."
        >>> g = GoldQuote(Span.of(text, 13, 16), "direct", Span.of(text, 0, 2), "Il", None)
        >>> doc = GoldDocument("d1", text, (g,), complete=True)
        >>> r = evaluate_documents([doc], predict=lambda t: [])
        >>> r.overall.recall, r.overall.precision, [e.type.value for e in r.errors]
        (0.0, 0.0, ['missed'])
    """
    if (predict is None) == (predictions is None):
        raise ValueError("give exactly one of predict and predictions")
    if predictions is not None and len(predictions) != len(gold_docs):
        raise ValueError(f"{len(predictions)} prediction lists for {len(gold_docs)} gold documents")
    per_file: dict[str, Metrics] = {}
    errors: list[ErrorCase] = []
    scope = annotated_kinds(gold_docs)
    for index, doc in enumerate(gold_docs):
        if predictions is not None:
            predicted = list(predictions[index])
        else:
            assert predict is not None
            predicted = list(predict(doc.text))
        if not all_kinds and scope[doc.file]:
            predicted = [p for p in predicted if p.kind in scope[doc.file]]
        metrics, doc_errors = _score_document(doc, predicted)
        per_file[doc.file] = per_file.get(doc.file, Metrics()) + metrics
        errors.extend(doc_errors)
    overall = sum(per_file.values(), Metrics())
    return Report(per_file, overall, errors)


# --------------------------------------------------------------------------- command line


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Score quote detection and attribution against gold files "
        "(.json: one document; .jsonl: one document a line).",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD", help="gold file(s)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also print up to N error cases with context (default 0)",
    )
    parser.add_argument(
        "--model-dir", default=None, metavar="DIR", help="Stanza model directory for extract"
    )
    parser.add_argument(
        "--all-kinds",
        action="store_true",
        help="score predictions of every kind, also in files that annotate only some kinds",
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    predict: Predictor | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``quoteattr evaluate GOLD... [--json|--markdown] [--errors N] [--model-dir DIR]``.

    Predicts with ``quoteattr.extract`` unless ``predict`` is given. Returns
    0 on success, 2 on a bad command line, an unreadable path or a malformed
    gold file (one line on stderr), 1 when the extractor cannot be imported.

    Example:
        >>> main(["/nonexistent/gold.jsonl"], predict=lambda text: [], stderr=sys.stdout)
        quoteattr evaluate: cannot read /nonexistent/gold.jsonl: No such file or directory
        2
    """
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage / help
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    if args.errors < 0:
        print(f"{parser.prog}: --errors must be >= 0", file=err)
        return 2
    gold_docs: list[GoldDocument] = []
    for path in args.gold:
        try:
            gold_docs.extend(load_gold(path))
        except GoldFormatError as exc:
            print(f"{parser.prog}: {exc}", file=err)
            return 2
        except OSError as exc:
            print(f"{parser.prog}: cannot read {path}: {exc.strerror or exc}", file=err)
            return 2
    if predict is None:
        from quoteattr.engine import extract_many

        texts = [doc.text for doc in gold_docs]
        predictions = [
            list(r) for r in extract_many(texts, model_dir=args.model_dir, progress=False)
        ]
        report = evaluate_documents(gold_docs, predictions=predictions, all_kinds=args.all_kinds)
    else:
        report = evaluate_documents(gold_docs, predict=predict, all_kinds=args.all_kinds)
    if args.json:
        print(
            json.dumps(report.to_dict(max_errors=args.errors), ensure_ascii=False, indent=2),
            file=out,
        )
        return 0
    print(report.format_markdown() if args.markdown else report.format_table(), file=out)
    if args.errors:
        print(file=out)
        print(report.format_errors(args.errors), file=out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
