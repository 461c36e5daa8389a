"""Embedded social-media posts: ``texte — Nom (@compte) date`` (issue 18 §5). Model-free."""

from __future__ import annotations

import pytest

from quoteattr.text.layouts import quoted_spans
from quoteattr.text.posts import POST_STYLE, embedded_posts


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        ("Je pense aux familles. — Anne Roy (@anneroy) 3 décembre 2026",
         "Je pense aux familles.", "Anne Roy"),
        ("Le ministre a réagi.\nNous ne laisserons pas faire.\n— Paul Vidal (@PaulVidal) 12 mars",
         "Nous ne laisserons pas faire.", "Paul Vidal"),
        ("Bravo à l’équipe ! – Awa N’Diaye (@awa.ndiaye) 4 juin 2025", "Bravo à l’équipe !",
         "Awa N’Diaye"),
    ],
)  # fmt: skip
def test_a_post_is_its_signers_words(text: str, content: str, name: str) -> None:
    [(span, signer, (sig_start, sig_end))] = embedded_posts(text)
    assert (span.content.text, signer, span.style) == (content, name, POST_STYLE)
    assert text[span.content.start : span.content.end] == content
    assert text[sig_start] in "—–" and sig_end <= len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le président a réagi — sur Twitter.",
        "« Nous tiendrons » — Anne Roy (@anneroy) 3 décembre",  # in marks: the marks' quote
        "Contact : presse@mairie.fr",
        "",
    ],
)
def test_no_post(text: str) -> None:
    assert embedded_posts(text) == []


def test_the_signature_line_is_no_dialogue_line() -> None:
    text = "Le ministre a réagi.\nNous ne laisserons pas faire.\n— Paul Vidal (@PaulVidal) 12 mars"
    assert [(q.style, q.content.text) for q in quoted_spans(text)] == [
        (POST_STYLE, "Nous ne laisserons pas faire.")
    ]
