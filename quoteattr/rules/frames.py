"""Reported speech in the complement frames of ``data/frames.tsv`` (issue 18 §1).

* ``frame_object``  L'opposition accuse le maire de mentir. / Les ONG reprochent aux gendarmes
  des violences. / La défense s'est plainte d'un manque de temps. / Le groupe dément tout
  projet de fermeture.

A frame is written once per cue class (or per verb) in ``data/frames.tsv`` — ``X de INF``,
``à X NP``, ``contre NP`` … — and read the same way for every verb it applies to: the target
``X`` (a noun phrase or an object clitic before the verb), the prepositions as written, then
the message, a noun phrase (``NP``) or an infinitive (``INF``), which is the record's content.
What the GUIDELINES exclude stays out: a noun phrase that points back to news already told or
only names a topic, and, for frames marked ``stated``, a noun phrase that states nothing by its
determiner or head (``nie leur version``). The rule runs after :mod:`quoteattr.rules.objects`.

Example:
    >>> [(f.target, f.preps, f.message) for f in frames_for("accuser", "accuse")][:2]
    [(True, ('de',), 'NP'), (True, ('de',), 'INF')]
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from quoteattr.records import CueClass, Polarity, QuoteKind
from quoteattr.rules.registry import Attribution, register
from quoteattr.rules.reported import reports_clauses, statement
from quoteattr.syntax.clauses import (
    clause_end,
    last_content_word,
    passive_cue,
    respect_quotes,
    sentence_bounds,
)
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.mentions import Mention, clitic_pronoun
from quoteattr.syntax.messages import names_topic, points_back, tail_start
from quoteattr.syntax.parse import Word
from quoteattr.syntax.phrases import noun_phrase_after
from quoteattr.syntax.speaking_nouns import mention_speaks
from quoteattr.syntax.subjects import subject
from quoteattr.syntax.verb_forms import shares_auxiliary
from quoteattr.text.french import DATE_WORDS

__all__ = ["Frame", "frames_for"]

_PREPOSITIONS = {
    "de": frozenset({"de", "d'", "du", "des"}),
    "à": frozenset({"à", "au", "aux"}),
    "contre": frozenset({"contre"}),
    "sur": frozenset({"sur"}),
}
"""How each preposition of a frame may be written (contracted with an article or elided)."""
_CONTRACTED = frozenset({"du", "des", "au", "aux"})
_DE_FORMS = _PREPOSITIONS["de"]
_TARGET_CLITICS = frozenset({"le", "la", "l'", "les", "lui", "leur", "me", "m'", "te", "t'"})
_NOT_STATED_DETERMINERS = frozenset({"Dem", "Prs"})
"""Demonstrative and possessive determiners: ``ces accusations``, ``leur version``."""
_STATING_DETERMINERS = frozenset({"tout", "toute", "tous", "toutes", "aucun", "aucune", "nul"})
_STATING_HEADS = frozenset(
    {"existence", "réalité", "lien", "implication", "intention", "participation", "rôle"}
)
"""Nouns whose phrase states a proposition (``l'existence d'une consigne``)."""


@attrs.frozen(slots=True)
class Frame:
    """One row of ``data/frames.tsv``: an optional target, prepositions, a message slot."""

    target: bool
    """An ``X`` (the person or thing targeted) comes in the frame."""
    target_after: str | None
    """The preposition before ``X`` (``à`` in ``à X NP``), if any."""
    preps: tuple[str, ...]
    """The prepositions between ``X`` (or the verb) and the message."""
    message: str
    """``NP``, ``INF`` or ``ATTR`` (an attribute and the noun phrase it qualifies)."""
    stated: bool
    """Only noun phrases that state something carry the message."""


def _parse(frame: str, message: str) -> Frame:
    tokens = frame.split()
    slot = tokens[-1]
    if slot not in ("NP", "INF", "ATTR") or any(
        t not in (*_PREPOSITIONS, "X") for t in tokens[:-1]
    ):
        raise ValueError(f"data/frames.tsv: cannot read the frame {frame!r}")
    head = tokens[:-1]
    target = "X" in head
    target_after = None
    if target and head.index("X") > 0:
        target_after = head[head.index("X") - 1]
    preps = tuple(head[head.index("X") + 1 :] if target else head)
    return Frame(target, target_after, preps, slot, message == "stated")


@functools.cache
def _table() -> dict[str, tuple[Frame, ...]]:
    text = resources.files("quoteattr").joinpath("data/frames.tsv").read_text(encoding="utf-8")
    table: dict[str, list[Frame]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("class_or_lemma"):
            continue
        key, frame, message, _example = line.split("\t")
        table.setdefault(key, []).append(_parse(frame, message))
    return {key: tuple(frames) for key, frames in table.items()}


def frames_for(lemma: str, cls: str) -> tuple[Frame, ...]:
    """The frames of a cue verb: its own rows, then those of its class.

    Example:
        >>> [f.message for f in frames_for("plaindre", "accuse")][:2]
        ['NP', 'INF']
    """
    table = _table()
    return table.get(lemma, ()) + table.get(cls, ())


def _prep_at(words: list[Word], i: int, last: int, prep: str) -> int | None:
    """The index after preposition ``prep`` at ``i`` (a contracted ``du`` stays: its article
    opens the phrase after it), or None."""
    if i >= last or words[i].norm not in _PREPOSITIONS[prep]:
        return None
    if words[i].norm in _CONTRACTED and i + 1 < last and words[i + 1].token == words[i].token:
        return i + 2  # the parser split "du" into "de" + "le": the phrase opens after both
    return i + 1


def _target_end(words: list[Word], i: int, last: int, frame: Frame) -> int | None:
    """The index after a target noun phrase opening at ``i``: up to the frame's next
    preposition, or, before a noun-phrase message, up to the determiner that opens it."""
    nominal = False
    j = i
    while j < last and j - i <= 8:
        w = words[j]
        if w.upos in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"):
            return None
        if frame.preps and w.norm in _PREPOSITIONS[frame.preps[0]] and nominal:
            return j
        if not frame.preps and nominal and w.upos in ("DET", "NUM") and j > i:
            return j  # "reprochent aux gendarmes des violences": the message opens here
        if w.upos in ("NOUN", "PROPN", "PRON"):
            nominal = True
        j += 1
    return None


def _clitic_target(ctx: Context, cue: CueMatch, frame: Frame) -> bool:
    """An object clitic before the verb stands for ``X`` (``Il les accuse``, ``lui reproche``)."""
    words = ctx.parsed.words
    i = cue.first - 1
    while i >= 0 and words[i].norm in ("ne", "n'", "se", "s'"):
        i -= 1
    if i < 0 or words[i].sentence != words[cue.word].sentence:
        return False
    dative = frame.target_after == "à"
    norm = words[i].norm
    return (
        norm in _TARGET_CLITICS
        and (norm in ("lui", "leur") or not dative)
        and (clitic_pronoun(words[i]) is not None or words[i].upos == "PRON")
    )


def _past_adverbs(words: list[Word], i: int, last: int) -> int:
    """The first word at or after ``i`` that is no adverb, comma or date (``a ensuite mis en
    garde, mardi, contre …``); a preposition is the frame's to read."""
    while i < last and (
        (words[i].upos == "ADV" and words[i].norm not in ("ne", "n'"))
        or words[i].text == ","
        or words[i].norm in DATE_WORDS
        or (words[i].upos == "DET" and i + 1 < last and words[i + 1].norm in DATE_WORDS)
    ):
        i += 1
    return i


def _message_start(ctx: Context, cue: CueMatch, frame: Frame, last: int) -> int | None:
    """Where the message opens after the verb, the frame's target and prepositions read."""
    words = ctx.parsed.words
    i = _past_adverbs(words, cue.last + 1, last)
    if frame.target and not _clitic_target(ctx, cue, frame):
        if frame.target_after is not None:
            after = _prep_at(words, i, last, frame.target_after)
            if after is None:
                return None
            i = after
        end = _target_end(words, i, last, frame)
        if end is None:
            return None
        i = end
    for prep in frame.preps:
        after = _prep_at(words, i, last, prep)
        if after is None:
            return None
        i = after
    return i if i < last else None


def _infinitive_at(words: list[Word], i: int, last: int) -> bool:
    """An infinitive opens at ``i``, after a negation or clitics (``de ne plus dormir``)."""
    while i < last and (words[i].upos in ("ADV", "PART") or clitic_pronoun(words[i])):
        i += 1
    return i < last and words[i].upos in ("VERB", "AUX") and words[i].feats.get("VerbForm") == "Inf"


_DEGREE = frozenset({"très", "trop", "plus", "moins", "si", "assez", "fort", "bien", "peu"})
_REFLEXIVE_CLITICS = frozenset({"se", "s'", "me", "m'", "te", "t'"})


def _attribute_at(words: list[Word], i: int, last: int) -> int | None:
    """The index of an attribute at ``i``, after degree adverbs: an adjective (``trop
    légère``) or a past participle (``injustifiée``)."""
    while i < last and words[i].norm in _DEGREE:
        i += 1
    if i >= last:
        return None
    w = words[i]
    participle = (
        w.upos == "VERB" and w.feats.get("VerbForm") == "Part" and not w.norm.endswith("ant")
    )
    return i if w.upos == "ADJ" or participle else None


def _judgement_at(ctx: Context, cue: CueMatch, start: int, last: int) -> bool:
    """A judgement opens at ``start``: an attribute first (``juge indispensable une réforme``,
    ``l'estime coupable`` with the object clitic before the verb), or a noun phrase whose
    attribute the parse hangs on the verb (``juge la réforme indispensable``). A reflexive
    verb (``s'estime lésé``) judges its own subject: no one else's statement."""
    words = ctx.parsed.words
    own = [  # the subject and the clitics before the verb
        w.norm
        for w in words[max(cue.word - 4, 0) : cue.word]
        if w.sentence == words[cue.word].sentence
    ]
    if any(norm in _REFLEXIVE_CLITICS for norm in own) or any(
        own.count(p) > 1 for p in ("nous", "vous")
    ):
        return False  # "s'estime lésé", "nous nous estimons trahis"
    if _attribute_at(words, start, last) is not None:
        return True
    if words[start].upos not in ("DET", "NOUN", "PROPN"):
        return False
    return _trailing_attribute(words, start, clause_end(ctx, start, last, cue) + 1)


def _trailing_attribute(words: list[Word], start: int, end: int) -> bool:
    """A noun phrase from ``start`` ends with an adjective that closes it, before a
    preposition or the clause's end (``la réforme indispensable``, ``le projet de loi
    dangereux pour …``): after a verb of judgement, without an article before it, the
    attribute (whatever the parse made of it, ``amod`` or ``xcomp``)."""
    noun = False
    i = start
    while i < end:
        w = words[i]
        if w.upos in ("NOUN", "PROPN"):
            noun = True
        elif w.upos == "ADJ" and noun:
            j = i
            while j + 1 < end and words[j + 1].upos == "ADJ":
                j += 1
            return j + 1 >= end or words[j + 1].upos in ("ADP", "PUNCT", "CCONJ")
        elif w.upos not in ("DET", "ADP", "ADV") or (w.upos == "ADV" and not noun):
            return False
        i += 1
    return False


def _states(words: list[Word], start: int, end: int) -> bool:
    """The noun phrase states something: a quantifier or indefinite determiner (``tout lien``,
    ``une grève``) or a head noun of existence or involvement (``l'existence de …``)."""
    first = words[start]
    if first.norm in _STATING_DETERMINERS or first.feats.get("Definite") == "Ind":
        return True
    if first.feats.get("PronType") in _NOT_STATED_DETERMINERS or first.feats.get("Poss") == "Yes":
        return False
    return any(w.lemma.lower() in _STATING_HEADS for w in words[start : min(end + 1, start + 3)])


@register("frame_object", "reported")
def _frame_object(ctx: Context, cue: CueMatch) -> Attribution | None:
    """The message in one of the cue's complement frames (``data/frames.tsv``); in the passive
    (``X est accusé par Y de …``, ``X, accusé d'avoir menti``) the agent speaks, if named."""
    if not reports_clauses(cue) or cue.polarity is Polarity.NEGATED:
        return None
    frames = frames_for(cue.entry.lemma, cue.entry.cls.value)
    if not frames:
        return None
    if passive_cue(ctx, cue) or _bare_participle(ctx, cue):
        return _passive_frame(ctx, cue, frames)
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    mention = subject(ctx, cue)
    if mention is None or mention.start > words[cue.first].start:
        return None  # the subject stands before the verb: an inverted one is no target
    if not mention_speaks(ctx.parsed, mention):
        return None  # "4 000 emplois menacés de …": no one accuses or threatens
    for frame in frames:
        start = _message_start(ctx, cue, frame, last)
        span = None if start is None else _message(ctx, cue, frame, start, last)
        if span is not None:
            return statement(ctx, cue, *span, QuoteKind.INDIRECT, mention)
    return None


def _bare_participle(ctx: Context, cue: CueMatch) -> bool:
    """``Gérald Darmanin, accusé d'avoir menti``: a past participle with no auxiliary."""
    verb = ctx.parsed.words[cue.word]
    return (
        cue.first == cue.word
        and verb.feats.get("VerbForm") == "Part"
        and not verb.norm.endswith("ant")
        and not shares_auxiliary(ctx.parsed, verb)  # "a reconnu les faits mais contesté …"
    )


def _passive_frame(ctx: Context, cue: CueMatch, frames: tuple[Frame, ...]) -> Attribution | None:
    """A targeted frame read in the passive: the target is the subject, ``par Y`` the speaker
    (none when the agent is not named), then the frame's prepositions and message. The
    message's ``de`` is the last one that opens a message (``par les syndicats de la région de
    mentir``)."""
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    i = _past_adverbs(words, cue.last + 1, last)
    targeted = [f for f in frames if f.target and f.target_after is None and f.preps]
    if not targeted:
        return None
    if i >= last or words[i].norm != "par":
        if cue.entry.cls is not CueClass.ACCUSE:
            return None  # "des emplois menacés de suppression": at risk, no one threatens
        return _passive_message(ctx, cue, targeted, i, last, None)
    for j in reversed(range(i + 2, last)):
        if words[j].norm not in _DE_FORMS:
            continue
        agent = noun_phrase_after(ctx, i)
        if agent is None:
            return None
        agent = attrs.evolve(agent, end=min(agent.end, words[j - 1].end), name=None)
        found = _passive_message(ctx, cue, targeted, j, last, agent)
        if found is not None:
            return found
    return None


def _passive_message(
    ctx: Context,
    cue: CueMatch,
    frames: list[Frame],
    i: int,
    last: int,
    agent: Mention | None,
) -> Attribution | None:
    words = ctx.parsed.words
    for frame in frames:
        start: int | None = i
        for prep in frame.preps:
            start = _prep_at(words, start, last, prep) if start is not None else None
        span = None if start is None else _message(ctx, cue, frame, start, last)
        if span is not None:
            return statement(ctx, cue, *span, QuoteKind.INDIRECT, agent)
    return None


def _message(
    ctx: Context, cue: CueMatch, frame: Frame, start: int, last: int
) -> tuple[int, int] | None:
    """The character span of the frame's message opening at word ``start``, if it is one."""
    words = ctx.parsed.words
    if start >= last:
        return None
    if frame.message == "INF":
        if not _infinitive_at(words, start, last):
            return None
        end = clause_end(ctx, start, last, cue)
    elif frame.message == "ATTR":
        if not _judgement_at(ctx, cue, start, last):
            return None
        end = clause_end(ctx, start, last, cue)
    else:
        if words[start].upos not in ("DET", "NUM", "NOUN", "ADJ"):
            return None
        end = clause_end(ctx, start, last, cue)
        end = last_content_word(ctx, tail_start(ctx, start, end) - 1, floor=start)
        if end < start or points_back(ctx, start, end) or names_topic(ctx, start, end):
            return None
        if frame.stated and not _states(words, start, end):
            return None
    if end < start:
        return None
    return respect_quotes(ctx, words[start].start, words[end].end)
