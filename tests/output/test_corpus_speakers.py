"""One speaker across documents (:mod:`quoteattr.output.corpus_speakers`), on records written by
hand as the resolver gives them (no model): name shapes, merging rules, namesakes, stable ids,
the table's counts and exports. ``tests/output/test_corpus_review.py`` runs the same on a corpus
of articles with the model."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import quoteattr
from quoteattr.output.corpus_speakers import SpeakerIndex, quote_speaker_id, speaker_table
from quoteattr.output.export import quote_to_dict
from quoteattr.output.results import QuoteList
from quoteattr.output.speaker_names import (
    fold,
    mention_gender,
    parse_name,
    speaker_id,
    title_gender,
)
from quoteattr.output.speaker_table import SPEAKER_COLUMNS
from quoteattr.output.tables import corpus_speakers, documents_with_ids
from quoteattr.records import Cue, Quote, QuoteKind, Span, Speaker, SpeakerType

PERSON, ORG, UNKNOWN = SpeakerType.PERSON, SpeakerType.ORGANISATION, SpeakerType.UNKNOWN

NAMES = [
    ("Emmanuel Macron", PERSON, ("full", "emmanuel", "macron")),
    ("le président Emmanuel Macron", PERSON, ("full", "emmanuel", "macron")),
    ("le conseiller fédéral Pierre Lambert", PERSON, ("full", "pierre", "lambert")),
    ("HÉLÈNE MARCHETTI", PERSON, ("full", "helene", "marchetti")),
    ("Jean-Luc Mélenchon", PERSON, ("full", "jean-luc", "melenchon")),
    ("Ursula von der Leyen", PERSON, ("full", "ursula", "von der leyen")),
    ("Koffi Adjoumani", UNKNOWN, ("full", "koffi", "adjoumani")),
    ("Macron", PERSON, ("surname", None, "macron")),
    ("M. Macron", PERSON, ("surname", None, "macron")),
    ("la ministre Marchetti", PERSON, ("surname", None, "marchetti")),
    ("Le Pen", PERSON, ("surname", None, "le pen")),
    ("E. Macron", UNKNOWN, ("surname", "e", "macron")),
    ("l’OMS", ORG, ("name", None, "oms")),
    ("l'OMS", ORG, ("name", None, "oms")),
    ("Amnesty International", ORG, ("name", None, "amnesty international")),
    ("la Banque mondiale", ORG, ("name", None, "banque mondiale")),
    ("la Russie", UNKNOWN, ("name", None, "russie")),
    ("le ministre", PERSON, ("description", None, "le ministre")),
    ("le maire de Lyon", PERSON, ("description", None, "le maire de lyon")),
    ("la préfecture de police", ORG, ("description", None, "la prefecture de police")),
    ("le ministère de l'Intérieur", ORG, ("description", None, "le ministere de l'interieur")),
]


@pytest.mark.parametrize(("name", "kind", "expected"), NAMES, ids=[n[0] for n in NAMES])
def test_name_shapes(name: str, kind: SpeakerType, expected: tuple[str, str | None, str]) -> None:
    parts = parse_name(name, kind)
    assert (parts.kind, parts.first, parts.surname) == expected


def test_genders_from_mentions_and_titles() -> None:
    assert [mention_gender(m) for m in ("elle", "-t-il", "Mme Roy", "la porte-parole")] == [
        "f",
        "m",
        "f",
        "f",
    ]
    assert [mention_gender(m) for m in ("Le Pen", "Paul Girard", "l'ancien ministre", "")] == [
        None
    ] * 4
    assert title_gender("Interrogée, Mme ") == "f" and title_gender("« M. ") == "m"
    assert title_gender("Selon ") is None and fold("L’Élysée") == "l'elysee"


# --- merging ---------------------------------------------------------------------------------


def said(
    name: str | None,
    mention: str | None = None,
    kind: SpeakerType = PERSON,
    role: str | None = None,
    flag: str | None = None,
    before: str = "",
) -> QuoteList:
    """One document whose only record is spoken by ``name`` through ``mention``."""
    mention = mention if mention is not None else (name or "")
    text = f"{before}{mention} a dit que rien n'allait."
    speaker = None
    if name is not None:
        at = len(before)
        speaker = Speaker(Span.of(text, at, at + len(mention)), name, role=role, type=kind)
    cue_at = text.index("a dit")
    cue = Cue(
        Span.of(text, cue_at, cue_at + 5),
        "dire",
        polarity="negated" if flag == "negated" else "positive",
        modality="alleged" if flag == "alleged" else "asserted",
    )
    content = text.index("rien")
    quote = Quote(
        Span.of(text, content, len(text) - 1), QuoteKind.INDIRECT, speaker, cue, 0.9, "que_clause"
    )
    return QuoteList([quote], text=text)


def table_of(*docs: QuoteList) -> quoteattr.output.speaker_table.SpeakerTable:
    return speaker_table((f"d{i}", doc) for i, doc in enumerate(docs))


def names(table: quoteattr.output.speaker_table.SpeakerTable) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.name, s.documents) for s in table]


def test_a_surname_joins_the_one_full_name_of_the_corpus() -> None:
    table = table_of(
        said("Hélène Marchetti", role="ministre de la Santé"),
        said("Marchetti", "Marchetti", before="Interrogée, Mme "),
        said("Marchetti", "la ministre Marchetti", role="ministre"),
    )
    assert names(table) == [("Hélène Marchetti", ("d0", "d1", "d2"))]
    (speaker,) = table
    assert speaker.roles == (("ministre de la Santé", ("d0",)), ("ministre", ("d2",)))
    assert speaker.names == ("Hélène Marchetti", "Marchetti")
    assert table.ids == [(speaker.id,)] * 3


def test_namesakes_stay_apart_and_a_title_or_pronoun_chooses_between_them() -> None:
    table = table_of(
        said("Pierre Lambert"),
        said("Pierre Lambert", "M. Lambert"),  # his gender, from the title
        said("Sophie Lambert"),
        said("Sophie Lambert", "-t-elle"),  # hers, from the pronoun
        said("Lambert", "Lambert", before="À Dakar, M. "),  # → Pierre
        said("Lambert", "Lambert", before="À Montréal, Mme "),  # → Sophie
        said("Lambert", "Lambert", before="Selon "),  # no gender: either, so neither
    )
    assert names(table) == [
        ("Pierre Lambert", ("d0", "d1", "d4")),
        ("Sophie Lambert", ("d2", "d3", "d5")),
        ("Lambert", ("d6",)),
    ]
    assert len({s.id for s in table}) == 3


def test_two_full_names_with_different_first_names_are_two_people() -> None:
    table = table_of(said("Jean Dupont"), said("Marie Dupont"), said("Dupont"))
    assert names(table) == [
        ("Jean Dupont", ("d0",)),
        ("Marie Dupont", ("d1",)),
        ("Dupont", ("d2",)),
    ]


def test_an_initial_must_fit_the_first_name() -> None:
    table = table_of(said("Emmanuel Macron"), said("Brigitte Macron"), said("E. Macron"))
    assert names(table) == [("Emmanuel Macron", ("d0", "d2")), ("Brigitte Macron", ("d1",))]


def test_case_accents_titles_and_descriptions_before_a_full_name_do_not_count() -> None:
    table = table_of(
        said("Hélène Marchetti"),
        said("HELENE MARCHETTI"),
        said("le conseiller fédéral Hélène Marchetti"),
    )
    assert names(table) == [("Hélène Marchetti", ("d0", "d1", "d2"))]


def test_a_description_never_leaves_its_document() -> None:
    table = table_of(said("le ministre"), said("le ministre"), said("la préfecture", kind=ORG))
    assert names(table) == [
        ("le ministre", ("d0",)),
        ("le ministre", ("d1",)),
        ("la préfecture", ("d2",)),
    ]
    assert table[0].id != table[1].id


def test_an_organisation_is_one_speaker_wherever_it_appears() -> None:
    table = table_of(said("l’OMS", kind=ORG), said("l'OMS", kind=ORG), said("OMS", kind=ORG))
    assert [(s.documents, s.type) for s in table] == [(("d0", "d1", "d2"), ORG)]


def test_counts_order_and_unattributed() -> None:
    table = table_of(
        said("Paul Girard", flag="negated"),
        said("Paul Girard", flag="alleged"),
        said("Inès Morel"),
        said(None),
    )
    girard, morel = table
    assert (girard.quotes, girard.negated, girard.alleged, girard.review) == (2, 1, 1, 2)
    assert (morel.quotes, morel.review) == (1, 0)
    assert table.unattributed == 1 and table.ids[3] == (None,)
    (alone,) = table_of(said("Inès Morel", flag="negated"))
    assert alone.to_row()["negated"] == 1 and type(alone.negated) is int


def test_ids_are_stable_across_corpora_and_orders() -> None:
    assert speaker_id("person:helene marchetti", "helene marchetti") == "helene-marchetti-934e3aa0"
    alone = table_of(said("Hélène Marchetti"))
    crowd = table_of(said("Paul Girard"), said("Marchetti"), said("Hélène Marchetti"))
    assert alone[0].id == crowd.get("helene-marchetti-934e3aa0").id  # type: ignore[union-attr]
    assert quote_speaker_id(said("Hélène Marchetti")[0]) == "helene-marchetti-934e3aa0"
    description = said("le ministre")[0]
    assert quote_speaker_id(description, "a") != quote_speaker_id(description, "b")


def test_a_running_index_gives_the_ids_known_so_far_and_its_table_the_final_ones() -> None:
    index = SpeakerIndex()
    early = index.add("a", said("Marchetti"))
    late = index.add("b", said("Hélène Marchetti"))
    assert early == ("marchetti-e6b0c6ad",) and late == ("helene-marchetti-934e3aa0",)
    assert index.add("c", said("Marchetti")) == late  # once the full name is known
    assert index.table().ids == [late, late, late]
    assert len(index.table()) == 1  # the table can be asked for again


# --- exports --------------------------------------------------------------------------------


def test_rows_csv_and_html() -> None:
    table = table_of(said("Hélène Marchetti", role="ministre"), said("Marchetti", flag="negated"))
    rows = list(csv.DictReader(io.StringIO(table.to_csv(), newline="")))
    assert list(rows[0]) == list(SPEAKER_COLUMNS)
    assert rows[0] == {
        "speaker_id": "helene-marchetti-934e3aa0",
        "name": "Hélène Marchetti",
        "type": "person",
        "quotes": "2",
        "documents": "d0; d1",
        "roles": "ministre (d0)",
        "names": "Hélène Marchetti; Marchetti",
        "negated": "1",
        "alleged": "0",
        "denials": "0",
        "needs_review": "1",
    }
    html = table._repr_html_()
    assert 'data-speaker="helene-marchetti-934e3aa0"' in html and "also: Marchetti" in html
    assert "SpeakerTable(1 speaker, 2 documents)" in repr(table)


def corpus_line(doc_id: str, quotes: QuoteList) -> str:
    row = {"doc_id": doc_id, "status": "ok", "quotes": [quote_to_dict(q) for q in quotes]}
    return json.dumps({**row, "error": None, "seconds": 0.1}, ensure_ascii=False) + "\n"


def test_the_table_of_a_corpus_output_file_and_of_a_generator(tmp_path: Path) -> None:
    docs = [said("Hélène Marchetti"), said("Marchetti"), said("le ministre")]
    out = tmp_path / "quotes.jsonl"
    out.write_text("".join(corpus_line(f"d{i}", d) for i, d in enumerate(docs)), encoding="utf-8")
    from_file = corpus_speakers(out)
    assert names(from_file) == [("Hélène Marchetti", ("d0", "d1")), ("le ministre", ("d2",))]
    rows = list(quoteattr.output.tables.to_rows(out))
    assert [r["speaker_id"] for r in rows] == [from_file[0].id, from_file[0].id, from_file[1].id]

    def stream() -> Iterator[QuoteList]:
        for i, doc in enumerate(docs):
            yield QuoteList(doc, text=doc.text, doc_id=f"d{i}")

    listed = [QuoteList(d, text=d.text, doc_id=f"d{i}") for i, d in enumerate(docs)]
    assert [ids for _d, _q, ids in documents_with_ids(stream())] == from_file.ids
    assert [(d, list(q)) for d, q, _ids in documents_with_ids(stream())] == [
        (d, list(q)) for d, q, _ids in documents_with_ids(listed)
    ]
    assert corpus_speakers(listed).to_rows() == from_file.to_rows()
