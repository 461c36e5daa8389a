"""Incises: the reporting clause set inside or after a quotation, and where speech stops.

``« … », a indiqué le ministre``, ``« … » estime-t-il``, ``— Assez ! s'écria le comte``: the
helpers the incise sieves of :mod:`quoteattr.rules.sieves` share. They find the cue whose verb
group follows a closing mark (over commas, clitics, a verb that carries the speech verb such as
``a tenu à préciser``, or a verbless phrase set off by commas), tell a bare incise from a
relative clause, and find where the spoken words of a dialogue line end when the line goes on in
narration.

Example:
    >>> "lui" in INCISE_CLITICS
    True
"""

from __future__ import annotations

from quoteattr.records import CueType, MentionKind
from quoteattr.rules.candidates import Candidate
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.mentions import Mention
from quoteattr.syntax.parse import Word
from quoteattr.syntax.phrases import inverted_after, noun_phrase_after
from quoteattr.text.french import CLITICS_BEFORE_VERB, SPEECH_PERSONS

__all__ = [
    "INCISE_CLITICS",
    "after_gerund",
    "bare_clause_incise",
    "bare_incise",
    "carried_cue",
    "cue_after_mark",
    "far_incise",
    "inside_nested",
    "inside_noun_phrase",
    "narration_tail",
    "speech_end",
    "speech_resumes",
]

_SENTENCE_END = frozenset({".", "!", "?", "…"})
INCISE_CLITICS = frozenset({"me", "m'", "te", "t'", "lui", "nous", "vous", "leur"})
"""Object clitics between the spoken words and an incise verb (``Entrez donc, lui dis-je.``)."""
_NOT_BEFORE_BARE_INCISE = frozenset({"que", "qu'", "où", "dont", "comme", "quand", "si"})
_FAR_INCISE_WORDS = 20
"""How far past a quote an incise after a verbless phrase may stand."""


def after_gerund(ctx: Context, cue: CueMatch) -> Mention | None:
    """The inverted subject after a gerund: ``…, reprit en souriant M. Duflot, …``."""
    words = ctx.parsed.words
    i = cue.last + 1
    if i + 2 >= len(words) or words[i].norm != "en" or not words[i + 1].norm.endswith("ant"):
        return None
    mention = noun_phrase_after(ctx, i + 1)
    if mention is None or mention.kind is MentionKind.PRONOUN:
        return None
    return mention


def bare_incise(ctx: Context, cue: CueMatch, before: Word) -> bool:
    """An incise the writer left without a comma: ``J'ai tant à dire murmura le moribond,
    et …``. Only a passé simple or imperfect verb of speech after a content word, never after a
    relative or a conjunction (``ce que dit Marie``, ``comme disait Paul``). The small model
    tags many passé simple forms as present or as nouns: the ending decides."""
    verb = ctx.parsed.words[cue.word]
    return (
        before.upos not in ("PUNCT", "SCONJ", "CCONJ", "PRON", "DET", "ADP")
        and before.norm not in _NOT_BEFORE_BARE_INCISE
        and verb.feats.get("VerbForm") in ("Fin", None)
        and verb.norm.endswith(("a", "it", "ut", "ait", "èrent", "irent", "urent", "aient"))
        and cue.first == cue.word
    )


def narration_tail(ctx: Context, cand: Candidate, after: Word | None) -> bool:
    """After the incise, the dialogue line goes on with narration, not speech."""
    end = cand.span.content.end
    if after is None or after.start >= end or (after.text in (".", "…") and after.end >= end):
        return True
    if after.text != ",":
        return False
    nxt = ctx.next_word(after.end)
    if nxt is None or nxt.start >= end:
        return True
    gerund = (
        nxt.norm == "en"
        and nxt.index + 1 < len(ctx.parsed.words)
        and ctx.parsed.words[nxt.index + 1].feats.get("VerbForm") == "Part"
    )
    participle = nxt.upos in ("VERB", "ADJ") and nxt.norm.endswith("ant")
    # "s'écria Pécuchet, qui redoutait …", "dit-elle, furieuse", "cria-t-il, bondissant …"
    return gerund or participle or nxt.norm == "qui" or nxt.upos == "ADJ"


def speech_resumes(ctx: Context, cand: Candidate, after: Word | None) -> bool:
    """After an incise that goes on in narration (``cria Bouvard dans l'escalier``), the
    dialogue line speaks again: a later sentence of the line addresses someone (``je``,
    ``vous``, ``mon``…) or exclaims. ``— Viens ! disait-il. Laisse-le, je t'attends !``"""
    if after is None:
        return False
    words = ctx.parsed.words
    end = cand.span.content.end
    i = after.index
    while i < len(words) and words[i].start < end and words[i].text not in _SENTENCE_END:
        i += 1
    rest = [w for w in words[i + 1 :] if w.start < end] if i < len(words) else []
    while rest and rest[-1].start >= end:
        rest.pop()
    return any(w.norm in SPEECH_PERSONS or w.text in ("!", "?") for w in rest)


def speech_end(ctx: Context, cue: CueMatch) -> int:
    """End of the spoken words before an incise: keep ``!``/``?``, drop a comma."""
    words = ctx.parsed.words
    prev = words[cue.first - 1]
    if prev.norm in INCISE_CLITICS and cue.first > 1:
        prev = words[cue.first - 2]  # "Entrez donc, lui dis-je."
    return prev.end if prev.text in ("!", "?", "…", ".") else prev.start


def inside_nested(ctx: Context, cand: Candidate, char: int) -> bool:
    for other in ctx.quotations:
        if other is cand.span or other.level <= cand.span.level:
            continue
        if (
            cand.span.content.contains(other.content)
            and other.content.start <= char < other.content.end
        ):
            return True
    return False


def inside_noun_phrase(ctx: Context, cand: Candidate) -> bool:
    """The opening mark follows a determiner, an adjective or a preposition: the quote is a
    piece of a noun phrase, so a verb right after it is that phrase's own verb."""
    prev = ctx.prev_word(cand.span.open_mark.start)
    return prev is not None and prev.upos in ("DET", "ADJ", "ADP")


def cue_after_mark(ctx: Context, cand: Candidate) -> CueMatch | None:
    """The cue whose verb group starts right after the closing mark (commas, spaces between)."""
    if cand.span.close_mark is None:
        return None
    words = ctx.parsed.words
    nxt = ctx.next_word(cand.span.close_mark.end)
    while nxt is not None and nxt.text in (",", "\u2009") and nxt.index + 1 < len(words):
        nxt = words[nxt.index + 1]
    if nxt is None:
        return None
    gap = ctx.text[cand.span.close_mark.end : nxt.start]
    if "\n" in gap or gap.replace(",", "").strip():
        return None
    while (
        nxt.norm in CLITICS_BEFORE_VERB
        and nxt.index not in ctx.group_at
        and nxt.index + 1 < len(words)
    ):
        nxt = words[nxt.index + 1]  # « … » lui a répondu X
    cue = ctx.group_at.get(nxt.index)
    if cue is None or cue.first != nxt.index:
        carried = carried_cue(ctx, nxt)
        if carried is not None:
            return carried
        return far_incise(ctx, cand, nxt) if "," in gap else None
    return cue


def carried_cue(ctx: Context, start: Word) -> CueMatch | None:
    """``a tenu à préciser``, ``veut croire``, ``a fini par lâcher``: a verb of
    ``data/catenative_verbs.txt`` (after its auxiliary) carrying the speech verb's infinitive;
    the cue group runs from ``start``."""
    words = ctx.parsed.words
    i = start.index
    while i < len(words) and words[i].upos == "AUX" and i - start.index < 2:
        i += 1
    if i >= len(words) or words[i].lemma not in word_list("catenative_verbs.txt"):
        return None
    i += 1
    if i < len(words) and words[i].norm in ("à", "par", "de", "d'"):
        i += 1
    cue = ctx.cue_at.get(i)
    if cue is None or cue.entry.type is not CueType.VERB or words[i].feats.get("VerbForm") != "Inf":
        return None
    return CueMatch(
        cue.word, cue.entry, start.index, cue.last, cue.polarity, cue.modality, cue.clitic
    )


def far_incise(ctx: Context, cand: Candidate, start: Word) -> CueMatch | None:
    """``« … », y compris le montant des amendes, commente X``: the incise after a verbless
    phrase set off by commas, the quote opening its sentence."""
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[start.sentence]
    opening = ctx.word_at(cand.span.open_mark.start)
    if opening is None or opening > sentence.first + 1:
        return None
    for i in range(start.index, min(start.index + _FAR_INCISE_WORDS, sentence.last - 1)):
        w = words[i]
        if ctx.is_mark(w) or w.text in (";", ":", ".", "!", "?") or w.upos == "AUX":
            return None
        if w.upos == "VERB" and w.feats.get("VerbForm") == "Fin":
            return None
        if w.text == "," and i > start.index:
            cue = ctx.group_at.get(i + 1)
            if cue is None or cue.first != i + 1 or cue.entry.type is not CueType.VERB:
                return None
            return cue if inverted_after(ctx, cue) is not None else None
    return None


_RELATIVES = frozenset({"qui", "que", "qu'", "dont", "où", "lequel", "laquelle"})


def bare_clause_incise(ctx: Context, cue: CueMatch, first: int) -> bool:
    """An incise without its comma: ``Les écoles resteront fermées jusqu'à lundi précise la
    mairie``. The cue is a finite verb glued to the end of a finite clause of its own, with
    no conjunction, relative or ``que`` between that clause's verb and the cue: two finite
    verbs cannot follow each other so in one clause, so the cue's subject comes after it.

    Example:
        >>> # "Le vote aura lieu mardi annonce le parti" → True for "annonce"
    """
    words = ctx.parsed.words
    verb = words[cue.first]
    if verb.feats.get("VerbForm") != "Fin" or verb.feats.get("Person", "3") != "3":
        return False
    previous = words[cue.first - 1] if cue.first - 1 >= first else None
    if previous is None or previous.upos in _NOT_CLAUSE_END or previous.norm in _RELATIVES:
        return False
    for w in reversed(words[first : cue.first - 1]):
        if w.upos in ("CCONJ", "SCONJ") or w.norm in _RELATIVES or w.upos == "PUNCT":
            return False
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin":
            return True
    return False


_NOT_CLAUSE_END = frozenset({"PUNCT", "DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX"})
"""What the clause before a bare incise does not end with."""
