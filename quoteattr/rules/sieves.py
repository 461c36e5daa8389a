"""Attribution sieves for quoted spans, applied in order (CoreNLP style).

Each sieve looks at one quoted span in its parsed context and either
returns an :class:`~quoteattr.rules.registry.Attribution` (cue, speaker mention) or
``None`` to pass the quote on to the next sieve. The first sieve that answers
wins; its name and measured confidence come from the registry
(:mod:`quoteattr.rules.registry`, ``@register`` above each sieve) and are recorded in
:attr:`Quote.rule` and :attr:`Quote.confidence`.

Order, most reliable first:

1. ``incise_inside``    « Tiens, dit-il, nous avons eu la même idée. »
2. ``incise_after``     « … », a indiqué le ministre. / « … » estime-t-il. / « … », selon X.
3. ``dash_after``       « … » – Jean Dupont.
   ``signature_after``  « … » ¶ — Luc Bernard, directeur de l'école (a signature line)
4. ``colon_before``     Jean Dupont a déclaré : « … » / Jean Dupont : « … »
5. ``source_before``    Selon le maire, « … » / Pour Léa Martin, « … »
6. ``clause``           Il a ajouté que Moscou « ne souhaitait plus … » (the parse chain
                        from the quote up to a cue verb)
7. ``source_scope``     Selon X, la loi serait « un recul » (quoted words under selon X)
8. ``sentence_cue``     a cue verb earlier in the same sentence (surface fallback)
9. ``previous_sentence`` Le ministre a réagi lundi. « … » (the cue of the sentence before)

The conversation rules of fiction and interviews (``narration_before``, ``previous_speaker``,
``dialogue_turn``) follow, in :mod:`quoteattr.rules.dialogue`.

Their order is declared in :mod:`quoteattr.rules.order`.

Example:
    >>> from quoteattr.rules.registry import declared
    >>> declared()["incise_after"].explicit
    True
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.records import CueType, MentionKind, Polarity, QuotedSpan, QuoteKind
from quoteattr.rules.candidates import Candidate, History, Sieve, candidates
from quoteattr.rules.colons import (
    after_comme,
    before_colon,
    copular_attribute,
    inverted_before_colon,
)
from quoteattr.rules.incises import (
    INCISE_CLITICS,
    after_gerund,
    bare_incise,
    cue_after_mark,
    inside_nested,
    inside_noun_phrase,
    narration_tail,
    speech_end,
    speech_resumes,
)
from quoteattr.rules.registry import Attribution, Rule, register
from quoteattr.rules.terms import is_name, is_term, position_kind, unrealized_speech
from quoteattr.syntax.context import INCISE_BOUNDARY, Context
from quoteattr.syntax.cues import COLON, DASH, punctuation_cue
from quoteattr.syntax.mentions import Mention, is_capitalised, mention_at
from quoteattr.syntax.phrases import (
    inverted_after,
    noun_phrase_after,
    object_of_subjected_verb,
    preposition_object,
)
from quoteattr.syntax.subjects import subject, verb_subject
from quoteattr.text.french import NE, QUE

__all__ = [
    "Attribution",
    "Candidate",
    "History",
    "Sieve",
    "attribute_quotations",
    "candidates",
    "is_term",
    "position_kind",
]

_DASHES = frozenset({"—", "–", "-"})
_BEFORE_INCISE = frozenset({",", "!", "?", "…"})
"""What ends the spoken words before an incise: ``— Assez ! s'écria le comte.``"""


# --- the sieves ---------------------------------------------------------------------------


@register("incise_inside", "quote", explicit=True, owns_cue=True)
def incise_inside(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """« A, dit-elle, B » / — Tiens, dit-il, nous … : an inverted cue inside the quote."""
    if cand.first is None or cand.last is None:
        return None
    words = ctx.parsed.words
    for i in range(cand.first + 1, cand.last + 1):
        cue = ctx.cue_at.get(i)
        if cue is None or cue.entry.type is not CueType.VERB or cue.first <= cand.first:
            continue
        before = cue.first - 1
        if words[before].norm in INCISE_CLITICS and before - 1 > cand.first:
            before -= 1  # "…, lui dit-elle", "…, nous dit Rosalie", "…, me répétait l'oncle"
        bare = words[before].text not in _BEFORE_INCISE
        if bare and not bare_incise(ctx, cue, words[before]):
            continue
        if inside_nested(ctx, cand, words[i].start):
            continue
        mention = inverted_after(ctx, cue) or after_gerund(ctx, cue)
        if mention is None:
            continue
        after = ctx.next_word(max(mention.end, words[cue.last].end))
        goes_on = (
            after is not None
            and after.start < cand.span.content.end
            and after.text not in INCISE_BOUNDARY
        )
        if bare and (goes_on or (cue.clitic is None and mention.kind is MentionKind.PRONOUN)):
            continue
        found = Attribution(cue, mention)
        if cand.span.style == "dash" and (
            narration_tail(ctx, cand, after) or (goes_on and not speech_resumes(ctx, cand, after))
        ):
            found.content_end = speech_end(ctx, cue)
        return found
    return None


@register("incise_after", "quote", explicit=True, owns_cue=True)
def incise_after(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """« … », a indiqué le ministre. / « … » estime-t-il. / « … », selon X.

    The incise follows the closing mark on the same line, with or without a comma,
    however many sentences the quote holds and wherever the parser ends them.
    """
    cue = cue_after_mark(ctx, cand)
    if cue is None:
        return None
    if (
        inside_noun_phrase(ctx, cand)
        and ","
        not in ctx.text[
            cand.span.close_mark.end if cand.span.close_mark else 0 : ctx.parsed.words[
                cue.first
            ].start
        ]
    ):
        return None  # "les « vagues submersion » menacent la côte": the verb of the phrase
    words = ctx.parsed.words
    close = cand.span.close_mark
    gap = ctx.words_between(close.end if close else words[cue.first].start, words[cue.word].start)
    if cue.polarity is Polarity.NEGATED or any(words[i].norm in NE for i in gap):
        return None  # "qu'« aucun incident » n'était à déplorer": no incise is negated
    mention = inverted_after(ctx, cue)
    if mention is not None and object_of_subjected_verb(ctx, cue, mention):
        mention = None  # "Le ministre, selon qui … « … », a défendu son texte": no inversion
    if mention is None and cue.entry.type is CueType.VERB:
        mention = subject(ctx, cue)
        if mention is not None and mention.start < cand.span.open_mark.start:
            return Attribution(cue, mention)
        return None
    if mention is None:
        return None
    return Attribution(cue, mention)


@register("dash_after", "quote", explicit=True)
def dash_after(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """« … » – Jean Dupont, maire de Lille."""
    if cand.span.close_mark is None:
        return None
    nxt = ctx.next_word(cand.span.close_mark.end)
    if nxt is None or nxt.text not in _DASHES:
        return None
    gap = ctx.text[cand.span.close_mark.end : nxt.start]
    if "\n" in gap:
        return None
    mention = noun_phrase_after(ctx, nxt.index)
    if mention is None or mention.kind is MentionKind.PRONOUN:
        return None
    return Attribution(punctuation_cue(nxt, DASH), mention)


@register("signature_after", "quote", explicit=True)
def signature_after(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """« … » ¶ — Luc Bernard, directeur de l'école: a signature line under the quote."""
    if cand.span.close_mark is None:
        return None
    signature = ctx.next_dash_line(cand.span.close_mark.end)
    if signature is None or ctx.text[cand.span.close_mark.end : signature.open_mark.start].strip():
        return None
    first = is_signature(ctx, signature)
    if first is None:
        return None
    return Attribution(None, mention_at(ctx.parsed, first))  # signed, no cue (GUIDELINES)


def is_signature(ctx: Context, span: QuotedSpan) -> int | None:
    """A dialogue-dash line that only signs the quote above it (``— Luc Bernard, directeur``):
    the index of its first name word, else None.

    Example:
        >>> # "« … »\n\n— Luc Bernard, directeur de l'école" → the index of "Luc"
    """
    if span.style != "dash" or span.open_mark.start == 0:
        return None
    before = ctx.text[: span.open_mark.start].rstrip()
    if not before.endswith(("»", "”", '"')):
        return None
    inside = ctx.words_between(span.content.start, span.content.end)
    words = ctx.parsed.words
    if not len(inside) or len(inside) > 14:
        return None
    first = inside[0]
    if words[first].upos != "PROPN" or not is_capitalised(words[first]):
        return None
    if any(words[i].upos in ("VERB", "AUX") and not is_capitalised(words[i]) for i in inside):
        return None
    return first if first > 0 else None


@register("colon_before", "quote", explicit=True)
def colon_before(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """Jean Dupont a déclaré : « … » / Le ministre : « … »."""
    prev = ctx.prev_word(cand.span.open_mark.start)
    if prev is not None and prev.text in _DASHES and cand.span.style != "dash":
        prev = ctx.prev_word(prev.start)  # "il lui dit :\n\n— « … »"
    if prev is None or prev.text != ":":
        return None
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[prev.sentence]
    for i in range(prev.index - 1, sentence.first - 1, -1):
        cue = ctx.cue_at.get(i)
        if cue is not None and cue.entry.type is CueType.VERB:
            mention = subject(ctx, cue)
            if mention is None or after_comme(ctx, cue):
                mention = inverted_before_colon(ctx, cue, prev) or mention
            if mention is not None:
                return Attribution(cue, mention) if before_colon(ctx, mention, prev) else None
        if words[i].text in (".", "!", "?", ";"):
            break
    colon = punctuation_cue(prev, COLON)
    before = prev.index - 1
    verbs = [
        w
        for w in words[sentence.first : prev.index]
        if w.upos == "VERB"
        and w.feats.get("VerbForm") != "Inf"
        and ctx.enclosing_quote(w.start) is None  # a verb of another quote introduces nothing
    ]
    if verbs:
        # "il articula plus fort :", "il repassa ses bottes en grommelant :" — the clause
        # before the colon introduces the quote: its subject speaks.
        verb = verbs[-1]
        while verb.rel in ("advcl", "xcomp", "conj") and sentence.first <= verb.head < verb.index:
            verb = words[verb.head]
        mention = verb_subject(ctx, verb)
        if mention is not None and before_colon(ctx, mention, prev, role=True):
            return Attribution(colon, mention)
        return None
    attribute = copular_attribute(ctx, sentence.first, prev.index)
    if attribute is not None:  # "Paul Martin, secrétaire syndical, est inquiet :": its subject
        mention = verb_subject(ctx, attribute)
        if mention is not None and before_colon(ctx, mention, prev, role=True):
            return Attribution(colon, mention)
        return None
    if any(w.upos == "AUX" for w in words[sentence.first : prev.index]):
        return None  # "Ils avaient plaisir à nommer les légumes :" is a clause, not a name
    if any(
        (c := ctx.cue_at.get(i)) is not None and c.entry.type is CueType.PREPOSITION
        for i in range(sentence.first, prev.index)
    ):
        return None  # "Pour X, son secrétaire général :": the preposed source (source_before)
    if before >= sentence.first and (
        words[before].upos in ("PROPN", "NOUN") or is_capitalised(words[before])
    ):
        head = before
        while (
            words[head].head >= sentence.first
            and words[head].head < prev.index
            and words[head].rel in ("flat", "nmod", "amod", "appos", "compound")
        ):
            head = words[head].head
        mention = mention_at(ctx.parsed, head)
        if any(k.norm not in ("de", "d'") for k in ctx.parsed.kids(head, "case")):
            return None  # "En cause : « … »", "Sur le terrain :": a circumstance, no speaker
        return Attribution(colon, mention)
    return None


@register("source_before", "quote", explicit=True)
def source_before(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """Selon le maire, « … » / D'après X, « … » / Pour Léa Martin, « … »: a preposed source;
    also before a colon, past an apposition: ``Pour X, son secrétaire général : « … »``."""
    prev = ctx.prev_word(cand.span.open_mark.start)
    if prev is None or prev.text not in (",", ":"):
        return None
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[prev.sentence]
    for i in range(prev.index - 1, sentence.first - 1, -1):
        if words[i].upos in ("VERB", "AUX") or words[i].text in (".", ";", ":", "!", "?"):
            return None
        cue = ctx.cue_at.get(i)
        if cue is None or cue.entry.type is not CueType.PREPOSITION:
            continue
        mention = preposition_object(ctx, cue)
        if mention is None or mention.start >= prev.start:
            return None
        return Attribution(cue, mention, kind=QuoteKind.DIRECT)
    return None


@register("clause", "quote")
def clause(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """The quote sits inside the complement of a cue verb (up the parse chain)."""
    if cand.first is None or cand.last is None:
        return None
    words = ctx.parsed.words
    head = _span_head(ctx, cand)
    node, current = head, words[head].head
    steps = 0
    while current >= 0 and steps < 8 and words[current].sentence == words[head].sentence:
        cue = ctx.cue_at.get(current)
        if (
            cue is not None
            and words[node].rel in ("nsubj", "nsubj:pass", "expl:subj")
            and node < cue.first
        ):
            return None  # "les « vagues submersion » menacent …": the quote is the cue's subject
        if cue is not None and cue.entry.type is CueType.VERB and not cue.entry.incise_only:
            mention = subject(ctx, cue)
            if mention is not None and not _inside(cand, mention):
                return Attribution(cue, mention)
        elif cue is None and unrealized_speech(ctx, words[current]):
            return None  # "sans pouvoir dire « … »": the words of a speech that did not happen
        node, current = current, words[current].head
        steps += 1
    return None


@register("source_scope", "quote")
def source_scope(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """Quoted words inside the scope of a ``selon X`` / ``pour X`` of their sentence:
    ``Selon lui, la loi est « un pas en arrière ».`` / ``Les prix vont « exploser », selon X.``"""
    sentence = ctx.parsed.sentences[cand.sentence]
    words = ctx.parsed.words
    for i in range(sentence.first, sentence.last):
        cue = ctx.cue_at.get(i)
        if cue is None or cue.entry.type is not CueType.PREPOSITION:
            continue
        if ctx.enclosing_quote(words[i].start) is not None:
            continue
        mention = preposition_object(ctx, cue)
        if mention is None or _inside(cand, mention):
            continue
        before = words[cue.first - 1] if cue.first > sentence.first else None
        preposed = before is None or (
            before.upos in ("CCONJ", "ADV", "PUNCT") and before.text != ","
        )
        if preposed and mention.end <= cand.span.open_mark.start:
            return Attribution(cue, mention)
        if not preposed and words[cue.first].start >= (
            cand.span.close_mark.end if cand.span.close_mark else cand.span.content.end
        ):
            return Attribution(cue, mention)
    return None


def _span_head(ctx: Context, cand: Candidate) -> int:
    assert cand.first is not None and cand.last is not None
    words = ctx.parsed.words
    for i in range(cand.first, cand.last + 1):
        if not cand.first <= words[i].head <= cand.last and words[i].upos != "PUNCT":
            return i
    return cand.first


def _inside(cand: Candidate, mention: Mention) -> bool:
    return cand.span.content.start <= mention.start < cand.span.content.end


@register("sentence_cue", "quote", fallback=True)
def sentence_cue(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """Surface fallback: the nearest cue verb before the quote in its sentence."""
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[cand.sentence]
    start = cand.first if cand.first is not None else sentence.last
    for i in range(min(start, sentence.last) - 1, sentence.first - 1, -1):
        cue = ctx.cue_at.get(i)
        if (
            cue is None
            and unrealized_speech(ctx, words[i])
            and words[i].start < cand.span.open_mark.start
        ):
            return None  # "sans pouvoir dire « … »": the nearest speech did not happen
        if cue is None or cue.entry.type is not CueType.VERB or cue.entry.incise_only:
            continue
        if words[i].start >= cand.span.open_mark.start:
            continue
        opens_complement = all(
            words[j].norm in QUE
            for j in ctx.words_between(words[cue.last].end, cand.span.open_mark.start)
        )  # "précisant qu'« aucun incident » …": the quote opens the cue's que-clause
        if (
            words[i].rel in ("advcl", "acl")
            and max(ctx.parsed.subtree(i)) < (cand.first or 0)
            and not opens_complement
        ):
            continue  # "Après que le ministre a annoncé …, la presse a titré sur une « … »"
        mention = subject(ctx, cue)
        if mention is not None and not _inside(cand, mention):
            return Attribution(cue, mention)
    return None


@register("previous_sentence", "quote", fallback=True)
def previous_sentence(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """« … » opening a sentence right after ``X a annoncé … .`` in the same paragraph."""
    words = ctx.parsed.words
    if cand.first is None or cand.sentence == 0:
        return None
    sentence = ctx.parsed.sentences[cand.sentence]
    if (
        ctx.word_at(cand.span.open_mark.start) not in (sentence.first, None)
        and cand.first != sentence.first
    ):
        return None
    prev = ctx.parsed.sentences[cand.sentence - 1]
    if prev.paragraph != sentence.paragraph or any(
        q.open_mark.start >= prev.start and q.content.end <= prev.end
        for q in ctx.quotations_in(prev)
    ):
        return None
    for i in range(prev.first, prev.last):
        cue = ctx.cue_at.get(i)
        if cue is None or cue.entry.type is not CueType.VERB or cue.entry.incise_only:
            continue
        if (
            words[i].head >= 0
            and words[words[i].head].sentence == prev.index
            and words[i].rel not in ("conj",)
        ):
            continue  # only the main verb of the sentence introduces what follows
        mention = subject(ctx, cue)
        if mention is not None:
            return Attribution(cue, mention)
    return None


def attribute_quotations(
    ctx: Context, sieves: Sequence[Rule], terms: list[Candidate] | None = None
) -> list[tuple[Candidate, Attribution | None]]:
    """Run the quote rules ``sieves`` in order over every outermost quoted span.

    :func:`quoteattr.rules.order.quote_rules` gives them all, in their default order.

    Nested quotes (level > 0) are skipped: a quote in a quote belongs to the
    quoted speaker's words, not to the reporter's. Quoted terms that no rule attributed
    and that are no title or name go to ``terms`` when given (a reported clause may hold
    them: :func:`quoteattr.rules.embedded.inherit_clause_speakers`).

    Example:
        >>> results = attribute_quotations(ctx, quote_rules())               # doctest: +SKIP
        >>> [(c.span.content.text, a.rule) for c, a in results if a]  # doctest: +SKIP
        [('espérer', 'clause'), ...]
    """
    results: list[tuple[Candidate, Attribution | None]] = []
    history: list[tuple[Candidate, Attribution]] = []
    for cand in candidates(ctx):
        if cand.span.level > 0 or is_signature(ctx, cand.span) is not None:
            continue  # a quote in a quote is the quoted speaker's; a signature is no quote
        found = None
        for sieve in sieves:
            found = sieve.run(ctx, cand, history)
            if found is not None:
                break
        if is_term(ctx, cand, found):
            if terms is not None and found is None and not is_name(ctx, cand):
                terms.append(cand)  # words in marks that only a reported clause can claim
            continue
        results.append((cand, found))
        if found is not None:
            history.append((cand, found))
    return results
