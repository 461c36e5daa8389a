"""Speakers with their role and type (:mod:`quoteattr.speakers.profiles`), in records, exports and summaries."""

from __future__ import annotations

import json

import pytest

from quoteattr.output.export import CSV_COLUMNS, quote_from_dict, quote_to_dict, quote_to_row
from quoteattr.output.results import QuoteList
from quoteattr.records import MentionKind, Quote, Span, Speaker, SpeakerType
from quoteattr.speakers.profiles import describe, first_names, organisation_words

PERSON, ORGANISATION, UNKNOWN = SpeakerType.PERSON, SpeakerType.ORGANISATION, SpeakerType.UNKNOWN

# --- the evidence a description or a name gives by itself (no model) ---------------------------


@pytest.mark.parametrize(
    ("text", "role", "kind"),
    [
        ("la ministre du Travail", "ministre du Travail", PERSON),
        ("le maire", "maire", PERSON),
        ("l'ancien Premier ministre", "ancien Premier ministre", PERSON),
        ("l’ambassadeur de France", "ambassadeur de France", PERSON),
        ("la directrice de l’hôpital", "directrice de l’hôpital", PERSON),
        ("la porte-parole du gouvernement", "porte-parole du gouvernement", PERSON),
        ("Mme Lévy", None, PERSON),
        ("M. Choïgou", None, PERSON),
        ("Stéphane Séjourné", None, PERSON),
        ("Jean-Luc Martin-Lagarde", None, PERSON),
        ("le ministère russe des Affaires étrangères", None, ORGANISATION),
        ("la préfecture", None, ORGANISATION),
        ("les autorités", None, ORGANISATION),
        ("la diplomatie russe", None, ORGANISATION),
        ("Amnesty International", None, ORGANISATION),
        ("Banque de France", None, ORGANISATION),
        ("l'ONU", None, ORGANISATION),
        ("l’OMS", None, ORGANISATION),
        ("la Commission européenne", None, ORGANISATION),
        ("la Marine nationale", None, UNKNOWN),
        ("le Kremlin", None, ORGANISATION),
        ("la Russie", None, UNKNOWN),
        ("Séjourné", None, UNKNOWN),
        ("un homme", None, PERSON),
    ],
)
def test_a_description_or_a_name_says_role_and_type(
    text: str, role: str | None, kind: SpeakerType
) -> None:
    profile = describe(text)
    assert (profile.role, profile.type) == (role, kind), profile.evidence


def test_profiles_say_why() -> None:
    assert describe("Mme Lévy").evidence == ("title Mme",)
    assert describe("Anne Hidalgo").evidence == ("first name Anne",)
    assert describe("le ministère").evidence == ("organisation word ministère",)


def test_word_lists_are_case_folded_and_free_of_surnames() -> None:
    names = first_names()
    assert {"stéphane", "anne", "jean-luc", "volodymyr"} <= names
    assert not {"séjourné", "macron", "mélenchon", "dupont"} & names
    assert {"ministère", "préfecture", "commission"} <= organisation_words()
    assert all(word == word.casefold() for word in names | organisation_words())


# --- records and exports (no model) ------------------------------------------------------------

TEXT = "Stéphane Séjourné, ministre des Affaires étrangères, a dit non."


def quote(speaker: Speaker | None) -> Quote:
    return Quote(Span.of(TEXT, 59, 62), "indirect", speaker, None, 0.8, "que_clause")


def test_speaker_role_and_type_default_so_old_constructions_keep_working() -> None:
    speaker = Speaker(Span.of(TEXT, 0, 17), "Stéphane Séjourné", MentionKind.NAME, None)
    assert (speaker.role, speaker.type) == (None, UNKNOWN)
    assert Speaker(None, "x", type="person").type is PERSON
    with pytest.raises(ValueError):
        Speaker(None, "x", type="robot")


def test_role_and_type_round_trip_through_dicts_json_and_csv() -> None:
    speaker = Speaker(
        Span.of(TEXT, 0, 17),
        "Stéphane Séjourné",
        role="ministre des Affaires étrangères",
        type=PERSON,
    )
    q = quote(speaker)
    data = quote_to_dict(q)
    assert data["speaker"]["role"] == "ministre des Affaires étrangères"
    assert data["speaker"]["type"] == "person"
    assert quote_from_dict(json.loads(json.dumps(data))) == q
    quotes = QuoteList([q], text=TEXT, doc_id="a")
    assert QuoteList.from_json(quotes.to_json()) == quotes
    row = quote_to_row(q, "a")
    assert (row["speaker_role"], row["speaker_type"]) == (
        "ministre des Affaires étrangères",
        "person",
    )
    assert CSV_COLUMNS.index("speaker_role") == CSV_COLUMNS.index("speaker_kind") + 1
    _header, line = quotes.to_csv().splitlines()
    assert "ministre des Affaires étrangères,person" in line


def test_rows_written_before_roles_existed_still_load() -> None:
    data = quote_to_dict(quote(Speaker(None, "le maire")))
    del data["speaker"]["role"], data["speaker"]["type"]
    speaker = quote_from_dict(data).speaker
    assert speaker is not None and (speaker.role, speaker.type) == (None, UNKNOWN)


def test_speakers_summary_carries_role_and_type() -> None:
    speaker = Speaker(None, "Stéphane Séjourné", role="ministre", type="person")
    [group] = QuoteList([quote(speaker), quote(speaker)], text=TEXT).speakers()
    assert (group.label, group.role, group.type, group.count) == (
        "Stéphane Séjourné",
        "ministre",
        PERSON,
        2,
    )


# --- from real documents ------------------------------------------------------------------------

CASES = [
    (
        "Stéphane Séjourné, ministre des Affaires étrangères, a affirmé que Paris ne céderait pas.",
        "Stéphane Séjourné",
        "ministre des Affaires étrangères",
        PERSON,
    ),
    (
        "« Nous ne céderons pas », a déclaré la ministre du Travail, Catherine Vautrin.",
        "Catherine Vautrin",
        "ministre du Travail",
        PERSON,
    ),
    (
        "Le chef de la diplomatie française, Stéphane Séjourné, a estimé que Paris ne voyait plus l'intérêt de discuter.",
        "Stéphane Séjourné",
        "chef de la diplomatie française",
        PERSON,
    ),
    ("« Rien n’est joué », a dit le maire.", "le maire", "maire", PERSON),
    ("Mme Dupont a déclaré qu'elle viendrait.", "Dupont", None, PERSON),
    ("« Oui », a répondu Anne Hidalgo.", "Anne Hidalgo", None, PERSON),
    (
        "Selon Amnesty International, la situation est grave.",
        "Amnesty International",
        None,
        ORGANISATION,
    ),
    ("Le ministère a démenti qu’un accord soit proche.", "le ministère", None, ORGANISATION),
    ("L'ONU a affirmé que la trêve tenait.", "l'ONU", None, ORGANISATION),
    ("Selon la Russie, les troupes se sont retirées.", "la Russie", None, UNKNOWN),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "role", "kind"), CASES)
def test_the_document_gives_the_speaker_role_and_type(
    one_torch_thread: None, text: str, name: str, role: str | None, kind: SpeakerType
) -> None:
    from quoteattr import extract

    quotes = extract(text)
    speakers = {(q.speaker.name, q.speaker.role, q.speaker.type) for q in quotes if q.speaker}
    assert speakers == {(name, role, kind)}, quotes


@pytest.mark.model
def test_every_quote_of_a_speaker_gets_the_role_read_anywhere_in_the_document(
    one_torch_thread: None,
) -> None:
    from quoteattr import extract

    text = (
        "Le président de la République, Emmanuel Macron, s'est rendu à Lyon. "
        "« Nous tiendrons », a-t-il déclaré.\n\n"
        "Il a ajouté que la réforme serait votée. « C'est une erreur », a répliqué Marine Le Pen."
    )
    quotes = extract(text)
    by_name = {}
    for q in quotes:
        assert q.speaker is not None
        by_name.setdefault(q.speaker.name, set()).add((q.speaker.role, q.speaker.type))
    assert by_name == {
        "Emmanuel Macron": {("président de la République", PERSON)},
        "Marine Le Pen": {(None, PERSON)},
    }
    groups = {g.label: g for g in quotes.speakers()}
    assert groups["Emmanuel Macron"].role == "président de la République"
    html = quotes.to_html()
    assert "président de la République" in html and 'data-type="person"' in html
