"""Negation inside reported content is content; negation on the cue is a flag (issue 18 §3).

``La direction assure ne pas exercer de contrôle`` reports "ne pas exercer de contrôle": a
record that dropped "ne pas" would state the opposite claim. A negated cue (``n'a pas dit``),
one in the conditional (``aurait affirmé``) or a denial (``dément``) is flagged instead. Our own
sentences, in several outlets' styles, both apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of

NEGATED_CONTENT = [
    (
        "La direction assure ne pas exercer de contrôle sur la rédaction.",
        "ne pas exercer de contrôle",
    ),
    ("Le ministre affirme n'avoir rien su de ces versements.", "n'avoir rien su"),
    ("La société affirme n'avoir jamais reçu la mise en demeure.", "n'avoir jamais reçu"),
    ("L'entraîneur a assuré ne plus vouloir entendre parler d'arbitrage.", "ne plus vouloir"),
    ("Le prévenu a reconnu ne pas avoir respecté le couvre-feu.", "ne pas avoir respecté"),
    ("Le maire dit ne disposer d'aucun budget pour les travaux.", "ne disposer d'aucun budget"),
]

FLAGS = [
    # (text, content start, flags)
    (
        "Le ministre n'a pas dit que les impôts baisseraient.",
        "les impôts baisseraient",
        ("negated",),
    ),
    ("Selon la police, le suspect aurait avoué les faits.", "le suspect aurait avoué", ()),
    ("Le club aurait affirmé que l'entraîneur resterait.", "l'entraîneur resterait", ("alleged",)),
    ("La mairie dément que la piscine fermera cet été.", "la piscine fermera", ("denial",)),
    ("Le syndicat dément avoir reçu la moindre proposition.", "avoir reçu la moindre", ("denial",)),
    (
        "Le député n'a jamais affirmé que la loi était inutile.",
        "la loi était inutile",
        ("negated",),
    ),
    ("La ministre assure que le budget ne baissera pas.", "le budget ne baissera pas", ()),
]


def _swap(text: str, part: str) -> list[tuple[str, str]]:
    return [
        (variant, part if variant == text else part.translate(str.maketrans("'’", "’'")))
        for variant in both_apostrophes(text)
    ]


@pytest.mark.parametrize(
    ("text", "negation"), [pair for t, n in NEGATED_CONTENT for pair in _swap(t, n)]
)
def test_negation_of_the_content_stays_in_the_content(text: str, negation: str) -> None:
    contents = [q.content.text for q in quotes_of(text)]
    assert any(c.startswith(negation) for c in contents), contents


@pytest.mark.parametrize(
    ("text", "start", "flags"),
    [(v, s, f) for t, c, f in FLAGS for v, s in _swap(t, c)],
)
def test_flags_tell_what_the_speaker_did_not_vouch_for(
    text: str, start: str, flags: tuple[str, ...]
) -> None:
    found = [q for q in quotes_of(text) if q.content.text.startswith(start)]
    assert found, [q.content.text for q in quotes_of(text)]
    assert found[0].flags == flags
