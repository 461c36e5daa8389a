"""Interview transcripts: ``Nom : réponse`` paragraphs (issue 18 §5). Model-free."""

from __future__ import annotations

import pytest

from quoteattr.text.interviews import INTERVIEW_STYLE, interview_turns

INTERVIEW = (
    "Entretien avec la maire.\n\n"
    "Le Journal : Pourquoi avoir fermé le parc ?\n\n"
    "Martine Aubry : Parce que la sécurité des enfants passe avant tout.\n\n"
    "Le Journal : Rouvrira-t-il ?\n\n"
    "Martine Aubry : Oui, dès que les travaux seront finis."
)


def test_the_answers_are_turns_and_the_questions_are_not() -> None:
    turns = interview_turns(INTERVIEW)
    assert [(t.content.text, label) for t, label in turns] == [
        ("Parce que la sécurité des enfants passe avant tout.", "Martine Aubry"),
        ("Oui, dès que les travaux seront finis.", "Martine Aubry"),
    ]
    for turn, _label in turns:
        assert turn.style == INTERVIEW_STYLE
        assert INTERVIEW[turn.content.start : turn.content.end] == turn.content.text
        assert turn.open_mark.start == turn.open_mark.end == turn.content.start
        assert turn.close_mark is None


@pytest.mark.parametrize(
    "text",
    [
        # headlines with a colon: no one asks
        "Mali : la junte annonce des élections.\nSénégal : le président dissout l'Assemblée.\n"
        "Niger : le général promet un calendrier.",
        # one labelled line is no transcript
        "Paul Roux : « Nous tiendrons. »",
        # everyone asks: no one answers
        "Q : Pourquoi ?\nPaul : Vraiment ?\nQ : Et demain ?",
        "",
    ],
)
def test_no_transcript_no_turns(text: str) -> None:
    assert interview_turns(text) == []


def test_a_quoted_answer_is_left_to_the_marks() -> None:
    text = "Q : Pourquoi ?\nM. Roux : « Parce que. »\nQ : Et demain ?\nM. Roux : On verra."
    assert [(t.content.text, label) for t, label in interview_turns(text)] == [
        ("On verra.", "M. Roux")
    ]


def test_both_apostrophes_in_labels() -> None:
    for apostrophe in ("'", "’"):
        text = (
            f"Q : Pourquoi ?\nAwa N{apostrophe}Diaye : Parce que.\n"
            f"Q : Et demain ?\nAwa N{apostrophe}Diaye : On verra."
        )
        assert [label for _t, label in interview_turns(text)] == [f"Awa N{apostrophe}Diaye"] * 2
