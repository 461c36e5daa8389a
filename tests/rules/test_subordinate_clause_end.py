"""A statement reported inside a subordinate or relative clause ends with that clause.

``Bien que tous aient nié avoir su, la cour les a condamnés``: what they denied is ``avoir su``,
not ``avoir su, la cour les a condamnés``. A clause set before the main clause (``bien que``,
``alors que``, ``si``, ``lorsque``, ``puisque`` …) closes at the comma before the main clause's
subject and verb, whatever the parser made of ``bien que``; a relative clause (``Le syndicat, qui
affirme que …, appelle``) closes with the relative. Our own sentences, several outlets' styles, both
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
