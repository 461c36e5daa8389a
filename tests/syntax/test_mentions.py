"""Speaker mentions from stored parses (no model): the mention a rule takes as speaker, and
the name part inside it."""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, stored

from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import find_cues
from quoteattr.syntax.lexicon import default_lexicon
from quoteattr.syntax.phrases import inverted_after
from quoteattr.syntax.subjects import subject
from quoteattr.text.marks import find_quotations

# (sentence, the cue word's lemma, the subject mention's name part or text)
SUBJECTS = [
    ("Marc Lenoir, le président de la région, se dit « très inquiet pour l'emploi ».", "dire", "Marc Lenoir"),
    ("Sophie Marin, la directrice de l'école, a annoncé la fermeture de la cantine.", "annoncer", "Sophie Marin"),
    ("Le ministre de l'Intérieur Gérald Darmant a annoncé la dissolution du groupe.", "annoncer", "Gérald Darmant"),
    ("La correspondante du journal au Caire, Sonia Rami, affirme avoir été agressée.", "affirmer", "Sonia Rami"),
    ("Joji Tanaka, auteur de l'étude ayant fourni ces chiffres, précise tout de même que la prudence reste de mise.", "préciser", "Joji Tanaka"),
    ("L'accord a été salué par le ministre de l'Industrie, Jean Morel, qui a déclaré que la filière était sauvée.", "déclarer", "Jean Morel"),
    ("La préfecture recommande aux usagers la plus grande prudence.", "recommander", "La préfecture"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lemma", "name"),
    [
        (t, lemma, name.replace("'", "’") if t != text else name)
        for text, lemma, name in SUBJECTS
        for t in both_apostrophes(text)
    ],
)
def test_subject_mention(text: str, lemma: str, name: str) -> None:
    [parsed] = stored([text])
    ctx = Context(parsed, find_quotations(text), find_cues(parsed, default_lexicon()))
    [cue] = [c for c in ctx.cues if c.entry.lemma == lemma]
    mention = subject(ctx, cue)
    assert mention is not None
    shown = text[mention.name[0] : mention.name[1]] if mention.name else mention.text(text)
    assert shown == name


@pytest.mark.parametrize(
    ("text", "lemma", "speaker"),
    [
        ("« Les comptes sont dans le rouge », a expliqué au Parisien Thomas Girard.", "expliquer", "Thomas Girard"),
        ("« Aucune décision n'est prise », a précisé jeudi soir 3 mars sur BFMTV le porte-parole du gouvernement.",
         "préciser", "le porte-parole du gouvernement"),
        ("« Ce projet n'a aucun sens », estime pour sa part le maire de Nantes.", "estimer", "le maire de Nantes"),
    ],
)  # fmt: skip
def test_inverted_subject_after_adverbials(text: str, lemma: str, speaker: str) -> None:
    [parsed] = stored([text])
    ctx = Context(parsed, find_quotations(text), find_cues(parsed, default_lexicon()))
    [cue] = [c for c in ctx.cues if c.entry.lemma == lemma]
    mention = inverted_after(ctx, cue)
    assert mention is not None and mention.text(text) == speaker
