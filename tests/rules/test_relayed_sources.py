"""Sources the writer relays with the impersonal ``on`` (issue 18 §4, GUIDELINES: relayed and
nested sources).

``…, a-t-on appris de source policière``, ``…, apprend-on auprès du parquet``, ``…, lit-on dans un
communiqué de la préfecture``: the named source speaks (a document's author when it names one),
the verb is the cue (``data/relay_verbs.txt``). ``Selon l'AFP, X a soutenu que …`` gives both
levels. Our own sentences, several outlets' styles, both apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import quotes_of, rows_with_both_apostrophes

from quoteattr.records import QuoteKind

CASES: list[tuple[str, str, str, str]] = [
    # (text, content, speaker name, cue)
    (
        "Le suspect a été placé en garde à vue, a-t-on appris de source policière.",
        "Le suspect a été placé en garde à vue",
        "source policière",
        "a-t-on appris",
    ),
    (
        "Deux mineurs ont été interpellés jeudi, a-t-on appris auprès du parquet de Lyon.",
        "Deux mineurs ont été interpellés jeudi",
        "parquet de Lyon",
        "a-t-on appris",
    ),
    (
        "Les négociations sont suspendues, lit-on dans le communiqué du syndicat.",
        "Les négociations sont suspendues",
        "syndicat",
        "lit-on",
    ),
    (
        "Trois personnes ont été arrêtées, rapporte l'agence Belga.",
        "Trois personnes ont été arrêtées",
        "Belga",
        "rapporte",
    ),
]


def _norm(s: str | None) -> str | None:
    return s.replace("’", "'") if s else s


@pytest.mark.parametrize(("text", "content", "name", "cue"), rows_with_both_apostrophes(CASES))
def test_the_relayed_source_speaks(text: str, content: str, name: str, cue: str) -> None:
    found = [q for q in quotes_of(text) if _norm(q.content.text) == _norm(content)]
    assert found, [q.content.text for q in quotes_of(text)]
    assert _norm(found[0].speaker_name) is not None
    assert name in (_norm(found[0].speaker_name) or "")
    assert found[0].cue is not None and found[0].cue.span.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "Le bilan s'est encore alourdi, apprend-on.",
        "Il a appris la nouvelle à la radio.",
        "Elle lit un communiqué de la préfecture devant les caméras.",
    ],
)
def test_no_source_named_no_speaker(text: str) -> None:
    for quote in quotes_of(text):
        assert quote.speaker_name is None or quote.kind is not QuoteKind.INDIRECT


def test_a_source_and_the_speaker_it_reports_are_both_listed() -> None:
    text = "Selon l'AFP, le ministre a soutenu que la réforme était nécessaire."
    found = {(q.kind, _norm(q.speaker_name)) for q in quotes_of(text)}
    assert (QuoteKind.ACCORDING_TO, "l'AFP") in found
    assert (QuoteKind.INDIRECT, "le ministre") in found
