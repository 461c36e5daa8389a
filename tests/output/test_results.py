"""Tests of :mod:`quoteattr.output.results` and :mod:`quoteattr.output.export` (no model needed)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from quoteattr.output.export import CSV_COLUMNS, quote_from_dict, quote_to_dict, quote_to_row
from quoteattr.output.results import QuoteList, SpeakerSummary, summarize_speakers
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
)

TEXT = (
    "Le chef de la diplomatie française, Stéphane Séjourné, a également estimé lundi que "
    'Paris ne voyait plus l\'"intérêt" de discuter avec Moscou. '
    "\"Il faut d'abord peut-être rétablir la confiance, pour que les relations puissent se "
    'renouer", a indiqué le ministre.\n\n'
    "Il a ajouté que l'attitude de la Russie était le signe que Moscou \"ne souhaitait plus "
    'collaborer avec Paris". Selon le Kremlin, ces déclarations sont "inacceptables". '
    "Le porte-parole n'aurait pas déclaré que la France enverrait des troupes."
)


def span(needle: str, after: int = 0, text: str = TEXT) -> Span:
    """The first occurrence of ``needle`` at or after ``after``."""
    start = text.index(needle, after)
    return Span.of(text, start, start + len(needle))


def build_quotes() -> QuoteList:
    """Realistic hand-made extraction result for :data:`TEXT`."""
    sejourne = span("Stéphane Séjourné")
    estime = Cue(span("a également estimé"), "estimer", CueType.VERB, CueClass.CLAIM)
    indirect1 = Quote(
        span('Paris ne voyait plus l\'"intérêt" de discuter avec Moscou'),
        QuoteKind.INDIRECT,
        Speaker(sejourne, "Stéphane Séjourné", MentionKind.NAME),
        estime,
        0.8,
        "que-clause",
    )
    mixed1 = Quote(
        span("intérêt"),
        QuoteKind.MIXED,
        Speaker(sejourne, "Stéphane Séjourné", MentionKind.NAME),
        estime,
        0.6,
        "mixed",
        open_mark=span('"', TEXT.index("intérêt") - 1),
        close_mark=span('"', TEXT.index("intérêt")),
    )
    direct_content = span(
        "Il faut d'abord peut-être rétablir la confiance, pour que les relations puissent se "
        "renouer"
    )
    direct = Quote(
        direct_content,
        QuoteKind.DIRECT,
        Speaker(span("le ministre"), "Stéphane Séjourné", MentionKind.DESCRIPTION, sejourne),
        Cue(span("a indiqué"), "indiquer", CueType.VERB, CueClass.ASSERT),
        0.9,
        "incise",
        open_mark=Span.of(TEXT, direct_content.start - 1, direct_content.start),
        close_mark=Span.of(TEXT, direct_content.end, direct_content.end + 1),
        sentence=1,
    )
    paragraph2 = TEXT.index("Il a ajouté")
    il = Speaker(
        span("Il", paragraph2), "Stéphane Séjourné", MentionKind.PRONOUN, span("le ministre")
    )
    ajoute = Cue(span("a ajouté"), "ajouter")
    indirect2 = Quote(
        span(
            "l'attitude de la Russie était le signe que Moscou \"ne souhaitait plus collaborer "
            'avec Paris"'
        ),
        QuoteKind.INDIRECT,
        il,
        ajoute,
        0.75,
        "que-clause",
        sentence=2,
        paragraph=1,
    )
    mixed2 = Quote(
        span("ne souhaitait plus collaborer avec Paris"),
        QuoteKind.MIXED,
        il,
        ajoute,
        0.7,
        "mixed",
        sentence=2,
        paragraph=1,
    )
    selon = Quote(
        span('ces déclarations sont "inacceptables"'),
        QuoteKind.ACCORDING_TO,
        Speaker(span("le Kremlin"), "Kremlin", MentionKind.NAME),
        Cue(span("Selon"), "selon", CueType.PREPOSITION, CueClass.SOURCE),
        0.7,
        "selon",
        sentence=3,
        paragraph=1,
    )
    orphan = Quote(
        span("inacceptables"), QuoteKind.MIXED, None, None, 0.5, "marks", sentence=3, paragraph=1
    )
    alleged = Quote(
        span("la France enverrait des troupes"),
        QuoteKind.INDIRECT,
        Speaker(span("Le porte-parole"), None, MentionKind.DESCRIPTION),
        Cue(
            span("n'aurait pas déclaré"),
            "déclarer",
            CueType.VERB,
            CueClass.ASSERT,
            Polarity.NEGATED,
            Modality.ALLEGED,
        ),
        0.65,
        "que-clause",
        sentence=4,
        paragraph=1,
    )
    return QuoteList(
        [indirect1, mixed1, direct, indirect2, mixed2, selon, orphan, alleged],
        text=TEXT,
        doc_id="france-russie.txt",
    )


@pytest.fixture
def quotes() -> QuoteList:
    return build_quotes()


# -- the list itself ------------------------------------------------------------


def test_offsets_are_consistent(quotes: QuoteList) -> None:
    for q in quotes:
        assert TEXT[q.content.start : q.content.end] == q.content.text


def test_is_a_list_with_text_and_doc_id(quotes: QuoteList) -> None:
    assert isinstance(quotes, list)
    assert len(quotes) == 8
    assert quotes.text == TEXT
    assert quotes.doc_id == "france-russie.txt"
    assert QuoteList().text == "" and QuoteList().doc_id is None


def test_slicing_keeps_type_and_text(quotes: QuoteList) -> None:
    head = quotes[:2]
    assert isinstance(head, QuoteList)
    assert head.text == TEXT and head.doc_id == quotes.doc_id
    assert list(head) == list(quotes)[:2]
    assert quotes[0] is next(iter(quotes))


# -- dicts ------------------------------------------------------------------------


def test_dict_round_trip_is_lossless(quotes: QuoteList) -> None:
    rows = json.loads(json.dumps(quotes.to_dicts()))
    back = QuoteList.from_dicts(rows, text=TEXT, doc_id=quotes.doc_id)
    assert back == quotes
    assert all(a == b for a, b in zip(back, quotes, strict=True))
    assert back.text == TEXT and back.doc_id == quotes.doc_id


def test_dicts_are_plain_json_values(quotes: QuoteList) -> None:
    rows = quotes.to_dicts()
    alleged = rows[-1]
    cue_span = span("n'aurait pas déclaré")
    assert alleged["kind"] == "indirect" and type(alleged["kind"]) is str
    assert alleged["cue"] == {
        "span": {"start": cue_span.start, "end": cue_span.end, "text": cue_span.text},
        "lemma": "déclarer",
        "type": "verb",
        "cls": "assert",
        "polarity": "negated",
        "modality": "alleged",
    }
    assert alleged["speaker"]["name"] is None
    assert alleged["speaker"]["kind"] == "description"
    orphan = rows[-2]
    assert orphan["speaker"] is None and orphan["cue"] is None
    assert rows[2]["open_mark"] == {
        "start": rows[2]["content"]["start"] - 1,
        "end": rows[2]["content"]["start"],
        "text": '"',
    }
    assert rows[2]["speaker"]["resolved_from"]["text"] == "Stéphane Séjourné"
    json.dumps(rows)  # no enums, no attrs objects left


@pytest.mark.parametrize("index", range(8))
def test_single_quote_round_trip(quotes: QuoteList, index: int) -> None:
    assert quote_from_dict(quote_to_dict(quotes[index])) == quotes[index]


def test_quote_from_dict_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="content"):
        quote_from_dict({"kind": "direct", "confidence": 1.0, "rule": "x"})
    with pytest.raises(ValueError):
        quote_from_dict(
            {
                "content": {"start": 0, "end": 3, "text": "Non"},
                "kind": "shouted",
                "confidence": 1.0,
                "rule": "x",
            }
        )


def test_from_dicts_checks_offsets_against_text(quotes: QuoteList) -> None:
    rows = quotes.to_dicts()
    with pytest.raises(ValueError, match="does not match"):
        QuoteList.from_dicts(rows, text="x" * len(TEXT))
    # without the text, no check is possible
    assert QuoteList.from_dicts(rows, text="") == quotes


def test_json_round_trip(quotes: QuoteList) -> None:
    data = quotes.to_json()
    assert "Séjourné" in data  # not \\u-escaped
    payload = json.loads(data)
    assert payload["doc_id"] == "france-russie.txt" and payload["text"] == TEXT
    back = QuoteList.from_json(data)
    assert back == quotes and back.text == TEXT and back.doc_id == quotes.doc_id


# -- JSON Lines -------------------------------------------------------------------------


def test_jsonl_one_object_per_quote_with_doc_id(quotes: QuoteList) -> None:
    data = quotes.to_jsonl()
    assert data.endswith("\n")
    lines = data.splitlines()
    assert len(lines) == len(quotes)
    rows = [json.loads(line) for line in lines]
    assert all(next(iter(row)) == "doc_id" for row in rows)
    assert {row["doc_id"] for row in rows} == {"france-russie.txt"}
    back = QuoteList.from_dicts(rows, text=TEXT)
    assert back == quotes and back.doc_id == "france-russie.txt"


def test_jsonl_empty() -> None:
    assert QuoteList(text="Rien.").to_jsonl() == ""


# -- CSV -------------------------------------------------------------------------------


def read_csv(data: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data, newline="")))


def test_csv_columns_and_values(quotes: QuoteList) -> None:
    data = quotes.to_csv()
    reader = csv.reader(io.StringIO(data, newline=""))
    assert next(reader) == list(CSV_COLUMNS)
    rows = read_csv(data)
    assert len(rows) == len(quotes)
    for row, q in zip(rows, quotes, strict=True):
        assert row["doc_id"] == "france-russie.txt"
        assert row["content_text"] == q.content.text
        assert int(row["content_start"]) == q.content.start
        assert row["kind"] == q.kind.value
        assert float(row["confidence"]) == q.confidence
    direct = rows[2]
    assert direct["speaker_mention_text"] == "le ministre"
    assert direct["speaker_kind"] == "description"
    assert direct["cue_lemma"] == "indiquer" and direct["cue_class"] == "assert"
    assert direct["sentence"] == "1" and direct["paragraph"] == "0"
    orphan, alleged = rows[-2], rows[-1]
    assert orphan["speaker_name"] == orphan["speaker_mention_start"] == orphan["cue_text"] == ""
    assert alleged["speaker_name"] == "" and alleged["speaker_mention_text"] == "Le porte-parole"
    assert alleged["cue_polarity"] == "negated" and alleged["cue_modality"] == "alleged"


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    text = 'Il a dit : « Oui, non, "peut-être"…\n\nEt puis « rien ». »'
    content = Span.of(text, text.index("Oui"), text.rindex(" »"))
    quote = Quote(
        content,
        QuoteKind.DIRECT,
        Speaker(Span.of(text, 0, 2), "Il, lui", "pronoun"),
        Cue(Span.of(text, 3, 8), "dire"),
        0.5,
        "colon",
    )
    data = QuoteList([quote], text=text, doc_id='dossier "a", b.txt').to_csv()
    assert '""peut-être""' in data
    (row,) = read_csv(data)
    assert row["content_text"] == content.text
    assert "\n\n" in row["content_text"]
    assert row["doc_id"] == 'dossier "a", b.txt'
    assert row["speaker_name"] == "Il, lui"


def test_csv_to_path_and_buffer(quotes: QuoteList, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    data = quotes.to_csv(target)
    assert target.read_bytes().decode("utf-8") == data
    assert quotes.to_csv(str(tmp_path / "again.csv")) == data
    buffer = io.StringIO()
    assert quotes.to_csv(buffer) == data
    assert buffer.getvalue() == data


def test_csv_empty_has_header() -> None:
    assert read_csv(QuoteList(text="").to_csv()) == []
    assert QuoteList(text="").to_csv().startswith("doc_id,content_start,")


def test_row_matches_columns(quotes: QuoteList) -> None:
    for q in quotes:
        assert tuple(quote_to_row(q, "d")) == CSV_COLUMNS
    assert quotes.to_rows()[0]["doc_id"] == "france-russie.txt"


# -- pandas -----------------------------------------------------------------------------


def test_to_dataframe_without_pandas(quotes: QuoteList, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes "import pandas" fail
    with pytest.raises(ImportError, match=r"pip install 'quoteattr\[pandas\]'"):
        quotes.to_dataframe()


# -- speakers ----------------------------------------------------------------------------


def test_speakers_grouping(quotes: QuoteList) -> None:
    groups = quotes.speakers()
    assert [g.name for g in groups] == ["Stéphane Séjourné", "Kremlin", None]
    assert [g.label for g in groups] == ["Stéphane Séjourné", "Kremlin", "unattributed"]
    sejourne, kremlin, unknown = groups
    assert sejourne.count == 5
    assert sejourne.kinds == Counter(
        {QuoteKind.INDIRECT: 2, QuoteKind.MIXED: 2, QuoteKind.DIRECT: 1}
    )
    assert sejourne.quotes == tuple(quotes[:5])
    assert sejourne.mentions == ("Stéphane Séjourné", "le ministre", "Il")
    assert kremlin.count == 1 and kremlin.kinds[QuoteKind.ACCORDING_TO] == 1
    # no speaker at all and a speaker without a canonical name are both unattributed
    assert unknown.count == 2
    assert unknown.quotes == (quotes[6], quotes[7])
    assert unknown.mentions == ("Le porte-parole",)


def test_speakers_order_count_then_first_appearance() -> None:
    text = "A dit oui. B dit non. C dit peut-être."

    def q(who: str | None) -> Quote:
        speaker = None if who is None else Speaker(None, who)
        return Quote(Span.of(text, 0, 1), QuoteKind.DIRECT, speaker, None, 1.0, "marks")

    groups = summarize_speakers([q(None), q(None), q(None), q("C"), q("B"), q("B"), q("A"), q("C")])
    assert [(g.label, g.count) for g in groups] == [
        ("C", 2),
        ("B", 2),
        ("A", 1),
        ("unattributed", 3),
    ]
    assert isinstance(groups[0], SpeakerSummary)
    assert "<2 quotes>" in repr(groups[0])
    assert summarize_speakers([]) == []


# -- repr --------------------------------------------------------------------------------


def test_repr_is_readable(quotes: QuoteList) -> None:
    lines = repr(quotes).splitlines()
    assert lines[0] == "QuoteList(8 quotes, doc_id='france-russie.txt')"
    assert len(lines) == 9
    direct = lines[3]
    assert direct.startswith("  [direct] «Il faut d'abord peut-être")
    assert "…»" in direct  # long content truncated
    assert direct.endswith("— Stéphane Séjourné (a indiqué; sieve=incise, 0.90)")
    assert lines[7] == "  [mixed] «inacceptables» — unattributed (sieve=marks, 0.50)"
    # the warning flags are spelled out
    assert lines[8].endswith(
        "— ?Le porte-parole? (n'aurait pas déclaré; sieve=que-clause, 0.65; negated; alleged)"
    )
    assert all(len(line) < 160 for line in lines)
    assert "\n\n" not in repr(quotes)


def test_repr_small_and_long_lists(quotes: QuoteList) -> None:
    assert repr(QuoteList()) == "QuoteList(0 quotes)"
    assert repr(quotes[:1]).splitlines()[0] == "QuoteList(1 quote, doc_id='france-russie.txt')"
    many = QuoteList(list(quotes) * 10, text=TEXT)
    lines = repr(many).splitlines()
    assert lines[0] == "QuoteList(80 quotes)"
    assert lines[-1] == "  … and 55 more"
    assert len(lines) == 27
