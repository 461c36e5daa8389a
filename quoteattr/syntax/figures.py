"""Quantity phrases: the figure a source vouches for (``30 000 selon la police``).

News reports give estimates with their source right after the figure: ``ils étaient 12 000
selon la police, 40 000 selon les syndicats``; ``des dizaines d'hôpitaux – 80 d'après le
collectif``; ``entre 15 000 (selon la police) et 50 000 personnes (selon la CGT)``. Such a
source covers the figure, not the whole sentence. :func:`figure_before` finds the quantity
phrase that ends right before a word and tells what stands before it (a punctuation mark or a
coordinator when the figure is apposed or paired, the sentence start, or a word of the clause).

Example:
    >>> sorted(QUANTITY_NOUNS)[:2]
    ['centaine', 'dizaine']
"""

from __future__ import annotations

import enum

import attrs

from quoteattr.syntax.context import Context
from quoteattr.syntax.parse import Word

__all__ = ["QUANTITY_NOUNS", "Figure", "FigureEdge", "figure_before"]

QUANTITY_NOUNS = frozenset({"centaine", "dizaine", "millier", "million", "milliard", "vingtaine"})
"""Nouns that count like numbers (``des milliers selon les organisateurs``)."""

_INSIDE = frozenset({"de", "d'", "à", "et", "entre", "près", "plus", "moins", "environ"})
"""Words a quantity phrase holds around its numbers (``près de 200``, ``6 000 à 8 000``)."""
_LEADING = frozenset({"de", "d'", "à", "et"})
"""Words a quantity phrase does not start with once its edge is found."""
_DELIMITERS = frozenset({",", "–", "—", "-", "(", ":", ";"})
_MAX_WORDS = 7


class FigureEdge(enum.Enum):
    """What stands before a quantity phrase."""

    APPOSED = "apposed"
    """A punctuation mark or a coordinator: the figure is set apart or paired."""
    INITIAL = "initial"
    """The start of the sentence."""
    EMBEDDED = "embedded"
    """A word of the clause (``ont évacué 230 personnes``): the figure is its object."""


@attrs.frozen(slots=True)
class Figure:
    """A quantity phrase ``[first, last]`` (word indexes) and what stands before it."""

    first: int
    last: int
    edge: FigureEdge


def _counts(word: Word) -> bool:
    return word.upos == "NUM" or word.text[:1].isdigit() or word.lemma.lower() in QUANTITY_NOUNS


def figure_before(ctx: Context, end: int, first: int) -> Figure | None:
    """The quantity phrase whose last word is ``end`` (sentence starting at ``first``).

    A quantity phrase is a few words holding a number (or a counting noun), with its noun and
    adjectives after it and ``près de``, ``plus de``, ``entre``, ``à``, ``et`` around it.

    Example:
        >>> # "…, 30 000 personnes selon …" with end = "personnes" → Figure(…, APPOSED)
    """
    words = ctx.parsed.words
    i = end
    seen_number = False
    while i >= first and end - i < _MAX_WORDS:
        w = words[i]
        if _counts(w):
            seen_number = True
        elif w.upos in ("NOUN", "ADJ") and not seen_number:
            pass  # "personnes", "manifestants supplémentaires": after the number
        elif w.upos == "DET" and seen_number:
            pass  # "des milliers", "quelques centaines", "les 30 000"
        elif w.norm not in _INSIDE or (w.norm == "et" and not seen_number):
            break
        i -= 1
    start = i + 1
    while start <= end and words[start].norm in _LEADING:
        start += 1
    if not seen_number or start > end or not _counts_in(words, start, end):
        return None
    before = words[start - 1] if start - 1 >= first else None
    if before is None:
        edge = FigureEdge.INITIAL
    elif before.text in _DELIMITERS or before.upos == "CCONJ":
        edge = FigureEdge.APPOSED
    else:
        edge = FigureEdge.EMBEDDED
    return Figure(start, end, edge)


def _counts_in(words: list[Word], start: int, end: int) -> bool:
    return any(_counts(w) for w in words[start : end + 1])
