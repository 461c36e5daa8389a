"""Noun-phrase messages: where one stops, and objects that carry no message.

``La direction a annoncé la fermeture du site`` reports the noun phrase as the message
(:func:`quoteattr.rules.reported._noun_object`). Two things around such a phrase are no part of
it: a time or medium phrase that closes the sentence (``Il annonce son abandon en début
de matinée le 11 novembre``, ``… dans un communiqué``), and a bare noun that only points
back to news already told (``Les chercheurs ont annoncé la nouvelle``: GUIDELINES, objects
that "point back to content already narrated").

Example:
    >>> "nouvelle" in pointer_nouns()
    True
"""

from __future__ import annotations

from quoteattr.syntax.context import Context
from quoteattr.syntax.lexicon import word_list
from quoteattr.text.french import DATE_WORDS, MONTHS, WEEKDAYS

__all__ = [
    "medium_nouns",
    "names_topic",
    "pointer_nouns",
    "points_back",
    "tail_start",
    "topic_nouns",
]

_TIME_OPENERS = frozenset({"en", "dans", "dès", "depuis", "vers", "lors", "courant", ","})
"""Prepositions that open a closing time phrase (``à`` and ``au`` are left out: ``a annoncé
le report du vote à dimanche`` dates the content, not the announcement)."""
_TIME_INNER = frozenset(
    {"de", "d'", "du", "début", "fin", "milieu", "cours", "semaine", "mois", "année", "an"}
    | {"dernier", "dernière", "prochain", "prochaine", "tôt", "tard", "même"}
)
"""Words inside a time phrase besides dates, numbers and determiners (``en fin de matinée``,
``au début de la semaine prochaine``)."""
_TIME_HEADS = DATE_WORDS | frozenset({"semaine", "mois", "année", "an"})
_OBJECT_PREPOSITIONS = frozenset({"de", "d'", "du", "des", "à", "au", "aux", "pour", "sur"})
"""A date after these is the noun's complement (``le bilan de l'année``), no time phrase."""
_MEDIUM_OPENERS = frozenset({"dans", "sur", "lors", "au", "à", "par"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM"})
_BARE_DETERMINERS = frozenset({"le", "la", "l'", "les", "ce", "cet", "cette", "ces"})


def pointer_nouns() -> frozenset[str]:
    """Nouns that name a piece of news without telling it (``la nouvelle``, ``l'information``),
    from ``data/pointer_nouns.txt``.

    Example:
        >>> "information" in pointer_nouns()
        True
    """
    return word_list("pointer_nouns.txt")


def topic_nouns() -> frozenset[str]:
    """Nouns that name the topic of a message without its content (``la composition``,
    ``l'identité``), from ``data/topic_nouns.txt``.

    Example:
        >>> "composition" in topic_nouns()
        True
    """
    return word_list("topic_nouns.txt")


def medium_nouns() -> frozenset[str]:
    """Nouns of the media and documents a message is given in (``communiqué``, ``revue``),
    from ``data/medium_nouns.txt``.

    Example:
        >>> "communiqué" in medium_nouns()
        True
    """
    return word_list("medium_nouns.txt")


def tail_start(ctx: Context, start: int, end: int) -> int:
    """Where a closing time or medium phrase of the noun phrase ``start..end`` (word indices,
    ``end`` included) begins, or ``end + 1`` when there is none.

    The phrase keeps at least its first two words.

    Example:
        >>> # "son abandon en début de matinée le 11 novembre" → the index of "en"
    """
    stop = end + 1
    while True:
        found = _time_tail(ctx, start + 2, stop) or _medium_tail(ctx, start + 2, stop)
        if found is None:
            return stop
        stop = found


def _time_tail(ctx: Context, floor: int, stop: int) -> int | None:
    """The earliest opener of a run of time words that reaches ``stop``."""
    words = ctx.parsed.words
    best = None
    has_head = False
    for j in range(stop - 1, floor - 1, -1):
        w = words[j]
        if w.norm in _TIME_HEADS:
            has_head = True
        elif not (
            w.upos == "NUM" or w.upos == "DET" or w.norm in _TIME_INNER or w.norm in _TIME_OPENERS
        ):
            break
        after_preposition = j > 0 and words[j - 1].norm in _OBJECT_PREPOSITIONS
        opens = (
            w.norm in _TIME_OPENERS
            or w.norm in WEEKDAYS
            or w.norm in ("hier", "aujourd'hui", "demain")
            or (w.upos == "DET" and j + 1 < stop and _dated(ctx, j + 1))
        )
        if opens and has_head and (w.norm in _TIME_OPENERS or not after_preposition):
            best = j
    return best


def _dated(ctx: Context, i: int) -> bool:
    """``le 11 novembre``, ``ce matin``, ``cette semaine``: a determiner opens a date."""
    w = ctx.parsed.words[i]
    if w.norm in _TIME_HEADS:
        return True
    nxt = ctx.parsed.words[i + 1] if i + 1 < len(ctx.parsed.words) else None
    return w.upos == "NUM" and nxt is not None and nxt.norm in MONTHS


def _medium_tail(ctx: Context, floor: int, stop: int) -> int | None:
    """``dans un communiqué``, ``dans la revue Nature``, ``lors d'une conférence de presse``:
    a preposition, a determiner, a medium noun, then only nouns, names and ``de``."""
    words = ctx.parsed.words
    for j in range(floor, stop - 1):
        if words[j].norm not in _MEDIUM_OPENERS:
            continue
        k = j + 1
        if words[j].norm == "lors" and k < stop and words[k].norm in ("de", "d'", "du"):
            k += 1
        while k < stop and words[k].upos == "DET":
            k += 1
        if k == j + 1 and words[j].norm not in ("au",):
            continue  # "sur Twitter" names a medium too, but also "sur le site" a topic
        if k >= stop or words[k].lemma.lower() not in medium_nouns():
            continue
        rest = words[k + 1 : stop]
        if all(w.upos in _NOMINAL or w.norm in ("de", "d'", "du", "des") for w in rest):
            return j
    return None


def points_back(ctx: Context, start: int, end: int) -> bool:
    """True when ``start..end`` is only a determiner and a pointer noun (``la nouvelle``,
    ``cette information``): an object that names news already told, not a message.

    Example:
        >>> # "Les chercheurs ont annoncé la nouvelle" → True for "la nouvelle"
    """
    words = ctx.parsed.words
    return (
        end == start + 1
        and words[start].norm in _BARE_DETERMINERS
        and (words[end].norm in pointer_nouns() or words[end].lemma.lower() in pointer_nouns())
    )  # the norm too: "nouvelle" is lemmatised as the adjective "nouveau"


def names_topic(ctx: Context, start: int, end: int) -> bool:
    """True when the head noun of ``start..end`` only names a topic (``la composition du
    jury``, ``l'identité de la victime``): the phrase says what the message is about, not
    what it says.

    Example:
        >>> # "Le ministère a annoncé la composition du jury" → True for the object
    """
    words = ctx.parsed.words
    i = start
    while i <= end and words[i].upos in ("DET", "ADJ", "NUM"):
        i += 1
    return i <= end and words[i].upos == "NOUN" and words[i].lemma.lower() in topic_nouns()
