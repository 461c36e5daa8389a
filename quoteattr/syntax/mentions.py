"""Noun-phrase mentions: where a speaker is named or referred to.

A mention is built from a head word of the parse: its determiners,
adjectives, name parts, complements and appositions, cut to a contiguous run
of the text and trimmed of punctuation. Proper-name parts that the parser
mis-tagged (a surname tagged ``VERB``) are recovered from capitalisation.

Example:
    >>> PRONOUN_FEATURES["elles"]
    ('Fem', 'Plur')
"""

from __future__ import annotations

import attrs
import regex

from quoteattr.records import MentionKind
from quoteattr.syntax.names import (
    extend_name,
    is_capitalised,
    is_name,
    kind_noun,
    name_after_parenthesis,
    name_run,
    name_span,
    organisation_name_end,
    starts_name,
    trailing_name,
)
from quoteattr.syntax.parse import ParsedText, Word
from quoteattr.text.french import CIVIL_TITLES, DATE_WORDS, normalise

__all__ = [
    "PRONOUN_FEATURES",
    "Mention",
    "clitic_pronoun",
    "is_capitalised",
    "mention_at",
    "name_run",
]

PRONOUN_FEATURES: dict[str, tuple[str | None, str | None]] = {
    "il": ("Masc", "Sing"),
    "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"),
    "elles": ("Fem", "Plur"),
    "on": (None, None),
    "je": (None, "Sing"),
    "j'": (None, "Sing"),
    "nous": (None, "Plur"),
    "vous": (None, None),
    "tu": (None, "Sing"),
    "lui": ("Masc", "Sing"),
    "eux": ("Masc", "Plur"),
    "moi": (None, "Sing"),
    "toi": (None, "Sing"),
    "celui-ci": ("Masc", "Sing"),
    "celle-ci": ("Fem", "Sing"),
}
"""Gender and number of French personal pronouns that can carry speech."""

THIRD_PERSON = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "celui-ci", "celle-ci"})

_CLITIC = regex.compile(r"^-(?:t-)?(il|elle|ils|elles|on|je|nous|vous|tu)$", regex.IGNORECASE)
_NP_RELS = frozenset(
    {"det", "amod", "nmod", "flat", "compound", "fixed", "nummod", "appos", "case", "conj", "cc"}
)


@attrs.define(slots=True, eq=False)
class Mention:
    """A speaker mention found in the parse."""

    start: int
    end: int
    head: int
    """Index of the head word."""
    kind: MentionKind
    gender: str | None
    number: str | None
    name: tuple[int, int] | None = None
    """The proper-name part of the mention (an apposed name), if any."""

    def text(self, source: str) -> str:
        """The mention's text in ``source``."""
        return source[self.start : self.end]


def _coordinated_names_end(parsed: ParsedText, head: int, hi: int, last: int) -> int:
    """``Karim Diallo et Awa Sow``, ``Roger, Paul et Jacques``: names coordinated with the
    head name speak together, under one name (GUIDELINES: the speakers as the article names
    them); the last word of the last such name, else ``hi``."""
    for child in sorted(parsed.kids(head, "conj"), key=lambda w: w.index):
        if child.index <= hi or child.index > last or not is_name(parsed, child.index):
            break
        lo_c, hi_c = name_run(parsed, child.index)
        between = parsed.words[hi + 1 : lo_c]
        if not between or any(w.text not in (",", "et") for w in between):
            break
        hi = hi_c
    return hi


def clitic_pronoun(word: Word) -> str | None:
    """The pronoun of an inverted subject clitic (``-t-elle`` → ``elle``), or None.

    Example:
        >>> from quoteattr.syntax.parse import Word
        >>> w = Word(0, 0, "-t-il", "il", "PRON", {}, -1, "nsubj", 0, 5, 0)
        >>> clitic_pronoun(w)
        'il'
    """
    match = _CLITIC.match(word.text)
    return match.group(1).lower() if match else None


def mention_at(parsed: ParsedText, head: int) -> Mention:
    """Build the mention headed by word ``head``.

    Example:
        >>> # "Le chef de la diplomatie, Stéphane Séjourné, a dit" → head "chef"
        >>> # gives the span of the whole noun phrase and name=(span of the name)
    """
    word = parsed.words[head]
    pron = clitic_pronoun(word) or (word.norm if word.upos == "PRON" else None)
    if pron is not None and pron in PRONOUN_FEATURES:
        gender, number = PRONOUN_FEATURES[pron]
        return Mention(word.start, word.end, head, MentionKind.PRONOUN, gender, number)
    if word.norm == "qui" and word.upos == "PRON":
        antecedent = _relative_antecedent(parsed, head)
        if antecedent is not None:
            return mention_at(parsed, antecedent)
    indexes = _np_words(parsed, head)
    first, last = _contiguous(parsed, indexes, head)
    first, last = extend_name(parsed, first, last)
    first, last = _trim(parsed, first, last)
    first = _past_conjunction(parsed, first, head)
    titled = normalise(parsed.words[head].text) in CIVIL_TITLES and head + 1 < len(parsed.words)
    if titled and is_capitalised(parsed.words[head + 1]):  # "Me Marion Roucou", "Mme Dupont"
        last = max(last, name_run(parsed, head + 1)[1])
    for child in parsed.kids(head, "appos", "conj"):
        if first < child.index <= last and _expands_acronym(parsed, child.index):
            last = min(i for i in _np_words(parsed, child.index) if i > first) - 1
            while last > first and parsed.words[last].upos == "PUNCT":
                last -= 1  # "le rapport du BEA, le Bureau d'enquêtes …": the phrase ends at BEA
    after = name_after_parenthesis(parsed, head, last)
    if after is not None:  # "le président de l'Union (Ufip), Jean Schilansky"
        last = after[1]
    name = name_span(parsed, after) if after is not None else None
    comma = next((i for i in range(head + 1, last) if parsed.words[i].text == ","), None)
    if name is None and comma is not None and not is_name(parsed, head):
        # "le juge d'instruction Jean Valois, successeur du juge Marc Tellier": the name glued
        # to the description, before its apposition (whose own names are someone else's)
        name = trailing_name(parsed, head, first, comma - 1)
    name = (
        name
        or _kind_name(parsed, head, last)
        or _apposed_name(parsed, head, first, last)
        or _titled_name(parsed, head, last)
    )
    if name is None and is_name(parsed, head):
        lo, hi = name_run(parsed, head)
        hi = organisation_name_end(parsed, head, hi, last)
        hi = _coordinated_names_end(parsed, head, hi, last)
        extra = [
            i for i in range(first, last + 1) if not lo <= i <= hi and parsed.words[i].upos != "DET"
        ]
        if extra:  # titles, appositions around the name: the name itself is the mention
            name = (parsed.words[lo].start, parsed.words[hi].end)
    if name is None and not is_name(parsed, head):
        name = trailing_name(parsed, head, first, last)
    kind = MentionKind.NAME if is_name(parsed, head) else MentionKind.DESCRIPTION
    if name is not None:
        kind = MentionKind.NAME
        while last + 1 < len(parsed.words) and parsed.words[last].end < name[1]:
            last += 1  # the name ran past the phrase the parse gave (``l'ONG Reporters sans …``)
    gender, number = _agreement(parsed, head)
    start, end = parsed.words[first].start, _trimmed_end(parsed.text, parsed.words[last])
    if name is not None and name[1] == parsed.words[last].end:
        name = (name[0], end)
    return Mention(start, end, head, kind, gender, number, name)


_ABBREVIATION = regex.compile(r"^(?:\p{Lu}|M|Mme|Mlle|Mgr|Dr|Pr|Me|St|Ste|Jr|etc)\.$")


def _trimmed_end(text: str, word: Word) -> int:
    """End of a mention without the period the tokenizer glued on (``Paul.``)."""
    token = text[word.start : word.end]
    if len(token) > 1 and token[-1] in ".,;:!?" and not _ABBREVIATION.match(token):
        return word.end - 1
    return word.end


def _np_words(parsed: ParsedText, head: int) -> set[int]:
    keep = {head}
    stack = [head]
    while stack:
        parent = stack.pop()
        for child in parsed.children[parent]:
            word = parsed.words[child]
            if parent == head and word.rel in ("case", "cc"):
                continue  # the head's own preposition or conjunction is outside the phrase
            if (
                word.rel in _NP_RELS
                or (word.rel == "punct" and word.text in ",-")
                or (parent == head and child > head and _noun_complement(parsed, head, child))
                or (parent == head and _bare_participle_after(parsed, head, child))
                or (  # "le bilan le plus récent": the degree of an adjective of the phrase
                    word.rel == "advmod" and parsed.words[parent].upos == "ADJ" and parent != head
                )
            ):
                keep.add(child)
                stack.append(child)
    return keep


def _bare_participle_after(parsed: ParsedText, head: int, child: int) -> bool:
    """``le président élu``: a past participle right after its noun, with no words of its
    own, qualifies it like an adjective (``le président élu a dit``, not ``élu`` as a verb)."""
    word = parsed.words[child]
    return (
        child == head + 1
        and word.rel == "acl"
        and word.feats.get("VerbForm") == "Part"
        and not parsed.children[child]
    )


_DE = frozenset({"de", "d'", "du", "des"})


def _noun_complement(parsed: ParsedText, head: int, child: int) -> bool:
    """``un proche du dossier`` read as an adjective with an oblique: a ``de`` phrase after
    a word that has a determiner is the noun phrase's complement, whatever the label."""
    return (
        parsed.words[child].rel == "obl"
        and any(parsed.words[k].rel == "det" for k in parsed.children[head])
        and any(
            parsed.words[k].rel == "case" and parsed.words[k].norm in _DE
            for k in parsed.children[child]
        )
    )


def _contiguous(parsed: ParsedText, indexes: set[int], head: int) -> tuple[int, int]:
    first = last = head
    while first - 1 in indexes and parsed.words[first - 1].sentence == parsed.words[head].sentence:
        first -= 1
    while last + 1 in indexes and parsed.words[last + 1].sentence == parsed.words[head].sentence:
        last += 1
    return first, last


def _trim(parsed: ParsedText, first: int, last: int) -> tuple[int, int]:
    def junk(word: Word) -> bool:
        return word.upos in ("PUNCT", "CCONJ", "ADP") or not any(c.isalnum() for c in word.text)

    while last > first and junk(parsed.words[last]):
        last -= 1
    while first < last and (
        parsed.words[first].upos == "PUNCT"
        or not any(c.isalnum() for c in parsed.words[first].text)
    ):
        first += 1
    # MWT words share a token: a trailing "de" of "du" keeps the whole token.
    return first, last


def _relative_antecedent(parsed: ParsedText, qui: int) -> int | None:
    """The noun a relative ``qui`` stands for: the noun phrase right before it."""
    words = parsed.words
    sentence = parsed.sentences[words[qui].sentence]
    i = qui - 1
    if i >= sentence.first and words[i].upos == "ADP":
        i -= 1  # "le Medef, pour qui …": the antecedent stands before the preposition
    comma = False
    while i >= sentence.first and words[i].upos == "PUNCT":
        comma = comma or words[i].text == ","
        i -= 1
    if comma and i >= sentence.first and words[i].upos in ("ADJ", "VERB", "ADV"):
        opening = next(  # "Paul Martin, très remonté, qui …": past the apposed adjective
            (k for k in range(i - 1, max(sentence.first, i - 6) - 1, -1) if words[k].text == ","),
            None,
        )
        if opening is not None and opening - 1 >= sentence.first:
            i = opening - 1
    if i >= sentence.first and words[i].upos == "ADJ" and sentence.first <= words[i].head < i:
        i = words[i].head  # "une source policière qui …": the noun the adjective follows
    if i < sentence.first or (
        words[i].upos not in ("NOUN", "PROPN", "PRON") and not is_capitalised(words[i])
    ):
        return None
    while (
        words[i].rel in ("nmod", "flat", "amod", "compound")
        and sentence.first <= words[i].head < i
        and words[words[i].head].upos in ("NOUN", "PROPN", "PRON")
        and _genitive(parsed, i)
    ):  # up to the head noun ("le communiqué de la préfecture qui …"), never past another
        i = words[i].head  # preposition ("lit-on dans ce communiqué qui …")
    return i


def _genitive(parsed: ParsedText, index: int) -> bool:
    """Word ``index`` hangs on its head noun without a preposition or with ``de``."""
    return all(c.norm in _DE for c in parsed.kids(index, "case"))


def _expands_acronym(parsed: ParsedText, index: int) -> bool:
    """The apposition headed by ``index`` spells out the acronym just before its comma
    (``BEA, le Bureau d'enquêtes et d'analyses``)."""
    words = parsed.words
    start = min(i for i in _np_words(parsed, index) if words[i].upos != "PUNCT")
    if start < 2 or words[start - 1].text != ",":
        return False
    acronym = words[start - 2].text
    if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
        return False
    content = [w.text for w in words[start : start + 12] if w.upos in ("NOUN", "PROPN", "ADJ")]
    return "".join(t[0] for t in content).upper().startswith(acronym)


def _apposed_name(parsed: ParsedText, head: int, first: int, last: int) -> tuple[int, int] | None:
    """The span of a proper name apposed to the description (``le ministre, Jean Dupont,``)."""
    if parsed.words[head].upos == "PROPN":
        return None
    appositions = [
        w
        for i in range(first, last + 1)
        for w in parsed.kids(i, "appos")
        if first <= w.index <= last
    ]
    for child in appositions:
        if _expands_acronym(parsed, child.index):
            continue  # "le rapport du BEA, le Bureau d'enquêtes et d'analyses": BEA's expansion
        if child.head != head and kind_noun(parsed.words[child.head]):
            continue  # "un représentant du groupe Samsung": the group's name, not the head's
        if child.upos == "PROPN" or is_capitalised(child):
            span = sorted(i for i in _np_words(parsed, child.index) if first <= i <= last)
            lo, hi = _contiguous(parsed, set(span), child.index)
            lo, hi = extend_name(parsed, lo, hi)
            if any(
                parsed.words[i].upos == "CCONJ" and parsed.words[i + 1].upos == "DET"
                for i in range(lo, hi)
            ):
                # the name itself, not a coordination the parser hung on it
                # ("la ministre, Agnès Roy, et le député Marc Petit")
                lo, hi = name_run(parsed, child.index)
                lo, hi = max(lo, first), min(hi, last)
            comma = next((j for j in range(lo + 1, hi + 1) if parsed.words[j].text == ","), None)
            if comma is not None:
                hi = comma - 1  # "Me Éric Dupond, sur BFMTV": a name holds no comma
            while lo < hi and not is_capitalised(parsed.words[lo]):
                lo += 1  # "le président afghan Hamid Karzai": a name starts with a capital
            if not is_capitalised(parsed.words[lo]):
                continue
            lo, hi = _trim(parsed, lo, hi)
            return parsed.words[lo].start, parsed.words[hi].end
    # Surface fallback for a missed apposition: "la ministre du Travail, Catherine Vautrin,"
    sentence_last = parsed.sentences[parsed.words[head].sentence].last
    for i in range(first + 1, min(last + 2, sentence_last - 1)):
        word = parsed.words[i]
        if word.text == "," and starts_name(parsed, i + 1):
            lo, hi = name_run(parsed, i + 1)
            closing = hi + 1 >= sentence_last or parsed.words[hi + 1].text in (",", ":", ".", ";")
            if hi == last or closing:  # "…, Bernard Bajolet :" before a quote, or at the end
                return parsed.words[lo].start, parsed.words[hi].end
    return None


_DETERMINER_GENDER = {
    "la": "Fem",
    "une": "Fem",
    "cette": "Fem",
    "le": "Masc",
    "un": "Masc",
    "ce": "Masc",
    "cet": "Masc",
}
"""Determiners that show the gender of their noun phrase (``l'``, ``son``, ``les`` do not)."""


def _past_conjunction(parsed: ParsedText, first: int, head: int) -> int:
    """Where a phrase starts past a coordination or adverb the parser hung before it:
    ``…concernés, mais Stellantis`` → ``Stellantis``; ``Même la pique de X`` → ``la pique``."""
    words = parsed.words
    for i in range(head - 1, first - 1, -1):
        if words[i].text == "," or words[i].upos == "CCONJ":
            return i + 1 if i + 1 <= head else first
    while first < head and words[first].upos == "ADV" and words[first].norm != "ne":
        first += 1  # "Même la pique", "Seul le maire"
    return first


def _kind_name(parsed: ParsedText, head: int, last: int) -> tuple[int, int] | None:
    """``l'ONG Reporters sans frontières``, ``le syndicat SUD Rail``: a kind of organisation
    (``data/organisation_kinds.txt``) followed by a capitalised name, which runs to the end of
    the phrase or to its first punctuation.

    Example:
        >>> # "l'ONG Amnesty International" → the span of "Amnesty International"
    """
    words = parsed.words
    if not kind_noun(words[head]) or head + 1 > last:
        return None
    if not is_capitalised(words[head + 1]) or words[head + 1].upos in ("DET", "ADP", "PRON"):
        return None
    sentence_last = parsed.sentences[words[head].sentence].last
    end = head + 1
    while end + 1 < sentence_last and (
        (
            end + 1 <= last
            and words[end + 1].upos != "PUNCT"
            and words[end + 1].norm not in _RELATIVE | _NOT_IN_NAMES
        )
        or (  # "Reporters sans frontières", however the parse cut the phrase
            words[end + 1].upos in ("ADP", "NOUN", "ADJ", "PROPN")
            and words[end + 1].norm not in _NOT_IN_NAMES
            and (
                words[end + 1].upos != "ADP"
                or (end + 2 < sentence_last and words[end + 2].upos in ("NOUN", "PROPN"))
            )
        )
    ):
        end += 1
    return words[head + 1].start, words[end].end


_RELATIVE = frozenset({"qui", "que", "qu'", "dont"})
_NOT_IN_NAMES = DATE_WORDS | {"à", "au", "aux", "en", "dans", "par", "sur", "hier", "soir", "matin"}
"""Words after an organisation's name that start a circumstance, not the name's next word."""


def _titled_name(parsed: ParsedText, head: int, last: int) -> tuple[int, int] | None:
    """``Mme Dupont``, ``M. Lenoir``, ``Me Claire Morel`` headed by the title: the name after it.

    Example:
        >>> # "Mme Dupont a déclaré" with "Mme" as head → the span of "Dupont"
    """
    words = parsed.words
    if normalise(words[head].text) not in CIVIL_TITLES or head + 1 > last:
        return None
    if not is_capitalised(words[head + 1]):
        return None
    _first, hi = name_run(parsed, head + 1)
    return words[head + 1].start, words[min(hi, last)].end


def _agreement(parsed: ParsedText, head: int) -> tuple[str | None, str | None]:
    """Gender and number of the phrase headed by ``head``: the determiner's first (it agrees
    with the referent: ``la ministre``, ``la juge``), then the noun's."""
    word = parsed.words[head]
    gender = number = None
    determiners = [d for d in parsed.kids(head, "det") if d.index < head]
    for det in determiners:
        gender = gender or _DETERMINER_GENDER.get(det.norm) or det.feats.get("Gender")
        number = number or det.feats.get("Number")
    gender = gender or word.feats.get("Gender")
    number = number or word.feats.get("Number")
    if word.upos == "PROPN" and parsed.kids(head, "conj"):
        number = "Plur"
    if word.upos == "PROPN" and not parsed.kids(head, "det"):
        title = parsed.words[head - 1].norm if head > 0 else ""
        if title in ("m.", "monsieur"):
            gender = "Masc"
        elif title in ("mme", "madame", "mlle", "mademoiselle"):
            gender = "Fem"
        elif gender is not None and not parsed.kids(head, "det"):
            gender = None  # a bare first name's grammatical gender is a guess
    return gender, number
