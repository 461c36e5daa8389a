"""Scoring predictions against gold documents: :func:`evaluate_documents`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from quoteattr.evaluate.gold import GoldDocument, GoldQuote, annotated_kinds
from quoteattr.evaluate.matching import (
    is_correct_speaker,
    is_named_speaker,
    match_quotes,
    named_speakers_match,
)
from quoteattr.evaluate.metrics import Metrics
from quoteattr.evaluate.report import ErrorCase, ErrorType, Report, quote_context
from quoteattr.records import Quote

__all__ = ["Predictor", "evaluate_documents"]

Predictor = Callable[[str], Sequence[Quote]]
"""A function from a document text to the quotes found in it."""


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
    named_eligible = named_correct = 0
    named_by_confidence: dict[float, tuple[int, int]] = {}
    matched_by_kind: Counter[str] = Counter()
    confusion: dict[str, dict[str, int]] = {}
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        matched_by_kind[g.kind.value] += 1
        row = confusion.setdefault(g.kind.value, {})
        row[p.kind.value] = row.get(p.kind.value, 0) + 1
        exact += g.content.start == p.content.start and g.content.end == p.content.end
        kind_correct += g.kind == p.kind
        correct = is_correct_speaker(g, p)
        if g.speaker is not None or g.speaker_name is not None:
            speaker_eligible += 1
            speaker_correct += correct
        attributed += correct
        if g.cue is not None:
            cue_eligible += 1
            cue_correct += p.cue is not None and p.cue.span.overlap(g.cue) > 0
        if not correct:
            errors.append(_error(ErrorType.WRONG_SPEAKER, doc, g, p))
        if is_named_speaker(g.speaker_name):
            named = named_speakers_match(p.speaker_name, g.speaker_name)
            named_eligible += 1
            named_correct += named
            quotes, right = named_by_confidence.get(p.confidence, (0, 0))
            named_by_confidence[p.confidence] = (quotes + 1, right + named)
            if not named:
                errors.append(_error(ErrorType.WRONG_NAMED_SPEAKER, doc, g, p))
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
        named_speaker_eligible=named_eligible,
        named_speaker_correct=named_correct,
        attributed=attributed,
        attributed_complete=attributed if complete else 0,
        cue_eligible=cue_eligible,
        cue_correct=cue_correct,
        kind_correct=kind_correct,
        gold_by_kind=Counter(g.kind.value for g in gold),
        matched_by_kind=matched_by_kind,
        kind_confusion=confusion,
        named_by_confidence=named_by_confidence,
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
        >>> from quoteattr.records import Span
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
