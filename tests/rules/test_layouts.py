"""Quotes signed by their layout: captions, headlines, pull quotes (issue 18 §5).

``« … », Nom.`` and ``« … » (Nom, fonction)``: the name signs the quote, with no cue (GUIDELINES:
headlines and captions). A verb after the mark makes an incise; a lone capitalised word, a
pronoun or a clause signs nothing. Our own sentences, several outlets' styles, both apostrophes,
both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import quotes_of, rows_with_both_apostrophes

CASES: list[tuple[str, str, str | None, str]] = [
    # (text, content, speaker name, rule)
    ("« Nous irons jusqu'au bout », Philippe Martinez.", "Nous irons jusqu'au bout",
     "Philippe Martinez", "caption_after"),
    ("« La paix est possible » (Antonio Guterres, secrétaire général de l'ONU)",
     "La paix est possible", "Antonio Guterres", "caption_after"),
    ("Grève : « On ne lâchera rien », Sophie Binet, secrétaire générale de la CGT",
     "On ne lâchera rien", "Sophie Binet", "caption_after"),
    ("« Le climat n'attend pas » (Greta Thunberg)", "Le climat n'attend pas", "Greta Thunberg",
     "caption_after"),
    # a verb after the mark: an incise, not a caption
    ("« Nous irons jusqu'au bout », a dit Philippe Martinez.", "Nous irons jusqu'au bout",
     "Philippe Martinez", "incise_after"),
    # a single capitalised word signs nothing
    ("« Il faut tenir », Paris.", "Il faut tenir", None, "unattributed"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "name", "rule"), rows_with_both_apostrophes(CASES))
def test_a_caption_signs_its_quote(text: str, content: str, name: str | None, rule: str) -> None:
    found = [q for q in quotes_of(text) if q.content.text == content]
    assert found, [q.content.text for q in quotes_of(text)]
    assert found[0].speaker_name == name
    assert found[0].rule == rule
    if rule == "caption_after":
        assert found[0].cue is None


INTERVIEWS = [
    (
        "Entretien avec la maire de Lille.\n\n"
        "Le Journal : Pourquoi avoir fermé le parc ?\n\n"
        "Martine Aubry : Parce que la sécurité des enfants passe avant tout.\n\n"
        "Le Journal : Rouvrira-t-il ?\n\n"
        "Martine Aubry : Oui, dès que les travaux seront finis. Comme le dit mon adjoint, "
        "« rien ne presse ».",
        "Martine Aubry",
    ),
    (
        "Trois questions à l'entraîneur.\n"
        "Question : Comment jugez-vous la saison ?\n"
        "M. Dubois : Elle a été longue, mais l'équipe a tenu.\n"
        "Question : Et l'an prochain ?\n"
        "M. Dubois : On visera le titre.",
        "Dubois",
    ),
]


@pytest.mark.parametrize(("text", "name"), INTERVIEWS)
def test_an_interviews_answers_are_its_guests_words(text: str, name: str) -> None:
    found = quotes_of(text)
    assert len(found) == 2, [q.content.text for q in found]  # the questions are not listed
    for quote in found:
        assert quote.rule == "interview_turn"
        assert quote.speaker_name == name
        assert quote.cue is not None and quote.cue.span.text == ":"
        assert not quote.content.text.endswith("?")


POSTS = [
    ("Le message a été vu des milliers de fois.\nCe soir, je pense à toutes les familles touchées. "
     "— Emmanuel Macron (@EmmanuelMacron) 3 décembre 2026", "Emmanuel Macron"),
    ("Le ministre a réagi sur X.\nNous ne laisserons pas faire.\n"
     "— Gabriel Attal (@GabrielAttal) 12 mars 2024", "Gabriel Attal"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name"), POSTS)
def test_an_embedded_post_is_signed_by_its_author(text: str, name: str) -> None:
    [quote] = quotes_of(text)
    assert (quote.rule, quote.speaker_name, quote.cue) == ("post_signature", name, None)
