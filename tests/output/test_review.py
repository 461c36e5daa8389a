"""The review queue and the claims worth checking, record by record (no model).

* :attr:`Quote.review_reasons` / :attr:`Quote.needs_review`: one row per reason, in the fixed
  order of :data:`~quoteattr.records.REVIEW_REASONS`, at the thresholds' edges;
* claim signals of a record (:func:`quoteattr.output.review.quote_signals`): a table of
  sentences written for these tests in the styles of several outlets (France, Belgium,
  Switzerland, Québec, francophone Africa), with both apostrophes, each quoted inside a
  document so that the offsets must be shifted into it;
* the exports: CSV columns, JSON fields, data-frame dtypes, sorting by signals.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from quoteattr.output.export import CSV_COLUMNS, CSV_DTYPES, quote_from_dict, quote_to_dict
from quoteattr.output.results import QuoteList
from quoteattr.output.review import quote_signal_kinds, quote_signals, review_fields
from quoteattr.records import (
    FLAGS,
    REVIEW_MAX_DISTANCE,
    REVIEW_MIN_CONFIDENCE,
    REVIEW_REASONS,
    Cue,
    Quote,
    QuoteKind,
    Span,
    Speaker,
)

F, P, M, D = "figure", "percentage", "money", "date"
C, CA, E = "comparison", "causal", "entity"

# --- the review decision ------------------------------------------------------------------------

TEXT = "« Il faut agir », aurait dit la ministre Inès Morel."
CUE = TEXT.index("aurait dit")
NAME = TEXT.index("Inès Morel")


def record(speaker: Speaker | None = None, confidence: float = 0.9, **cue: str) -> Quote:
    cue_record = Cue(Span.of(TEXT, CUE, CUE + 10), "dire", **cue) if cue else None  # type: ignore[arg-type]
    return Quote(
        Span.of(TEXT, 2, 14), QuoteKind.DIRECT, speaker, cue_record, confidence, "incise_after"
    )


def who(via: str = "name", distance: int = 0, name: str | None = "Inès Morel") -> Speaker:
    return Speaker(Span.of(TEXT, NAME, NAME + 10), name, via=via, distance=distance)


REVIEW_TABLE: list[tuple[str, Quote, tuple[str, ...]]] = [
    ("a name in the sentence", record(who()), ()),
    ("an apposition", record(who("apposition")), ()),
    ("no speaker at all", record(None), ("no_speaker",)),
    ("a pronoun left unresolved", record(who("unresolved", name="elle")), ("unresolved",)),
    ("a name that is None", record(who("pronoun", name=None)), ("unresolved",)),
    ("a pronoun one sentence back", record(who("pronoun", REVIEW_MAX_DISTANCE)), ()),
    (
        "a pronoun two sentences back",
        record(who("pronoun", REVIEW_MAX_DISTANCE + 1)),
        ("far_pronoun",),
    ),
    ("a description one sentence back", record(who("description", 1)), ()),
    ("a description three sentences back", record(who("description", 3)), ("far_description",)),
    ("a far name is not a far pronoun", record(who("name", 3)), ()),
    ("carried over from the previous quote", record(who("continuation")), ("continuation",)),
    ("confidence at the threshold", record(who(), REVIEW_MIN_CONFIDENCE), ()),
    ("confidence just below", record(who(), REVIEW_MIN_CONFIDENCE - 0.01), ("low_confidence",)),
    ("negated", record(who(), polarity="negated"), ("negated",)),
    ("alleged", record(who(), modality="alleged"), ("alleged",)),
    ("a denial", record(who(), cls="deny"), ("denial",)),
    (
        "everything at once, in the fixed order",
        record(None, 0.1, polarity="negated", modality="alleged", cls="deny"),
        ("no_speaker", "low_confidence", "negated", "alleged", "denial"),
    ),
    (
        "far pronoun, low confidence, alleged",
        record(who("pronoun", 4), 0.3, modality="alleged"),
        ("far_pronoun", "low_confidence", "alleged"),
    ),
]


@pytest.mark.parametrize(
    ("case", "quote", "reasons"), REVIEW_TABLE, ids=[r[0] for r in REVIEW_TABLE]
)
def test_review_reasons(case: str, quote: Quote, reasons: tuple[str, ...]) -> None:
    assert quote.review_reasons == reasons
    assert quote.needs_review is bool(reasons)
    assert list(quote.review_reasons) == sorted(quote.review_reasons, key=REVIEW_REASONS.index)


def test_the_thresholds_are_named_once() -> None:
    assert REVIEW_MIN_CONFIDENCE == 0.6 and REVIEW_MAX_DISTANCE == 1
    assert REVIEW_REASONS[-3:] == FLAGS
    assert len(set(REVIEW_REASONS)) == len(REVIEW_REASONS) == 9


def test_queue_and_passed_split_a_document() -> None:
    quotes = QuoteList([q for _case, q, _r in REVIEW_TABLE], text=TEXT, doc_id="a")
    queue, passed = quotes.review_queue(), quotes.passed_review()
    assert len(queue) + len(passed) == len(quotes)
    assert all(q.needs_review for q in queue) and not any(q.needs_review for q in passed)
    assert queue.text == passed.text == TEXT and queue.doc_id == "a"


# --- claim signals on the records -------------------------------------------------------------

SIGNALS: list[tuple[str, str, list[tuple[str, str]]]] = [
    # France
    (
        "Paris (AFP) – La ministre a déclaré : « ",
        "Le chômage a reculé de 0,3 point au premier trimestre, le plus bas niveau depuis 2008",
        [
            (C, "a reculé de"),
            (F, "0,3"),
            (D, "au premier trimestre"),
            (C, "le plus"),
            (D, "depuis 2008"),
        ],
    ),
    (
        "« ",
        "Nous avons investi 1,2 milliard d’euros dans les hôpitaux l’an dernier",
        [(M, "1,2 milliard d’euros"), (D, "l’an dernier")],
    ),
    # Belgium
    (
        "BRUXELLES. Selon le ministre, « ",
        "La facture d'électricité a augmenté de 15 % à cause de la guerre en Ukraine",
        [(C, "a augmenté de"), (P, "15 %"), (CA, "à cause de"), (E, "Ukraine")],
    ),
    (
        "Le Premier ministre l’a promis : « ",
        "Le gouvernement fédéral consacrera 250 millions d'euros à la SNCB d’ici 2030",
        [(M, "250 millions d'euros"), (E, "SNCB"), (D, "d’ici 2030")],
    ),
    # Switzerland
    (
        "BERNE – « ",
        "La Confédération versera CHF 40 millions à l'EPFL",
        [(E, "Confédération"), (M, "CHF 40 millions"), (E, "EPFL")],
    ),
    (
        "Le conseiller d’État l’assure : « ",
        "Le canton de Genève compte deux fois plus de frontaliers qu’il y a dix ans",
        [(E, "Genève"), (F, "deux"), (C, "deux fois plus"), (D, "il y a dix ans")],
    ),
    # Québec
    (
        "MONTRÉAL | « ",
        "Hydro-Québec a dégagé un bénéfice record de 4,5 milliards de dollars en 2023",
        [(E, "Hydro-Québec"), (C, "record"), (M, "4,5 milliards de dollars"), (D, "en 2023")],
    ),
    # francophone Africa
    (
        "ABIDJAN – Le ministre l'a dit : « ",
        "Les exportations de cacao ont progressé de 12 % grâce à la hausse des cours",
        [(C, "ont progressé de"), (P, "12 %"), (CA, "grâce à")],
    ),
    (
        "DAKAR – « ",
        "Au Sénégal, un jeune sur trois est sans emploi",
        [(E, "Sénégal"), (P, "un jeune sur trois")],
    ),
    (
        "YAOUNDÉ – « ",
        "La dette atteint 75 000 milliards de francs CFA, soit la moitié du PIB",
        [(M, "75 000 milliards de francs CFA"), (P, "la moitié"), (E, "PIB")],
    ),
    ("« ", "Il faut d'abord rétablir la confiance", []),
]


def quoted(prefix: str, sentence: str) -> tuple[str, Quote]:
    text = f"{prefix}{sentence} », a-t-il déclaré."
    start = len(prefix)
    quote = Quote(
        Span.of(text, start, start + len(sentence)),
        QuoteKind.DIRECT,
        None,
        None,
        0.9,
        "incise_after",
    )
    return text, quote


@pytest.mark.parametrize(
    ("prefix", "sentence", "expected"), SIGNALS, ids=[s[1][:30] for s in SIGNALS]
)
def test_signals_of_a_record_point_into_its_document(
    prefix: str, sentence: str, expected: list[tuple[str, str]]
) -> None:
    text, quote = quoted(prefix, sentence)
    found = quote_signals(quote)
    assert [(s.kind.value, s.text) for s in found] == expected
    for s in found:
        assert text[s.start : s.end] == s.text
        assert quote.content.start <= s.start < s.end <= quote.content.end
    kinds = quote_signal_kinds(quote)
    assert list(kinds) == sorted({k for k, _t in expected}, key=[F, P, M, D, C, CA, E].index)
    assert quote_signals(quote) == found  # deterministic (and cached by content)


def test_both_apostrophes_give_the_same_signals() -> None:
    for _prefix, sentence, _expected in SIGNALS:
        straight = sentence.replace("’", "'")
        curly = sentence.replace("'", "’")
        a, b = quoted("« ", straight)[1], quoted("« ", curly)[1]
        assert [(s.kind, s.start, s.end) for s in quote_signals(a)] == [
            (s.kind, s.start, s.end) for s in quote_signals(b)
        ], sentence


# --- exports ------------------------------------------------------------------------------------


def corpus_list() -> QuoteList:
    quotes = []
    text = ""
    for prefix, sentence, _expected in SIGNALS:
        piece, _ = quoted(prefix, sentence)
        start = len(text) + len(prefix)
        text += piece + "\n\n"
        quotes.append(
            Quote(
                Span.of(text, start, start + len(sentence)),
                QuoteKind.DIRECT,
                Speaker(None, "Inès Morel", type="person", via="pronoun", distance=len(quotes) % 3),
                None,
                0.9,
                "incise_after",
            )
        )
    return QuoteList(quotes, text=text, doc_id="depeches.txt")


def test_csv_and_json_carry_review_and_signals() -> None:
    quotes = corpus_list()
    rows = list(csv.DictReader(io.StringIO(quotes.to_csv(), newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["signal_kinds"] for r in rows[:3]] == [
        "figure;date;comparison",
        "money;date",
        "percentage;comparison;causal;entity",
    ]
    assert rows[2]["needs_review"] == "True" and rows[2]["review_reasons"] == "far_pronoun"
    assert rows[0]["speaker_via"] == "pronoun" and rows[0]["speaker_distance"] == "0"
    assert {r["speaker_id"] for r in rows} == {"ines-morel-4a3289a1"}
    data = json.loads(quotes.to_json())["quotes"][0]
    assert data["needs_review"] is False and data["review_reasons"] == []
    assert data["signal_kinds"] == ["figure", "date", "comparison"]
    first = data["signals"][0]
    assert first == {"kind": "comparison", "start": 51, "end": 62, "text": "a reculé de"}
    assert quotes.text[first["start"] : first["end"]] == first["text"]
    assert quote_from_dict(data) == quotes[0]  # derived keys are ignored when reading back
    line = json.loads(quotes.to_jsonl().splitlines()[0])
    assert line["speaker_id"] == "ines-morel-4a3289a1" and line["doc_id"] == "depeches.txt"


def test_via_and_distance_round_trip() -> None:
    quote = corpus_list()[2]
    again = quote_from_dict(json.loads(json.dumps(quote_to_dict(quote))))
    assert again == quote and again.speaker is not None
    assert (again.speaker.via.value, again.speaker.distance) == ("pronoun", 2)


def test_review_fields_shape() -> None:
    fields: dict[str, Any] = review_fields(corpus_list()[-1])
    assert fields == {
        "needs_review": False,
        "review_reasons": [],
        "signal_kinds": [],
        "signals": [],
    }


def test_data_frame_sorts_by_signals_and_filters_the_queue() -> None:
    pandas = pytest.importorskip("pandas")
    frame = corpus_list().to_dataframe().astype(CSV_DTYPES)
    assert (
        str(frame["needs_review"].dtype) == "bool" and str(frame["signal_count"].dtype) == "int64"
    )
    ranked = frame.sort_values("signal_count", ascending=False, kind="stable")
    assert ranked["signal_count"].tolist()[:2] == [5, 4]
    assert ranked.iloc[0]["content_text"].startswith("Le chômage a reculé")
    money = frame[frame["signal_kinds"].str.contains("money")]
    assert len(money) == 5
    assert frame[~frame["needs_review"]].shape[0] == 8
    assert isinstance(frame, pandas.DataFrame)
