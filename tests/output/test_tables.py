"""One table for a corpus (:mod:`quoteattr.output.tables`): results of ``extract_many`` or the output of
``quoteattr corpus`` as one DataFrame, CSV or JSON Lines with ``doc_id``, in one call."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import quoteattr
import quoteattr.output.tables
from quoteattr.output.export import CSV_COLUMNS, CSV_DTYPES, quote_to_dict
from quoteattr.output.results import QuoteList
from quoteattr.records import Cue, Quote, QuoteKind, Span, Speaker

A = "« Nous ne céderons pas », a déclaré la ministre."
B = "Le maire n'a pas dit qu’il partirait. « Oui », répond-il."


def quote(text: str, content: str, who: str, **cue: str) -> Quote:
    start = text.index(content)
    return Quote(
        Span.of(text, start, start + len(content)),
        QuoteKind.DIRECT,
        Speaker(None, who, type="person"),
        Cue(Span.of(text, text.index(" ") + 1, text.index(" ") + 3), "dire", **cue),  # type: ignore[arg-type]
        0.9,
        "incise_after",
    )


def results() -> list[QuoteList]:
    return [
        QuoteList([quote(A, "Nous ne céderons pas", "la ministre")], text=A, doc_id="a.txt"),
        QuoteList(text="Rien à signaler.", doc_id="vide.txt"),
        QuoteList(
            [quote(B, "il partirait", "le maire", polarity="negated"), quote(B, "Oui", "le maire")],
            text=B,
        ),
    ]


def test_rows_have_doc_id_first_and_documents_without_id_get_their_position() -> None:
    rows = list(quoteattr.output.tables.to_rows(results()))
    assert [(r["doc_id"], r["content_text"], r["negated"]) for r in rows] == [
        ("a.txt", "Nous ne céderons pas", False),
        ("2", "il partirait", True),
        ("2", "Oui", False),
    ]
    assert list(rows[0]) == list(CSV_COLUMNS) and CSV_COLUMNS[0] == "doc_id"


def test_one_data_frame_in_one_call() -> None:
    pytest.importorskip("pandas")
    frame = quoteattr.to_dataframe(results())
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert {c: str(t) for c, t in frame.dtypes.items()} == CSV_DTYPES
    assert frame["doc_id"].tolist() == ["a.txt", "2", "2"]
    assert frame.loc[frame["negated"], "content_text"].tolist() == ["il partirait"]


def test_empty_results_give_an_empty_table_with_the_columns() -> None:
    pytest.importorskip("pandas")
    frame = quoteattr.to_dataframe([])
    assert frame.empty and list(frame.columns) == list(CSV_COLUMNS)
    buffer = io.StringIO()
    assert quoteattr.to_csv([], buffer) == 0
    assert buffer.getvalue().strip() == ",".join(CSV_COLUMNS)


def test_csv_and_jsonl_files_in_one_call(tmp_path: Path) -> None:
    assert quoteattr.to_csv(results(), tmp_path / "quotes.csv") == 3
    with open(tmp_path / "quotes.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["doc_id"] for r in rows] == ["a.txt", "2", "2"]
    assert quoteattr.to_jsonl(results(), tmp_path / "quotes.jsonl") == 3
    lines = [
        json.loads(line) for line in (tmp_path / "quotes.jsonl").read_text("utf-8").splitlines()
    ]
    assert [line["doc_id"] for line in lines] == ["a.txt", "2", "2"]
    again = QuoteList.from_dicts(lines[1:], text=B)
    assert list(again) == list(results()[2])


def test_a_generator_is_consumed_once_and_spooled_not_held() -> None:
    """The speaker ids need the whole corpus: a generator is read once, into a temporary file,
    before the first row; nothing is pulled before a row is asked for."""
    pulled: list[int] = []

    def stream() -> Iterator[QuoteList]:
        for n, result in enumerate(results()):
            pulled.append(n)
            yield result

    rows = quoteattr.output.tables.to_rows(stream())
    assert pulled == []
    first = next(rows)
    assert pulled == [0, 1, 2]
    assert first["content_text"] == "Nous ne céderons pas" and first["speaker_id"]
    assert [r["content_text"] for r in rows] == ["il partirait", "Oui"]
    assert pulled == [0, 1, 2]  # not read a second time
    assert quoteattr.to_csv(stream(), io.StringIO()) == 3
    assert list(quoteattr.output.tables.to_rows(stream())) == list(
        quoteattr.output.tables.to_rows(results())
    )


def test_what_is_not_a_result_is_named() -> None:
    with pytest.raises(TypeError, match="item 1 is a str"):
        quoteattr.to_csv([results()[0], "« Oui », dit-il."], io.StringIO())


def corpus_line(doc_id: str, status: str, quotes: list[Quote]) -> str:
    row = {
        "doc_id": doc_id,
        "status": status,
        "quotes": [quote_to_dict(q) for q in quotes],
        "error": None if status == "ok" else "boom",
        "seconds": 0.1,
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


def test_a_corpus_output_file_becomes_one_table(tmp_path: Path) -> None:
    out = tmp_path / "quotes.jsonl"
    first, second = results()[0][0], results()[2][0]
    out.write_text(
        corpus_line("a.txt", "ok", [first])
        + corpus_line("b.txt", "error", [])
        + corpus_line("c.txt", "timeout", [])
        + corpus_line("b.txt", "ok", [second])  # retried: the last line of a doc_id wins
        + corpus_line("d.txt", "ok", [])
        + '{"doc_id": "e.txt", "status": "ok", "quo',  # cut short by a killed run
        encoding="utf-8",
    )
    with pytest.warns(
        UserWarning,
        match=r"1 document\(s\) without quotes left out: c.txt \(timeout\); 1 unreadable",
    ):
        docs = list(quoteattr.read_corpus(out))
    assert [(d.doc_id, len(d)) for d in docs] == [("a.txt", 1), ("b.txt", 1), ("d.txt", 0)]
    with pytest.warns(UserWarning):
        rows = list(quoteattr.output.tables.to_rows(out))
    assert [(r["doc_id"], r["content_text"]) for r in rows] == [
        ("a.txt", "Nous ne céderons pas"),
        ("b.txt", "il partirait"),
    ]
    with pytest.warns(UserWarning):
        assert quoteattr.to_csv(str(out), tmp_path / "quotes.csv") == 2


@pytest.mark.model
def test_extract_many_and_quoteattr_corpus_both_give_the_table(
    tmp_path: Path, one_torch_thread: None
) -> None:
    pytest.importorskip("pandas")
    from quoteattr.corpus import run_corpus

    articles = [("a1", A), ("a2", "Rien à signaler ce matin."), ("a3", B)]
    frame = quoteattr.to_dataframe(quoteattr.extract_many(articles))
    assert set(frame["doc_id"]) == {"a1", "a3"}
    assert frame.loc[frame["doc_id"] == "a1", "speaker_name"].tolist() == ["la ministre"]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id, text in articles:
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    run_corpus(corpus, tmp_path / "out.jsonl", workers=0)
    from_corpus = quoteattr.to_dataframe(tmp_path / "out.jsonl")
    assert from_corpus["doc_id"].str.removesuffix(".txt").tolist() == frame["doc_id"].tolist()
    assert from_corpus["content_text"].tolist() == frame["content_text"].tolist()
