"""Speaker resolution from stored parses (no model): canonical names, pronouns and role nouns
resolved to the person the document names, never to a word inside a quotation."""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of

# (text, the quote's content, the resolved speaker name)
RESOLVED = [
    ("Le maire, Paul Girard, a reçu les commerçants. « Personne ne sera oublié », a-t-il promis.", "Personne ne sera oublié", "Paul Girard"),
    ("La ministre du Travail, Claire Dumas, a rencontré les syndicats mardi. Le lendemain, la ministre a annoncé que la réforme serait reportée.",
     "la réforme serait reportée", "Claire Dumas"),
    ("Le député Paul Roux a interpellé le gouvernement. La ministre a répondu que le budget serait voté.", "le budget serait voté", "la ministre"),
    ("Le ministre de la Justice Alberto Ruiz a défendu le texte. Selon lui, « la vie doit être protégée ».", "la vie doit être protégée", "Alberto Ruiz"),
    ("« Le budget sera tenu » a assuré Claire Dumas. « Nous ne lâcherons rien », a-t-elle ajouté.", "Nous ne lâcherons rien", "Claire Dumas"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (t, c.replace("'", "’") if t != text else c, n)
        for text, c, n in RESOLVED
        for t in both_apostrophes(text)
    ],
)
def test_resolved_name(text: str, content: str, name: str) -> None:
    [quote] = [q for q in quotes_of(text) if q.content.text == content]
    assert quote.speaker is not None and quote.speaker_name == name
