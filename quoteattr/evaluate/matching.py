"""Pairing gold and predicted quotes, and deciding whether a predicted speaker is right.

Two content spans can pair when they share at least half of the *longer*
span's characters; pairs are made one-to-one, greedily by largest overlap.
A predicted speaker is right when its mention overlaps the gold mention (or
one of its ``speaker_alt`` antecedents) or when the names agree.

The strict *named speaker* comparison (:func:`named_speakers_match`) looks at
names only: the predicted canonical name must equal the gold ``speaker_name``
or contain it (or be contained in it) as whole words, after
:func:`normalise_speaker_name` and with leading civil titles dropped. It is
defined for gold names that are more than function words
(:func:`is_named_speaker`, :data:`SPEAKER_FUNCTION_WORDS`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from quoteattr.evaluate.gold import GoldQuote
from quoteattr.records import Quote, Span

__all__ = [
    "SPEAKER_FUNCTION_WORDS",
    "SPEAKER_TITLES",
    "is_correct_speaker",
    "is_named_speaker",
    "match_quotes",
    "named_speakers_match",
    "normalise_speaker_name",
    "speaker_name_tokens",
    "speaker_names_match",
]

_MIN_SUFFIX_CHARS = 4


def match_quotes(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """Pair gold and predicted content spans one-to-one; return ``(gold_index, pred_index)`` pairs.

    Two spans can pair when they share at least half of the longer span's
    characters. Pairs are taken greedily by largest overlap, ties broken by the
    smaller union of the two spans (the closer fit), then gold start, then
    predicted start. The result is sorted by gold index.

    Example:
        >>> g = [Span(0, 10, "x" * 10)]
        >>> match_quotes(g, [Span(0, 9, "x" * 9), Span(0, 10, "x" * 10)])
        [(0, 1)]
        >>> match_quotes(g, [Span(5, 10, "x" * 5)]), match_quotes(g, [Span(6, 10, "x" * 4)])
        ([(0, 0)], [])
        >>> match_quotes(g, [Span(0, 12, "x" * 12), Span(0, 10, "x" * 10)])
        [(0, 1)]
    """
    candidates: list[tuple[int, int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = g.overlap(p)
            if shared > 0 and 2 * shared >= max(len(g), len(p)):
                union = len(g) + len(p) - shared
                candidates.append((-shared, union, g.start, p.start, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def _normalise_name(name: str) -> str:
    return " ".join(name.casefold().split())


def speaker_names_match(predicted: str | None, gold: str | None) -> bool:
    """True when two speaker names agree after casefolding and collapsing whitespace.

    Names also agree when one ends with the other at a word boundary
    (``'Séjourné'`` / ``'Stéphane Séjourné'``), provided the shorter has at
    least 4 characters. ``None`` never matches.

    Example:
        >>> speaker_names_match("Séjourné", "Stéphane  SÉJOURNÉ")
        True
        >>> speaker_names_match("Blanc", "Leblanc"), speaker_names_match("Lee", "Bruce Lee")
        (False, False)
    """
    if predicted is None or gold is None:
        return False
    a, b = _normalise_name(predicted), _normalise_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < _MIN_SUFFIX_CHARS or not longer.endswith(shorter):
        return False
    return not longer[len(longer) - len(shorter) - 1].isalnum()


def _speaker_mention_hits(gold: GoldQuote, mention: Span | None) -> bool:
    if mention is None:
        return False
    targets = (gold.speaker, *gold.speaker_alt) if gold.speaker is not None else gold.speaker_alt
    return any(mention.overlap(target) > 0 for target in targets)


def is_correct_speaker(gold: GoldQuote, pred: Quote) -> bool:
    """Whether the speaker of a matched pair is right (also defined for gold without speaker).

    Right when the predicted mention overlaps the gold mention or one of its
    ``speaker_alt`` antecedents, or when the names agree
    (:func:`speaker_names_match`). A gold quote without speaker is matched
    only by a prediction without a speaker name.

    Example:
        >>> text = "Il a dit que non."
        >>> gold = GoldQuote(Span.of(text, 13, 16), "indirect", Span.of(text, 0, 2), "Il", None)
        >>> import attrs
        >>> right = gold.to_quote()
        >>> wrong = attrs.evolve(right, speaker=None)
        >>> is_correct_speaker(gold, right), is_correct_speaker(gold, wrong)
        (True, False)
    """
    speaker = pred.speaker
    if gold.speaker is None and gold.speaker_name is None:
        return speaker is None or speaker.name is None
    if speaker is None:
        return False
    return _speaker_mention_hits(gold, speaker.mention) or speaker_names_match(
        speaker.name, gold.speaker_name
    )


# --------------------------------------------------------------------------- named speakers

SPEAKER_FUNCTION_WORDS: frozenset[str] = frozenset(
    (
        # personal pronouns, elided and stressed forms
        *("il", "elle", "ils", "elles", "on", "je", "j'", "tu", "nous", "vous", "moi", "toi"),
        *("me", "m'", "te", "t'", "se", "s'", "lui", "eux", "même", "lui-même", "elle-même"),
        *("eux-mêmes", "elles-mêmes"),
        # relative and demonstrative pronouns, "ce dernier"
        *("qui", "que", "qu'", "lequel", "laquelle", "lesquels", "lesquelles"),
        *("celui", "celle", "ceux", "celles", "celui-ci", "celle-ci", "ceux-ci", "celles-ci"),
        *("celui-là", "celle-là", "ceux-là", "celles-là", "ce", "cet", "cette", "ces", "cela"),
        *("ça", "dernier", "dernière", "derniers", "dernières"),
        # indefinites ("l'un", "l'autre", "quelqu'un")
        *("autre", "autres", "quelqu'un"),
        # articles and prepositions
        *("le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "au", "aux", "à"),
    )
)
"""Tokens that do not name anyone: a gold ``speaker_name`` made of these only (``il``,
``ce dernier``, ``l'un``, ``celle-ci``) is left out of the named-speaker accuracy, and a
name made of these only never matches (:func:`is_named_speaker`)."""

SPEAKER_TITLES: frozenset[str] = frozenset(
    (
        *("m", "mm", "mme", "mmes", "mlle", "mlles", "me", "dr", "pr", "mgr"),
        *("monsieur", "madame", "mademoiselle", "maître", "docteur", "professeur"),
    )
)
"""Civil and professional titles (casefolded, without their dot) dropped from the start of a
name before names are compared: the guidelines leave them out of ``speaker_name``."""

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u00b4`\u2032", "'"))
_NAME_TOKEN = re.compile(r"\w+(?:['-]\w+)*'?")
_ELISION = re.compile(r"^(l'|d'|j'|qu')(\w.*)$")


def normalise_speaker_name(name: str) -> str:
    """A speaker name for comparison: NFC, casefolded, one kind of apostrophe, spaces collapsed.

    Typographic apostrophes (’ ‘ ʼ ´ ` ′) become ``'``; whitespace runs become
    one space; punctuation and spaces around the name are stripped (a final
    elided ``l'`` keeps its apostrophe).

    Example:
        >>> normalise_speaker_name("  « Awa  N’Diaye », ")
        "awa n'diaye"
    """
    text = unicodedata.normalize("NFC", name).casefold().translate(_APOSTROPHES)
    text = " ".join(text.split())
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] != "'":
        end -= 1
    return text[start:end]


def speaker_name_tokens(name: str) -> tuple[str, ...]:
    """The words of a normalised speaker name, leading titles dropped.

    Words are runs of letters and digits joined by inner hyphens and
    apostrophes (``jean-marc`` and ``n'diaye`` are one word each); an elided
    ``l'``, ``d'``, ``j'`` or ``qu'`` is split off as a word of its own
    (``d'ormesson`` → ``d'``, ``ormesson``). Titles of
    :data:`SPEAKER_TITLES` at the start are dropped while a word remains.

    Example:
        >>> speaker_name_tokens("M. Olivier d’Ormesson-Vautrin")
        ('olivier', "d'", 'ormesson-vautrin')
        >>> speaker_name_tokens("Me")
        ('me',)
    """
    tokens: list[str] = []
    for word in _NAME_TOKEN.findall(normalise_speaker_name(name)):
        elided = _ELISION.match(word)
        tokens.extend(elided.groups() if elided else (word,))
    while len(tokens) > 1 and tokens[0] in SPEAKER_TITLES:
        del tokens[0]
    return tuple(tokens)


def _names_someone(tokens: Sequence[str]) -> bool:
    return any(t not in SPEAKER_FUNCTION_WORDS and t not in SPEAKER_TITLES for t in tokens)


def is_named_speaker(name: str | None) -> bool:
    """Whether a speaker name is more than function words and titles (``None`` is not).

    Example:
        >>> [is_named_speaker(n) for n in ("Il", "ce dernier", "L’un", None, "la CGT")]
        [False, False, False, False, True]
    """
    return name is not None and _names_someone(speaker_name_tokens(name))


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    size = len(shorter)
    return any(tuple(longer[i : i + size]) == tuple(shorter) for i in range(len(longer) - size + 1))


def named_speakers_match(predicted: str | None, gold: str | None) -> bool:
    """The strict name comparison of the named-speaker accuracy.

    True when both names are more than function words (:func:`is_named_speaker`)
    and, as word sequences (:func:`speaker_name_tokens`: normalised, leading
    titles dropped), are equal or one is a contiguous run of the other's words.
    Words are whole: ``Marc`` is not in ``Marcel Dupont``, nor in
    ``Jean-Marc Dupont`` (a hyphenated name is one word). No suffix or length
    rule, no accent folding; ``None`` never matches.

    Example:
        >>> named_speakers_match("Macron", "Emmanuel Macron")
        True
        >>> named_speakers_match("Marc", "Marcel Dupont"), named_speakers_match("il", "il")
        (False, False)
        >>> named_speakers_match("M. Lenoir", "Marc Lenoir")
        True
    """
    if predicted is None or gold is None:
        return False
    a, b = speaker_name_tokens(predicted), speaker_name_tokens(gold)
    if not (_names_someone(a) and _names_someone(b)):
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return _contains(longer, shorter)
