"""Reported speech as a noun phrase: what was announced, asked for, estimated or proposed.

* ``noun_object``  X a démenti tout lien avec ces personnes (a noun phrase as the message)
* ``call_object``  X appelle à une journée de mobilisation (what a call asks for)
* ``estimate``     X estime à 75 000 le nombre d'emplois menacés (a figure for a quantity)
* ``reduced_passive`` les mesures évoquées par l'architecte (the agent speaks)

The verbs come from data files (``message_objects.txt``, ``attitude_objects.txt``,
``litotes_verbs.txt``, ``request_verbs.txt``, ``estimate_verbs.txt``,
``reduced_passive_verbs.txt``); where a noun phrase stops and which objects carry no message is
:mod:`quoteattr.syntax.messages`. They run after those of :mod:`quoteattr.rules.reported`
(:mod:`quoteattr.rules.order`).

Example:
    >>> from quoteattr.rules.order import rule
    >>> rule("noun_object").stage
    'reported'
"""

from __future__ import annotations

from quoteattr.records import Polarity, QuoteKind
from quoteattr.rules.registry import Attribution, register
from quoteattr.rules.reported import reports_clauses, statement
from quoteattr.syntax.clauses import (
    addresses_reader,
    clause_end,
    last_content_word,
    partitive_in,
    passive_cue,
    purpose_adjunct,
    respect_quotes,
    sentence_bounds,
)
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch, is_participle
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.messages import names_topic, points_back, tail_start
from quoteattr.syntax.parse import Word
from quoteattr.syntax.phrases import noun_phrase_after, skip_adverbials
from quoteattr.syntax.subjects import subject
from quoteattr.syntax.subordinates import own_clause_end
from quoteattr.syntax.verb_forms import shares_auxiliary
from quoteattr.text.french import DATE_WORDS, QUE

__all__: list[str] = []


@register("noun_object", "reported")
def _noun_object(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``La direction a annoncé la fermeture du site``: a noun phrase as the message.

    Only for the verbs of ``data/message_objects.txt`` (announcing, asking, confirming …),
    whose object is what was said; the object comes after adverbials and an addressee
    (``recommande aux usagers la plus grande prudence``), a time phrase is never the
    message (``a annoncé ce matin son départ``), and the verb has its subject before it,
    so an inverted subject is never read as a message.
    """
    if not reports_clauses(cue):
        return None
    attitude = cue.entry.lemma in word_list("attitude_objects.txt")
    litotes = cue.entry.lemma in word_list("litotes_verbs.txt")
    if cue.entry.lemma not in word_list("message_objects.txt") and not attitude and not litotes:
        return None
    if (cue.polarity is Polarity.NEGATED) is not litotes:
        return None  # "n'a pas confirmé le lien": no message; "n'a pas exclu un report": one
    if addresses_reader(ctx, cue):
        return None  # "notons en particulier des œuvres de …": the narrator's aside
    words = ctx.parsed.words
    form = words[cue.word].feats.get("VerbForm")
    bare_participle = (
        form == "Part"
        and cue.first == cue.word
        and not words[cue.word].norm.endswith("ant")
        and not shares_auxiliary(ctx.parsed, words[cue.word])  # "a reconnu … mais réfuté …"
    )
    if bare_participle or (form == "Inf" and purpose_adjunct(ctx, cue)):
        return None  # "des résultats confirmés", "pour décrire …": no one states a message
    _first, last = sentence_bounds(ctx, cue)
    after = _past_parenthetical(ctx, cue.last + 1, last)
    start = skip_adverbials(ctx, after)
    if start is None or start >= last or start - after > 10:
        return None
    while start - 1 >= after and words[start - 1].upos == "NUM" and words[start].upos == "NOUN":
        start -= 1  # "a requis trois ans de prison": the number opens the phrase, no adverbial
    partitive = False
    if words[start].upos not in ("DET", "NUM", "NOUN"):
        found = partitive_in(ctx, cue.last + 1, start)  # demande au gouvernement des mesures
        partitive, start = found != start, found
    head = words[start]
    adjective_first = head.upos == "ADJ" and start + 1 < last and words[start + 1].upos == "NOUN"
    if head.upos not in ("DET", "NUM", "NOUN") and not partitive and not adjective_first:
        return None  # "fait état de véritables agressions": an adjective may open the phrase
    if head.upos == "DET" and start + 1 < last and words[start + 1].upos == "PROPN":
        return None  # a person or a place, not a message
    if any(
        words[i].upos in ("VERB", "AUX") and words[i].norm not in DATE_WORDS
        for i in range(after, start)
    ):
        return None  # another verb first (a date the parser took for a verb aside)
    if any(words[i].norm in _INTERROGATIVES for i in range(cue.last + 1, start)):
        return None  # "explique pourquoi le pilote a …": a question, not a noun phrase
    if cue.first > 0 and words[cue.first - 1].norm in QUE:
        return None  # "ce qu'a affirmé le site": inverted subject, not an object
    mention = subject(ctx, cue)
    if mention is None or (mention.start > words[cue.first].start and not _gerund(ctx, cue)):
        return None  # an inverted subject is no message's speaker; a gerund's controller may follow
    if words[mention.head].norm == "qui":
        return None  # a relative whose antecedent is unknown: precision first
    if words[mention.head].norm == "on" and any(
        w.lemma in ("pouvoir", "devoir") for w in words[mention.head + 1 : cue.first]
    ):
        return None  # "on peut noter la hausse": the narrator's remark
    end_word = _message_end(ctx, cue, start, last, before=ctx.word_at(mention.start))
    if end_word <= start or _tells_nothing(ctx, start, end_word):
        return None
    begin, stop = respect_quotes(ctx, words[start].start, words[end_word].end)
    if attitude and not ctx.outer_quotes_between(begin, stop):
        return None  # "a condamné l'agression": the target of an attitude, no message
    return statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


def _past_parenthetical(ctx: Context, i: int, last: int) -> int:
    """Past a phrase set off by commas right after the verb that opens with a preposition, an
    adverb or a conjunction (``a évoqué, mais sans en dévoiler les contours, un projet``): the
    reporter's circumstance, not the message; ``i`` when there is none."""
    words = ctx.parsed.words
    if i >= last or words[i].text != "," or i + 1 >= last:
        return i
    if words[i + 1].upos not in ("ADP", "ADV", "CCONJ", "SCONJ"):
        return i  # "a annoncé, la mort dans l'âme, …" reads on as before
    for j in range(i + 2, min(last, i + 12)):
        if words[j].text == ",":
            return j + 1
        if ctx.is_mark(words[j]) or words[j].text in (".", ";", ":"):
            return i
        if words[j].upos in ("VERB", "AUX") and words[j].feats.get("VerbForm") == "Fin":
            return i  # ", mais les médecins le savent bien, …": a clause, not a circumstance
    return i


def _message_end(
    ctx: Context, cue: CueMatch, start: int, last: int, *, before: int | None = None
) -> int:
    """The last word of a noun-phrase message opening at ``start``: the clause's end, before the
    speaker when it follows (``En insistant sur X, le républicain …``), without a closing time
    or medium phrase (:func:`quoteattr.syntax.messages.tail_start`)."""
    end_word = clause_end(ctx, start, own_clause_end(ctx, cue, start, last), cue)
    if before is not None and start < before <= end_word:
        end_word = last_content_word(ctx, before - 1, floor=start)
    return last_content_word(ctx, tail_start(ctx, start, end_word) - 1, floor=start)


def _tells_nothing(ctx: Context, start: int, end: int) -> bool:
    """``a annoncé la nouvelle``, ``… la composition du jury``: news told before or a topic."""
    return points_back(ctx, start, end) or names_topic(ctx, start, end)


_INTERROGATIVES = frozenset({"pourquoi", "comment", "combien", "où", "quand", "si", "s'"})


def _gerund(ctx: Context, cue: CueMatch) -> bool:
    """``(tout) en insistant sur …``: a gerund, whose controller is the main clause's subject."""
    words = ctx.parsed.words
    return (
        cue.first > 0 and words[cue.first - 1].norm == "en" and words[cue.word].norm.endswith("ant")
    )


@register("call_object", "reported")
def _call_object(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``La CGT appelle à une nouvelle journée de mobilisation``, ``invite à la prudence``,
    ``exhorte au calme``: what a call asks for, a noun phrase after ``à`` (GUIDELINES: the
    content of a call). For the verbs of ``data/request_verbs.txt``; an infinitive after
    ``à`` is :func:`_request_infinitive`'s."""
    if not reports_clauses(cue) or cue.entry.lemma not in word_list("request_verbs.txt"):
        return None
    if cue.polarity is Polarity.NEGATED or passive_cue(ctx, cue):
        return None
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    i = cue.last + 1
    while i < last and i - cue.last <= 10 and words[i].norm not in ("à", "au", "aux"):
        joins_nouns = (  # "appelle les partis de la majorité et de l'opposition à …"
            words[i].upos == "CCONJ"
            and i + 1 < last
            and words[i + 1].upos in ("ADP", "DET", "NOUN", "PROPN")
            and words[i + 1].norm not in ("à", "au", "aux")
        )
        if (
            words[i].upos in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ") and not joins_nouns
        ) or words[i].norm in QUE:
            return None  # past the addressee ("invite les automobilistes à …"), nothing else
        i += 1
    if i + 1 >= last or words[i].norm not in ("à", "au", "aux"):
        return None
    start = i + 1
    while start < last - 1 and words[start].token == words[i].token:
        start += 1  # "au calme": the article contracted with à is no word of the content
    if words[start].upos not in ("DET", "NOUN", "ADJ") or words[start].feats.get("VerbForm"):
        return None
    mention = subject(ctx, cue)
    if mention is None or mention.start > words[cue.first].start:
        return None
    end_word = _message_end(ctx, cue, start, last)
    if end_word < start or _tells_nothing(ctx, start, end_word):
        return None
    begin, stop = respect_quotes(ctx, words[start].start, words[end_word].end)
    return statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


@register("estimate", "reported")
def _estimate(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``La CGT estime à 75 000 le nombre d'emplois menacés``: a figure stated for a quantity.

    For the verbs of ``data/estimate_verbs.txt``, followed by ``à``, a number, then a
    definite noun phrase (the quantity measured); the content runs from the figure to the
    end of the clause, the verb has its subject before it.
    """
    if not reports_clauses(cue) or cue.entry.lemma not in word_list("estimate_verbs.txt"):
        return None
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    at = cue.last + 1
    if at + 2 >= last or words[at].norm not in ("à", "au"):
        return None
    figure = next((i for i in range(at + 1, min(at + 5, last)) if _is_figure(words[i])), None)
    if figure is None:
        return None
    quantity = next(
        (i for i in range(figure + 1, min(figure + 5, last)) if words[i].norm in _QUANTITY_OPENERS),
        None,
    )
    if quantity is None or any(w.upos in ("VERB", "AUX") for w in words[figure + 1 : quantity]):
        return None  # "estime à 40 % les chances …" needs the measured noun phrase
    mention = subject(ctx, cue)
    if mention is None or mention.start > words[cue.first].start:
        return None
    end_word = clause_end(ctx, at + 1, own_clause_end(ctx, cue, at + 1, last), cue)
    if end_word <= quantity:
        return None
    begin, stop = respect_quotes(ctx, words[at + 1].start, words[end_word].end)
    return statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


_QUANTITY_OPENERS = frozenset(
    {"le", "la", "l'", "les", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces"}
)
"""Determiners that open the quantity an estimate measures (``à 4 points son avance``)."""


def _is_figure(word: Word) -> bool:
    """A number, in digits or words (``75 000``, ``3,5``, ``trois``)."""
    return word.upos == "NUM" or word.text[:1].isdigit()


@register("reduced_passive", "reported")
def _reduced_passive(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``la reconstruction du tablier déjà évoquée par l'architecte``: a noun phrase qualified by
    the past participle of a message verb and its agent is what the agent said (GUIDELINES:
    the agent of a reduced passive of a speech verb is the speaker).

    For the verbs of ``data/reduced_passive_verbs.txt``, with no auxiliary; the content is the
    noun phrase before the participle, the speaker the agent after ``par``. Not after ``selon``
    or ``d'après`` (a source, :func:`_according_to`).
    """
    if not reports_clauses(cue) or cue.entry.lemma not in word_list("reduced_passive_verbs.txt"):
        return None
    words = ctx.parsed.words
    verb = words[cue.word]
    if not is_participle(verb) or cue.first != cue.word:
        return None
    first, last = sentence_bounds(ctx, cue)
    if cue.last + 2 >= last or words[cue.last + 1].norm != "par":
        return None
    if words[cue.last + 2].norm == "rapport":
        return None  # "par rapport à": no agent
    agent = noun_phrase_after(ctx, cue.last + 1)
    if agent is None:
        return None
    end_word = cue.first - 1
    while end_word >= first and (words[end_word].upos == "ADV" or words[end_word].text == ","):
        end_word -= 1  # "déjà évoquée", "Plusieurs attaques contre des chrétiens, revendiquées par
    if end_word < first or words[end_word].upos not in ("NOUN", "ADJ", "PROPN"):
        return None
    start = end_word
    while start - 1 >= first and (
        words[start - 1].upos in ("NOUN", "ADJ", "DET", "NUM", "PROPN")
        or words[start - 1].norm in _NOUN_PHRASE_PREPOSITIONS
        or (
            _noun_participle(words[start - 1])
            and start - 2 >= first
            and words[start - 2].upos == "NOUN"
        )
    ):
        if words[start].upos == "DET" and words[start - 1].upos in ("NOUN", "ADJ", "PROPN"):
            break  # "a confirmé à la presse les mesures …": a new noun phrase opens here
        start -= 1
    while start < end_word and words[start].upos not in ("DET", "NUM"):
        start += 1  # the phrase opens at its determiner or number
    if words[start].upos not in ("DET", "NUM") or start == end_word:
        return None
    if start > first and words[start - 1].norm in ("selon", "après", "d'après", "par"):
        return None  # "selon les chiffres publiés par l'Insee": a source, not a message
    if points_back(ctx, start, end_word) or names_topic(ctx, start, end_word):
        return None
    begin, stop = respect_quotes(ctx, words[start].start, words[end_word].end)
    return statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, agent)


_NOUN_PHRASE_PREPOSITIONS = frozenset(
    {"de", "d'", "du", "des", "à", "au", "aux", "contre", "pour", "sur", "avec", "entre", "envers"}
)
"""Prepositions inside a noun phrase (``des attaques contre des chrétiens``)."""


def _noun_participle(word: Word) -> bool:
    """A past participle that may modify the noun before it (``son appartenance supposée``)."""
    return word.feats.get("VerbForm") == "Part" and not word.norm.endswith("ant")
