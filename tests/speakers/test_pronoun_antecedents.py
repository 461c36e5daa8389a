"""Who ``il``, ``elle`` and ``sa réponse`` stand for: the document's people, not the last word.

Issue 17, classes 2 and 3. A pronoun takes the last compatible speaker or subject; when that is an
organisation and the article named a person in a later sentence, or when no subject fits, the
person the article named last (its paragraph or the one before) that the pronoun can stand for.
Given names tell the gender (``data/first_name_genders.tsv``): ``elle`` is not Mohamed Salem. A
capitalised word after a definite article is no person (``la ministre de la Santé``). A role
description that stood for a person stands for them again, however far (``la ministre de la
Santé`` … four paragraphs … ``la ministre de la Santé``). A noun of what is said with a possessive
(``Sa réponse : « … »``, ``Son verdict``) speaks for its possessor. Names coordinated in one
subject speak together (``Karim Diallo et Awa Sow``).

Each row is a short text of our own, in several outlets' styles, run with both apostrophes and on
both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import quotes_of, rows_with_both_apostrophes

from quoteattr.speakers.entities import given_name_gender

# The person named after the organisation that was the last subject.
PERSON_AFTER_ORGANISATION = [
    (
        "Le MR, Les Engagés et le PS négocient depuis juin. C'est aussi le cas du président du MR, "
        "Georges-Louis Bouchez. Il n'a pas ménagé ses partenaires. « Gouverner, ce n'est pas poster "
        "des photos », a-t-il déclaré.",
        "Gouverner, ce n'est pas poster des photos",
        "Georges-Louis Bouchez",
    ),
    (
        "Le Mouvement Desjardins a publié ses résultats jeudi. Parmi les invités figurait "
        "l'économiste en chef de l'institution, Hélène Bégin. Elle estime que la récession est "
        "évitable.",
        "la récession est évitable",
        "Hélène Bégin",
    ),
]

# No subject or speaker fits: the person the article named last.
PERSON_NAMED_LAST = [
    (
        "Le Parti socialiste a tenu son congrès à Lyon. C'est le cas notamment du maire de Dijon, "
        "Paul Armand. Il s'est montré sévère. « Ce budget ne tient pas debout », a-t-il lancé.",
        "Ce budget ne tient pas debout",
        "Paul Armand",
    ),
    (
        "La CEDEAO a levé ses sanctions samedi. L'annonce a été faite par le président de la "
        "Commission, Omar Touray. « C'est un geste de confiance », a-t-il expliqué.",
        "C'est un geste de confiance",
        "Omar Touray",
    ),
    (
        "Marc Weber a présenté le dernier livre de Sophie Martin. « C'est mon plus beau roman », "
        "a-t-elle confié.",
        "C'est mon plus beau roman",
        "Sophie Martin",
    ),
]

# No person the pronoun can stand for: no speaker rather than a wrong one.
NO_ONE_FITS = [
    (
        "L'armée a pris le contrôle des rues après l'élection de Mohamed Salem. Elle a promis de "
        "rendre le pouvoir avant juin.",
        "rendre le pouvoir avant juin",
        None,
    ),
    (
        "Deux semaines après sa visite à Dakar, la ministre de la Santé a reçu les syndicats. « Nous "
        "tiendrons », a-t-elle dit.",
        "Nous tiendrons",
        None,  # not "Santé"
    ),
]

# Names coordinated in one subject speak together, under one name (GUIDELINES: as the article
# names them); "ils" stands for them, not for the first one.
COORDINATED = [
    (
        "Karim Diallo et Awa Sow ont quitté le parti samedi. « Nous partons la tête haute », "
        "disent-ils.",
        "Nous partons la tête haute",
        "Karim Diallo et Awa Sow",
    ),
    (
        "Nora Weber et Patrick Thill ont dénoncé ce 1er mai les « attaques » du gouvernement.",
        "attaques",
        "Nora Weber et Patrick Thill",
    ),
    (
        "« Nous ne lâcherons rien », ont martelé Fatou Ndiaye et Ibrahima Sarr devant la presse.",
        "Nous ne lâcherons rien",
        "Fatou Ndiaye et Ibrahima Sarr",
    ),
]

# A role description that stood for a person stands for them again, however far.
SAME_DESCRIPTION = [
    (
        "La visite de Claire Dupuis aux urgences a été saluée. « Je reviendrai », a annoncé la "
        "ministre de la Santé.\n\nLes syndicats ont maintenu leur appel à la grève.\n\nLes hôpitaux "
        "de Lyon ont fermé deux services.\n\nLe mouvement s'étend à quarante établissements.\n\n"
        "Jeudi, la ministre de la Santé a défendu son plan. « Il faut du temps », a-t-elle indiqué.",
        "Il faut du temps",
        "Claire Dupuis",
    ),
]

# "Sa réponse : « … »": the possessor speaks.
POSSESSOR = [
    (
        "Interrogée sur la grève, Élisabeth Borne a répondu sèchement. Sa réponse : « Nous ne "
        "céderons pas. »",
        "Nous ne céderons pas.",
        "Élisabeth Borne",
    ),
    (
        "Le sélectionneur Marc Wilmots a livré son analyse après le match. Son verdict : « Nous avons "
        "manqué de rythme. »",
        "Nous avons manqué de rythme.",
        "Marc Wilmots",
    ),
    (
        "La juge Aminata Koné a rendu sa décision lundi. Son message aux prévenus : « La loi est la "
        "même pour tous. »",
        "La loi est la même pour tous.",
        "Aminata Koné",
    ),
]


# Offices (data/roles.txt) and professions (data/professions.txt): a profession has many holders in a
# story, so its description stands for the person the article gave it, never for whoever was named
# last; a role is a person's, never an organisation's; "Mr" is a civil title.
ROLES = [
    (
        "L'astronome suisse Michel Favre a présenté ses travaux à Genève. Selon l'astronome, la "
        "planète montre toujours la même face à son étoile.",
        "la planète montre toujours la même face",
        "Michel Favre",
    ),
    (
        "Le maire Paul Henry a reçu les familles lundi. Le médecin a expliqué que l'enfant était hors "
        "de danger.",
        "l'enfant était hors de danger",
        "le médecin",
    ),
    (
        "« Nous refusons cette réforme », a déclaré Alliance Police nationale mardi. Le bâtonnier a "
        "estimé que la loi devait changer.",
        "la loi devait changer",
        "le bâtonnier",
    ),
    # a military rank goes with any office; another role means someone else
    (
        "Un officier, le colonel Assimi Koné, s'est présenté mercredi comme le chef de la junte. "
        "«Je suis le président du comité national», a-t-il déclaré à la presse.",
        "Je suis le président du comité national",
        "Assimi Koné",
    ),
    (
        "L'avocate Claire Morin a plaidé l'acquittement. Devant la presse, la porte-parole du "
        "cabinet a confirmé que l'appel était envisagé.",
        "l'appel était envisagé",
        "la porte-parole du cabinet",
    ),
    # a noun of one institution names itself; a noun of a kind stands for the one named last
    (
        "La CFDT a déposé un préavis de grève. « Les manifestants ont bloqué l'entrée », a indiqué "
        "la préfecture.",
        "Les manifestants ont bloqué l'entrée",
        "la préfecture",
    ),
    (
        "La CFDT a déposé un préavis de grève. Le syndicat estime que la réforme est injuste.",
        "la réforme est injuste",
        "CFDT",
    ),
    (
        "Mr Joseph Kaboré a été réélu à la tête du club. Mr Kaboré a annoncé le retour de trois "
        "joueurs.",
        "le retour de trois joueurs",
        "Joseph Kaboré",
    ),
]


# A person's description with a possessive is named by its possessor (GUIDELINES: a short
# description from the article for an unnamed speaker): "son avocate" → "l'avocate de X".
OWNED = [
    (
        "Le comédien Mouss Diallo est mort samedi à Marseille. Il a succombé « des suites d'une "
        "longue maladie », a annoncé son avocate.",
        "des suites d'une longue maladie",
        "l'avocate de Mouss Diallo",
    ),
    (
        "Paul Morin a été hospitalisé lundi. Son entourage assure qu'il va mieux.",
        "il va mieux",
        "l'entourage de Paul Morin",
    ),
    (
        "Marie Kaboré a quitté le gouvernement. Sa porte-parole a confirmé que la démission était "
        "effective.",
        "la démission était effective",
        "la porte-parole de Marie Kaboré",
    ),
    # a conjunction opening the sentence is no part of the name
    (
        "Et Roger Lacombe répondit : « Je viendrai demain. »",
        "Je viendrai demain.",
        "Roger Lacombe",
    ),
]


# "ce dernier" is the person named last (whatever their slot); "l'intéressé(e)" the person the
# text is about, found as for a pronoun.
ANAPHORS = [
    (
        "Le juge a entendu Paul Martin mardi. Ce dernier a affirmé qu'il était innocent.",
        "il était innocent",
        "Paul Martin",
    ),
    (
        "Le procureur a requis dix ans contre Marie Durand. Cette dernière a dénoncé « un "
        "acharnement ».",
        "un acharnement",
        "Marie Durand",
    ),
    (
        "Roger Federer a battu Rafael Nadal en finale. « C'est un grand jour », a réagi le principal "
        "intéressé.",
        "C'est un grand jour",
        "Roger Federer",
    ),
    (
        "La ministre Inès Morel a reçu les syndicats. L'intéressée a promis « des annonces fortes ».",
        "des annonces fortes",
        "Inès Morel",
    ),
]


def _check(text: str, content: str, name: str | None) -> None:
    found = [q for q in quotes_of(text) if q.content.text.startswith(content)]
    assert found, f"no record {content!r} in {[q.content.text for q in quotes_of(text)]}"
    assert found[0].speaker_name == name, (found[0].speaker_name, found[0].speaker)


SPECIFICATION = {
    "a person named after the organisation is the antecedent": PERSON_AFTER_ORGANISATION,
    "without a fitting subject, the person named last": PERSON_NAMED_LAST,
    "no speaker rather than a person the pronoun cannot be": NO_ONE_FITS,
    "coordinated names speak together": COORDINATED,
    "the same description stands for the same person": SAME_DESCRIPTION,
    "what someone said speaks for them": POSSESSOR,
    "offices, professions and titles": ROLES,
    "a description with a possessive is named by its possessor": OWNED,
    "ce dernier and l'intéressé": ANAPHORS,
}
"""Each table of this page, by the behaviour it specifies."""


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        pytest.param(*row, id=f"{rule}: {row[1][:30]}")
        for rule, rows in SPECIFICATION.items()
        for row in rows_with_both_apostrophes(rows)
    ],
)
def test_who_the_speaker_is(text: str, content: str, name: str | None) -> None:
    _check(text, content, name)


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Agnès Buzyn", "Fem"),
        ("Mohamed Salem", "Masc"),
        ("Jean-Luc Martin", "Masc"),  # a compound takes its first part's gender
        ("Marie-Claire Dubois", "Fem"),
        ("Camille Roux", None),  # given to both
        ("Dominique Martin", None),
        ("Séjourné", None),  # no given name
        ("", None),
    ],
)
def test_given_names_tell_the_gender(name: str, gender: str | None) -> None:
    assert given_name_gender(name) == gender
