"""Quoted spans placed in the parse: the candidates the quote rules attribute.

Example:
    >>> Candidate.__name__
    'Candidate'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from quoteattr.records import QuotedSpan
from quoteattr.rules.registry import Attribution
from quoteattr.syntax.context import Context

__all__ = ["Candidate", "History", "Sieve", "candidates"]


@attrs.define(slots=True, eq=False)
class Candidate:
    """A quoted span placed in the parse."""

    span: QuotedSpan
    first: int | None
    """First word inside the content, or None when no word lies inside."""
    last: int | None
    sentence: int
    paragraph: int


History = Sequence[tuple[Candidate, Attribution]]
Sieve = Callable[[Context, Candidate, History], "Attribution | None"]


def candidates(ctx: Context) -> list[Candidate]:
    """Place every quoted span of the document in the parse.

    Example:
        >>> [c.span.content.text for c in candidates(ctx)]     # doctest: +SKIP
        ['espérer', 'commentaires baroques et menaçants']
    """
    out = []
    for span in ctx.quotations:
        inside = ctx.words_between(span.content.start, span.content.end)
        first = inside[0] if len(inside) else None
        last = inside[-1] if len(inside) else None
        anchor = first if first is not None else ctx.word_at(span.open_mark.start)
        sentence = ctx.parsed.words[anchor].sentence if anchor is not None else 0
        out.append(Candidate(span, first, last, sentence, _paragraph(ctx, span.content.start)))
    return out


def _paragraph(ctx: Context, char: int) -> int:
    """Index of the paragraph that holds ``char`` (binary search)."""
    paragraphs = ctx.parsed.paragraphs
    lo, hi = 0, len(paragraphs)
    while lo < hi:
        mid = (lo + hi) // 2
        if paragraphs[mid][1] <= char:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, max(len(paragraphs) - 1, 0))
