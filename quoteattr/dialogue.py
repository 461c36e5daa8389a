"""Conversation rules: who speaks the lines of a dialogue that carry no cue of their own.

Fiction and long interviews write most lines without an incise; the reader knows the speaker
from the narration just before the line and from the turns of the conversation. These rules
run after the explicit sieves of :mod:`quoteattr.sieves`, in this order:

1. ``narration_before``  ``Paul se leva. — Je pars.``: the subject of the narration sentence
                         that ends right before the line speaks it.
2. ``previous_speaker``  a floating quote continues the previous speaker.
3. ``dialogue_turn``     cue-less dialogue lines alternate between the two speakers.

Example:
    >>> [r.name for r in quote_rules() if r.name in ("narration_before", "dialogue_turn")]
    ['narration_before', 'dialogue_turn']
"""

from __future__ import annotations

import functools

from quoteattr.context import Context
from quoteattr.french import NOT_SUBJECT_PRONOUNS
from quoteattr.lexicon import role_nouns, word_list
from quoteattr.mentions import Mention, mention_at
from quoteattr.parse import Sentence
from quoteattr.records import MentionKind
from quoteattr.rules import Attribution, register
from quoteattr.sieves import Candidate, History, _utterance

__all__ = [
    "dialogue_turn",
    "narration_before",
    "person_nouns",
    "previous_speaker",
    "standalone",
]

_SENTENCE_END = frozenset({".", "!", "?", "…"})
_SPEAKING_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "je", "j'"})
"""Subject pronouns of narration that can name the next speaker (not ``on``, ``ce``)."""


def standalone(ctx: Context, cand: Candidate) -> bool:
    """The quote is a whole paragraph (a dialogue line or a quoted paragraph).

    A dash before guillemets (``— « Oui. »``) still makes a whole-paragraph line.

    Example:
        >>> # "— Je pars." and "« Je pars. »" alone in their paragraph are standalone
    """
    if cand.span.style == "dash":
        return True
    para = ctx.parsed.paragraphs[cand.paragraph] if ctx.parsed.paragraphs else (0, 0)
    lead = ctx.text[para[0] : cand.span.open_mark.start].strip()
    return lead in ("", "—", "–", "-") and (
        cand.span.close_mark is None or cand.span.close_mark.end >= para[1] - 2
    )


@register("narration_before", "quote")
def narration_before(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """``Paul se leva. — Je pars.``: the narration sentence that ends right before the line
    names who speaks it, as the subject of its main verb.

    The sentence ends with ``.``/``!``/``?``/``…`` (a colon is ``colon_before``'s), holds no
    quotation, and lies in the same paragraph as the quote or, for a line that opens its
    paragraph, in the paragraph just before. Only a name, a description or a personal
    pronoun (``il``, ``elle``, ``je``) counts: ``on`` and ``cela`` name nobody.
    """
    if cand.first is None:
        return None
    prev = ctx.prev_word(cand.span.open_mark.start)
    if prev is None or prev.text not in _SENTENCE_END:
        return None
    gap = ctx.text[prev.end : cand.span.open_mark.start]
    if gap.strip() or gap.count("\n") > 2 or ("\n" in gap and not standalone(ctx, cand)):
        return None
    if ctx.enclosing_quote(prev.start) is not None:
        return None
    sentence = ctx.parsed.sentences[prev.sentence]
    if ctx.quotations_in(sentence):
        return None
    mention = _narration_subject(ctx, sentence)
    if mention is None:
        return None
    return Attribution(None, mention)


def _narration_subject(ctx: Context, sentence: Sentence) -> Mention | None:
    """The subject of the main verb of a narration sentence (or of a verb coordinated with it)."""
    words = ctx.parsed.words
    inside = range(sentence.first, sentence.last)
    roots = [i for i in inside if not sentence.first <= words[i].head < sentence.last]
    for root in roots[:1]:
        verbs = [root, *(w.index for w in ctx.parsed.kids(root, "conj"))]
        for verb in verbs:
            for child in ctx.parsed.kids(verb, "nsubj"):
                if child.deprel != "nsubj" or child.norm in NOT_SUBJECT_PRONOUNS:
                    continue
                mention = mention_at(ctx.parsed, child.index)
                return mention if _person(ctx, mention) else None
    return None


def _person(ctx: Context, mention: Mention) -> bool:
    """A mention that can name a speaker: a personal pronoun, a proper name, a person noun."""
    head = ctx.parsed.words[mention.head]
    if mention.kind is MentionKind.PRONOUN:
        return head.norm in _SPEAKING_PRONOUNS
    if head.upos == "PROPN":
        return True
    return head.norm in person_nouns() or head.lemma.lower() in person_nouns()


@functools.cache
def person_nouns() -> frozenset[str]:
    """Nouns that name a person (``data/person_nouns.txt`` and the roles of ``roles.txt``).

    Example:
        >>> {"vieillard", "ministre"} <= person_nouns()
        True
    """
    return word_list("person_nouns.txt") | role_nouns()


@register("previous_speaker", "quote", continues=True)
def previous_speaker(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """A floating quote continues the previous quote's speaker (same or previous paragraph)."""
    if not history or cand.span.style == "dash":
        return None
    prev_cand, prev = history[-1]
    if prev.mention is None and prev.follows is None:
        return None
    if cand.paragraph - prev_cand.paragraph > 1 or not _utterance(ctx, cand):
        return None
    if (
        standalone(ctx, cand)
        and standalone(ctx, prev_cand)
        and cand.paragraph != prev_cand.paragraph
    ):
        return None  # consecutive dialogue lines: see dialogue_turn
    return Attribution(None, None, follows=_root(prev))


@register("dialogue_turn", "quote", continues=True)
def dialogue_turn(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """A dialogue line without a cue, right after another one: the other speaker answers.

    The candidates are the speakers of the earlier turns of the same dialogue,
    most recent first; the engine picks the first whose resolved name differs
    from the previous turn's speaker.
    """
    if not history or not standalone(ctx, cand):
        return None
    c1, a1 = history[-1]
    if cand.paragraph - c1.paragraph != 1 or not standalone(ctx, c1):
        return None
    earlier: list[Attribution] = []
    paragraph = c1.paragraph
    for c, a in reversed(history[:-1]):
        if paragraph - c.paragraph > 2 or not standalone(ctx, c) or len(earlier) >= 6:
            break
        earlier.append(a)
        paragraph = c.paragraph
    if not earlier:
        return None
    return Attribution(None, None, previous=a1, others=earlier)


def _root(att: Attribution) -> Attribution:
    while att.follows is not None:
        att = att.follows
    return att
