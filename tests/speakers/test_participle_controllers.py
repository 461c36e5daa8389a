"""Who speaks in a participle that follows an incise (issue 17 §2, GUIDELINES: the controller of
a participle cue).

``…, a indiqué la préfecture, précisant que …``: the participle's controller is the incise's
speaker, not the subject of the clause before it (often no speaker at all). A verb after a quote
is no incise when it is negated (``qu'« aucun incident » n'était à déplorer``): the quote
belongs to the que-clause it opens. Our own sentences, several outlets' styles, both
apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import quotes_of, rows_with_both_apostrophes

CASES: list[tuple[str, str, str, str]] = [
    # (text, content the record starts with, speaker name, cue)
    (
        "Le rassemblement s'est dispersé dans le calme, a indiqué la préfecture, précisant "
        "qu'« aucun incident » n'était à déplorer.",
        "aucun incident",
        "la préfecture",
        "précisant",
    ),
    (
        "« Nous ne céderons pas », a déclaré M. Lenoir, ajoutant que « le gouvernement attend "
        "la reprise des négociations ».",
        "le gouvernement attend",
        "Lenoir",
        "ajoutant",
    ),
    (
        "La grève continue, a expliqué mercredi le porte-parole du syndicat, Marc Dubois, "
        "ajoutant que la direction refusait tout dialogue.",
        "la direction refusait",
        "Marc Dubois",
        "ajoutant",
    ),
    (
        "Les travaux reprendront lundi, a assuré l'entreprise Vinci, soulignant qu'aucun "
        "retard n'était à prévoir.",
        "aucun retard",
        "Vinci",
        "soulignant",
    ),
]


def _norm(s: str | None) -> str | None:
    return s.replace("’", "'") if s else s


@pytest.mark.parametrize(("text", "content", "name", "cue"), rows_with_both_apostrophes(CASES))
def test_the_participle_speaks_for_the_incise_speaker(
    text: str, content: str, name: str, cue: str
) -> None:
    found = [q for q in quotes_of(text) if q.content.text.startswith(content)]
    assert found, [q.content.text for q in quotes_of(text)]
    for quote in found:
        assert _norm(quote.speaker_name) == _norm(name), quote
        assert quote.cue is not None and quote.cue.span.text == cue
