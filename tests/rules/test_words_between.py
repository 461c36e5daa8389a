"""Words between a verb of saying and what it reports (issue 18 §2).

Dates, places, media and press-conference phrases stand between the cue and its content, set off
by commas or not; the content is still read, with its speaker. Our own sentences, several outlets'
styles, both apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of

CASES = [
    (
        "Le président a annoncé, samedi, vouloir briguer un second mandat.",
        "vouloir briguer un second mandat",
        "le président",
    ),
    (
        "La ministre a assuré lors d'un point presse ne pas envisager de démission.",
        "ne pas envisager de démission",
        "la ministre",
    ),
    (
        "Le maire a affirmé mardi à l'AFP que la piscine rouvrirait.",
        "la piscine rouvrirait",
        "le maire",
    ),
    (
        "Le sélectionneur a, lors d'une conférence de presse, affirmé que l'équipe était prête.",
        "l'équipe était prête",
        "le sélectionneur",
    ),
    (
        "L'opposant a déclaré jeudi sur RFI vouloir se présenter à la présidentielle.",
        "vouloir se présenter à la présidentielle",
        "l'opposant",
    ),
    # a circumstance set off by commas before a noun-phrase message (no clause of its own)
    (
        "Le maire a évoqué, sans en dévoiler les contours, un projet de reprise pour l'hôtel.",
        "un projet de reprise pour l'hôtel",
        "le maire",
    ),
    (
        "La direction a confirmé, mais sans donner de calendrier, la fermeture du site de Lannion.",
        "la fermeture du site de Lannion",
        "la direction",
    ),
    (
        "L'entraîneur a confirmé, lors de sa conférence de presse, le forfait de son capitaine.",
        "le forfait de son capitaine",
        "l'entraîneur",
    ),
    # an aside of any length between commas before que, a clause of its own included
    (
        "La ministre a rappelé, lors d'un déplacement à Lille, que la réforme serait votée en juin.",
        "la réforme serait votée en juin",
        "la ministre",
    ),
    (
        "Le maire a répété, comme il l'avait fait durant la campagne, que la sécurité restait sa "
        "priorité.",
        "la sécurité restait sa priorité",
        "le maire",
    ),
    (
        "Le club a annoncé, dans un communiqué publié sur son site internet dimanche soir, qu'il se "
        "séparait de son entraîneur.",
        "il se séparait de son entraîneur",
        "le club",
    ),
    # a reported clause's subject set off by a comma from its verb, a verb of saying too
    (
        "Le porte-parole a déclaré que le parquet de Lyon, a ordonné lundi au procureur de "
        "faire comparaître deux avocates.",
        "le parquet de Lyon, a ordonné lundi au procureur de faire comparaître deux avocates",
        "le porte-parole",
    ),
]

NOT_A_CIRCUMSTANCE = [
    # a clause between the commas is no circumstance: what follows is not the verb's message
    "Aucun décès n'a été annoncé, mais les médecins le savent bien, les effets sont lents.",
]


def _variants() -> list[tuple[str, str, str]]:
    out = []
    for text, content, speaker in CASES:
        for variant in both_apostrophes(text):
            swap = str.maketrans("'’", "’'") if variant != text else str.maketrans("", "")
            out.append((variant, content.translate(swap), speaker.translate(swap)))
    return out


@pytest.mark.parametrize(("text", "content", "speaker"), _variants())
def test_the_content_is_read_past_the_words_between(text: str, content: str, speaker: str) -> None:
    found = [q for q in quotes_of(text) if q.content.text == content]
    assert found, [q.content.text for q in quotes_of(text)]
    assert found[0].speaker_name is not None
    assert found[0].speaker_name.replace("’", "'") == speaker.replace("’", "'")


@pytest.mark.parametrize("text", [v for t in NOT_A_CIRCUMSTANCE for v in both_apostrophes(t)])
def test_a_clause_between_commas_is_no_circumstance(text: str) -> None:
    assert not [q for q in quotes_of(text) if q.rule == "noun_object"]
