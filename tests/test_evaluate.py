"""Tests for quoteattr.evaluate: gold loading, matching, every metric, errors, report and CLI."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from quoteattr.evaluate import (
    CONFIDENCE_BINS,
    SPEAKER_FUNCTION_WORDS,
    ErrorCase,
    ErrorType,
    GoldDocument,
    GoldFormatError,
    GoldQuote,
    Metrics,
    ReliabilityRow,
    Report,
    evaluate_documents,
    is_named_speaker,
    load_gold,
    main,
    match_quotes,
    named_speakers_match,
    normalise_speaker_name,
    quote_context,
    speaker_name_tokens,
    speaker_names_match,
)
from quoteattr.records import Cue, MentionKind, Quote, QuoteKind, Span, Speaker

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "eval" / "dev"

# A news-like text with three quotes and a speaker mentioned twice.
TEXT = (
    "Le ministre Stéphane Séjourné a déclaré : « Nous ne céderons pas. » "
    "Il a ajouté que la France restait prête au dialogue. "
    "Selon Pierre Lévy, la réunion a eu lieu."
)


def sp(text: str, needle: str, occurrence: int = 0) -> Span:
    """The span of the ``occurrence``-th ``needle`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return Span.of(text, start, start + len(needle))


def gq(
    content: Span,
    kind: QuoteKind | str = QuoteKind.DIRECT,
    speaker: Span | None = None,
    name: str | None = None,
    cue: Span | None = None,
    speaker_alt: tuple[Span, ...] = (),
) -> GoldQuote:
    return GoldQuote(content, QuoteKind(kind), speaker, name, cue, speaker_alt)


def pq(
    content: Span,
    kind: QuoteKind | str = QuoteKind.DIRECT,
    mention: Span | None = None,
    name: str | None = None,
    cue: Span | None = None,
    *,
    no_speaker: bool = False,
    confidence: float = 0.9,
) -> Quote:
    speaker = None if no_speaker else Speaker(mention, name, MentionKind.NAME)
    cue_obj = None if cue is None else Cue(cue, cue.text)
    return Quote(content, QuoteKind(kind), speaker, cue_obj, confidence, "test")


def doc(
    quotes: Sequence[GoldQuote],
    *,
    text: str = TEXT,
    complete: bool = True,
    doc_id: str = "d1",
    file: str = "gold.jsonl",
) -> GoldDocument:
    return GoldDocument(doc_id, text, tuple(quotes), complete, None, file)


def run(gold: GoldDocument, *preds: Quote) -> Report:
    return evaluate_documents([gold], predictions=[list(preds)], all_kinds=True)


# Spans over a plain text, for the overlap-threshold tests.
PLAIN = "x" * 300


def span(start: int, end: int) -> Span:
    return Span.of(PLAIN, start, end)


# --------------------------------------------------------------------------- matching


def test_exact_match_scores_one() -> None:
    content = sp(TEXT, "Nous ne céderons pas.")
    gold = doc([gq(content, speaker=sp(TEXT, "Stéphane Séjourné"), name="Stéphane Séjourné")])
    m = run(gold, pq(content, mention=sp(TEXT, "Stéphane Séjourné"), name="S. Séjourné")).overall
    assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)
    assert m.exact_boundary_rate == 1.0
    assert m.speaker_accuracy == 1.0
    assert (m.attribution_precision, m.attribution_recall, m.attribution_f1) == (1.0, 1.0, 1.0)
    assert m.kind_accuracy == 1.0


@pytest.mark.parametrize(
    ("gold", "pred", "matched"),
    [
        ((0, 100), (50, 100), True),  # 50 of 100: exactly half of the longer
        ((0, 100), (51, 100), False),  # 49 %
        ((0, 100), (0, 49), False),  # 49 %, the predicted span shorter
        ((0, 20), (0, 40), True),  # gold inside pred, 50 % of the longer (pred)
        ((0, 20), (0, 41), False),  # covers all the gold but < 50 % of the longer
        ((0, 10), (0, 30), False),  # 100 % of gold, 33 % of pred
        ((10, 20), (0, 10), False),  # adjacent: no overlap at all
    ],
)
def test_overlap_threshold_uses_the_longer_span(
    gold: tuple[int, int], pred: tuple[int, int], matched: bool
) -> None:
    g = span(*gold)
    p = span(*pred)
    assert (match_quotes([g], [p]) == [(0, 0)]) is matched
    m = run(doc([gq(g)], text=PLAIN), pq(p, no_speaker=True)).overall
    assert m.matched == int(matched)
    assert m.recall == float(matched)
    assert m.precision == float(matched)
    assert m.exact_boundary_rate == (0.0 if matched else None)


def test_two_predictions_on_one_gold_give_one_tp_one_fp() -> None:
    g = span(0, 10)
    report = run(doc([gq(g)], text=PLAIN), pq(span(0, 9), no_speaker=True), pq(g, no_speaker=True))
    m = report.overall
    assert (m.gold, m.predicted, m.matched) == (1, 2, 1)
    assert m.precision == 0.5
    assert m.recall == 1.0
    assert m.f1 == pytest.approx(2 / 3)
    assert m.exact_boundary_rate == 1.0  # the larger overlap (the exact one) won
    [fp] = report.errors
    assert fp.type is ErrorType.FALSE_POSITIVE
    assert fp.predicted == span(0, 9)
    assert fp.gold is None


def test_greedy_matching_prefers_largest_overlap_then_position() -> None:
    gold = [span(0, 10), span(10, 20)]
    # pred 0 overlaps gold 0 by 6 and gold 1 by 4 (not enough); pred 1 = gold 1.
    assert match_quotes(gold, [span(4, 14), span(10, 20)]) == [(0, 0), (1, 1)]
    # Tie on overlap: the earlier gold gets the earlier prediction.
    assert match_quotes([span(0, 4), span(4, 8)], [span(0, 4), span(4, 8)]) == [(0, 0), (1, 1)]
    two_same = [span(0, 10), span(0, 10)]
    assert match_quotes(two_same, [span(0, 10)]) == [(0, 0)]
    assert match_quotes([], [span(0, 1)]) == []


# --------------------------------------------------------------------------- precision


def test_precision_ignores_incomplete_documents() -> None:
    content = sp(TEXT, "Nous ne céderons pas.")
    spurious = sp(TEXT, "la réunion a eu lieu")
    report = run(doc([gq(content)], complete=False), pq(content), pq(spurious))
    m = report.overall
    assert m.precision is None
    assert m.f1 is None
    assert m.attribution_precision is None
    assert m.recall == 1.0
    assert m.complete_documents == 0
    assert not [e for e in report.errors if e.type is ErrorType.FALSE_POSITIVE]


def test_precision_counts_only_complete_documents_when_mixed() -> None:
    content = sp(TEXT, "Nous ne céderons pas.")
    spurious = sp(TEXT, "la réunion a eu lieu")
    complete = doc([gq(content)], doc_id="c", file="a.jsonl")
    partial = doc([gq(content)], doc_id="p", complete=False, file="b.jsonl")
    report = evaluate_documents(
        [complete, partial],
        predictions=[[pq(content, no_speaker=True)], [pq(spurious, no_speaker=True)] * 3],
    )
    m = report.overall
    assert (m.documents, m.complete_documents) == (2, 1)
    assert m.precision == 1.0  # the three spurious predictions are in the partial doc
    assert m.recall == 0.5
    assert m.f1 == pytest.approx(2 / 3)
    assert list(report.per_file) == ["a.jsonl", "b.jsonl"]
    assert report.per_file["b.jsonl"].precision is None
    assert report.per_file["b.jsonl"].recall == 0.0
    assert report.per_file["a.jsonl"] + report.per_file["b.jsonl"] == m


def test_no_prediction_in_complete_document() -> None:
    m = run(doc([gq(sp(TEXT, "Nous ne céderons pas."))])).overall
    assert (m.precision, m.recall, m.f1) == (0.0, 0.0, 0.0)
    empty = run(doc([])).overall
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)


# --------------------------------------------------------------------------- speakers


SEJ = sp(TEXT, "Stéphane Séjourné")
IL = sp(TEXT, "Il")
LEVY = sp(TEXT, "Pierre Lévy")
CONTENT = sp(TEXT, "Nous ne céderons pas.")


@pytest.mark.parametrize(
    ("mention", "name", "correct"),
    [
        (SEJ, None, True),  # overlap, no name
        (sp(TEXT, "Séjourné"), "quelqu'un", True),  # partial overlap is enough
        (IL, "Stéphane Séjourné", True),  # name equal (the mention elsewhere)
        (None, "  stéphane   SÉJOURNÉ ", True),  # casefold + whitespace
        (None, "Séjourné", True),  # suffix, >= 4 chars
        (LEVY, "Le ministre Stéphane Séjourné", True),  # gold name is the suffix
        (None, "ourné", False),  # suffix inside a word
        (None, "Stéphane", False),  # prefix is not enough
        (LEVY, "Pierre Lévy", False),
        (None, None, False),
    ],
)
def test_speaker_by_overlap_or_name(mention: Span | None, name: str | None, correct: bool) -> None:
    gold = doc([gq(CONTENT, speaker=SEJ, name="Stéphane Séjourné")])
    report = run(gold, pq(CONTENT, mention=mention, name=name))
    m = report.overall
    assert m.speaker_eligible == 1
    assert m.speaker_accuracy == float(correct)
    assert m.attribution_recall == float(correct)
    assert m.attribution_precision == float(correct)
    assert m.recall == 1.0  # detection does not depend on the speaker
    wrong = [e for e in report.errors if e.type is ErrorType.WRONG_SPEAKER]
    assert len(wrong) == int(not correct)


def test_short_suffix_names_do_not_match() -> None:
    assert speaker_names_match("Lévy", "Pierre Lévy")  # 4 characters
    assert not speaker_names_match("Lee", "Bruce Lee")  # 3 characters
    assert speaker_names_match("Pierre Lévy", "Lévy")  # either direction
    assert speaker_names_match("d'Artagnan", "Charles d'Artagnan")
    assert speaker_names_match("Marc", "Jean-Marc")  # a hyphen is a word boundary
    assert not speaker_names_match("", "")
    assert not speaker_names_match(None, "x")


def test_missing_predicted_speaker_is_wrong() -> None:
    gold = doc([gq(CONTENT, speaker=SEJ, name="Stéphane Séjourné")])
    m = run(gold, pq(CONTENT, no_speaker=True)).overall
    assert m.speaker_accuracy == 0.0
    assert m.attribution_f1 == 0.0


def test_speaker_alt_mentions_count() -> None:
    gold = doc([gq(CONTENT, speaker=IL, name="il", speaker_alt=(SEJ,))])
    assert run(gold, pq(CONTENT, mention=SEJ)).overall.speaker_accuracy == 1.0


def test_gold_speaker_name_only() -> None:
    gold = doc([gq(CONTENT, speaker=None, name="Stéphane Séjourné")])
    m = run(gold, pq(CONTENT, mention=SEJ, name="Séjourné")).overall
    assert (m.speaker_eligible, m.speaker_accuracy) == (1, 1.0)
    m = run(gold, pq(CONTENT, mention=SEJ, name=None)).overall
    assert m.speaker_accuracy == 0.0  # no gold mention to overlap


@pytest.mark.parametrize(
    ("pred", "correct"),
    [
        (pq(CONTENT, no_speaker=True), True),
        (pq(CONTENT, mention=SEJ, name=None), True),
        (pq(CONTENT, mention=None, name="Stéphane Séjourné"), False),
        (pq(CONTENT, mention=SEJ, name="Stéphane Séjourné"), False),
    ],
)
def test_null_gold_speaker(pred: Quote, correct: bool) -> None:
    report = run(doc([gq(CONTENT)]), pred)
    m = report.overall
    assert m.speaker_eligible == 0
    assert m.speaker_accuracy is None
    assert m.attribution_recall == float(correct)
    assert [e.type for e in report.errors] == ([] if correct else [ErrorType.WRONG_SPEAKER])


# --------------------------------------------------------------------------- cues, kinds


def test_cue_accuracy() -> None:
    c1 = sp(TEXT, "Nous ne céderons pas.")
    c2 = sp(TEXT, "la France restait prête au dialogue")
    c3 = sp(TEXT, "la réunion a eu lieu")
    gold = doc(
        [
            gq(c1, cue=sp(TEXT, "a déclaré")),
            gq(c2, "indirect", cue=sp(TEXT, "a ajouté")),
            gq(c3, "according_to", cue=sp(TEXT, "Selon")),
            gq(sp(TEXT, "Le ministre"), cue=None),  # no gold cue: not counted
        ]
    )
    m = run(
        gold,
        pq(c1, cue=sp(TEXT, "déclaré"), no_speaker=True),  # overlaps
        pq(c2, "indirect", cue=sp(TEXT, "ajouté que"), no_speaker=True),  # overlaps
        pq(c3, "according_to", cue=None, no_speaker=True),  # missing
        pq(sp(TEXT, "Le ministre"), cue=sp(TEXT, ":"), no_speaker=True),
    ).overall
    assert (m.cue_eligible, m.cue_correct) == (3, 2)
    assert m.cue_accuracy == pytest.approx(2 / 3)
    wrong_place = run(doc([gq(c1, cue=sp(TEXT, "a déclaré"))]), pq(c1, cue=sp(TEXT, "a ajouté")))
    assert wrong_place.overall.cue_accuracy == 0.0


def test_recall_per_kind_kind_accuracy_and_confusion() -> None:
    direct = sp(TEXT, "Nous ne céderons pas.")
    indirect = sp(TEXT, "la France restait prête au dialogue")
    according = sp(TEXT, "la réunion a eu lieu")
    mixed = sp(TEXT, "céderons")
    gold = doc(
        [gq(direct), gq(indirect, "indirect"), gq(according, "according_to"), gq(mixed, "mixed")]
    )
    m = run(
        gold,
        pq(direct, "direct", no_speaker=True),
        pq(indirect, "mixed", no_speaker=True),  # right span, wrong kind
        pq(according, "according_to", no_speaker=True),
    ).overall
    assert m.recall_by_kind == {
        "direct": 1.0,
        "mixed": 0.0,
        "indirect": 1.0,
        "according_to": 1.0,
    }
    assert m.kind_accuracy == pytest.approx(2 / 3)
    assert m.kind_confusion == {
        "direct": {"direct": 1},
        "indirect": {"mixed": 1},
        "according_to": {"according_to": 1},
    }
    assert m.gold_by_kind == {"direct": 1, "mixed": 1, "indirect": 1, "according_to": 1}
    only_direct = run(doc([gq(direct)]), pq(direct, no_speaker=True)).overall
    assert only_direct.recall_by_kind["indirect"] is None


# --------------------------------------------------------------------------- errors


def test_error_listing() -> None:
    c1 = sp(TEXT, "Nous ne céderons pas.")
    c2 = sp(TEXT, "la France restait prête au dialogue")
    spurious = sp(TEXT, "la réunion a eu lieu")
    gold = doc(
        [
            gq(c1, speaker=SEJ, name="Stéphane Séjourné"),
            gq(c2, "indirect", speaker=IL, name="Stéphane Séjourné"),
        ],
        doc_id="news-1",
    )
    report = run(gold, pq(c1, mention=LEVY, name="Pierre Lévy"), pq(spurious, "according_to"))
    assert [e.type for e in report.errors] == [
        ErrorType.WRONG_SPEAKER,
        ErrorType.WRONG_NAMED_SPEAKER,  # the same pair, by the named-speaker metric
        ErrorType.MISSED,
        ErrorType.FALSE_POSITIVE,
    ]
    wrong, wrong_name, missed, fp = report.errors
    assert (wrong_name.gold, wrong_name.predicted) == (c1, c1)
    assert wrong.doc_id == missed.doc_id == fp.doc_id == "news-1"
    assert wrong.file == "gold.jsonl"
    assert (wrong.gold, wrong.predicted) == (c1, c1)
    assert wrong.gold_speaker == wrong.gold_speaker_name == "Stéphane Séjourné"
    assert (wrong.predicted_speaker, wrong.predicted_speaker_name) == ("Pierre Lévy", "Pierre Lévy")
    assert "⟦Nous ne céderons pas.⟧" in wrong.context
    assert missed.gold == c2 and missed.predicted is None
    assert missed.gold_kind is QuoteKind.INDIRECT and missed.gold_speaker == "Il"
    assert "⟦la France restait prête au dialogue⟧" in missed.context
    assert fp.gold is None and fp.predicted == spurious
    assert fp.predicted_kind is QuoteKind.ACCORDING_TO
    assert fp.context.endswith("⟦la réunion a eu lieu⟧.")
    text = report.format_errors(3)
    assert text.startswith("errors: 4 (showing 3)")
    assert "wrong_speaker  gold.jsonl  news-1" in text
    assert "'Pierre Lévy'" in text and "missed" in text and "false_positive" not in text
    assert "wrong_named_speaker  gold.jsonl  news-1" in text
    assert "name: gold 'Stéphane Séjourné', predicted 'Pierre Lévy'" in text


def test_quote_context() -> None:
    text = "a" * 100 + "QUOTE" + "b\n\n" * 50
    ctx = quote_context(text, Span.of(text, 100, 105))
    assert ctx.startswith("…" + "a" * 40 + "⟦QUOTE⟧b b b")
    assert ctx.endswith("…")
    assert "\n" not in ctx
    long_text = "x" * 10 + "y" * 500 + "z" * 10
    ctx = quote_context(long_text, Span.of(long_text, 10, 510))
    assert ctx.startswith("x" * 10 + "⟦yyy") and " … " in ctx and ctx.endswith("⟧" + "z" * 10)
    assert len(ctx) < 120
    assert quote_context("Non", Span(0, 3, "Non")) == "⟦Non⟧"


# --------------------------------------------------------------------------- report


def _sample_report() -> Report:
    c1 = sp(TEXT, "Nous ne céderons pas.")
    c2 = sp(TEXT, "la France restait prête au dialogue")
    gold = [
        doc([gq(c1, speaker=SEJ, name="Stéphane Séjourné", cue=sp(TEXT, "a déclaré"))]),
        doc([gq(c2, "indirect", speaker=IL, name="il")], complete=False, file="b.jsonl"),
    ]
    preds = [
        [pq(c1, mention=SEJ, cue=sp(TEXT, "déclaré")), pq(sp(TEXT, "Selon"), "according_to")],
        [],
    ]
    return evaluate_documents(gold, predictions=preds, all_kinds=True)


def test_to_dict_round_trips_through_json() -> None:
    report = _sample_report()
    data = report.to_dict()
    loaded = json.loads(json.dumps(data))
    assert loaded == data
    assert Report.from_dict(loaded) == report
    assert data["overall"]["scores"]["precision"] == 0.5
    assert data["overall"]["scores"]["recall"] == 0.5
    assert data["overall"]["counts"]["gold"] == 2
    assert data["per_file"]["b.jsonl"]["scores"]["precision"] is None
    assert data["n_errors"] == len(data["errors"]) == 3
    # the predicted speaker has the right mention but no name: right for spk, wrong for named spk
    assert {e["type"] for e in data["errors"]} == {
        "missed",
        "false_positive",
        "wrong_named_speaker",
    }
    capped = report.to_dict(max_errors=1)
    assert (capped["n_errors"], len(capped["errors"])) == (3, 1)
    for error in report.errors:
        assert ErrorCase.from_dict(json.loads(json.dumps(error.to_dict()))) == error
    assert Metrics.from_dict(report.overall.to_dict()) == report.overall


def test_format_table_and_markdown() -> None:
    report = _sample_report()
    table, legend = report.format_table().split("\n\n")
    assert "P over complete documents only" in legend
    lines = table.splitlines()
    header = ["file", "docs", "gold", "pred", "match", "P", "R", "F1", "exact"]
    assert lines[0].split()[:9] == header
    rows = {line.split()[0]: line.split() for line in lines if not line.startswith("-")}
    assert rows["gold.jsonl"][5:8] == ["50.0", "100.0", "66.7"]
    assert rows["b.jsonl"][5:8] == ["-", "0.0", "-"]
    assert rows["overall"][1:8] == ["2", "2", "2", "1", "50.0", "50.0", "50.0"]
    # fixed width: columns are right-aligned under their headers
    header_end = lines[0].index(" F1") + len(" F1")
    for row in (line for line in lines[2:] if not line.startswith("-")):
        assert row[header_end - 1] != " " and row[header_end] == " "
    md = report.format_markdown().split("\n\n")[0].splitlines()
    assert md[0].startswith("| file | docs | gold |")
    assert md[1].startswith("| --- | ---: |")
    assert md[-1].startswith("| **overall** | 2 | 2 | 2 | 1 | 50.0 | 50.0 | 50.0 |")
    assert all(line.count("|") == md[0].count("|") for line in md)


def test_evaluate_documents_argument_checks() -> None:
    gold = [doc([])]
    with pytest.raises(ValueError, match="exactly one"):
        evaluate_documents(gold)
    with pytest.raises(ValueError, match="exactly one"):
        evaluate_documents(gold, predict=lambda text: [], predictions=[[]])
    with pytest.raises(ValueError, match="prediction lists"):
        evaluate_documents(gold, predictions=[])


def test_predict_callable_is_called_with_each_text() -> None:
    seen: list[str] = []

    def predict(text: str) -> list[Quote]:
        seen.append(text)
        return []

    evaluate_documents([doc([], text="un"), doc([], text="deux", doc_id="d2")], predict=predict)
    assert seen == ["un", "deux"]


# --------------------------------------------------------------------------- named speakers


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Awa N'Diaye", "Awa N’Diaye", True),  # ’ and ' are one apostrophe
        ("  AWA   n’diaye ", "Awa N'Diaye", True),  # casefold, spaces
        ("« Awa N'Diaye »,", "Awa N'Diaye", True),  # punctuation around the name
        ("N’Diaye", "Awa N'Diaye", True),  # the surname alone: whole words
        ("Awa N'Diaye", "N'Diaye", True),  # either direction
        ("Diaye", "Awa N'Diaye", False),  # N'Diaye is one word (only l' d' j' qu' split off)
        ("Awa", "Awa N'Diaye", True),  # a first name is whole words too
        ("Hélène de Brachène", "de Brachène", True),
        ("Brachène", "Hélène de Brachène", True),
        ("de Brachène", "Hélène de Brachène", True),
        ("Hélène Brachène", "Hélène de Brachène", False),  # not a run of the gold's words
        ("de", "Hélène de Brachène", False),  # function words name no one
        ("Olivier d’Ormesson", "Olivier d'Ormesson", True),
        ("d'Ormesson", "Olivier d'Ormesson", True),
        ("Ormesson", "Olivier d'Ormesson", True),  # the elided d' is a word of its own
        ("M. Lenoir", "Marc Lenoir", True),  # title dropped: Lenoir is in Marc Lenoir
        ("Marc Lenoir", "M. Lenoir", True),
        ("Mme Awa N'Diaye", "Awa N'Diaye", True),
        ("Me Gaëlle Lenoir-Vidal", "Gaëlle Lenoir-Vidal", True),
        ("Dr Lenoir", "Lenoir", True),
        ("Lenoir", "Gaëlle Lenoir-Vidal", False),  # a hyphenated name is one word
        ("Marc", "Jean-Marc Lenoir", False),
        ("Marc", "Marcel Dupont", False),  # token boundaries, not prefixes
        ("Marcel Dupont", "Marcel Dupont-Aignan", False),
        ("Lenoir Marc", "Marc Lenoir", False),  # word order counts
        ("l’AFP", "AFP", True),
        ("la préfecture de police", "la préfecture", True),
        ("le préfet", "la préfecture", False),
        ("la", "la préfecture", False),
        ("le président Lenoir", "Marc Lenoir", False),  # job titles are not dropped
        ("Sejourne", "Séjourné", False),  # no accent folding
        ("Se\u0301journe\u0301", "Séjourné", True),  # decomposed accents (NFC)
        ("il", "il", False),
        ("ce dernier", "ce dernier", False),
        (None, "Marc Lenoir", False),
        ("Marc Lenoir", None, False),
        ("", "", False),
    ],
)
def test_named_speakers_match(predicted: str | None, gold: str | None, expected: bool) -> None:
    assert named_speakers_match(predicted, gold) is expected


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("il", False),
        ("Elle", False),
        ("ils", False),
        ("on", False),
        ("je", False),
        ("j’", False),
        ("nous", False),
        ("qui", False),
        ("ce dernier", False),
        ("Cette dernière", False),
        ("celle-ci", False),
        ("Celui-ci", False),
        ("l'un", False),
        ("L’autre", False),
        ("quelqu’un", False),
        ("lui-même", False),
        ("M.", False),  # a title alone
        ("", False),
        (None, False),
        ("la CGT", True),
        ("le prêtre", True),
        ("sept individus", True),
        ("porte-parole de Febelfin", True),
        ("de Brachène", True),
        ("Awa N'Diaye", True),
    ],
)
def test_is_named_speaker(name: str | None, named: bool) -> None:
    assert is_named_speaker(name) is named


def test_name_normalisation_and_tokens() -> None:
    assert normalise_speaker_name("\t« Gaëlle  LENOIR-Vidal » ;") == "gaëlle lenoir-vidal"
    assert normalise_speaker_name("l’") == "l'"
    assert speaker_name_tokens("Mme Hélène de Brachène") == ("hélène", "de", "brachène")
    assert speaker_name_tokens("M. et Mme Lenoir") == ("et", "mme", "lenoir")  # leading only
    assert speaker_name_tokens("l’Élysée") == ("l'", "élysée")
    assert speaker_name_tokens("Awa N’Diaye") == ("awa", "n'diaye")
    assert {"il", "elle", "ce", "dernier", "celui-ci", "l'", "d'", "du"} <= SPEAKER_FUNCTION_WORDS


# A text with four quotes: two by Séjourné (one with a pronoun gold name), one by Lévy and a
# mixed fragment inside the first quote attributed by context.
NAMED_TEXT = (
    "Le ministre Stéphane Séjourné a déclaré : « Nous ne céderons pas. » "
    "Il a ajouté que la France restait prête au dialogue. "
    "Selon Pierre Lévy, la réunion a eu lieu. Le « compromis » reste loin."
)
N_DIRECT = sp(NAMED_TEXT, "Nous ne céderons pas.")
N_INDIRECT = sp(NAMED_TEXT, "la France restait prête au dialogue")
N_ACCORDING = sp(NAMED_TEXT, "la réunion a eu lieu")
N_MIXED = sp(NAMED_TEXT, "compromis")
N_SEJ = sp(NAMED_TEXT, "Stéphane Séjourné")
N_IL = sp(NAMED_TEXT, "Il")
N_LEVY = sp(NAMED_TEXT, "Pierre Lévy")


def _named_report() -> Report:
    gold = doc(
        [
            gq(N_DIRECT, speaker=N_SEJ, name="Stéphane Séjourné"),
            gq(N_INDIRECT, "indirect", speaker=N_IL, name="il"),  # not named: left out
            gq(N_ACCORDING, "according_to", speaker=N_LEVY, name="Pierre Lévy"),
            gq(N_MIXED, "mixed", speaker=None, name="Pierre Lévy"),
        ],
        text=NAMED_TEXT,
        doc_id="named",
    )
    return run(
        gold,
        # right mention, no name: right for spk, wrong for named spk
        pq(N_DIRECT, mention=N_SEJ, name=None, confidence=0.95),
        pq(N_INDIRECT, "indirect", mention=N_IL, name="Stéphane Séjourné", confidence=0.75),
        pq(N_ACCORDING, "according_to", mention=N_LEVY, name="Lévy", confidence=0.6),
        # no mention, a titled name: wrong for spk (no suffix match), right for named spk
        pq(N_MIXED, "mixed", mention=None, name="M. Lévy", confidence=0.95),
    )


def test_named_speaker_accuracy_fields() -> None:
    report = _named_report()
    m = report.overall
    assert (m.speaker_eligible, m.speaker_correct) == (4, 3)
    assert (m.named_speaker_eligible, m.named_speaker_correct) == (3, 2)
    assert m.named_speaker_accuracy == pytest.approx(2 / 3)
    assert m.scores()["named_speaker_accuracy"] == pytest.approx(2 / 3)
    assert m.named_by_confidence == {0.6: (1, 1), 0.95: (2, 1)}
    assert Metrics().named_speaker_accuracy is None
    types = [(e.type, e.gold) for e in report.errors]
    assert types == [
        (ErrorType.WRONG_NAMED_SPEAKER, N_DIRECT),
        (ErrorType.WRONG_SPEAKER, N_MIXED),
    ]
    named_errors = [e for e in report.errors if e.type is ErrorType.WRONG_NAMED_SPEAKER]
    assert len(named_errors) == m.named_speaker_eligible - m.named_speaker_correct
    [wrong_name] = named_errors
    assert (wrong_name.gold_speaker_name, wrong_name.predicted_speaker_name) == (
        "Stéphane Séjourné",
        None,
    )
    text = wrong_name.format()
    assert text.startswith("wrong_named_speaker  gold.jsonl  named  gold [")
    assert "\n    name: gold 'Stéphane Séjourné', predicted none\n" in text
    assert ErrorCase.from_dict(json.loads(json.dumps(wrong_name.to_dict()))) == wrong_name


def test_named_speaker_gold_without_name_is_left_out() -> None:
    gold = doc([gq(CONTENT, speaker=SEJ, name=None)])
    m = run(gold, pq(CONTENT, mention=SEJ, name="Stéphane Séjourné")).overall
    assert (m.speaker_eligible, m.named_speaker_eligible) == (1, 0)
    assert m.named_speaker_accuracy is None
    assert m.reliability()[-1].quotes == 0


def test_named_speaker_counts_add_up_per_file_and_round_trip() -> None:
    first = doc([gq(CONTENT, speaker=SEJ, name="Stéphane Séjourné")], file="a.jsonl")
    second = doc([gq(CONTENT, speaker=SEJ, name="Stéphane Séjourné")], doc_id="d2", file="b.jsonl")
    report = evaluate_documents(
        [first, second],
        predictions=[
            [pq(CONTENT, mention=SEJ, name="Séjourné", confidence=0.85)],
            [pq(CONTENT, mention=SEJ, name="Pierre Lévy", confidence=0.85)],
        ],
    )
    a, b, overall = report.per_file["a.jsonl"], report.per_file["b.jsonl"], report.overall
    assert (a.named_speaker_accuracy, b.named_speaker_accuracy) == (1.0, 0.0)
    assert (overall.named_speaker_eligible, overall.named_speaker_correct) == (2, 1)
    assert overall.named_by_confidence == {0.85: (2, 1)}
    assert a + b == overall
    data = json.loads(json.dumps(report.to_dict()))
    assert data["overall"]["counts"]["named_speaker_eligible"] == 2
    assert data["overall"]["counts"]["named_by_confidence"] == {"0.85": [2, 1]}
    assert data["overall"]["scores"]["named_speaker_accuracy"] == 0.5
    assert data["per_file"]["b.jsonl"]["scores"]["named_speaker_accuracy"] == 0.0
    assert Report.from_dict(data) == report
    assert report.reliability(file="a.jsonl")[3] == ReliabilityRow(0.8, 0.9, 1, 1)


def _columns(header: str, row: str) -> dict[str, str]:
    """Cells of a fixed-width table row by header (headers may hold one space).

    The first column is left-aligned, the others right-aligned under their header.
    """
    cells: dict[str, str] = {header.split()[0]: row.split()[0]}
    for match in list(re.finditer(r"\S+(?: \S+)*", header))[1:]:
        cell = row[: match.end()].split()
        cells[match.group()] = cell[-1] if cell else ""
    return cells


def test_named_speaker_in_table_and_markdown() -> None:
    report = _named_report()
    table, _, legend = report.format_table().partition("\n\n")
    assert "named spk: named-speaker accuracy" in " ".join(legend.split())
    lines = table.splitlines()
    header = lines[0]
    assert "  spk  spk n  named spk  named n  attP" in header
    overall = _columns(header, lines[-1])
    assert overall["file"] == "overall"
    assert (overall["spk"], overall["spk n"]) == ("75.0", "4")
    assert (overall["named spk"], overall["named n"]) == ("66.7", "3")
    per_file = _columns(header, lines[2])
    assert (per_file["file"], per_file["named spk"], per_file["named n"]) == (
        "gold.jsonl",
        "66.7",
        "3",
    )
    md = report.format_markdown().split("\n\n")[0].splitlines()
    assert "| spk | spk n | named spk | named n | attP |" in md[0]
    cells = [c.strip() for c in md[-1].strip("|").split("|")]
    names = [c.strip() for c in md[0].strip("|").split("|")]
    row = dict(zip(names, cells, strict=True))
    assert (row["file"], row["named spk"], row["named n"], row["spk n"]) == (
        "**overall**",
        "66.7",
        "3",
        "4",
    )
    empty = Report({}, Metrics()).format_table().split("\n\n")[0].splitlines()
    assert _columns(empty[0], empty[-1])["named spk"] == "-"


# --------------------------------------------------------------------------- reliability


def test_reliability_rows_of_a_report() -> None:
    rows = _named_report().reliability()
    assert [r.label for r in rows] == [
        "[0.00, 0.50)",
        "[0.50, 0.70)",
        "[0.70, 0.80)",
        "[0.80, 0.90)",
        "[0.90, 1.00]",
        "≥ 0.90",
    ]
    # the 0.75 quote has a pronoun gold name: it is in no bin
    assert [(r.quotes, r.right) for r in rows] == [(0, 0), (1, 1), (0, 0), (0, 0), (2, 1), (2, 1)]
    assert [r.share_right for r in rows] == [None, 1.0, None, None, 0.5, 0.5]
    assert [r.at_least for r in rows] == [False] * 5 + [True]
    assert sum(r.quotes for r in rows[:-1]) == _named_report().overall.named_speaker_eligible
    lower = _named_report().reliability(threshold=0.5)[-1]
    assert (lower.label, lower.quotes, lower.right) == ("≥ 0.50", 3, 2)


@pytest.mark.parametrize(
    ("confidence", "bin_index"),
    [
        (0.0, 0),
        (0.49, 0),
        (0.5, 1),
        (0.69, 1),
        (0.7, 2),
        (0.8, 3),
        (0.9, 4),
        (0.99, 4),
        (1.0, 4),  # the last bin is closed
    ],
)
def test_reliability_bin_edges(confidence: float, bin_index: int) -> None:
    rows = Metrics(named_by_confidence={confidence: (1, 1)}).reliability()
    assert len(rows) == len(CONFIDENCE_BINS) + 1
    assert [r.quotes for r in rows[:-1]] == [int(i == bin_index) for i in range(len(rows) - 1)]
    assert rows[-1].quotes == int(confidence >= 0.9)


def test_reliability_in_to_dict_and_markdown() -> None:
    report = _named_report()
    data = json.loads(json.dumps(report.to_dict()))
    assert data["reliability"]["threshold"] == 0.9
    rows = data["reliability"]["rows"]
    assert [r["label"] for r in rows][-2:] == ["[0.90, 1.00]", "≥ 0.90"]
    assert rows[1] == {
        "label": "[0.50, 0.70)",
        "low": 0.5,
        "high": 0.7,
        "closed": False,
        "at_least": False,
        "quotes": 1,
        "right": 1,
        "share_right": 1.0,
    }
    assert Report.from_dict(data).reliability() == report.reliability()
    table, _, legend = report.format_reliability().partition("\n\n")
    lines = table.splitlines()
    assert lines[0] == "| confidence | quotes | right | right % |"
    assert lines[1] == "| --- | ---: | ---: | ---: |"
    assert lines[2:] == [
        "| [0.00, 0.50) | 0 | 0 | - |",
        "| [0.50, 0.70) | 1 | 1 | 100.0 |",
        "| [0.70, 0.80) | 0 | 0 | - |",
        "| [0.80, 0.90) | 0 | 0 | - |",
        "| [0.90, 1.00] | 2 | 1 | 50.0 |",
        "| **≥ 0.90** | 2 | 1 | 50.0 |",
    ]
    assert "overall" in legend
    per_file = report.format_reliability(threshold=0.0, file="gold.jsonl")
    assert "| **≥ 0.00** | 3 | 2 | 66.7 |" in per_file and "`gold.jsonl`" in per_file


# --------------------------------------------------------------------------- gold loading


def _gold_dict(**changes: Any) -> dict[str, Any]:
    content = sp(TEXT, "Nous ne céderons pas.")
    quote: dict[str, Any] = {
        "content": [content.start, content.end],
        "text": content.text,
        "kind": "direct",
        "speaker": [SEJ.start, SEJ.end],
        "speaker_text": SEJ.text,
        "speaker_name": "Stéphane Séjourné",
        "cue": None,
    }
    quote.update(changes.pop("quote", {}))
    data: dict[str, Any] = {
        "doc_id": "news-1",
        "source": "test",
        "text": TEXT,
        "quotes": [quote],
        "complete": True,
    }
    data.update(changes)
    return data


def _write_jsonl(path: Path, *docs: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    return path


def test_load_gold_jsonl_and_json(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "g.jsonl", _gold_dict(), _gold_dict(doc_id="news-2"))
    docs = load_gold(path)
    assert [d.doc_id for d in docs] == ["news-1", "news-2"]
    first = docs[0]
    assert first.file == str(path) and first.source == "test" and first.complete is True
    [q] = first.quotes
    assert q.content.text == "Nous ne céderons pas."
    assert q.kind is QuoteKind.DIRECT
    assert q.speaker == SEJ and q.speaker_name == "Stéphane Séjourné" and q.cue is None
    single = tmp_path / "one.json"
    single.write_text(json.dumps(_gold_dict(), indent=2), "utf-8")
    assert load_gold(single)[0].quotes == first.quotes
    assert first.as_quotes()[0].speaker_name == "Stéphane Séjourné"


def test_load_gold_keeps_unicode_line_separators_inside_strings(tmp_path: Path) -> None:
    text = "Il a dit\u2028: « Non\x85 ».\r"
    raw = {
        "doc_id": "sep",
        "text": text,
        "complete": True,
        "quotes": [{"content": [13, 18], "text": "Non\x85 ", "kind": "direct", "speaker": None}],
    }
    path = tmp_path / "sep.jsonl"
    path.write_text(json.dumps(raw, ensure_ascii=False) + "\r\n\n", encoding="utf-8")
    [gold] = load_gold(path)
    assert gold.text == text
    assert gold.quotes[0].content.text == "Non\x85 "


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"quote": {"content": [0, 10_000]}}, "outside the text"),
        ({"quote": {"content": [10, 5]}}, "empty or lies outside"),
        ({"quote": {"text": "autre chose"}}, "the file says 'autre chose'"),
        ({"quote": {"speaker_text": "Pierre Lévy"}}, "speaker"),
        ({"quote": {"cue": [0, 2], "cue_text": "XX"}}, "cue"),
        ({"quote": {"kind": "hearsay"}}, "kind 'hearsay'"),
        ({"quote": {"speaker": [1.5, 3]}}, "pair of integers"),
        ({"quote": {"speaker_name": 3}}, "speaker_name"),
        ({"quote": {"pieces": [[0, 9999]]}}, "piece 0"),
        ({"complete": "yes"}, "complete"),
        ({"quotes": {}}, "quotes must be a list"),
    ],
)
def test_gold_validation_errors_name_file_line_and_doc(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    path = _write_jsonl(tmp_path / "bad.jsonl", _gold_dict(doc_id="ok"), _gold_dict(**change))
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    error = info.value
    assert isinstance(error, ValueError)
    assert (error.path, error.line, error.doc_id) == (str(path), 2, "news-1")
    assert str(error).startswith(f"{path}:2: doc 'news-1': ")
    assert message in str(error)


def test_gold_file_level_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(_gold_dict()) + "\n\n{not json\n", "utf-8")
    with pytest.raises(GoldFormatError, match=r"broken.jsonl:3: invalid JSON"):
        load_gold(broken)
    dup = _write_jsonl(tmp_path / "dup.jsonl", _gold_dict(), _gold_dict())
    with pytest.raises(GoldFormatError, match=r"dup.jsonl:2: doc 'news-1': duplicate doc_id"):
        load_gold(dup)
    no_id = _write_jsonl(tmp_path / "noid.jsonl", _gold_dict(doc_id=None))
    with pytest.raises(GoldFormatError, match=r"noid.jsonl:1: doc_id"):
        load_gold(no_id)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"text": "é"}'.encode("latin-1"))
    with pytest.raises(GoldFormatError, match="UTF-8"):
        load_gold(latin)
    with pytest.raises(OSError):
        load_gold(tmp_path / "missing.jsonl")


# --------------------------------------------------------------------------- CLI


def _gold_predictor(gold_docs: Sequence[GoldDocument]) -> Any:
    by_text = {d.text: d.as_quotes() for d in gold_docs}
    return lambda text: by_text[text]


def _cli(argv: Sequence[str], predict: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, predict, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_with_gold_predictor_is_perfect(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "g.jsonl", _gold_dict(), _gold_dict(doc_id="news-2"))
    code, out, err = _cli([str(path)], _gold_predictor(load_gold(path)))
    assert (code, err) == (0, "")
    overall = next(line for line in out.splitlines() if line.startswith("overall")).split()
    assert overall[1:8] == ["2", "2", "2", "2", "100.0", "100.0", "100.0"]

    code, out, _ = _cli([str(path), "--json"], _gold_predictor(load_gold(path)))
    data = json.loads(out)
    assert code == 0
    for key in ("precision", "recall", "f1", "attribution_f1", "speaker_accuracy"):
        assert data["overall"]["scores"][key] == 1.0
    assert data["errors"] == [] and data["n_errors"] == 0

    code, out, _ = _cli([str(path), "--markdown"], _gold_predictor(load_gold(path)))
    assert code == 0 and out.startswith("| file |")


def test_cli_errors_option(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "g.jsonl", _gold_dict(), _gold_dict(doc_id="news-2"))
    code, out, _ = _cli([str(path), "--errors", "1"], lambda text: [])
    assert code == 0
    assert "errors: 2 (showing 1)" in out
    assert "missed" in out and "⟦Nous ne céderons pas.⟧" in out
    code, out, _ = _cli([str(path), "--json", "--errors", "1"], lambda text: [])
    data = json.loads(out)
    assert (data["n_errors"], len(data["errors"])) == (2, 1)
    code, out, _ = _cli([str(path)], lambda text: [])
    assert "errors:" not in out


def test_cli_bad_input_exit_codes(tmp_path: Path) -> None:
    bad = _write_jsonl(tmp_path / "bad.jsonl", _gold_dict(quote={"text": "faux"}))
    code, out, err = _cli([str(bad)], lambda text: [])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "bad.jsonl:1: doc 'news-1'" in err

    code, out, err = _cli([str(tmp_path / "missing.jsonl")], lambda text: [])
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "cannot read" in err and "missing.jsonl" in err

    code, _, err = _cli([str(tmp_path)], lambda text: [])  # a directory
    assert code == 2 and err.count("\n") == 1

    assert _cli([], lambda text: [])[0] == 2  # argparse: GOLD is required
    assert _cli([str(bad), "--errors", "-1"], lambda text: [])[0] == 2
    assert _cli(["--help"], lambda text: [])[0] == 0


def test_cli_predicts_with_the_engine_in_one_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quoteattr.engine

    path = _write_jsonl(tmp_path / "g.jsonl", _gold_dict())
    gold_docs = load_gold(path)
    calls: list[tuple[list[str], str | None]] = []

    def fake_extract_many(texts: list[str], model_dir: str | None = None, progress: bool = False):  # type: ignore[no-untyped-def]
        calls.append((list(texts), model_dir))
        return [gold_docs[0].as_quotes()]

    monkeypatch.setattr(quoteattr.engine, "extract_many", fake_extract_many)
    code, out, err = _cli([str(path), "--model-dir", "/models"], None)
    assert (code, err) == (0, "")
    assert calls == [([TEXT], "/models")]
    assert "100.0" in out


def test_cli_missing_model_is_one_line_and_status_3(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "g.jsonl", _gold_dict())
    code, out, err = _cli([str(path), "--model-dir", str(tmp_path / "no-model")], None)
    assert (code, out) == (3, "")
    assert err.startswith("quoteattr evaluate: no French Stanza model found in ")
    assert err.count("\n") == 1


def test_kinds_a_file_does_not_annotate_are_left_out_unless_asked() -> None:
    c1 = sp(TEXT, "Nous ne céderons pas.")
    spurious = sp(TEXT, "la réunion a eu lieu")
    gold = doc([gq(c1, speaker=SEJ, name="Stéphane Séjourné")])
    preds = [[pq(c1, mention=SEJ, name="Stéphane Séjourné"), pq(spurious, "indirect")]]
    assert evaluate_documents([gold], predictions=preds).overall.precision == 1.0
    assert evaluate_documents([gold], predictions=preds, all_kinds=True).overall.precision == 0.5


def test_python_dash_m(tmp_path: Path) -> None:
    env_cmd = [sys.executable, "-m", "quoteattr.evaluate"]
    done = subprocess.run(
        [*env_cmd, "--help"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "quoteattr evaluate" in done.stdout
    done = subprocess.run(
        [*env_cmd, str(tmp_path / "nope.jsonl")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1


# --------------------------------------------------------------------------- real dev files


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is absent")
@pytest.mark.parametrize(
    ("name", "complete"),
    [("seed.json", False), ("asfalda_sequoia.jsonl", False), ("litbank.jsonl", True)],
)
def test_real_dev_files_load_and_score_perfectly_against_themselves(
    name: str, complete: bool
) -> None:
    gold_docs = load_gold(DEV / name)
    assert gold_docs and all(d.quotes for d in gold_docs)
    assert {d.complete for d in gold_docs} == {complete}
    for d in gold_docs:
        for q in d.quotes:
            assert d.text[q.content.start : q.content.end] == q.content.text
    report = evaluate_documents(gold_docs, predictions=[d.as_quotes() for d in gold_docs])
    m = report.per_file[str(DEV / name)]
    assert m.recall == 1.0 and m.exact_boundary_rate == 1.0
    assert m.attribution_recall == 1.0 and m.kind_accuracy == 1.0
    assert m.precision == (1.0 if complete else None)
    assert m.named_speaker_accuracy == (1.0 if m.named_speaker_eligible else None)
    [*_, top_bin, at_least] = report.reliability()
    assert top_bin.quotes == at_least.quotes == m.named_speaker_eligible  # confidence 1.0
    assert report.errors == []
    nothing = evaluate_documents(gold_docs, predictions=[[] for _ in gold_docs])
    assert nothing.overall.recall == 0.0
    assert len(nothing.errors) == nothing.overall.gold


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared/ is absent")
def test_real_dev_files_through_the_cli() -> None:
    paths = [str(DEV / n) for n in ("seed.json", "asfalda_sequoia.jsonl", "litbank.jsonl")]
    gold_docs = [d for p in paths for d in load_gold(p)]
    code, out, err = _cli([*paths, "--json"], _gold_predictor(gold_docs))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data["per_file"]) == paths
    assert data["overall"]["counts"]["documents"] == len(gold_docs)
    assert data["overall"]["scores"]["f1"] == 1.0
