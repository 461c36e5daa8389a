"""Tests for quoteattr.evaluate: gold loading, matching, every metric, errors, report and CLI."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from quoteattr.evaluate import (
    ErrorCase,
    ErrorType,
    GoldDocument,
    GoldFormatError,
    GoldQuote,
    Metrics,
    Report,
    evaluate_documents,
    load_gold,
    main,
    match_quotes,
    quote_context,
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
) -> Quote:
    speaker = None if no_speaker else Speaker(mention, name, MentionKind.NAME)
    cue_obj = None if cue is None else Cue(cue, cue.text)
    return Quote(content, QuoteKind(kind), speaker, cue_obj, 0.9, "test")


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
        ErrorType.MISSED,
        ErrorType.FALSE_POSITIVE,
    ]
    wrong, missed, fp = report.errors
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
    text = report.format_errors(2)
    assert text.startswith("errors: 3 (showing 2)")
    assert "wrong_speaker  gold.jsonl  news-1" in text
    assert "'Pierre Lévy'" in text and "missed" in text and "false_positive" not in text


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
    assert data["n_errors"] == len(data["errors"]) == 2
    assert {e["type"] for e in data["errors"]} == {"missed", "false_positive"}
    capped = report.to_dict(max_errors=1)
    assert (capped["n_errors"], len(capped["errors"])) == (2, 1)
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
