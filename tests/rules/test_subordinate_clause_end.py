"""A statement reported inside a subordinate or relative clause ends with that clause.

``Bien que tous aient nié avoir su, la cour les a condamnés``: what they denied is ``avoir su``,
not ``avoir su, la cour les a condamnés``. A clause set before the main clause (``bien que``,
``alors que``, ``si``, ``lorsque``, ``puisque`` …) closes at the comma before the main clause's
subject and verb, whatever the parser made of ``bien que``; a relative clause (``Le syndicat, qui
affirme que …, appelle``) closes with the relative. A content without a finite verb (an
infinitive) ends before ``et`` and a finite verb: that verb is the reporter's (``promet de suivre
l'affaire et dit rester mobilisé``). Our own sentences, several outlets' styles, both
apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import quotes_of, rows_with_both_apostrophes

CASES = [
    (
        "Bien que tous aient nié avoir eu connaissance du projet, la cour les a condamnés.",
        "avoir eu connaissance du projet",
    ),
    (
        "Bien qu'il ait affirmé que la loi était juste, la cour l'a annulée.",
        "la loi était juste",
    ),
    (
        "Si le ministre assure que les caisses sont vides, l'opposition dénonce un mensonge.",
        "les caisses sont vides",
    ),
    (
        "Alors que le maire affirme que tout va bien, les habitants s'inquiètent.",
        "tout va bien",
    ),
    (
        "Lorsqu'elle a annoncé qu'elle quittait le parti, ses collègues ont applaudi.",
        "elle quittait le parti",
    ),
    (
        "Le syndicat, qui affirme que la grève est suivie, appelle à manifester samedi.",
        "la grève est suivie",
    ),
    # no main clause after the comma: the statement goes on
    (
        "Le ministre a affirmé que la loi était juste, que personne ne serait lésé.",
        "la loi était juste, que personne ne serait lésé",
    ),
]


@pytest.mark.parametrize(("text", "content"), rows_with_both_apostrophes(CASES))
def test_the_statement_ends_with_its_clause(text: str, content: str) -> None:
    found = [q.content.text for q in quotes_of(text)]
    assert content in found, found


COORDINATED: list[tuple[str, list[str]]] = [
    (
        "Le syndicat promet de poursuivre la grève jusqu'à Noël et dit rester ouvert au dialogue.",
        ["poursuivre la grève jusqu'à Noël", "rester ouvert au dialogue"],
    ),
    (
        "La ministre assure vouloir agir vite et affirme compter sur les élus locaux.",
        ["vouloir agir vite", "compter sur les élus locaux"],
    ),
    ("Le maire a promis de rénover l'école et ne cédera pas sur ce point.", ["rénover l'école"]),
    (
        "L'entreprise affirme avoir respecté les normes et s'engage à publier ses comptes.",
        ["avoir respecté les normes"],
    ),
    (
        "Les agriculteurs disent vouloir négocier et exigent une rencontre avec le préfet.",
        ["vouloir négocier", "une rencontre avec le préfet"],
    ),
    # a finite content keeps its own coordination
    (
        "Elle a dit que les prix montent et que les salaires baissent.",
        ["les prix montent et que les salaires baissent"],
    ),
    (
        "Le recteur a affirmé que les écoles ouvriront lundi et accueilleront tous les élèves.",
        ["les écoles ouvriront lundi et accueilleront tous les élèves"],
    ),
]


@pytest.mark.parametrize(("text", "contents"), rows_with_both_apostrophes(COORDINATED))
def test_an_infinitive_content_ends_before_the_reporters_next_verb(
    text: str, contents: list[str]
) -> None:
    found = [q.content.text for q in quotes_of(text)]
    swap = str.maketrans({"'": "’"}) if "’" in text else str.maketrans({})
    assert [c.translate(swap) for c in contents] == found
