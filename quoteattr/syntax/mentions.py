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
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.parse import ParsedText, Word
from quoteattr.text.french import NAME_PARTICLES

__all__ = ["PRONOUN_FEATURES", "Mention", "clitic_pronoun", "mention_at"]

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
_UPPER = regex.compile(r"^\p{Lu}[\p{L}\p{M}'’.-]*$")


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
        and words[first - 1].upos not in ("DET", "ADP", "PRON", "VERB", "AUX")
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


def is_capitalised(word: Word) -> bool:
    """True for a word that starts with a capital letter (a name part)."""
    return bool(_UPPER.match(word.text))


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
    first, last = _extend_name(parsed, first, last)
    first, last = _trim(parsed, first, last)
    for child in parsed.kids(head, "appos", "conj"):
        if first < child.index <= last and _expands_acronym(parsed, child.index):
            last = min(i for i in _np_words(parsed, child.index) if i > first) - 1
            while last > first and parsed.words[last].upos == "PUNCT":
                last -= 1  # "le rapport du BEA, le Bureau d'enquêtes …": the phrase ends at BEA
    after = _name_after_parenthesis(parsed, head, last)
    if after is not None:  # "le président de l'Union (Ufip), Jean Schilansky"
        last = after[1]
    name = _name_span(parsed, after) if after is not None else None
    name = name or _apposed_name(parsed, head, first, last)
    if name is None and _is_name(parsed, head):
        lo, hi = name_run(parsed, head)
        hi = _organisation_name_end(parsed, head, hi, last)
        extra = [
            i for i in range(first, last + 1) if not lo <= i <= hi and parsed.words[i].upos != "DET"
        ]
        if extra:  # titles, appositions around the name: the name itself is the mention
            name = (parsed.words[lo].start, parsed.words[hi].end)
    if name is None and not _is_name(parsed, head):
        comma = next((i for i in range(head + 1, last) if parsed.words[i].text == ","), None)
        if comma is not None:  # "le juge Jean Valois, successeur du juge Marc Tellier"
            name = _trailing_name(parsed, head, first, comma - 1)
        name = name or _trailing_name(parsed, head, first, last)
    kind = MentionKind.NAME if _is_name(parsed, head) else MentionKind.DESCRIPTION
    if name is not None:
        kind = MentionKind.NAME
    gender, number = _agreement(parsed, head)
    start, end = parsed.words[first].start, _trimmed_end(parsed.text, parsed.words[last])
    if name is not None and name[1] == parsed.words[last].end:
        name = (name[0], end)
    return Mention(start, end, head, kind, gender, number, name)


def _trailing_name(parsed: ParsedText, head: int, first: int, last: int) -> tuple[int, int] | None:
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
    if lo == head + 1:  # right after the role noun: "le président Barack Obama"
        if not any(w.upos == "PROPN" for w in words[lo : last + 1]):
            return None
        return words[lo].start, words[last].end
    if last - lo + 1 >= 3:  # "… de la Justice Alberto Ruiz-Gallardón": the last two
        return words[last - 1].start, words[last].end
    before = words[lo - 1]
    if (
        before.upos == "NOUN"
        and not is_capitalised(before)
        and any(w.upos == "PROPN" for w in words[lo : last + 1])
    ):  # "le juge d'instruction Jean Valois": a name after a lower-case complement
        return words[lo].start, words[last].end
    return None


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
            if word.rel in _NP_RELS or (word.rel == "punct" and word.text in ",-"):
                keep.add(child)
                stack.append(child)
    return keep


def _contiguous(parsed: ParsedText, indexes: set[int], head: int) -> tuple[int, int]:
    first = last = head
    while first - 1 in indexes and parsed.words[first - 1].sentence == parsed.words[head].sentence:
        first -= 1
    while last + 1 in indexes and parsed.words[last + 1].sentence == parsed.words[head].sentence:
        last += 1
    return first, last


def _extend_name(parsed: ParsedText, first: int, last: int) -> tuple[int, int]:
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


def _is_name(parsed: ParsedText, head: int) -> bool:
    word = parsed.words[head]
    return word.upos == "PROPN" or (
        word.upos in ("NOUN", "X", "VERB")
        and is_capitalised(word)
        and word.index != parsed.sentences[word.sentence].first
    )


def _relative_antecedent(parsed: ParsedText, qui: int) -> int | None:
    """The noun a relative ``qui`` stands for: the noun phrase right before it."""
    words = parsed.words
    sentence = parsed.sentences[words[qui].sentence]
    i = qui - 1
    if i >= sentence.first and words[i].upos == "ADP":
        i -= 1  # "le Medef, pour qui …": the antecedent stands before the preposition
    while i >= sentence.first and words[i].upos == "PUNCT":
        i -= 1
    if i < sentence.first or (
        words[i].upos not in ("NOUN", "PROPN", "PRON") and not is_capitalised(words[i])
    ):
        return None
    while (
        words[i].rel in ("nmod", "flat", "amod", "compound") and sentence.first <= words[i].head < i
    ):
        i = words[i].head
    return i


def _organisation_name_end(parsed: ParsedText, head: int, hi: int, last: int) -> int:
    """``la Confédération générale du travail (CGT)``: an organisation word written with a
    capital opens a name that goes on in lower case, up to a bracket, a comma or the end of the
    phrase."""
    words = parsed.words
    if (
        hi != head
        or words[head].upos != "NOUN"
        or words[head].norm not in word_list("organisations.txt")
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


def _name_after_parenthesis(parsed: ParsedText, head: int, last: int) -> tuple[int, int] | None:
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


def _name_span(parsed: ParsedText, indexes: tuple[int, int]) -> tuple[int, int]:
    return parsed.words[indexes[0]].start, parsed.words[indexes[1]].end


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
        if child.upos == "PROPN" or is_capitalised(child):
            span = sorted(i for i in _np_words(parsed, child.index) if first <= i <= last)
            lo, hi = _contiguous(parsed, set(span), child.index)
            lo, hi = _extend_name(parsed, lo, hi)
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
            lo, hi = _trim(parsed, lo, hi)
            return parsed.words[lo].start, parsed.words[hi].end
    # Surface fallback for a missed apposition: "la ministre du Travail, Catherine Vautrin,"
    sentence_last = parsed.sentences[parsed.words[head].sentence].last
    for i in range(first + 1, min(last + 2, sentence_last - 1)):
        word = parsed.words[i]
        if (
            word.text == ","
            and parsed.words[i + 1].upos == "PROPN"
            and is_capitalised(parsed.words[i + 1])
        ):
            lo, hi = name_run(parsed, i + 1)
            closing = hi + 1 >= sentence_last or parsed.words[hi + 1].text in (",", ":", ".", ";")
            if hi == last or closing:  # "…, Bernard Bajolet :" before a quote, or at the end
                return parsed.words[lo].start, parsed.words[hi].end
    return None


def _agreement(parsed: ParsedText, head: int) -> tuple[str | None, str | None]:
    word = parsed.words[head]
    gender = word.feats.get("Gender")
    number = word.feats.get("Number")
    for det in parsed.kids(head, "det"):
        gender = gender or det.feats.get("Gender")
        number = number or det.feats.get("Number")
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
