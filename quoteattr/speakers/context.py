"""Quoted words that no sentence attributes: the speaker the article was quoting just before.

GUIDELINES: "Quoted words presented as someone's words without a reporting verb in their
sentence (a figure or a phrase the article attributes by context): ``mixed``, speaker ``null``,
``speaker_name`` from the context." A mixed quote that no rule attributed
(``rule="unattributed"``) keeps no speaker mention and takes the name of the last record with a
named speaker in its paragraph or the one before (``Speaker.via == "continuation"``, no
mention): ``Le collectif appelle à manifester samedi. Au programme, « un pique-nique
militant ».`` The record stays ``unattributed`` with that rule's low confidence: the name is the
article's context, not the sentence's grammar. Direct quotes are the quote rules' to continue
(``previous_speaker``, ``previous_sentence``).

Example:
    >>> context_speakers([])
    []
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quoteattr.records import Quote, QuoteKind, Speaker, SpeakerVia
from quoteattr.rules.registry import UNATTRIBUTED

__all__ = ["context_speakers"]

_PARAGRAPHS_BACK = 1
"""How many paragraphs back the context speaker may have been named."""


def context_speakers(quotes: Sequence[Quote]) -> list[Quote]:
    """The records in text order, unattributed mixed quotes given the name of the speaker
    quoted last before them (same or previous paragraph).

    Example:
        >>> [q.speaker_name for q in context_speakers(quotes)]   # doctest: +SKIP
        ['le collectif', 'le collectif']
    """
    out: list[Quote] = []
    last: Quote | None = None
    for quote in sorted(quotes, key=lambda q: (q.content.start, -q.content.end)):
        if (
            quote.rule == UNATTRIBUTED
            and quote.kind is QuoteKind.MIXED
            and quote.speaker is None
            and last is not None
            and last.speaker is not None
            and last.speaker.name is not None
            and 0 <= quote.paragraph - last.paragraph <= _PARAGRAPHS_BACK
        ):
            prior = last.speaker
            quote = attrs.evolve(
                quote,
                speaker=Speaker(
                    None,
                    prior.name,
                    prior.kind,
                    prior.mention or prior.resolved_from,
                    via=SpeakerVia.CONTINUATION,
                ),
            )
        elif quote.speaker is not None and quote.speaker.name is not None:
            last = quote
        out.append(quote)
    return out
