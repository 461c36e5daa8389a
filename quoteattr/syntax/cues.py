"""Reporting cues: speech verbs, ``selon`` / ``d'après``, found in the parse.

A cue is a word whose lemma (or, when the lemmatiser slipped, whose
inflected form) is in the package lexicon, with its verb group (auxiliaries,
adverbs in between, an inverted subject clitic: ``a-t-il ajouté``), its
polarity (``n'a pas dit``) and its modality (``aurait déclaré``).

Example:
    >>> from quoteattr.syntax.cues import NEGATORS
    >>> "jamais" in NEGATORS
    True
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from quoteattr.records import Cue, CueClass, CueType, Modality, Polarity, Span
from quoteattr.syntax.lexicon import Lexicon, LexiconEntry, word_list
from quoteattr.syntax.mentions import clitic_pronoun
from quoteattr.syntax.parse import ParsedText, Word
from quoteattr.syntax.speaking_nouns import speaks
from quoteattr.syntax.verb_forms import (
    comme_participle,
    is_participle,
    modality,
    unrealized,
    verb_in_context,
)
from quoteattr.text.french import NE, NEGATORS, QUE, REFLEXIVE, normalise

__all__ = ["COLON", "DASH", "NEGATORS", "CueMatch", "find_cues", "is_participle", "punctuation_cue"]

COLON = LexiconEntry(":", CueType.PUNCTUATION, CueClass.NEUTRAL, False, ("news",))
"""The colon that introduces a quote with no speech verb (``Le ministre : « … »``)."""
DASH = LexiconEntry("–", CueType.PUNCTUATION, CueClass.NEUTRAL, False, ("news",))
"""The dash that signs a quote (``« … » – Jean Dupont``)."""

_AUX_RELS = frozenset({"aux", "aux:tense", "aux:pass", "aux:caus"})
_INSIDE_VERB_GROUP = frozenset({"ADV", "AUX", "PRON", "PART", "VERB"})
"""What stands between an auxiliary and its verb (``a ensuite précisé``, ``n'a pas été
dit``, ``a-t-il ajouté``, ``a fait savoir``)."""


@attrs.define(slots=True, eq=False)
class CueMatch:
    """A reporting cue found in the parse."""

    word: int
    """Index of the cue word (the verb, ``selon``, the noun)."""
    entry: LexiconEntry
    first: int
    """Index of the first word of the group (first auxiliary)."""
    last: int
    """Index of the last word of the group (the verb itself or a clitic)."""
    polarity: Polarity
    modality: Modality
    clitic: int | None
    """Index of an inverted subject clitic inside the group (``-t-il``)."""

    def record(self, parsed: ParsedText) -> Cue:
        """The public :class:`Cue` record of this match."""
        start = parsed.words[self.first].start
        end = parsed.words[self.last].end
        return Cue(
            Span.of(parsed.text, start, end),
            self.entry.lemma,
            self.entry.type,
            self.entry.cls,
            self.polarity,
            self.modality,
        )


def punctuation_cue(word: Word, entry: LexiconEntry) -> CueMatch:
    """A cue made of one punctuation word (the colon or the dash).

    Example:
        >>> from quoteattr.syntax.parse import Word
        >>> w = Word(3, 0, ":", ":", "PUNCT", {}, -1, "punct", 10, 11, 3)
        >>> punctuation_cue(w, COLON).entry.lemma
        ':'
    """
    return CueMatch(
        word.index, entry, word.index, word.index, Polarity.POSITIVE, Modality.ASSERTED, None
    )


def find_cues(parsed: ParsedText, lexicon: Lexicon) -> list[CueMatch]:
    """All reporting cues of a parsed text, in text order.

    Example:
        >>> cues = find_cues(parsed, default_lexicon())     # doctest: +SKIP
        >>> [parsed.words[c.word].lemma for c in cues]      # doctest: +SKIP
        ['indiquer', 'dénoncer', 'estimer']
    """
    cues = []
    words = parsed.words
    phrases = _phrases(lexicon)
    initials = frozenset(phrase[0] for phrase, _ in phrases)
    skip_until = -1
    for word in words:
        if word.index <= skip_until:
            continue
        phrase = _phrase_at(parsed, word, phrases, initials)
        if phrase is not None:  # "à en croire", "aux dires de", "de l'avis de"
            source, last = phrase
            cues.append(
                CueMatch(last, source, word.index, last, Polarity.POSITIVE, Modality.ASSERTED, None)
            )
            skip_until = last
            continue
        expression = _expression_at(parsed, word, lexicon)
        if expression is not None:  # "a fait savoir que", "met en garde contre", "fait état de"
            multiword, end = expression
            group = _verb_group(parsed, word, multiword)
            group.last = max(group.last, end)
            cues.append(group)
            skip_until = end
            continue
        entry = _entry_for(parsed, word, lexicon)
        if entry is None:
            continue
        if entry.type is CueType.VERB:
            if unrealized(parsed, word) or comme_participle(parsed, word):
                continue  # "aurait pu s'interroger si …", "sans pouvoir dire « … »",
                # "comme prévu": no speech
            group = _verb_group(parsed, word, entry)
            if entry.lemma in word_list("non_reflexive_cues.txt") and any(
                w.norm in REFLEXIVE for w in words[group.first : word.index]
            ):
                continue  # "le club s'est qualifié pour la finale": no speech
            cues.append(group)
        else:
            last = word.index
            if entry.lemma == "d'après" and word.index + 1 < len(words):
                last = word.index + 1 if words[word.index + 1].norm == "après" else last
            cues.append(
                CueMatch(
                    word.index, entry, word.index, last, Polarity.POSITIVE, Modality.ASSERTED, None
                )
            )
    return cues


def _expression_at(
    parsed: ParsedText, word: Word, lexicon: Lexicon
) -> tuple[LexiconEntry, int] | None:
    """A multiword verb headed by ``word`` (``faire savoir``), with the index of its last word.

    The remaining words follow in order; adverbs and clitics may stand between the head
    and them (``a fait aussi savoir``, ``laisse clairement entendre``).
    """
    if word.upos not in ("VERB", "AUX"):
        return None
    words = parsed.words
    for entry in lexicon.expressions(word.lemma):
        i = word.index
        matched = True
        for part in entry.lemma.split()[1:]:
            j = i + 1
            while (
                j < len(words)
                and j - i <= 3
                and words[j].sentence == word.sentence
                and (words[j].upos == "ADV" or clitic_pronoun(words[j]) is not None)
                and words[j].norm != part
            ):
                j += 1
            if (
                j >= len(words)
                or words[j].sentence != word.sentence
                or part not in (words[j].norm, words[j].lemma.lower())
            ):
                matched = False
                break
            i = j
        if matched:
            return entry, i
    return None


def _phrases(lexicon: Lexicon) -> list[tuple[str, LexiconEntry]]:
    return [
        (normalise(lemma), entry) for lemma, entry in lexicon.prepositions.items() if " " in lemma
    ]


def _phrase_at(
    parsed: ParsedText,
    word: Word,
    phrases: list[tuple[str, LexiconEntry]],
    initials: frozenset[str],
) -> tuple[LexiconEntry, int] | None:
    """A multiword preposition starting at ``word``, with the index of its last word."""
    if not phrases or (word.index > 0 and parsed.words[word.index - 1].token == word.token):
        return None
    text = parsed.text
    if text[word.start].lower() not in initials:
        return None  # most words: no phrase starts with their letter
    head = normalise(text[word.start : word.start + 2])
    for phrase, entry in phrases:
        if not phrase.startswith(head):
            continue  # most words: no phrase starts with their first letters
        end = word.start + len(phrase)
        found = normalise(text[word.start : end])
        elided = phrase.endswith(" de") and found == phrase[:-1] + "'"  # "de l'avis d'Abdou"
        if phrase.endswith(" de") and found == phrase and text[end : end + 1].lower() == "s":
            end += 1  # "aux yeux des experts": "de" + "les" written "des"
        elif phrase.endswith(" de") and found == phrase[:-1] + "u":
            found = phrase  # "de l'avis du ministre": "de" + "le" written "du"
        if found != phrase and not elided:
            continue
        if not elided and end < len(text) and text[end].isalpha():
            continue
        last = word.index
        while last + 1 < len(parsed.words) and parsed.words[last + 1].end <= end:
            last += 1
        return entry, last
    return None


def _entry_for(parsed: ParsedText, word: Word, lexicon: Lexicon) -> LexiconEntry | None:
    form = word.norm
    if word.upos == "ADP":
        if form == "selon" and not _followed_by_que(parsed, word):
            return lexicon.lookup("selon", type=CueType.PREPOSITION)
        if form in ("d'", "de") and word.index + 1 < len(parsed.words):
            nxt = parsed.words[word.index + 1]
            if nxt.norm == "après" and parsed.text[word.end : nxt.start] == "":
                return lexicon.lookup("d'après", type=CueType.PREPOSITION)
        if form == "d'après":
            return lexicon.lookup("d'après", type=CueType.PREPOSITION)
        if form == "pour" and _opinion_source(parsed, word):
            return lexicon.lookup("pour", type=CueType.PREPOSITION)
        return None
    if form == "selon" and not _followed_by_que(parsed, word):
        return lexicon.lookup("selon", type=CueType.PREPOSITION)
    if form == "pour" and _opinion_source(parsed, word):
        return lexicon.lookup("pour", type=CueType.PREPOSITION)
    if word.upos == "VERB":
        return lexicon.lookup(word.lemma, form=form, type=CueType.VERB)
    if word.upos in ("NOUN", "ADJ", "ADV", "PROPN", "X", "AUX") and verb_in_context(parsed, word):
        return lexicon.lookup(form, form=form, type=CueType.VERB)
    return None


_SELON_RELATIVES = frozenset({"laquelle", "lequel", "lesquels", "lesquelles"})
_SOURCE_PRONOUNS = frozenset({"lui", "elle", "eux", "elles", "moi", "nous", "vous"})


def _opinion_source(parsed: ParsedText, word: Word) -> bool:
    """``Pour X, …`` opening a sentence, X a person, a role, a group or a pronoun; or
    ``X, pour qui …``.

    ``Pour cette raison, …``, ``Pour 2013, …`` and ``pour voir`` are no sources.
    """
    words = parsed.words
    sentence = parsed.sentences[word.sentence]
    if word.index + 1 < sentence.last and words[word.index + 1].norm == "qui":
        return word.index > sentence.first  # "le Medef, pour qui …": the antecedent's opinion
    opening = word.index == sentence.first or words[word.index - 1].text in (".", "!", "?")
    if not opening and any(
        w.upos not in ("CCONJ", "ADV", "PUNCT") for w in words[sentence.first : word.index]
    ):
        return False  # "». Pour X, …" glued to the previous sentence still opens one
    comma = next(
        (
            i
            for i in range(word.index + 1, min(word.index + 14, sentence.last))
            if words[i].text == ","
        ),
        None,
    )
    if comma is None or comma == word.index + 1:
        return False
    if any(w.upos in ("VERB", "AUX") for w in words[word.index + 1 : comma]):
        return False
    head = word.index + 1
    while head < comma and words[head].upos == "DET":
        head += 1
    if head >= comma:
        return False
    first = words[head]
    if first.norm in _SOURCE_PRONOUNS:
        return True
    if first.upos == "PROPN" or (first.upos != "NUM" and first.text[:1].isupper()):
        return True
    return first.upos == "NOUN" and speaks(first.lemma, documents=False)


def _followed_by_que(parsed: ParsedText, word: Word) -> bool:
    """``selon que …`` (depending on whether), ``selon laquelle`` (a relative), or ``selon les
    cas`` / ``selon les juridictions`` (depending on): no source follows."""
    words = parsed.words
    nxt = word.index + 1
    if nxt < len(words) and (words[nxt].norm in QUE or words[nxt].norm in _SELON_RELATIVES):
        return True  # "la position selon laquelle …": a relative, no source
    while nxt < len(words) and (
        words[nxt].upos == "DET"
        or words[nxt].norm in ("certains", "certaines", "tout", "toute", "tous", "toutes")
    ):
        nxt += 1
    nouns = word_list("variation_nouns.txt")
    return (
        nxt < len(words)
        and nxt > word.index + 1
        and words[nxt].upos in ("NOUN", "ADV", "ADJ", "X")  # "vraisemblance" read as an adverb
        and (words[nxt].lemma.lower() in nouns or words[nxt].norm in nouns)
    )


def _verb_group_gap(gap: Sequence[Word]) -> bool:
    """Words that may stand between an auxiliary and its verb: adverbs, clitics, other
    auxiliaries, and prepositional adverbials (``a par ailleurs rappelé``, ``a pour sa part
    estimé``), but no bare noun (``aura lieu mardi annonce``)."""
    in_phrase = False
    for w in gap:
        if w.upos == "ADP":
            in_phrase = True
        elif w.upos in ("NOUN", "PROPN", "DET", "ADJ", "NUM"):
            if not in_phrase:
                return False
        elif w.upos not in _INSIDE_VERB_GROUP and clitic_pronoun(w) is None:
            return False
    return True


def _verb_group(parsed: ParsedText, verb: Word, entry: LexiconEntry) -> CueMatch:
    words = parsed.words
    first = last = verb.index
    auxes = [w for w in parsed.kids(verb.index) if w.deprel in _AUX_RELS and w.index < verb.index]
    # Surface fallback: an auxiliary right before the verb that the parser attached elsewhere.
    scan = verb.index - 1
    while scan >= 0 and words[scan].sentence == verb.sentence and verb.index - scan <= 4:
        w = words[scan]
        if w.upos == "AUX" or (w.lemma in ("avoir", "être") and w.upos in ("VERB", "AUX")):
            auxes.append(w)
        elif w.norm == "à" and scan == verb.index - 1 and verb.feats.get("VerbForm") == "Part":
            auxes.append(w)  # "X à indiqué": web copy's typo for the auxiliary "a"
        elif w.upos not in ("ADV", "PRON") and clitic_pronoun(w) is None:
            break
        scan -= 1
    # An auxiliary belongs to the group only with no punctuation between it and the verb:
    # "« Le dossier est clos » indique …" — "est" is inside the quote, whatever the parse says.
    auxes = [a for a in auxes if all(w.upos != "PUNCT" for w in words[a.index + 1 : verb.index])]
    # Nor across a noun: "Le vote aura lieu mardi annonce le parti" — "aura" is the verb of
    # its own clause, "annonce" an incise.
    auxes = [a for a in auxes if _verb_group_gap(words[a.index + 1 : verb.index])]
    if auxes:
        first = min(w.index for w in auxes)
    if (
        first > 0
        and words[first - 1].norm in REFLEXIVE
        and words[first - 1].sentence == verb.sentence
    ):
        first -= 1  # "s'est réjoui", "se dit": the reflexive clitic belongs to the cue
    if first > 0 and words[first - 1].norm in NE and words[first - 1].sentence == verb.sentence:
        first -= 1  # "n'a pas dit": the negation belongs to the cue
    clitic = None
    for i in range(first, min(verb.index + 2, len(words))):
        if words[i].sentence == verb.sentence and clitic_pronoun(words[i]) is not None:
            clitic = i
            last = max(last, i)
            break
    polarity = _polarity(parsed, first, last, verb)
    mood = modality(parsed, [verb, *auxes])
    return CueMatch(verb.index, entry, first, last, polarity, mood, clitic)


def _polarity(parsed: ParsedText, first: int, last: int, verb: Word) -> Polarity:
    words = parsed.words
    lo = max(first - 2, parsed.sentences[verb.sentence].first)
    hi = min(last + 2, parsed.sentences[verb.sentence].last - 1)
    has_ne = any(words[i].norm in NE for i in range(lo, last + 1))
    has_neg = any(words[i].norm in NEGATORS for i in range(first, hi + 1))
    return Polarity.NEGATED if has_ne and has_neg else Polarity.POSITIVE
