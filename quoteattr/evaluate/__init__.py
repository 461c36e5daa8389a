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
* named-speaker accuracy (stricter), over matched pairs whose gold
  ``speaker_name`` is more than function words and titles (not ``il``,
  ``ce dernier``, ``l'un``: :data:`SPEAKER_FUNCTION_WORDS`,
  :func:`is_named_speaker`): correct only when the predicted canonical name
  (``Quote.speaker_name``) equals the gold name or one contains the other as a
  run of whole words, after casefolding, unifying apostrophes, collapsing
  spaces, stripping surrounding punctuation and dropping leading titles
  (``M.``, ``Mme``, ``Me``, ``Dr`` ...; see :func:`named_speakers_match`); its
  failures are listed as ``wrong_named_speaker`` errors;
* attribution precision / recall / F1: like detection, but a true positive is
  a matched pair with a correct speaker; a gold quote without speaker is
  correct only when the predicted speaker is ``None`` or has no name;
* cue accuracy, over matched pairs with a gold cue: the predicted cue span
  overlaps the gold cue span;
* recall per kind (gold of that kind matched / gold of that kind), kind
  accuracy on matched pairs, and a gold-kind x predicted-kind confusion;
* reliability of ``Quote.confidence``: the named-speaker pairs binned by
  predicted confidence (:data:`CONFIDENCE_BINS`), with the share right per bin
  and among pairs with confidence >= a threshold (:meth:`Report.reliability`,
  :meth:`Report.format_reliability`).

The package: :mod:`~quoteattr.evaluate.gold` (format and loading),
:mod:`~quoteattr.evaluate.matching` (pairing quotes, comparing speakers),
:mod:`~quoteattr.evaluate.metrics` (counts and scores),
:mod:`~quoteattr.evaluate.report` (error cases and tables),
:mod:`~quoteattr.evaluate.scoring` (:func:`evaluate_documents`) and
:mod:`~quoteattr.evaluate.cli` (``quoteattr evaluate``); every name is
importable from ``quoteattr.evaluate``.

Example:
    >>> from quoteattr.records import QuoteKind, Span
    >>> text = "« Non », dit-il."
    >>> gold = GoldDocument("d1", text, (GoldQuote(Span.of(text, 2, 5), QuoteKind.DIRECT,
    ...     Span.of(text, 12, 14), "il", Span.of(text, 8, 11)),), complete=True)
    >>> report = evaluate_documents([gold], predictions=[[gold.quotes[0].to_quote()]])
    >>> report.overall.precision, report.overall.recall, report.overall.attribution_f1
    (1.0, 1.0, 1.0)
    >>> report.overall.named_speaker_eligible  # "il" names no one
    0
"""

from __future__ import annotations

from quoteattr.evaluate.cli import main
from quoteattr.evaluate.gold import (
    KINDS,
    GoldDocument,
    GoldFormatError,
    GoldQuote,
    annotated_kinds,
    load_gold,
)
from quoteattr.evaluate.matching import (
    SPEAKER_FUNCTION_WORDS,
    SPEAKER_TITLES,
    is_named_speaker,
    match_quotes,
    named_speakers_match,
    normalise_speaker_name,
    speaker_name_tokens,
    speaker_names_match,
)
from quoteattr.evaluate.metrics import (
    CONFIDENCE_BINS,
    RELIABILITY_THRESHOLD,
    Metrics,
    ReliabilityRow,
)
from quoteattr.evaluate.report import ErrorCase, ErrorType, Report, quote_context
from quoteattr.evaluate.scoring import Predictor, evaluate_documents

__all__ = [
    "CONFIDENCE_BINS",
    "KINDS",
    "RELIABILITY_THRESHOLD",
    "SPEAKER_FUNCTION_WORDS",
    "SPEAKER_TITLES",
    "ErrorCase",
    "ErrorType",
    "GoldDocument",
    "GoldFormatError",
    "GoldQuote",
    "Metrics",
    "Predictor",
    "ReliabilityRow",
    "Report",
    "annotated_kinds",
    "evaluate_documents",
    "is_named_speaker",
    "load_gold",
    "main",
    "match_quotes",
    "named_speakers_match",
    "normalise_speaker_name",
    "quote_context",
    "speaker_name_tokens",
    "speaker_names_match",
]
