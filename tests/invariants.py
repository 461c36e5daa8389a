"""Reusable checks of the public offset contract, shared by the reliability tests.

:func:`check_invariants` asserts everything that must hold for any text and
any result of :func:`quoteattr.extract`: every span points at the exact
characters it carries, lies inside the input, a quote's content lies inside
its marks, and the sentence / paragraph indexes agree with the text.

:func:`long_document` builds a long article from the seed article's
paragraphs joined by varied paragraph separators.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from quoteattr.records import Cue, Quote, QuotedSpan, Span, Speaker
from quoteattr.syntax.parse import ParsedText
from quoteattr.text.marks import paragraph_spans

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_edc37f481cdcf508.txt"

OPENING_MARKS = frozenset({*'«“”„‹‘"—–―', "<<", ""})
"""What ``Quote.open_mark`` may hold (the empty span: an opening mark lost in the text)."""
CLOSING_MARKS = frozenset({*'»”“›’"', ">>"})
"""What ``Quote.close_mark`` may hold (a mismatched closer included: « … ”)."""

SEPARATORS = ("\n\n", "\n", "\r\n", "\r\n\r\n", "\n \n", "\n\t\n", "\u2029", "\n\u00a0\n", "\n\n\n")
"""Paragraph separators used between repeated paragraphs (all are line breaks)."""


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    text = seed_text()
    return [text[s:e] for s, e in paragraph_spans(text)]


def long_document(size: int, paragraphs: Sequence[str] | None = None) -> str:
    """About ``size`` characters of the seed's paragraphs with varied separators."""
    paras = list(paragraphs) if paragraphs is not None else seed_paragraphs()
    out: list[str] = []
    total = 0
    for n, (para, sep) in enumerate(zip(itertools.cycle(paras), itertools.cycle(SEPARATORS))):
        if total >= size:
            break
        piece = (sep if n else "") + para
        out.append(piece)
        total += len(piece)
    return "".join(out)


def check_span(text: str, span: Span | None, what: str) -> None:
    """``span`` is None or points at exactly its text inside ``text``."""
    if span is None:
        return
    assert isinstance(span, Span), (what, span)
    assert 0 <= span.start <= span.end <= len(text), (what, span, len(text))
    assert text[span.start : span.end] == span.text, (what, span, text[span.start : span.end])


def _spans_of(quote: Quote) -> Iterable[tuple[str, Span | None]]:
    yield "content", quote.content
    yield "open_mark", quote.open_mark
    yield "close_mark", quote.close_mark
    cue: Cue | None = quote.cue
    if cue is not None:
        yield "cue", cue.span
    speaker: Speaker | None = quote.speaker
    if speaker is not None:
        yield "speaker.mention", speaker.mention
        yield "speaker.resolved_from", speaker.resolved_from


def paragraph_of(paragraphs: Sequence[tuple[int, int]], char: int) -> int:
    """Index of the paragraph holding ``char`` (the first one ending after it)."""
    ends = [end for _start, end in paragraphs]
    return min(bisect.bisect_right(ends, char), max(len(paragraphs) - 1, 0))


def check_invariants(text: str, quotes: Sequence[Quote], parsed: ParsedText | None = None) -> None:
    """Assert the offset contract of ``quotes`` (an :func:`extract` result) over ``text``.

    ``parsed`` is the parse the quotes come from, when the caller has it: the
    sentence index must then name a sentence of that parse that touches the
    content.
    """
    sentences = len(parsed.sentences) if parsed is not None else None
    if hasattr(quotes, "text") and quotes.text is not None:  # a QuoteList
        assert quotes.text == text
    paragraphs = paragraph_spans(text)
    if not text.strip():
        assert list(quotes) == []
    previous: Quote | None = None
    for quote in quotes:
        assert isinstance(quote, Quote), quote
        for what, span in _spans_of(quote):
            check_span(text, span, what)
        content = quote.content
        if quote.open_mark is not None:
            # one mark, ASCII << or, for a quote whose opening mark was lost, nothing at its start
            assert quote.open_mark.text in OPENING_MARKS, quote.open_mark
            assert quote.open_mark.end <= content.start, quote
            if not quote.open_mark.text:
                assert quote.open_mark.start == content.start, quote
        if quote.close_mark is not None:
            assert quote.close_mark.text in CLOSING_MARKS, quote.close_mark
            assert content.end <= quote.close_mark.start, quote
            if quote.open_mark is not None:
                assert quote.open_mark.end <= quote.close_mark.start, quote
        assert content.text == content.text.strip() or not content.text, quote
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.rule
        assert quote.sentence >= 0 and quote.paragraph >= 0
        if parsed is not None and parsed.sentences:
            assert quote.sentence < len(parsed.sentences), (quote, sentences)
            sentence = parsed.sentences[quote.sentence]
            assert sentence.start <= content.end and content.start <= sentence.end, (
                quote,
                text[sentence.start : sentence.end],
            )
        elif parsed is not None:
            assert quote.sentence == 0
        if paragraphs:
            assert quote.paragraph < len(paragraphs), quote
            if content.text:
                assert quote.paragraph == paragraph_of(paragraphs, content.start), (
                    quote,
                    paragraphs[quote.paragraph],
                )
        if quote.speaker is not None:
            name = quote.speaker.name
            assert name is None or (name and name == name.strip()), quote.speaker
        if previous is not None:
            # results are in text order
            assert (previous.content.start, -previous.content.end) <= (
                content.start,
                -content.end,
            ), (previous, quote)
            if content.start > previous.content.start:
                assert quote.sentence >= previous.sentence, (previous, quote)
                assert quote.paragraph >= previous.paragraph, (previous, quote)
        previous = quote


def check_quoted_spans(text: str, found: Sequence[QuotedSpan]) -> None:
    """The offset contract of :func:`quoteattr.find_quotations` results."""
    assert list(found) == sorted(found, key=lambda q: q.open_mark.start)
    for q in found:
        for what, span in (("content", q.content), ("open", q.open_mark), ("close", q.close_mark)):
            check_span(text, span, what)
        assert q.open_mark.end <= q.content.start, q
        if q.close_mark is not None:
            assert q.content.end <= q.close_mark.start, q
        assert q.content.text == q.content.text.strip(), q


def summary(quotes: Iterable[Quote]) -> list[tuple[Any, ...]]:
    """A comparable, hashable summary of a result (for determinism checks)."""
    return [
        (
            q.content.start,
            q.content.end,
            q.kind.value,
            q.rule,
            round(q.confidence, 6),
            q.speaker_name,
            q.speaker.mention if q.speaker is not None else None,
            q.cue,
            q.open_mark,
            q.close_mark,
            q.sentence,
            q.paragraph,
        )
        for q in quotes
    ]
