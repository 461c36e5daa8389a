"""Proper names in the parse: capitalised runs, names glued to or apposed after a description.

Parsers tag first names as adjectives, surnames as verbs and titles as pronouns (``Me`` read as
the clitic *me*); the functions here read names from capitalisation, particles (``de``, ``von``,
``ben``) and the words around them, and use the tags only as hints.

Example:
    >>> from quoteattr.syntax.parse import Word
    >>> is_capitalised(Word(0, 0, "N'Diaye", "N'Diaye", "PROPN", {}, -1, "nsubj", 0, 7, 0))
    True
"""

from __future__ import annotations

import regex

from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.parse import ParsedText, Word
from quoteattr.text.french import NAME_PARTICLES

__all__ = [
    "extend_name",
    "is_capitalised",
    "is_name",
    "kind_noun",
    "name_after_parenthesis",
    "name_run",
    "name_span",
    "organisation_name_end",
    "starts_name",
    "trailing_name",
]

_UPPER = regex.compile(r"^\p{Lu}[\p{L}\p{M}'’.-]*$")


def name_run(parsed: ParsedText, index: int) -> tuple[int, int]:
    """The run of capitalised words (with particles: ``Charles de Gaulle``) around ``index``.

    Example:
        >>> # "a rappelé Stéphane Séjourné." → the indexes of Stéphane and Séjourné
    """
    words = parsed.words
    sentence = parsed.sentences[words[index].sentence]
    first = last = index

    def joined(a: int, b: int) -> bool:
        return (
            parsed.text[words[a].end : words[b].start] in (" ", "")
            and words[a].token != words[b].token
        )

    while last + 1 < sentence.last and joined(last, last + 1):
        nxt = words[last + 1]
        if is_capitalised(nxt):
            last += 1
        else:
            j = last + 1  # particles: "Charles de Gaulle", "Ursula von der Leyen"
            while (
                j < sentence.last
                and j - last <= 3
                and words[j].norm in NAME_PARTICLES
                and joined(j - 1, j)
            ):
                j += 1
            if j > last + 1 and j < sentence.last and is_capitalised(words[j]) and joined(j - 1, j):
                last = j
            else:
                break
    while (
        first - 1 >= sentence.first
        and joined(first - 1, first)
        and is_capitalised(words[first - 1])
        and words[first - 1].upos not in ("DET", "ADP", "PRON", "VERB", "AUX", "CCONJ", "SCONJ")
        and words[first - 1].norm not in _OPENING_CONJUNCTIONS  # "Et Roger …": not a name part
        and not kind_noun(words[first - 1])  # "l'ONG X"
        and not (  # "le ministre de l'Intérieur Gérald Darmanin": "Intérieur" is no name part
            last - first >= 1
            and first - 2 >= sentence.first
            and words[first - 2].upos in ("DET", "ADP")
        )
    ):
        if first - 1 == sentence.first and words[first - 1].upos not in ("PROPN", "X", "NOUN"):
            break
        first -= 1
    while first < last and not any(c.isalnum() for c in words[first].text):
        first += 1
    return first, last


_OPENING_CONJUNCTIONS = frozenset({"et", "mais", "ou", "or", "donc", "car", "puis", "ni"})
"""Conjunctions a sentence may open with, capitalised but never part of a name."""


def is_capitalised(word: Word) -> bool:
    """True for a word that starts with a capital letter (a name part)."""
    return bool(_UPPER.match(word.text))


def trailing_name(parsed: ParsedText, head: int, first: int, last: int) -> tuple[int, int] | None:
    """A name glued at the end of a description, without commas: ``le président Barack
    Obama``, ``le ministre de la Justice Alberto Ruiz-Gallardón`` (the last two capitalised
    words after a complement), ``la présidente du FMI Christine Lagarde``.

    Example:
        >>> # "le maire de New York": no name (two words after a complement are a place)
    """
    words = parsed.words
    if is_capitalised(words[head]):
        return None  # "Météo France": the whole is a name
    lo = last
    while lo - 1 > head and is_capitalised(words[lo - 1]) and words[lo - 1].upos != "DET":
        lo -= 1
    if (
        lo <= head
        or not is_capitalised(words[last])
        or words[last].upos not in ("PROPN", "NOUN", "X")
    ):
        return None
    between = words[head + 1 : lo]
    if lo == head + 1 or (
        between and all(w.upos == "ADJ" and not is_capitalised(w) for w in between)
    ):
        # right after the role noun, or after its adjectives: "le président Barack Obama",
        # "l'acteur anversois Saïd Boumazoughe"
        if not any(w.upos == "PROPN" for w in words[lo : last + 1]) and lo == head + 1:
            return None
        return words[lo].start, words[last].end
    if last - lo + 1 >= 3:  # "… de la Justice Alberto Ruiz-Gallardón": the last two
        return words[last - 1].start, words[last].end
    before = words[lo - 1]
    if (
        before.upos == "NOUN"
        and not is_capitalised(before)
        and not kind_noun(before)  # "un représentant du groupe Samsung": the group's name
        and any(w.upos == "PROPN" for w in words[lo : last + 1])
    ):  # "le juge d'instruction Jean Valois": a name after a lower-case complement
        return words[lo].start, words[last].end
    return None


def extend_name(parsed: ParsedText, first: int, last: int) -> tuple[int, int]:
    """Recover name parts the parser split off (``Stéphane`` + ``Séjourné``/VERB)."""
    sentence = parsed.sentences[parsed.words[first].sentence]
    if is_capitalised(parsed.words[last]):
        while last + 1 < sentence.last:
            nxt = parsed.words[last + 1]
            if not is_capitalised(nxt) or parsed.text[parsed.words[last].end : nxt.start] != " ":
                break
            last += 1
    if is_capitalised(parsed.words[first]):
        while first - 1 >= sentence.first:
            prev = parsed.words[first - 1]
            if prev.index == sentence.first and prev.upos not in ("PROPN", "X"):
                break
            if not is_capitalised(prev) or prev.upos in ("DET", "ADP", "PRON", "VERB", "AUX"):
                break
            if (
                last - first >= 1
                and prev.index - 1 >= sentence.first
                and parsed.words[prev.index - 1].upos in ("DET", "ADP")
            ):
                break  # "de l'Intérieur Gérald Darmanin": a complement, not a name part
            if parsed.text[prev.end : parsed.words[first].start] != " ":
                break
            first -= 1
    return first, last


def kind_noun(word: Word) -> bool:
    """A kind of organisation (``data/organisation_kinds.txt``) used as a common noun: in lower
    case (``le syndicat``) or as an acronym (``l'ONG``); not one written as a name's first word
    (``la Banque mondiale``, ``l'Union européenne``).

    Example:
        >>> # "l'ONG Oxfam" → True for ONG; "la Banque mondiale" → False for Banque
    """
    return word.norm in word_list("organisation_kinds.txt") and (
        word.text.isupper() or word.text.islower()
    )


def is_name(parsed: ParsedText, head: int) -> bool:
    """A proper name's word: a ``PROPN``, or a capitalised noun inside its sentence, but for a
    kind of organisation written in capitals (``l'ONG``, ``la PME``): a common noun.

    Example:
        >>> # "a indiqué Jean Roy" → True for Roy; "L'ONG promet" → False for ONG
    """
    word = parsed.words[head]
    if kind_noun(word):
        return False
    return word.upos == "PROPN" or (
        word.upos in ("NOUN", "X", "VERB")
        and is_capitalised(word)
        and word.index != parsed.sentences[word.sentence].first
    )


def organisation_name_end(parsed: ParsedText, head: int, hi: int, last: int) -> int:
    """``la Confédération générale du travail (CGT)``: an organisation word written with a
    capital opens a name that goes on in lower case, up to a bracket, a comma or the end of the
    phrase."""
    words = parsed.words
    if (
        hi != head
        or words[head].upos not in ("NOUN", "PROPN")
        or (
            words[head].norm not in word_list("organisations.txt")
            and words[head].norm not in word_list("organisation_kinds.txt")
        )
    ):
        return hi
    end = head
    for i in range(head + 1, last + 1):
        w = words[i]
        if w.upos in ("ADJ", "NOUN", "PROPN") or (
            w.norm in ("de", "d'", "du", "des", "le", "la", "l'", "les") and i < last
        ):
            end = i
            continue
        break
    while end > head and words[end].upos not in ("ADJ", "NOUN", "PROPN"):
        end -= 1
    return end


def name_after_parenthesis(parsed: ParsedText, head: int, last: int) -> tuple[int, int] | None:
    """The name apposed after a bracketed acronym that closes a description: ``le président
    de l'Union française des industries pétrolières (Ufip), Jean Louis Schilansky``."""
    words = parsed.words
    if words[head].upos == "PROPN":
        return None
    sentence_last = parsed.sentences[words[head].sentence].last
    i = last + 1
    if i >= sentence_last or words[i].text != "(":
        return None
    close = next((j for j in range(i + 1, min(i + 6, sentence_last)) if words[j].text == ")"), None)
    if close is None or close + 2 >= sentence_last or words[close + 1].text != ",":
        return None
    nxt = words[close + 2]
    if nxt.upos != "PROPN" or not is_capitalised(nxt):
        return None
    lo, hi = name_run(parsed, close + 2)
    if hi - lo < 1:
        return None  # one capitalised word may be a place or a body: a name has two
    if hi + 1 < sentence_last and words[hi + 1].text not in (",", ":", ".", ";", "»"):
        return None
    return lo, hi


def name_span(parsed: ParsedText, indexes: tuple[int, int]) -> tuple[int, int]:
    """The character span of the words ``indexes[0]`` to ``indexes[1]``."""
    return parsed.words[indexes[0]].start, parsed.words[indexes[1]].end


def starts_name(parsed: ParsedText, index: int) -> bool:
    """A proper name starts at ``index``, however the parser tagged it: a ``PROPN``, a civil
    title before a capitalised word (``Me Claire Morel``), or two capitalised words in a row
    (``Claire Dumas``, the first name tagged as an adjective).

    Example:
        >>> # ", Me Claire Morel," and ", Claire Dumas," → True; ", Paris" (a PROPN) → True
    """
    words = parsed.words
    word = words[index]
    if not is_capitalised(word):
        return False
    if word.upos == "PROPN":
        return True
    lo, hi = name_run(parsed, index)
    return lo == index and hi > index and word.upos != "DET"
