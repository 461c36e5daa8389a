"""Who said it, by name: the classes of speaker mistakes seen on real news (issue 17).

Each row is a short article of our own, in the style of a French, Belgian, Swiss, Québec or
African outlet, with the words of one record and the name it must carry (``None``: no speaker
rather than a wrong one). Every text runs with both apostrophes and on both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of

from quoteattr.records import SpeakerVia

# 1. The slot holds a word that cannot speak: look further, or leave the speaker unset.
CANNOT_SPEAK = [
    (
        "L'intervention du Premier ministre, Luc Marchal, annonçant la fermeture du site a surpris les élus.",
        "la fermeture du site",
        "Luc Marchal",
    ),
    (
        "« Nous tiendrons bon », a insisté Awa Koné, ajoutant que « même Le Soleil l'a reconnu ».",
        "Nous tiendrons bon",
        "Awa Koné",
    ),
    (
        "La situation, selon la préfecture, reste « très tendue » dans le quartier.",
        "La situation, selon la préfecture, reste",
        "la préfecture",
    ),
    # a circumstance before a colon is no speaker (a preposition heads it)
    (
        "En cause : « les décharges sauvages » recensées par l'association.",
        "les décharges sauvages",
        None,
    ),
    # a relative "qui" stands for its noun (past an adjective, up to the head noun of a "de"
    # complement, never past another preposition to a verb)
    (
        "Selon une source policière qui fait état d'une « vigilance » renforcée, aucun incident n'a eu lieu.",
        "vigilance",
        "une source policière",
    ),
    (
        "Le syndicat a été reçu par une délégation gouvernementale qui a promis « une réponse rapide ».",
        "une réponse rapide",
        "une délégation gouvernementale",
    ),
    (
        "C'est le député Paul Martin, très remonté, qui a confirmé une motion de censure à venir.",
        "une motion de censure à venir",
        "Paul Martin",
    ),
    (
        "La juge Awa Ndiaye, visiblement agacée, qui a rappelé « la règle », a suspendu l'audience.",
        "la règle",
        "Awa Ndiaye",
    ),
    # a document speaks through its named author (GUIDELINES: the named source)
    (
        "La décision est « capitale », lit-on dans ce communiqué de la préfecture qui précise : « Aucune victime n'est à déplorer. »",
        "Aucune victime",
        "la préfecture",
    ),
    (
        "Le rapport final du BEA conclut que l'équipage n'a pas été alerté.",
        "l'équipage n'a pas été alerté",
        "BEA",
    ),
    # the object of a verb whose subject came before it is no inverted subject
    (
        "Le ministre, selon qui la réforme est « indispensable », a défendu son texte.",
        "indispensable",
        "le ministre",
    ),
    (
        "La présidente, pour qui ce vote est « historique », a salué les élus.",
        "historique",
        "la présidente",
    ),
]

# 2. Appositions and roles belong to their own person.
APPOSITIONS = [
    (
        "Paul Girard, le directeur de la rédaction, a assuré que le journal paraîtrait lundi.",
        "le journal paraîtrait lundi",
        "Paul Girard",
    ),
    (
        "La ministre de l'Éducation, Inès Morel, a visité l'école. La ministre a promis que les classes rouvriraient.",
        "les classes rouvriraient",
        "Inès Morel",
    ),
    (
        "L'avocate des familles, Maître Claire Dufour, a dénoncé des lenteurs. Le préfet a indiqué que l'enquête avançait.",
        "l'enquête avançait",
        "le préfet",
    ),
    (
        "« Rien n'est joué », précise en effet Nadia Benali, présidente de l'association des riverains.",
        "Rien n'est joué",
        "Nadia Benali",
    ),
    (
        "Le député Marc Dubois a rencontré les grévistes mardi. Le député a affirmé que la loi serait retirée.",
        "la loi serait retirée",
        "Marc Dubois",
    ),
    # a name after the description's comma, running up to the verb, is the speaker's
    (
        "Dans une note de 1991, l'ancien directeur général du groupe, Jean-François Briand précisait que le réseau avait fonctionné.",
        "le réseau avait fonctionné",
        "Jean-François Briand",
    ),
    (
        "Interrogé par Le Temps, le conseiller d'État a estimé que le projet était mûr.",
        "le projet était mûr",
        "le conseiller d'État",
    ),
]

# 3. Pronouns resolve to a compatible person; a role description to the person given that role.
RESOLUTION_TO_NO_ONE = [
    # the quoted words say "je": an organisation named before does not say them
    (
        "La préfecture a publié un communiqué lundi. « J'ai vu les images », a-t-elle réagi.",
        "J'ai vu les images",
        None,
    ),
]
RESOLUTION = [
    (
        "Agnès Roy a visité l'hôpital jeudi. « Je reviendrai », a-t-elle assuré.",
        "Je reviendrai",
        "Agnès Roy",
    ),
    (
        "La venue d'Aminata Traoré a été saluée à Bamako. « Le dialogue est ouvert », a déclaré la ministre de la Culture.",
        "Le dialogue est ouvert",
        "Aminata Traoré",
    ),
    (
        "Reporters sans frontières (RSF) publie son classement annuel. Selon l'ONG, la liberté de la presse a reculé en 2025.",
        "la liberté de la presse a reculé",
        "RSF",  # an organisation is named by its shortest identifying form (GUIDELINES)
    ),
    (
        "Les gardes ont été imposées, selon l'Agence régionale de santé (ARS). Selon l'ARS, la mesure est légale.",
        "la mesure est légale",
        "ARS",
    ),
    (
        "Les gardes ont été imposées, selon l'Agence régionale de santé (ARS). Selon l'ARS, la mesure est légale.",
        "Les gardes ont été imposées",
        "ARS",
    ),
    # a long role description set apart before the name gives the role to that name
    (
        "Le ministre marocain des affaires étrangères et de la coopération internationale, Nasser Karim a accusé l'Algérie. « Tout le monde le sait », a dit le ministre marocain.",
        "Tout le monde le sait",
        "Nasser Karim",
    ),
    # a role named by another name (data/role_equivalents.tsv)
    (
        "Madagascar : le discours du Premier ministre Ruphin Rakoto. Le chef du gouvernement a mis en garde contre une « crise prolongée ».",
        "crise prolongée",
        "Ruphin Rakoto",
    ),
    (
        "Le maire de Nantes, Paul Morel, a inauguré la piscine. « C'est un grand jour », a déclaré l'édile.",
        "C'est un grand jour",
        "Paul Morel",
    ),
    (
        "Le président Jean Kaboré a reçu les syndicats. « Le dialogue reprendra », a promis le chef de l'État.",
        "Le dialogue reprendra",
        "Jean Kaboré",
    ),
    # a name inside someone's indirect speech is their word, no antecedent for the next "il"
    (
        "Le Premier ministre Paul Rakoto a averti que Madagascar ne pourrait pas supporter une crise prolongée. Selon lui, des démarches sont en cours.",
        "des démarches sont en cours",
        "Paul Rakoto",
    ),
    (
        "Le procureur Marc Olivier a expliqué que Pierre Vidal avait été entendu. Il a précisé qu'une enquête était ouverte.",
        "une enquête était ouverte",
        "Marc Olivier",
    ),
    (
        "La Confédération générale du travail (CGT) appelle à la grève. « Nous irons jusqu'au bout », a prévenu la Confédération générale du travail.",
        "Nous irons jusqu'au bout",
        "CGT",
    ),
]


# 5. A kind of organisation before a name (l'ONG X, le syndicat X): the name is the speaker's,
# the kind is no name of its own, and "l'ONG" later stands for the organisation named last.
ORGANISATION_KINDS = [
    (
        "Trois militants ont été arrêtés, a indiqué l'ONG Amnesty International. Selon l'ONG, "
        "ils ont été battus.",
        "Trois militants ont été arrêtés",
        "Amnesty International",
    ),
    (
        "Trois militants ont été arrêtés, a indiqué l'ONG Amnesty International. Selon l'ONG, "
        "ils ont été battus.",
        "ils ont été battus",
        "Amnesty International",
    ),
    (
        "Cinq journalistes ont été expulsés, a dénoncé jeudi l'ONG Reporters sans frontières.",
        "Cinq journalistes ont été expulsés",
        "Reporters sans frontières",
    ),
    (
        "Le syndicat SUD Rail appelle à la grève reconductible.",
        "la grève reconductible",
        "SUD Rail",
    ),
    ("L'ONG Oxfam affirme que les stocks sont vides.", "les stocks sont vides", "Oxfam"),
    ("Les stocks sont vides, a indiqué l'ONG Oxfam mardi soir.", "Les stocks sont vides", "Oxfam"),
    # the name after a kind word inside a description is the organisation's, not the speaker's
    (
        "Un représentant du groupe Samsung a affirmé que les ventes progressaient.",
        "les ventes progressaient",
        "un représentant du groupe Samsung",
    ),
    # a kind word written as the name's first word is part of the name
    (
        "Selon la Banque mondiale, le pays reste vulnérable aux prix du cacao.",
        "le pays reste vulnérable aux prix du cacao",
        "la Banque mondiale",
    ),
    (
        "La Fédération française de rugby a annoncé que le match serait rejoué.",
        "le match serait rejoué",
        "la Fédération française de rugby",
    ),
]


# 6. A demonstrative description repeats the earlier phrase with the same head noun.
DEMONSTRATIVE_DESCRIPTIONS = [
    (
        "Les associations étudiantes ont manifesté jeudi devant le rectorat. Ces associations "
        "réclament « un vrai plan pour le logement ».",
        "un vrai plan pour le logement",
        "les associations étudiantes",
    ),
    (
        "Un collectif de riverains du port a saisi la justice. Ce collectif affirme que le bruit "
        "dépasse les normes.",
        "le bruit dépasse les normes",
        "un collectif de riverains du port",
    ),
    (
        "Les syndicats enseignants ont quitté la réunion. Ces syndicats estiment que le dialogue "
        "est rompu.",
        "le dialogue est rompu",
        "les syndicats enseignants",
    ),
]


def _variants(rows: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """Each row as written and with every apostrophe swapped, in text, content and name."""
    out = []
    for text, content, name in rows:
        for variant in both_apostrophes(text):
            table = str.maketrans("'’", "’'") if variant != text else str.maketrans("", "")
            swapped = name.translate(table) if name is not None else None
            out.append((variant, content.translate(table), swapped))
    return out


def _check(text: str, content: str, name: str | None) -> None:
    """The record whose words start with ``content`` carries the speaker ``name``."""
    found = [q for q in quotes_of(text) if q.content.text.startswith(content)]
    assert found, f"no record {content!r} in {[q.content.text for q in quotes_of(text)]}"
    assert found[0].speaker_name == name, (found[0].speaker_name, found[0].speaker)


@pytest.mark.parametrize(
    ("text", "content", "name"),
    _variants(CANNOT_SPEAK),
)
def test_a_speaker_can_speak(text: str, content: str, name: str | None) -> None:
    _check(text, content, name)


@pytest.mark.parametrize(
    ("text", "content", "name"),
    _variants(APPOSITIONS),
)
def test_appositions_and_roles(text: str, content: str, name: str | None) -> None:
    _check(text, content, name)


@pytest.mark.parametrize(
    ("text", "content", "name"),
    _variants(RESOLUTION),
)
def test_descriptions_and_pronouns_resolve_by_name(text: str, content: str, name: str) -> None:
    _check(text, content, name)


@pytest.mark.parametrize(("text", "content", "name"), _variants(RESOLUTION_TO_NO_ONE))
def test_a_pronoun_saying_je_is_no_organisation(text: str, content: str, name: None) -> None:
    _check(text, content, name)


@pytest.mark.parametrize(
    ("text", "content", "via"),
    [
        ("« Non », a tranché Awa Koné.", "Non", SpeakerVia.NAME),
        ("« Non », a tranché la ministre, Awa Koné.", "Non", SpeakerVia.APPOSITION),
        (
            "Agnès Roy a visité l'hôpital jeudi. « Je reviendrai », a-t-elle assuré.",
            "Je reviendrai",
            SpeakerVia.PRONOUN,
        ),
        ("« Je reviendrai », a-t-il assuré.", "Je reviendrai", SpeakerVia.UNRESOLVED),
    ],
)
def test_each_record_says_how_its_speaker_was_reached(
    text: str, content: str, via: SpeakerVia
) -> None:
    [quote] = [q for q in quotes_of(text) if q.content.text == content]
    assert quote.speaker is not None and quote.speaker.via is via


@pytest.mark.parametrize(("text", "content", "name"), _variants(ORGANISATION_KINDS))
def test_a_kind_of_organisation_introduces_its_name(text: str, content: str, name: str) -> None:
    _check(text, content, name)


@pytest.mark.parametrize(("text", "content", "name"), _variants(DEMONSTRATIVE_DESCRIPTIONS))
def test_a_demonstrative_description_repeats_an_earlier_phrase(
    text: str, content: str, name: str
) -> None:
    _check(text, content, name)
