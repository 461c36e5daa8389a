"""Web typography is cleaned before marks and parsing, and every record still reads the user's text.

The rules run on a same-length copy (:mod:`quoteattr.text.normalise`); the records' spans are
read from the string the user gave, so ``text[q.content.start:q.content.end] == q.content.text``
holds for every span, byte-order marks and no-break spaces included. A surface tokenizer stands
in for Stanza (no model needed).
"""

from __future__ import annotations

import pytest
from fake_nlp import SurfacePipeline

import quoteattr
from quoteattr.records import QuoteKind

CASES = [
    # (text, quoted words, kind)
    (
        "\ufeff« Nous ne céderons pas », a déclaré la ministre.",
        "Nous ne céderons pas",
        QuoteKind.DIRECT,
    ),
    ("''Nous ne céderons pas'', a déclaré la ministre.", "Nous ne céderons pas", QuoteKind.DIRECT),
    (
        "‘‘Le pont rouvrira en mai’’, a annoncé le maire.",
        "Le pont rouvrira en mai",
        QuoteKind.DIRECT,
    ),
    (
        "<<Nous ne lâcherons rien>>, a déclaré l´entraîneur.",
        "Nous ne lâcherons rien",
        QuoteKind.DIRECT,
    ),
    (
        "« Nous ne\u00a0lâcherons rien ”, a déclaré la syndicaliste.",
        "Nous ne\u00a0lâcherons rien",
        QuoteKind.DIRECT,
    ),
]


def _spans(quote: quoteattr.Quote) -> list[quoteattr.Span]:
    spans = [quote.content, quote.open_mark, quote.close_mark]
    if quote.cue is not None:
        spans.append(quote.cue.span)
    if quote.speaker is not None:
        spans += [quote.speaker.mention, quote.speaker.resolved_from]
    return [s for s in spans if s is not None]


@pytest.mark.parametrize(("text", "words", "kind"), CASES)
def test_web_typography_gives_the_quote_and_keeps_the_users_text(
    text: str, words: str, kind: QuoteKind
) -> None:
    quotes = quoteattr.extract(text, pipeline=SurfacePipeline())
    found = [q for q in quotes if q.content.text.strip() == words]
    assert found and found[0].kind is kind, [(q.content.text, q.kind) for q in quotes]
    for quote in quotes:
        for span in _spans(quote):
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("<<Nous ne lâcherons rien>>, a déclaré l'entraîneur.", ("<<", ">>")),
        ("''Nous ne céderons pas'', a déclaré la ministre.", ("''", "''")),
    ],
)
def test_a_mark_typed_as_two_characters_spans_both(text: str, marks: tuple[str, str]) -> None:
    [quote] = [q for q in quoteattr.extract(text, pipeline=SurfacePipeline()) if q.open_mark]
    assert quote.open_mark is not None and quote.close_mark is not None
    assert (quote.open_mark.text, quote.close_mark.text) == marks
