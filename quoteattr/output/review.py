"""The review queue and the claims worth checking: what each record adds for a fact-checker.

* :func:`quote_signals`: the claim signals of a record's content (figures, percentages, money,
  dates and periods, comparisons, causal claims, named entities: :mod:`quoteattr.text.signals`)
  with offsets into the document, so ``text[s.start:s.end] == s.text``;
* :func:`review_fields`: the derived fields every export carries (``needs_review``,
  ``review_reasons``, ``signal_kinds``, ``signals``);
* :func:`review_queue` and :func:`passed_review`: the records that need a human look, and those
  that do not (see :attr:`Quote.review_reasons <quoteattr.records.Quote.review_reasons>` and the
  thresholds :data:`~quoteattr.records.REVIEW_MIN_CONFIDENCE` and
  :data:`~quoteattr.records.REVIEW_MAX_DISTANCE`).

Signals are read from the content alone, deterministically (regular expressions and word
lists, no model), and cached by content text.

Example:
    >>> from quoteattr.records import Quote, Span
    >>> text = "Il a dit que le chômage avait baissé de 3 % en 2023."
    >>> q = Quote(Span.of(text, 13, 51), "indirect", None, None, 0.9, "que_clause")
    >>> [(s.kind.value, s.text, s.start) for s in quote_signals(q)]
    [('comparison', 'avait baissé de', 24), ('percentage', '3 %', 40), ('date', 'en 2023', 44)]
    >>> review_fields(q)["review_reasons"]
    ['no_speaker']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import attrs

from quoteattr.records import Quote
from quoteattr.text.signals import Signal, SignalKind, find_signals

__all__ = [
    "passed_review",
    "quote_signal_kinds",
    "quote_signals",
    "review_fields",
    "review_queue",
]


@functools.lru_cache(maxsize=8192)
def _signals(text: str) -> tuple[Signal, ...]:
    return find_signals(text)


def quote_signals(quote: Quote) -> tuple[Signal, ...]:
    """The claim signals of ``quote.content``, with offsets into the document.

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> text = "« Ça coûtera 15 € », dit-il."
        >>> q = Quote(Span.of(text, 2, 17), "direct", None, None, 0.9, "marks")
        >>> [(s.kind.value, text[s.start:s.end]) for s in quote_signals(q)]
        [('money', '15 €')]
    """
    shift = quote.content.start
    return tuple(
        attrs.evolve(s, start=s.start + shift, end=s.end + shift)
        for s in _signals(quote.content.text)
    )


def quote_signal_kinds(quote: Quote) -> tuple[str, ...]:
    """The distinct kinds of signal in ``quote.content``, in :class:`SignalKind` order.

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> q = Quote(Span(0, 20, "grâce à 2 000 agents"), "direct", None, None, 0.9, "m")
        >>> quote_signal_kinds(q)
        ('figure', 'causal')
    """
    present = {s.kind for s in _signals(quote.content.text)}
    return tuple(kind.value for kind in SignalKind if kind in present)


def review_fields(quote: Quote) -> dict[str, Any]:
    """The derived fields of a record in its JSON shape: review decision and claim signals.

    ``signals`` holds ``{"kind", "start", "end", "text"}`` dicts with document offsets.

    Example:
        >>> from quoteattr.records import Quote, Span, Speaker
        >>> q = Quote(Span(0, 4, "Rien"), "direct", Speaker(None, "Eva Joly"), None, 0.9, "m")
        >>> review_fields(q)
        {'needs_review': False, 'review_reasons': [], 'signal_kinds': [], 'signals': []}
    """
    reasons = quote.review_reasons
    return {
        "needs_review": bool(reasons),
        "review_reasons": list(reasons),
        "signal_kinds": list(quote_signal_kinds(quote)),
        "signals": [
            {"kind": s.kind.value, "start": s.start, "end": s.end, "text": s.text}
            for s in quote_signals(quote)
        ],
    }


def review_queue(quotes: Iterable[Quote]) -> list[Quote]:
    """The records that need a human look before publication, in order.

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> len(review_queue([Quote(Span(0, 3, "Non"), "direct", None, None, 0.9, "m")]))
        1
    """
    return [quote for quote in quotes if quote.needs_review]


def passed_review(quotes: Iterable[Quote]) -> list[Quote]:
    """The records that need no review: a named speaker reached close by, a confident rule,
    no warning flag.

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> passed_review([Quote(Span(0, 3, "Non"), "direct", None, None, 0.9, "m")])
        []
    """
    return [quote for quote in quotes if not quote.needs_review]
