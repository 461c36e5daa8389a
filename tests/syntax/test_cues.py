"""Reporting cues from stored parses (no model): the verb group, its polarity and modality,
multiword verbs and sources, and verbs the parser tagged as something else."""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, stored

from quoteattr.syntax.cues import find_cues
from quoteattr.syntax.lexicon import default_lexicon

# (sentence, the cue's text, its lemma, polarity, modality)
CUES = [
    ("Le procureur n'a jamais déclaré que l'enquête était close.", "n'a jamais déclaré", "déclarer", "negated", "asserted"),
    ("Le ministre aurait affirmé que la réforme serait votée.", "aurait affirmé", "affirmer", "positive", "alleged"),
    ("Le président du club s'est dit satisfait de la saison.", "s'est dit", "dire", "positive", "asserted"),
    ("La mairie a fait savoir qu'elle ne financerait plus le festival.", "a fait savoir", "faire savoir", "positive", "asserted"),
    ("Des habitants font état de coupures d'eau répétées.", "font état de", "faire état de", "positive", "asserted"),
    ("De l'avis d'Anne Roux, le chantier prendra deux ans.", "De l'avis d'", "de l'avis de", "positive", "asserted"),
    ("Luc Perret à indiqué par téléphone : « Le mât a cédé dans la nuit. »", "à indiqué", "indiquer", "positive", "asserted"),
    ("La préfecture recommande aux usagers la plus grande prudence.", "recommande", "recommander", "positive", "asserted"),
    ("« Le dossier est clos » indique le procureur de Lyon.", "indique", "indiquer", "positive", "asserted"),
]  # fmt: skip


def _rows(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    out = []
    for row in rows:
        for text in both_apostrophes(row[0]):
            swap = text != row[0]
            out.append((text, *(r.replace("'", "’") if swap else r for r in row[1:])))
    return out


@pytest.mark.parametrize(("text", "cue", "lemma", "polarity", "modality"), _rows(CUES))
def test_cue_group(text: str, cue: str, lemma: str, polarity: str, modality: str) -> None:
    [parsed] = stored([text])
    records = [c.record(parsed) for c in find_cues(parsed, default_lexicon())]
    found = [r for r in records if r.span.text == cue]
    assert found, [r.span.text for r in records]
    record = found[0]
    assert (record.lemma.replace("’", "'"), record.polarity.value, record.modality.value) == (
        lemma.replace("’", "'"),
        polarity,
        modality,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Pour cette raison, « la prudence s'impose » dans ce dossier.",
        "La réunion se tiendra comme prévu.",
    ],
)
def test_no_cue(text: str) -> None:
    [parsed] = stored([text])
    lemmas = [c.entry.lemma for c in find_cues(parsed, default_lexicon())]
    assert "pour" not in lemmas and "prévoir" not in lemmas
