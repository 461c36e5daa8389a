"""The people and organisations a document names, found once before speakers are resolved.

Every proper name outside quotation marks is recorded in text order with its canonical form,
whether it names a person or an organisation (first names, civil titles, role nouns glued or
apposed to it; acronyms and organisation words), its gender where the text shows it, and the
roles the article gives it (``la ministre de la Santé Agnès Roy``, ``Paul Girard, le directeur
de la rédaction``, ``Inès Morel, ministre``). A description or a pronoun met later is resolved
against this table (:mod:`quoteattr.speakers.resolution`): ``la ministre`` to the person the
article gave that role, or else to the last named person it fits, ``le syndicat`` to the last
organisation, so that a role never migrates to someone the article did not give it to.

Example:
    >>> "ministre" in role_lemmas("la ministre de la Santé")
    True
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator, Sequence
from importlib import resources

import attrs

from quoteattr.records import QuotedSpan
from quoteattr.syntax.lexicon import role_nouns, word_list
from quoteattr.syntax.names import is_capitalised, kind_noun, name_run
from quoteattr.syntax.parse import ParsedText, Word
from quoteattr.text.french import CIVIL_TITLES, normalise

__all__ = ["DocumentEntities", "NamedMention", "given_name_gender", "role_lemmas"]

_FEMININE_TITLES = frozenset({"mme", "mme.", "madame", "mlle", "mademoiselle"})
_MASCULINE_TITLES = frozenset({"m.", "m", "mr", "mr.", "monsieur"})
_FEMININE_ARTICLES = frozenset({"la", "une", "cette"})
_MASCULINE_ARTICLES = frozenset({"le", "un", "ce", "cet"})
_ROLE_REACH = 4
"""How many words a role noun may stand before the name it is glued to (``la ministre de la
Santé Agnès Roy``)."""
_APPOSED_ROLE_REACH = 14
"""How many words a role noun may stand before a comma and the name it describes."""


@attrs.define(slots=True, eq=False)
class NamedMention:
    """One proper name of the document, outside quotation marks."""

    start: int
    end: int
    name: str
    """The canonical name (``Agnès Roy`` for ``Mme Roy``)."""
    sentence: int
    paragraph: int
    person: bool | None
    """True for a person, False for an organisation, None when the text does not say."""
    gender: str | None
    roles: frozenset[str]
    """Role nouns the article attaches to this mention (lemmas: ``ministre``, ``directeur``)."""


def role_lemmas(description: str) -> frozenset[str]:
    """The role nouns (``data/roles.txt``) among the words of a description.

    Example:
        >>> sorted(role_lemmas("l'ancien directeur de la rédaction"))
        ['directeur']
        >>> sorted(role_lemmas("le chef du gouvernement"))  # data/role_equivalents.tsv
        ['chef', 'premier']
    """
    roles = role_nouns()
    out = set()
    text = normalise(description)
    for token in text.replace("'", " ").split():
        for form in (token, token.removesuffix("s"), _masculine(token)):
            if form in roles:
                out.add(form)
    padded = " " + " ".join(text.replace("'", " ").split()) + " "
    for phrase, equivalents in _role_equivalents():
        if f" {phrase} " in padded:
            out |= equivalents
    return frozenset(out)


def given_name_gender(name: str) -> str | None:
    """The gender (``Masc``/``Fem``) French news uses for a person whose name starts with
    this given name, from ``data/first_name_genders.tsv``; None for names given to both
    and for words that are no given name. A compound takes its first part's gender.

    Example:
        >>> given_name_gender("Agnès Buzyn"), given_name_gender("Jean-Luc Martin")
        ('Fem', 'Masc')
        >>> given_name_gender("Camille Roux") is None
        True
    """
    words = name.split()
    if not words:
        return None
    first = words[0].casefold()
    genders = _given_name_genders()
    return genders.get(first) or genders.get(first.split("-")[0])


@functools.cache
def _given_name_genders() -> dict[str, str]:
    text = resources.files("quoteattr").joinpath("data/first_name_genders.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, gender = line.split("\t")
        out[name.strip().casefold()] = "Fem" if gender.strip() == "f" else "Masc"
    return out


@functools.cache
def _role_equivalents() -> tuple[tuple[str, frozenset[str]], ...]:
    """``data/role_equivalents.tsv``: phrases that name a role by another name."""
    text = resources.files("quoteattr").joinpath("data/role_equivalents.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("phrase\t"):
            continue
        phrase, roles = line.split("\t")
        rows.append(
            (" ".join(normalise(phrase).replace("'", " ").split()), frozenset(roles.split()))
        )
    return tuple(rows)


def _masculine(token: str) -> str:
    for fem, masc in (("trice", "teur"), ("euse", "eur"), ("ière", "ier"), ("ienne", "ien")):
        if token.endswith(fem):
            return token[: -len(fem)] + masc
    return token.removesuffix("e")


class DocumentEntities:
    """The named people and organisations of one document, in text order.

    Example:
        >>> entities = DocumentEntities(parsed, str, quotations)   # doctest: +SKIP
        >>> entities.last_person(position, gender="Fem").name      # doctest: +SKIP
        'Agnès Roy'
    """

    def __init__(
        self,
        parsed: ParsedText,
        canonical: Callable[[str], str],
        quotations: Sequence[QuotedSpan] = (),
    ) -> None:
        self.parsed = parsed
        self._quoted = sorted((q.content.start, q.content.end) for q in quotations)
        self.aliases: dict[str, str] = {}
        """The words an acronym abbreviates → the acronym (``Reporters sans frontières (RSF)``):
        an organisation is named by its shortest identifying form (GUIDELINES)."""
        self.mentions: list[NamedMention] = self._collect(canonical)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self._roles_by_name: dict[str, frozenset[str]] = {}
        for m in self.mentions:
            self._roles_by_name[m.name] = self._roles_by_name.get(m.name, frozenset()) | m.roles

    # --- building ----------------------------------------------------------------------------

    def _inside_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self._quoted, (char, len(self.parsed.text) + 1)) - 1
        return any(s <= char < e for s, e in self._quoted[max(0, i - 3) : i + 1])

    def _collect(self, canonical: Callable[[str], str]) -> list[NamedMention]:
        words = self.parsed.words
        out: list[NamedMention] = self._expansions(canonical)
        seen = -1
        for word in words:
            if word.index <= seen or not _name_word(self.parsed, word):
                continue
            lo, hi = name_run(self.parsed, word.index)
            seen = hi
            run_start = lo
            while lo < hi and normalise(words[lo].text) in CIVIL_TITLES:
                lo += 1
            titled = run_start < lo
            kind_before = run_start > 0 and kind_noun(words[run_start - 1])
            while lo <= hi and kind_noun(words[lo]):
                lo += 1  # "les ONG Mandela Center et …": a kind of organisation, no name
                kind_before = True
            if lo > hi:
                continue
            start, end = words[lo].start, words[hi].end
            if self._inside_quote(start):
                continue  # a name in a quotation is the quoted speaker's word, no antecedent
            sentence = self.parsed.sentences[word.sentence]
            roles, role_gender = self._roles_around(run_start, hi)
            if run_start > 0 and normalise(words[run_start - 1].text) in _ARTICLES:
                roles, role_gender = frozenset(), None  # "la ministre de la Santé": no person
            name = canonical(self.parsed.text[start:end])
            name = self.aliases.get(name, name)
            acronym = name in self.aliases.values() or name.isupper()
            out.append(
                NamedMention(
                    start,
                    end,
                    name,
                    sentence.index,
                    sentence.paragraph,
                    False
                    if kind_before or acronym  # "l'ONG Amnesty International": an organisation
                    else (True if titled else self._person(lo, hi, roles)),
                    self._gender(lo) or given_name_gender(name) or role_gender,
                    roles,
                )
            )
        return out

    def _expansions(self, canonical: Callable[[str], str]) -> list[NamedMention]:
        """``Reporters sans frontières (RSF)``, ``l'Union des forces du changement (UFC)``: an
        acronym in brackets after the words whose initials spell it. Both are one organisation
        (:attr:`aliases` maps the words to the acronym, the organisation's name)."""
        words = self.parsed.words
        out = []
        for k, word in enumerate(words[:-2]):
            token = words[k + 1].text
            if word.text != "(" or words[k + 2].text != ")":
                continue
            if not (2 <= len(token) <= 8 and token.isupper() and token.isalpha()):
                continue
            first = self.parsed.sentences[word.sentence].first
            for start in range(k - 1, max(first, k - 2 * len(token) - 2) - 1, -1):
                content = [
                    w.text for w in words[start:k] if len(w.text) > 3 or w.text[:1].isupper()
                ]
                if "".join(t[0] for t in content).upper() != token or not content:
                    continue
                if words[start].upos == "DET":
                    start += 1
                lo, hi = words[start].start, words[k - 1].end
                self.aliases[canonical(self.parsed.text[lo:hi])] = token
                name = token
                sentence = self.parsed.sentences[word.sentence]
                out.append(
                    NamedMention(
                        lo, hi, name, sentence.index, sentence.paragraph, False, None, frozenset()
                    )
                )
                break
        return out

    def _roles_around(self, lo: int, hi: int) -> tuple[frozenset[str], str | None]:
        """Role nouns glued before the name (``le ministre X``, ``la ministre de la Santé X``)
        or apposed after it (``X, directeur de …``, ``X, le directeur …``), and the gender
        their article shows."""
        words = self.parsed.words
        sentence = self.parsed.sentences[words[lo].sentence]
        roles: set[str] = set()
        gender = None
        start = lo - 1
        reach = _ROLE_REACH
        if start > sentence.first and words[start].text == ",":
            start -= 1  # "L'avocate des familles, Maître Claire Dufour": the description before
            reach = _APPOSED_ROLE_REACH  # "Le ministre marocain des affaires étrangères et de
            # la coopération internationale, Nasser Bourita": a long description, set apart
        for i in range(start, max(sentence.first, start - reach) - 1, -1):
            w = words[i]
            if w.text in (",", ".", ";", ":", "(", ")") or w.upos in ("VERB", "AUX"):
                break
            found = role_lemmas(w.text)
            if found:
                k = i
                while k - 1 > sentence.first and words[k - 1].upos in ("ADJ", "NOUN", "PROPN"):
                    k -= 1  # "du Premier ministre X": the whole role phrase
                phrase = self.parsed.text[words[k].start : words[lo - 1].end]
                roles |= found | role_lemmas(phrase)  # "le chef du gouvernement X": premier
                gender = gender or _article_gender(self.parsed, i)
                break
        j = hi + 1
        if j + 1 < sentence.last and words[j].text == ",":
            k = j + 1
            determined = words[k].upos == "DET"
            if determined and k + 1 < sentence.last:
                k += 1
            while k < sentence.last and words[k].upos == "ADJ":
                k += 1  # "X, ancien ministre"
            found = role_lemmas(words[k].text) if k < sentence.last else frozenset()
            if found and (not determined or self._closed_apposition(k, sentence.last)):
                roles |= found
                gender = gender or _article_gender(self.parsed, k)
        return frozenset(roles), gender

    def _closed_apposition(self, noun: int, stop: int) -> bool:
        """``X, le député de la Somme, a …``: the phrase after the comma closes before the
        verb; ``Interrogé par Le Monde, le député a estimé …`` opens a new clause instead."""
        words = self.parsed.words
        for i in range(noun + 1, stop):
            w = words[i]
            if w.text in (",", ")", ":", ";", "."):
                return True
            if w.upos in ("VERB", "AUX") or w.norm in ("qui", "que", "qu'"):
                return False
        return True

    def _person(self, lo: int, hi: int, roles: frozenset[str]) -> bool | None:
        words = self.parsed.words
        first = normalise(words[lo].text)
        if roles or first in word_list("first_names.txt"):
            return True
        if lo > 0 and normalise(words[lo - 1].text) in CIVIL_TITLES:
            return True
        text = self.parsed.text[words[lo].start : words[hi].end]
        if any(normalise(t) in word_list("organisations.txt") for t in text.split()):
            return False
        if hi == lo and text.isupper() and len(text) >= 2:
            return False  # an acronym: CGT, RSF, ONU
        return None

    def _gender(self, lo: int) -> str | None:
        if lo == 0:
            return None
        before = normalise(self.parsed.words[lo - 1].text)
        if before in _FEMININE_TITLES:
            return "Fem"
        if before in _MASCULINE_TITLES:
            return "Masc"
        return None

    # --- queries -----------------------------------------------------------------------------

    def before(self, position: int) -> Iterator[NamedMention]:
        """The named mentions that start before ``position``, most recent first (read
        lazily: the callers stop at their window)."""
        i = bisect.bisect_left(self._starts, position)
        return _backwards(self.mentions, i)

    def acronym_of(self, name: str, canonical: Callable[[str], str]) -> str | None:
        """The acronym the document gave the words of ``name``, or that ``name`` is (its
        article left out), else None; ``canonical`` normalises a name as the resolver does.

        Example:
            >>> # after "l'Agence régionale de santé (ARS)": "l'ARS" → "ARS"
        """
        bare = name
        for article in ("l'", "l’", "le ", "la ", "les "):
            if normalise(bare[: len(article)]) == normalise(article):
                bare = bare[len(article) :]
                break
        if bare in self.aliases.values():
            return bare  # "l'ARS" once "Agence régionale de santé (ARS)" was read: "ARS"
        return self.aliases.get(bare) or self.aliases.get(canonical(bare))

    def with_role(
        self, roles: frozenset[str], position: int, paragraph: int, window: int
    ) -> NamedMention | None:
        """The last person before ``position`` the article gave one of ``roles``."""
        for m in self.before(position):
            if paragraph - m.paragraph > window:
                return None
            if m.roles & roles:
                return m
        return None

    def holds_other_role(self, name: str, roles: frozenset[str]) -> bool:
        """The article gave the person ``name`` a role (a military rank aside) and none of
        ``roles``: a description with ``roles`` is someone else.

        Example:
            >>> # after "L'avocate Claire Morin": holds_other_role("Claire Morin", {"porte-parole"})
        """
        held = self._roles_by_name.get(name, frozenset()) - word_list("ranks.txt")
        return bool(held) and bool(roles) and not held & roles

    def last_person(
        self, position: int, paragraph: int, window: int, gender: str | None, roles: frozenset[str]
    ) -> NamedMention | None:
        """The last named person before ``position`` that a description of ``gender`` with
        ``roles`` can stand for: not an organisation, not someone the article gave another
        role (a military rank is no bar: the colonel may be the junta's chief), not of the
        other gender."""
        for m in self.before(position):
            if paragraph - m.paragraph > window:
                return None
            if m.person is not True:
                continue  # an organisation, a place, a medium: no evidence of a person
            held = m.roles - word_list(
                "ranks.txt"
            )  # a rank goes with any office: the colonel leads the junta
            if held and roles and not held & roles:
                continue
            if gender and m.gender and gender != m.gender:
                continue
            return m
        return None

    def last_organisation(self, position: int, paragraph: int, window: int) -> NamedMention | None:
        """The last named organisation before ``position``."""
        for m in self.before(position):
            if paragraph - m.paragraph > window:
                return None
            if m.person is False:
                return m
        return None


def _backwards(mentions: list[NamedMention], end: int) -> Iterator[NamedMention]:
    for k in range(end - 1, -1, -1):
        yield mentions[k]


_ARTICLES = frozenset({"le", "la", "l'", "les"})
"""A definite article before a capitalised word makes it a thing's name, not a person's
(``la Santé``, ``le Sénat``, ``les Verts``): French gives people's names no article."""


def _name_word(parsed: ParsedText, word: Word) -> bool:
    """A word that starts or continues a proper name (not a capitalised sentence opener)."""
    if not is_capitalised(word) or word.upos in ("DET", "ADP", "PRON", "PUNCT", "NUM", "CCONJ"):
        return False
    sentence = parsed.sentences[word.sentence]
    return word.upos == "PROPN" or word.index != sentence.first


def _article_gender(parsed: ParsedText, noun: int) -> str | None:
    words = parsed.words
    sentence_first = parsed.sentences[words[noun].sentence].first
    for i in range(noun - 1, max(sentence_first, noun - 3) - 1, -1):
        form = normalise(words[i].text)
        if form in _FEMININE_ARTICLES:
            return "Fem"
        if form in _MASCULINE_ARTICLES:
            return "Masc"
    gender = words[noun].feats.get("Gender")
    return gender if isinstance(gender, str) else None
