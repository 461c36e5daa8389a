"""A cheap check that a text is French, so that other languages get a warning, not nonsense.

quoteattr's parser, cue lexicon and rules are French only: on English or
German text they return a few meaningless records, silently. :func:`guess_language`
reads the commonest function words of French and of the languages most
often mixed up with it in news feeds (English, Spanish, Italian, Portuguese,
German) and says which one the text is plainly written in;
:func:`warn_if_not_french` turns a plainly foreign text into a
:class:`NotFrenchWarning`. A text that is short, mixed, or French with
foreign quotes is never flagged: only text where another language's
function words clearly outnumber French ones, or with hardly any Latin
letters at all.

Example:
    >>> guess_language("Le ministre a déclaré que la réforme serait votée avant l'été.")
    'fr'
    >>> guess_language("The minister said that the reform would be passed before the summer.")
    'en'
    >>> guess_language("Oui.") is None
    True
"""

from __future__ import annotations

import re
import warnings

__all__ = ["NotFrenchWarning", "guess_language", "warn_if_not_french"]

MIN_WORDS = 8
"""Texts with fewer distinct words are not judged by their words."""
MIN_LETTERS = 20
"""Texts with fewer letters are not judged by their script."""
SAMPLE_WORDS = 2_000
SAMPLE_CHARS = 20_000
"""Only the first words (and characters) of a long text are read."""


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": _words(
        "le la les un une des du au aux et est sont que qui dans pour pas ne sur avec ce cette "
        "ces il elle ils elles nous vous je son sa ses leur leurs mais ou où été être avait "
        "était ont a selon aussi plus très comme sans entre après avant lors dont qu n c j "
        "s y non oui"
    ),
    "en": _words(
        "the and of to is are was were that this with for on it he she they we you have has "
        "had by from not but which who will would said be been their his her an at as"
    ),
    "es": _words(
        "el los las y del por con para una es son que se no lo como más pero sus está fue "
        "ha han este esta también ya muy sobre entre cuando"
    ),
    "it": _words(
        "il di che e per non un una sono del della con gli le è ha anche come ma questo "
        "questa dei delle nel nella alla più stato essere hanno sarà prima dopo già ancora "
        "molto tutti perché quando degli dell nell sull dall ci i"
    ),
    "pt": _words(
        "o os as do da dos das em um uma para com não no na se por mais foi é são também "
        "ao pelo pela este esta isso"
    ),
    "de": _words(
        "der die das und ist nicht ein eine zu den mit von sich auf für dem des auch es "
        "wir sie ich hat wurde sind war aber oder wie"
    ),
}
_DISTINCTIVE: dict[str, frozenset[str]] = {
    code: words.difference(*(other for key, other in _FUNCTION_WORDS.items() if key != code))
    for code, words in _FUNCTION_WORDS.items()
}
"""The function words of each language that no other language of the table shares."""

LANGUAGE_NAMES = {
    "fr": "French",
    "en": "English",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "de": "German",
    "non-latin": "a language not written in Latin letters",
}
"""Readable names of the codes :func:`guess_language` returns."""

_WORD = re.compile(r"[^\W\d_]+")
"""A word: a run of letters (apostrophes split ``qu'il`` into ``qu`` and ``il``)."""
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]")


class NotFrenchWarning(UserWarning):
    """The text does not look like French: quoteattr's results on it mean nothing.

    Example:
        >>> issubclass(NotFrenchWarning, UserWarning)
        True
    """


def guess_language(text: str) -> str | None:
    """The language ``text`` is plainly written in (``fr``, ``en``, …), or ``None``.

    ``None`` means too short to tell (fewer than :data:`MIN_WORDS` distinct
    words) or no clear winner. ``non-latin`` means that fewer than half the
    letters are Latin (Cyrillic, Arabic, Chinese …).

    Example:
        >>> guess_language("Der Minister hat gesagt, dass die Reform nicht kommen wird.")
        'de'
        >>> guess_language("Министр заявил, что реформа будет принята до лета.")
        'non-latin'
        >>> guess_language("« Oui. »\\n— Non.\\n" * 200) is None
        True
    """
    head = text[:SAMPLE_CHARS]
    letters = sum(1 for char in head if char.isalpha())
    if letters >= MIN_LETTERS and len(_LATIN.findall(head)) < 0.5 * letters:
        return "non-latin"
    words = []
    for match in _WORD.finditer(text):
        words.append(match.group().lower())
        if len(words) >= SAMPLE_WORDS:
            break
    if len(set(words)) < MIN_WORDS:
        return None
    scores = {}
    for code, vocabulary in _DISTINCTIVE.items():
        scores[code] = sum(1 for word in words if word in vocabulary) / len(words)
    best = max(scores, key=lambda code: scores[code])
    if best == "fr":
        return "fr" if scores["fr"] >= 0.04 else None
    if scores[best] >= 0.08 and scores[best] >= 2 * scores["fr"]:
        return best
    return None


def warn_if_not_french(text: str, document: str = "the text") -> str | None:
    """Warn with :class:`NotFrenchWarning` when ``text`` is plainly not French.

    ``document`` names the text in the message (a document id). Returns the
    language guessed when it warned, else ``None``.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warn_if_not_french("The minister said on Monday that it would pass.", "'a1'")
        'en'
        >>> print(caught[0].message)
        'a1' does not look like French (it looks like English): quoteattr reads French only, \
its results on this text are not meaningful
    """
    language = guess_language(text)
    if language is None or language == "fr":
        return None
    warnings.warn(
        f"{document} does not look like French (it looks like {LANGUAGE_NAMES[language]}): "
        "quoteattr reads French only, its results on this text are not meaningful",
        NotFrenchWarning,
        stacklevel=3,
    )
    return language
