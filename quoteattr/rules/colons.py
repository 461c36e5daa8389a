"""What stands before a colon that introduces a quote: who speaks there.

``Jean Dupont a déclaré : « … »``, ``comme le précise l'ambassadeur, Jean Morin : « … »``, ``La
porte-parole, Inès Roux, est formelle : « … »``: helpers of the ``colon_before`` sieve
(:mod:`quoteattr.rules.sieves`).

Example:
    >>> "qui" in NOT_SPEAKERS
    True
"""

from __future__ import annotations

from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.mentions import Mention
from quoteattr.syntax.parse import Word
from quoteattr.syntax.phrases import inverted_after
from quoteattr.text.french import CLITICS_BEFORE_VERB

__all__ = [
    "NOT_SPEAKERS",
    "after_comme",
    "before_colon",
    "copular_attribute",
    "inverted_before_colon",
]

NOT_SPEAKERS = frozenset({"qui", "que", "qu'", "le", "la", "les", "l'", "lui", "leur", "ayant"})
"""Heads of a subject found before a colon that name nobody."""


def after_comme(ctx: Context, cue: CueMatch) -> bool:
    """``comme le précise X``, ``ainsi que l'a expliqué X``: the subject follows the verb."""
    i = cue.first - 1
    words = ctx.parsed.words
    while i >= 0 and words[i].norm in CLITICS_BEFORE_VERB:
        i -= 1
    return i >= 0 and words[i].norm in ("comme", "que")


def inverted_before_colon(ctx: Context, cue: CueMatch, colon: Word) -> Mention | None:
    """``comme le précise l'ambassadeur, Jean Morin : « … »``: the subject after the verb,
    running up to the colon, speaks."""
    words = ctx.parsed.words
    if cue.last + 1 >= colon.index or any(
        w.upos in ("VERB", "AUX") for w in words[cue.last + 1 : colon.index]
    ):
        return None
    mention = inverted_after(ctx, cue)
    if mention is None:
        return None
    end = max(mention.end, mention.name[1] if mention.name else 0)
    return mention if not ctx.text[end : colon.start].strip(" ,") else None


def before_colon(ctx: Context, mention: Mention, colon: Word, *, role: bool = False) -> bool:
    """A subject found for the clause before a colon lies before it and is no pronoun that
    names nobody (``qui`` unresolved, ``le``, ``leur``). ``role``: the clause has no cue verb,
    so an object or an oblique the parse fell back on is no speaker either (``la maîtresse vit
    le petit menton tuméfié :``); ``narration_before`` then reads the parse alone."""
    head = ctx.parsed.words[mention.head]
    if mention.end > colon.start or head.norm in NOT_SPEAKERS:
        return False
    if role and head.rel in ("obj", "iobj"):
        return False
    agent = any(w.norm == "par" for w in ctx.parsed.kids(head.index, "case"))
    return not (role and head.rel == "obl" and not agent)


def copular_attribute(ctx: Context, first: int, colon: int) -> Word | None:
    """The adjective of a copular clause before the colon (``X est formelle :``): its subject
    speaks.

    Example:
        >>> # "La porte-parole, Inès Roux, est formelle :" → the word "formelle"
    """
    for w in reversed(ctx.parsed.words[first:colon]):
        if w.upos == "ADJ" and any(c.lemma == "être" for c in ctx.parsed.kids(w.index, "cop")):
            return w
    return None
