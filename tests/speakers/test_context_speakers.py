"""Quoted words no sentence attributes take the speaker the article quoted just before (issue 17).

GUIDELINES: quoted words presented as someone's words without a reporting verb in their sentence
are ``mixed``, with no speaker mention and the ``speaker_name`` the context gives. The name is
the last named speaker of the same or the previous paragraph; with none, the quote keeps no name
rather than a guess. Our own short articles, both apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of

from quoteattr.records import QuoteKind, SpeakerVia

CASES: list[tuple[str, str, str | None]] = [
    # (text, quoted words, the name they take or None)
    (
        "Le collectif Bassines Non Merci appelle à manifester samedi à Niort. Au programme, « un "
        "pique-nique militant » et des « prises de parole en soutien aux blessés ».",
        "prises de parole en soutien aux blessés",
        "Bassines Non Merci",
    ),
    (
        "Le syndicat Force Ouvrière a annoncé une grève pour jeudi. En ligne de mire, des "
        "« salaires gelés depuis trois ans ».",
        "salaires gelés depuis trois ans",
        "Force Ouvrière",
    ),
    (
        "« Nous ne lâcherons rien », a lancé Awa Diallo devant l'usine.\n\nEn cause depuis des "
        "mois, des cadences « qui épuisent les salariés » et des primes jamais versées.",
        "qui épuisent les salariés",
        "Awa Diallo",
    ),
    # nobody quoted before, or too far back: no name
    (
        "Il pleuvait sur la ville depuis l'aube. Les habitants parlaient d'« une ville fantôme ».",
        "une ville fantôme",
        None,
    ),
    (
        "« Nous ne lâcherons rien », a lancé Awa Diallo devant l'usine.\n\nLe site emploie 300 "
        "personnes.\n\nLa région a connu un hiver rude.\n\nLe ciel y était « d'un gris de plomb » tout "
        "le mois.",
        "d'un gris de plomb",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [(v, w, n) for t, w, n in CASES for v in both_apostrophes(t)],
)
def test_unattributed_words_take_the_speaker_of_their_context(
    text: str, words: str, name: str | None
) -> None:
    found = [q for q in quotes_of(text) if q.content.text.replace("’", "'") == words]
    assert found, [q.content.text for q in quotes_of(text)]
    quote = found[0]
    assert quote.kind is QuoteKind.MIXED
    assert quote.rule in ("unattributed", "previous_speaker")  # no rule of its sentence
    if name is None:
        assert quote.speaker is None
    else:
        assert quote.speaker is not None and quote.speaker.mention is None
        assert quote.speaker.name == name and quote.speaker.via is SpeakerVia.CONTINUATION
