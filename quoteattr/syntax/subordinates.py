"""Where a statement reported inside a subordinate or relative clause must end.

A cue inside ``Bien que tous aient nié avoir su, la cour les a condamnés`` or ``Le syndicat, qui
affirme que la grève est suivie, appelle …`` reports words of its own clause only: the parse's
subtree of a relative or preposed clause, or, whatever the parser made of ``bien que``, the comma
before the main clause's subject and verb. An aside set off by commas between a verb of saying
and its ``que`` is no content (:func:`aside_end`).

Example:
    >>> from quoteattr.syntax.subordinates import own_clause_end   # doctest: +SKIP
"""

from __future__ import annotations

from quoteattr.syntax.clauses import finite_next, sentence_bounds
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.text.french import CLITICS_BEFORE_VERB, QUE, SUBORDINATORS_BEFORE_QUE

__all__ = ["aside_end", "own_clause_end"]


def own_clause_end(ctx: Context, cue: CueMatch, start: int, last: int) -> int:
    """One past the last word the reported clause may reach: the end of the cue's own clause
    when that clause is a relative (``Le syndicat, qui affirme que A, appelle …``) or is set
    before the clause it depends on (``Bien que tous aient nié avoir su, la cour …``): the
    content is inside it. Else the sentence's end ``last``.

    Example:
        >>> # "Bien que tous aient nié avoir su, la cour …" → the index of the comma
    """
    words = ctx.parsed.words
    verb = words[cue.word]
    relative = verb.deprel == "acl:relcl"
    preposed = verb.rel in ("advcl", "acl") and verb.head > verb.index
    if relative or preposed:
        end = ctx.parsed.subtree(verb.index)[-1] + 1
        if start < end < last and words[end].text == ",":
            return end  # the clause is set off by its comma
    first, _last = sentence_bounds(ctx, cue)
    opener = words[first].norm
    subordinate = opener in _OPENING_SUBORDINATORS or (
        opener in SUBORDINATORS_BEFORE_QUE and first + 1 < last and words[first + 1].norm in QUE
    )
    participle = (
        any(  # "Interrogée par une journaliste lui demandant comment …, la championne"
            w.norm.endswith("ant") and w.upos in ("VERB", "AUX")
            for w in words[cue.first : cue.word + 1]
        )
        and not any(w.feats.get("VerbForm") == "Fin" for w in words[first : cue.first])
    )
    if participle:
        subordinate = True
    elif not subordinate or any(w.text == "," for w in words[first : cue.word]):
        return last
    for i in range(start + 1, last):  # whatever the parse: the comma before the main clause
        if words[i].text == "," and _main_clause_at(ctx, i + 1, last):
            return i
    return last


_OPENING_SUBORDINATORS = frozenset(
    {"si", "s'", "quand", "lorsque", "lorsqu'", "puisque", "puisqu'"}
)
"""Conjunctions that open a sentence with a subordinate clause, closed by a comma."""


def _main_clause_at(ctx: Context, i: int, last: int) -> bool:
    """A subject (a noun phrase or a pronoun) and its finite verb start at ``i``: ``…, la cour
    l'a annulée``; not ``…, votée en mai, était juste`` (no subject)."""
    words = ctx.parsed.words
    j = i
    while j < last and j - i < 5 and words[j].upos in ("DET", "NOUN", "PROPN", "PRON", "ADJ"):
        if words[j].norm in CLITICS_BEFORE_VERB and j > i:
            break
        j += 1
    return j > i and finite_next(ctx, j, last)


_ASIDE_WORDS = 25
"""How long an aside between commas may be between a verb of saying and its ``que``."""


def aside_end(ctx: Context, comma: int, last: int) -> int | None:
    """The comma that closes an aside opened by the comma at ``comma`` when ``que`` follows it
    (``a rappelé, lors d'un déplacement à Lille, que …``, ``a répété, comme il l'avait fait
    durant la campagne, que …``); None when no such comma comes, or a sentence mark first.

    Example:
        >>> # "a rappelé, lors d'un déplacement à Lille, que …" → the index of the second comma
    """
    words = ctx.parsed.words
    for j in range(comma + 1, min(comma + 1 + _ASIDE_WORDS, last - 1)):
        if words[j].text in (".", ";", ":", "?", "!") or ctx.is_mark(words[j]):
            return None
        if words[j].text == ",":
            return j if words[j + 1].norm in QUE else None
    return None
