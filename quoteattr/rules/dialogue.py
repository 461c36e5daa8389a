"""Conversation rules: who speaks the lines of a dialogue that carry no cue of their own.

Fiction and long interviews write most lines without an incise; the reader knows the speaker
from the narration just before the line and from the turns of the conversation. These rules
run after the explicit sieves of :mod:`quoteattr.rules.sieves`, in this order:

1. ``narration_before``  ``Paul se leva. — Je pars.``: the subject of the narration sentence
                         that ends right before the line speaks it.
2. ``previous_speaker``  a floating quote continues the previous speaker.
3. ``dialogue_turn``     cue-less dialogue lines alternate between the two speakers.

Example:
    >>> from quoteattr.rules.order import quote_rules
    >>> [r.name for r in quote_rules() if r.name in ("narration_before", "dialogue_turn")]
    ['narration_before', 'dialogue_turn']
"""

from __future__ import annotations

import functools

from quoteattr.records import MentionKind
from quoteattr.rules.candidates import Candidate, History, candidates
from quoteattr.rules.registry import Attribution, register
from quoteattr.rules.terms import utterance
from quoteattr.syntax.context import Context
from quoteattr.syntax.lexicon import role_nouns, word_list
from quoteattr.syntax.mentions import Mention, mention_at
from quoteattr.syntax.parse import Sentence
from quoteattr.text.french import NOT_SUBJECT_PRONOUNS

__all__ = [
    "dialogue_turn",
    "narration_before",
    "person_nouns",
    "previous_speaker",
    "standalone",
    "vocative",
    "vocative_answer",
]

_SENTENCE_END = frozenset({".", "!", "?", "…", ":"})
"""What ends the narration before a line (a colon that ``colon_before`` left unattributed)."""
_DASHES = frozenset({"—", "–", "-"})
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

    The sentence ends with ``.``/``!``/``?``/``…`` or with a colon ``colon_before`` could not
    read (``Il ne parlait que de chasse, répétait sans cesse : « … »``), holds no
    quotation, and lies in the same paragraph as the quote or, for a line that opens its
    paragraph, in the paragraph just before. Only a name, a description or a personal
    pronoun (``il``, ``elle``, ``je``) counts: ``on`` and ``cela`` name nobody.
    """
    if cand.first is None:
        return None
    prev = ctx.prev_word(cand.span.open_mark.start)
    if prev is not None and prev.text in _DASHES and cand.span.style != "dash":
        prev = ctx.prev_word(prev.start)  # "Il sourit.\n\n— « … »"
    if prev is None or prev.text not in _SENTENCE_END:
        return None
    gap = ctx.text[prev.end : cand.span.open_mark.start]
    if (
        gap.strip().lstrip("—–-").strip()
        or gap.count("\n") > 2
        or ("\n" in gap and not standalone(ctx, cand))
    ):
        return None
    if ctx.enclosing_quote(prev.start) is not None:
        return None
    sentence = ctx.parsed.sentences[prev.sentence]
    if any(q.open_mark.start < prev.start for q in ctx.quotations_in(sentence)):
        return None
    if prev.text == ":":
        mention = _subject_before_colon(ctx, sentence.first, prev.index)
    else:
        mention = _narration_subject(ctx, sentence)
    if mention is None:
        return None
    return Attribution(None, mention)


def _subject_before_colon(ctx: Context, first: int, colon: int) -> Mention | None:
    """The subject of the last finite verb before a colon, up its chain of coordinated verbs:
    ``Il ne parlait que de chasse, rêvait chasse, répétait sans cesse :`` → ``Il``."""
    words = ctx.parsed.words
    verbs = [
        w
        for w in words[first:colon]
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") not in ("Inf", "Part")
    ]
    if not verbs:
        return None
    verb = verbs[-1]
    for _ in range(4):
        mention = _subject_of(ctx, verb.index)
        if mention is not None:
            return mention if _person(ctx, mention) else None
        if verb.rel not in ("conj", "xcomp", "advcl") or not first <= verb.head < colon:
            return None
        verb = words[verb.head]
    return None


def _narration_subject(ctx: Context, sentence: Sentence) -> Mention | None:
    """The subject of the main verb of a narration sentence (or of a verb coordinated with it)."""
    words = ctx.parsed.words
    inside = range(sentence.first, sentence.last)
    roots = [i for i in inside if not sentence.first <= words[i].head < sentence.last]
    for root in roots[:1]:
        if _cleft(ctx, root):  # "Ce fut Roger qui répondit." → Roger
            mention = mention_at(ctx.parsed, root)
            return mention if _person(ctx, mention) else None
        # the verb coordinated last comes nearest the line: "Elle refusait …, mais il la tirait"
        verbs = [*(w.index for w in reversed(ctx.parsed.kids(root, "conj"))), root]
        for verb in verbs:
            found = _subject_of(ctx, verb)
            if found is not None:
                return found if _person(ctx, found) else None
    return None


def _cleft(ctx: Context, root: int) -> bool:
    """``C'est Paul qui parla`` / ``Ce fut Roger qui répondit``: the root is the name, with
    the copula, the subject ``ce`` and a relative clause."""
    kids = ctx.parsed.kids(root)
    return (
        any(k.rel == "cop" for k in kids)
        and any(k.rel == "nsubj" and k.norm in ("ce", "c'") for k in kids)
        and any(k.deprel == "acl:relcl" for k in kids)
    )


def _subject_of(ctx: Context, verb: int) -> Mention | None:
    """The subject the parse gives a narration verb (a passive subject only without a
    passive auxiliary: the small model reads ``Mon voisin me confia`` as passive)."""
    passive = bool(ctx.parsed.kids(verb, "aux:pass"))
    for child in ctx.parsed.kids(verb, "nsubj"):
        if child.norm in NOT_SUBJECT_PRONOUNS or (child.deprel != "nsubj" and passive):
            continue
        return mention_at(ctx.parsed, child.index)
    return None


def _person(ctx: Context, mention: Mention) -> bool:
    """A mention that can name a speaker: a personal pronoun, a proper name, a person noun."""
    head = ctx.parsed.words[mention.head]
    if mention.kind is MentionKind.PRONOUN:
        return head.norm in _SPEAKING_PRONOUNS
    if head.upos == "PROPN":
        return True
    nouns = person_nouns()
    inside = ctx.words_between(mention.start, mention.end)
    words = ctx.parsed.words
    return any(words[i].norm in nouns or words[i].lemma.lower() in nouns for i in inside)


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
    """A floating quote continues the previous quote's speaker (same or previous paragraph),
    unless the narration between the two has a subject of its own."""
    if not history or cand.span.style == "dash":
        return None
    prev_cand, prev = history[-1]
    if prev.mention is None and prev.follows is None:
        return None
    if cand.paragraph - prev_cand.paragraph > 1 or not utterance(ctx, cand):
        return None
    if (
        standalone(ctx, cand)
        and standalone(ctx, prev_cand)
        and cand.paragraph != prev_cand.paragraph
    ):
        return None  # consecutive dialogue lines: see dialogue_turn
    words = ctx.parsed.words
    end = prev_cand.span.close_mark.end if prev_cand.span.close_mark else prev_cand.span.content.end
    last = ctx.word_at(end - 1)
    own = words[last].sentence if last is not None else -1  # the previous quote's incise
    for i in ctx.words_between(end, cand.span.open_mark.start):
        if words[i].sentence != own and words[i].rel == "nsubj":
            return None  # "Je poussai un « Ah ! »": the narration between names someone acting
    return Attribution(None, None, follows=_root(prev))


@register("vocative_answer", "quote")
def vocative_answer(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """``— Tu viens, Paul ? — Non.``: a cue-less line answers the person the line just before
    called by name (a vocative), who is not that line's speaker.

    A vocative is a proper name set off inside the line: after a comma before the final
    ``?``/``!``/``.``, or opening the line before a comma (``Paul, viens !``).
    """
    lines = _chain(ctx, cand)
    if len(lines) < 2:
        return None
    before = lines[1]
    addressee = vocative(ctx, before)
    if addressee is None:
        return None
    said = _said_by(history, before)
    if said is not None and said.mention is not None:
        name = ctx.text[said.mention.start : said.mention.end]
        if name.lower() == ctx.text[addressee.start : addressee.end].lower():
            return None
    return Attribution(None, addressee)


def vocative(ctx: Context, cand: Candidate) -> Mention | None:
    """The proper name a dialogue line calls its addressee by, if any.

    Example:
        >>> # "— Tout à fait, Thierry !" → Thierry; "— Paul, viens !" → Paul
    """
    if cand.first is None or cand.last is None:
        return None
    words = ctx.parsed.words
    first, last = cand.first, cand.last
    while last > first and words[last].upos == "PUNCT":
        last -= 1
    # ", Thierry !" at the end of the line
    i = last
    while i > first and words[i].upos == "PROPN" and words[i - 1].upos == "PROPN":
        i -= 1
    if (
        words[last].upos == "PROPN"
        and i > first
        and words[i - 1].text == ","
        and words[i].text[:1].isupper()
    ):
        return mention_at(ctx.parsed, i)
    # "Paul, viens !" at the start of the line
    j = first
    while j < last and words[j].upos == "PROPN" and words[j + 1].upos == "PROPN":
        j += 1
    if (
        words[first].upos == "PROPN"
        and words[first].norm in _given_names()
        and j < last
        and words[j + 1].text == ","
    ):
        return mention_at(ctx.parsed, first)
    return None


@functools.cache
def _given_names() -> frozenset[str]:
    # At the start of a line the parser also tags interjections as names ("Tiens, …").
    return word_list("first_names.txt")


@register("dialogue_turn", "quote", continues=True)
def dialogue_turn(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """Cue-less dialogue lines alternate between two speakers: A, B, A, B.

    The conversation is the run of dialogue lines in consecutive paragraphs, without
    narration between them. Alternation restarts at every attributed line: the line gets the
    speaker of the nearest attributed line two (or four) turns back, unless that speaker
    also spoke the nearest attributed line of the other parity (then the turns do not
    alternate and the line stays unattributed; the engine checks the names).
    """
    if not standalone(ctx, cand):
        return None
    lines = _chain(ctx, cand)
    same = other = None
    for distance, line in enumerate(lines[1 : _TURNS_BACK + 1], start=1):
        said = _said_by(history, line)
        if said is None:
            continue
        if distance % 2 == 0 and same is None:
            same = said
        elif distance % 2 == 1 and other is None:
            other = said
    if same is None:
        return None
    if other is None:
        return Attribution(None, None, follows=same)
    return Attribution(None, None, previous=other, others=[same])


_TURNS_BACK = 4
"""How far back (in dialogue lines) a turn may find the speaker it alternates with."""


def _chain(ctx: Context, cand: Candidate) -> list[Candidate]:
    """The dialogue lines of the conversation ending at ``cand``, most recent first
    (``cand`` itself first): whole-paragraph lines in consecutive paragraphs."""
    lines, position = _lines(ctx)
    at = position.get(id(cand.span))
    if at is None:
        return [cand]
    chain = [cand]
    for c in reversed(lines[:at]):
        if c.paragraph != chain[-1].paragraph - 1 or not standalone(ctx, c):
            break
        chain.append(c)
        if len(chain) > _TURNS_BACK + 1:
            break
    return chain


_LINES: dict[int, tuple[Context, list[Candidate], dict[int, int]]] = {}


def _lines(ctx: Context) -> tuple[list[Candidate], dict[int, int]]:
    """The outermost quotations of the document, placed in the parse, and the position of
    each in that list by ``id`` of its quoted span (one cached document)."""
    cached = _LINES.get(id(ctx))
    if cached is None or cached[0] is not ctx:
        _LINES.clear()
        lines = [c for c in candidates(ctx) if c.span.level == 0]
        cached = (ctx, lines, {id(c.span): n for n, c in enumerate(lines)})
        _LINES[id(ctx)] = cached
    return cached[1], cached[2]


def _said_by(history: History, line: Candidate) -> Attribution | None:
    """The attribution an earlier line got, if any."""
    for c, a in reversed(history):
        if c.span is line.span:
            return a
    return None


def _root(att: Attribution) -> Attribution:
    while att.follows is not None:
        att = att.follows
    return att
