"""Speaker profiles: the role and the type of each speaker, from the document's evidence.

This stage runs after speaker resolution (:mod:`quoteattr.speakers.resolution`): every
speaker of a document with a canonical name gets one profile, and every
:class:`~quoteattr.records.Speaker` of that name is given its ``role`` and
``type``. Nothing comes from outside the document but three word lists of
the package (``quoteattr/data``: ``roles.txt``, ``first_names.txt``,
``organisations.txt``).

Role
    The title or role the document gives the speaker: an apposition after a
    name (``Stéphane Séjourné, ministre des Affaires étrangères,``), a
    description before it (``le ministre de l'Intérieur Gérald Darmanin``,
    ``la ministre du Travail, Catherine Vautrin``), or the description the
    speaker is quoted under (``le maire``), when it is headed by a role noun
    of ``roles.txt``. The most explicit one wins (an apposition or a
    description next to the name over a bare description); a later role that
    extends it (``ministre`` → ``ministre des Affaires étrangères``) replaces
    it.
Type
    ``person`` from a role, a civil title (``M.``, ``Mme``) or a known first
    name; ``organisation`` from an organisation word heading the description
    or inside the name (``le ministère``, ``Amnesty International``) or from
    a name that is one acronym (``l'ONU``). A singular personal pronoun used
    for the speaker (``il``, ``elle``) supports ``person`` but never decides
    alone: French uses them for institutions too (``la Commission … elle``).
    No evidence, or as much both ways, leaves ``unknown``.

Example:
    >>> profile = describe("la ministre du Travail")
    >>> profile.role, profile.type.value
    ('ministre du Travail', 'person')
    >>> describe("le ministère russe des Affaires étrangères").type.value
    'organisation'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import attrs
from attrs import field, validators

from quoteattr.records import MentionKind, Quote, SpeakerType
from quoteattr.speakers.resolution import role_nouns
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.mentions import name_run
from quoteattr.syntax.parse import ParsedText, Word

__all__ = [
    "SpeakerProfile",
    "apply_profiles",
    "build_profiles",
    "describe",
    "first_names",
    "organisation_words",
]

_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "l’", "un", "une", "des", "son", "sa", "ses", "leur", "leurs"}
    | {"ce", "cet", "cette", "notre", "votre"}
)
_ELIDED = ("l'", "l’")
_PREPOSITIONS = frozenset({"de", "d'", "d’", "du", "des", "à", "au", "aux", "en", "pour", "sur"})
_MODIFIERS = frozenset(
    {"ancien", "ancienne", "nouveau", "nouvel", "nouvelle", "actuel", "actuelle", "futur"}
    | {"future", "ex", "haut", "haute", "jeune", "vice", "premier", "première", "éphémère"}
)
"""Words that may stand before the role noun (``l'ancien ministre``)."""
_CAPITALISED = frozenset({"premier", "première"})
"""Role words written with a capital by convention (``Premier ministre``)."""
_NOT_ROLES = frozenset({"homme", "femme"})
"""Role nouns that say a person but give no role."""
_TITLES = {
    "m.": "M.",
    "mme": "Mme",
    "mme.": "Mme",
    "mlle": "Mlle",
    "monsieur": "Monsieur",
    "madame": "Madame",
    "mademoiselle": "Mademoiselle",
    "dr": "Dr",
    "dr.": "Dr",
    "pr": "Pr",
    "me": "Me",
    "maître": "Maître",
    "mgr": "Mgr",
}
"""Civil titles before a name: the speaker is a person."""
_PERSON_PRONOUNS = frozenset({"il", "elle", "lui", "celui-ci", "celle-ci"})
_STOP_TEXTS = frozenset(',.;:!?()[]«»"“”„—–…')
_FEMININE = (("drice", "deur"), ("trice", "teur"), ("euse", "eur"), ("ière", "ier"), ("e", ""))
"""Feminine endings of role nouns and their masculine forms (``directrice`` → ``directeur``)."""

_WEIGHTS = {"title": 3, "role": 3, "first name": 2, "pronoun": 1}
_ORG_WEIGHTS = {"organisation word": 3, "acronym": 2}
_THRESHOLD = 2
_ROLE_NEAR_NAME = 3
"""Strength of a role read next to a name (apposition, description before it)."""


@attrs.frozen(slots=True)
class SpeakerProfile:
    """What the document says about one speaker.

    ``evidence`` lists the clues, for auditing (``title M.``, ``first name
    Anne``, ``role ministre``, ``organisation word ministère``, ``pronoun il``).

    Example:
        >>> SpeakerProfile("Anne Hidalgo", "maire de Paris", "person").type.value
        'person'
    """

    name: str = field(validator=validators.instance_of(str))
    role: str | None = field(
        default=None, validator=validators.optional(validators.instance_of(str))
    )
    type: SpeakerType = field(default=SpeakerType.UNKNOWN, converter=SpeakerType)
    evidence: tuple[str, ...] = field(
        default=(), validator=validators.deep_iterable(validators.instance_of(str))
    )


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names (case-folded) from ``quoteattr/data/first_names.txt``.

    Example:
        >>> "stéphane" in first_names(), "séjourné" in first_names()
        (True, False)
    """
    return word_list("first_names.txt")


@functools.lru_cache(maxsize=1)
def organisation_words() -> frozenset[str]:
    """Organisation words (case-folded) from ``quoteattr/data/organisations.txt``.

    Example:
        >>> "ministère" in organisation_words()
        True
    """
    return word_list("organisations.txt")


# --- words ---------------------------------------------------------------------------------------


def _forms(word: str) -> list[str]:
    """A noun and its likely masculine singular forms (``directrices`` → ``directeur``)."""
    word = word.casefold().strip(".,;:!?")
    for prefix in ("ex-", "vice-", "co-"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
    forms = [word]
    if word.endswith(("s", "x")) and len(word) > 3:
        forms.append(word[:-1])
    for base in list(forms):
        for feminine, masculine in _FEMININE:
            if base.endswith(feminine) and len(base) > len(feminine) + 2:
                forms.append(base[: len(base) - len(feminine)] + masculine)
    return forms


def _is_role(word: str, lemma: str | None = None) -> bool:
    roles = role_nouns()
    candidates = _forms(word) + ([lemma.casefold()] if lemma else [])
    return any(form in roles for form in candidates)


def _is_organisation(word: str) -> bool:
    words = organisation_words()
    return any(form in words for form in _forms(word))


def _is_acronym(token: str) -> bool:
    letters = token.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:.–—-")
    first = text.split(" ", 1)[0].casefold() if text else ""
    if first not in _CAPITALISED and first in role_nouns() | _MODIFIERS:
        text = text[0].lower() + text[1:]  # "Ministre de l'Intérieur" at a sentence start
    return text


# --- evidence from a description or a name (strings) ---------------------------------------------


def describe(text: str) -> SpeakerProfile:
    """The profile a description or a name gives by itself.

    Example:
        >>> describe("Mme Lévy").type.value, describe("Amnesty International").type.value
        ('person', 'organisation')
        >>> describe("l'ancien Premier ministre").role
        'ancien Premier ministre'
    """
    evidence = _Evidence()
    _read_string(text, evidence, 0)
    return evidence.profile(text)


def _read_string(text: str, evidence: _Evidence, position: int) -> None:
    tokens = text.split()
    if not tokens:
        return
    title = _TITLES.get(tokens[0].casefold())
    if title is not None and len(tokens) > 1:
        evidence.person("title", title)
        tokens = tokens[1:]
    first = tokens[0]
    lowered = first.casefold()
    determiner = lowered in _DETERMINERS
    if lowered.startswith(_ELIDED) and len(first) > 2:  # l'ambassadeur
        tokens = [first[2:], *tokens[1:]]
        determiner = True
    elif determiner:
        tokens = tokens[1:]
    if not tokens:
        return
    if determiner or not tokens[0][:1].isupper() or _is_role(tokens[0]):
        _read_description(tokens, evidence, position)
        if determiner and tokens[0][:1].isupper() and not _is_role(tokens[0]):
            # a name with an article ("l'OMS", "la Commission européenne") is no person's name
            _read_name(tokens, evidence, first_name=False)
    else:
        _read_name(tokens, evidence)


def _read_description(tokens: Sequence[str], evidence: _Evidence, position: int) -> None:
    head = 0
    while head < len(tokens) - 1 and head < 2 and tokens[head].casefold() in _MODIFIERS:
        if _is_role(tokens[head]) and tokens[head + 1].casefold() not in role_nouns():
            break
        head += 1
    noun = tokens[head]
    if _is_role(noun):
        evidence.person("role", noun.casefold())
        if _forms(noun)[-1] not in _NOT_ROLES and noun.casefold() not in _NOT_ROLES:
            evidence.role(_clean(" ".join(tokens)), 2 if len(tokens) > 1 else 1, position)
    elif _is_organisation(noun):
        evidence.organisation("organisation word", noun.casefold())


def _read_name(tokens: Sequence[str], evidence: _Evidence, *, first_name: bool = True) -> None:
    for token in tokens:
        for part in token.replace("’", "'").split("'")[-1:]:
            if _is_organisation(part):
                evidence.organisation("organisation word", part.casefold())
    if len(tokens) == 1 and _is_acronym(tokens[0]):
        evidence.organisation("acronym", tokens[0])
    first = tokens[0]
    if (
        first_name
        and len(tokens) > 1
        and (first.casefold() in first_names() or first.split("-")[0].casefold() in first_names())
    ):
        evidence.person("first name", first)


# --- evidence from the parse around every occurrence of a name -----------------------------------


def _stops(word: Word) -> bool:
    """A word a role phrase does not run over: punctuation, a finite verb, a pronoun."""
    if word.text in _STOP_TEXTS or word.upos == "PUNCT":
        return True
    if word.upos in ("VERB", "AUX"):
        return word.feats.get("VerbForm") != "Part"
    return word.upos in ("PRON", "SCONJ")


def _role_phrase(parsed: ParsedText, first: int, limit: int) -> str | None:
    """The role phrase starting at word ``first`` (modifiers, role noun, complements)."""
    words = parsed.words
    head = first
    while head < limit and head - first < 3:
        word = words[head]
        if _is_role(word.text, word.lemma):
            break
        if word.text.casefold().strip("-") not in _MODIFIERS and word.upos != "ADJ":
            return None
        head += 1
    else:
        return None
    if _forms(words[head].text)[0] in _NOT_ROLES:
        return None
    last = head
    while last + 1 < limit and last + 1 - first < 12 and not _stops(words[last + 1]):
        last += 1
    while last > head and words[last].upos in ("ADP", "DET", "CCONJ"):
        last -= 1
    return _clean(parsed.text[words[first].start : words[last].end])


def _role_after(parsed: ParsedText, last: int) -> str | None:
    """``Stéphane Séjourné, ministre des Affaires étrangères, …``"""
    words = parsed.words
    limit = parsed.sentences[words[last].sentence].last
    i = last + 1
    if i >= limit or words[i].text != ",":
        return None
    i += 1
    if i < limit and words[i].text.casefold() in _DETERMINERS:
        i += 1
    return _role_phrase(parsed, i, limit) if i < limit else None


def _role_before(parsed: ParsedText, first: int) -> str | None:
    """``le ministre de l'Intérieur Gérald Darmanin``, ``la ministre du Travail, Catherine V.``"""
    words = parsed.words
    sentence = parsed.sentences[words[first].sentence]
    end = first - 1
    if end >= sentence.first and words[end].text == ",":
        end -= 1
    if end >= sentence.first and words[end].text == ")":  # "… pétrolières (Ufip), Jean X"
        opening = next(
            (
                j
                for j in range(end - 1, max(end - 6, sentence.first - 1), -1)
                if words[j].text == "("
            ),
            None,
        )
        if opening is None:
            return None
        end = opening - 1
    i = end
    while i >= sentence.first and end - i < 12:
        word = words[i]
        lowered = word.text.casefold()
        if lowered in _DETERMINERS or (lowered.startswith(_ELIDED) and word.upos == "DET"):
            before = words[i - 1].text.casefold() if i > sentence.first else ""
            if before not in _PREPOSITIONS and words[i - 1].token != word.token:
                return _role_phrase(parsed, i + 1, end + 1) if i < end else None
        elif _stops(word):
            return None
        i -= 1
    return None


def _title_before(parsed: ParsedText, first: int) -> str | None:
    words = parsed.words
    if first > parsed.sentences[words[first].sentence].first:
        return _TITLES.get(words[first - 1].text.casefold())
    return None


# --- the profiles --------------------------------------------------------------------------------


@attrs.define(slots=True)
class _Evidence:
    persons: dict[str, int] = attrs.field(factory=dict)
    organisations: dict[str, int] = attrs.field(factory=dict)
    roles: list[tuple[int, int, str]] = attrs.field(factory=list)
    """(strength, position, text) of every role read."""
    notes: list[str] = attrs.field(factory=list)

    def person(self, kind: str, value: str) -> None:
        self.persons[kind] = _WEIGHTS[kind]
        self._note(f"{kind} {value}")

    def organisation(self, kind: str, value: str) -> None:
        self.organisations[kind] = _ORG_WEIGHTS[kind]
        self._note(f"{kind} {value}")

    def role(self, text: str, strength: int, position: int) -> None:
        if text:
            self.roles.append((strength, position, text))

    def _note(self, note: str) -> None:
        if note not in self.notes:
            self.notes.append(note)

    def profile(self, name: str) -> SpeakerProfile:
        person = sum(self.persons.values())
        organisation = sum(self.organisations.values())
        kind = SpeakerType.UNKNOWN
        if person >= _THRESHOLD and person > organisation:
            kind = SpeakerType.PERSON
        elif organisation >= _THRESHOLD and organisation > person:
            kind = SpeakerType.ORGANISATION
        return SpeakerProfile(name, self._best_role(kind), kind, tuple(self.notes))

    def _best_role(self, kind: SpeakerType) -> str | None:
        if not self.roles or kind is SpeakerType.ORGANISATION:
            return None
        ordered = sorted(self.roles, key=lambda r: r[1])
        strongest = max(strength for strength, _position, _text in ordered)
        best = next(text for strength, _position, text in ordered if strength == strongest)
        for _strength, _position, text in ordered:
            if text.startswith(best + " ") or text.startswith(best + ","):
                best = text
        return best


class _Names:
    """Match a name form of the document (``Séjourné``) to one canonical speaker name."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = set(names)
        self.by_last: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for name in self.names:
            tokens = name.split()
            if tokens and tokens[0][:1].isupper():
                self.by_last.setdefault(tokens[-1], []).append((name, frozenset(tokens)))

    def match(self, form: str) -> str | None:
        if form in self.names:
            return form
        tokens = form.split()
        if not tokens:
            return None
        found = [name for name, parts in self.by_last.get(tokens[-1], []) if set(tokens) <= parts]
        return found[0] if len(found) == 1 else None


def build_profiles(parsed: ParsedText, quotes: Sequence[Quote]) -> dict[str, SpeakerProfile]:
    """One profile per canonical speaker name of ``quotes``, from the whole document.

    Example:
        >>> [p] = parse_texts(["M. Dupont, maire de Lyon, a dit que non."], nlp)   # doctest: +SKIP
        >>> build_profiles(p, attribute(p))["Dupont"].role                        # doctest: +SKIP
        'maire de Lyon'
    """
    evidence: dict[str, _Evidence] = {}
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or speaker.name is None:
            continue
        found = evidence.setdefault(speaker.name, _Evidence())
        mention = speaker.mention
        if mention is None:
            continue
        if speaker.kind is MentionKind.PRONOUN:
            pronoun = mention.text.casefold().lstrip("-").removeprefix("t-")
            if pronoun in _PERSON_PRONOUNS:
                found.person("pronoun", pronoun)
        elif speaker.kind is MentionKind.DESCRIPTION and mention.text != speaker.name:
            _read_string(mention.text, found, mention.start)
    for name, found in evidence.items():
        _read_string(name, found, len(parsed.text))
    _read_names_in_parse(parsed, _Names(evidence), evidence)
    return {name: found.profile(name) for name, found in evidence.items()}


def _read_names_in_parse(parsed: ParsedText, names: _Names, evidence: dict[str, _Evidence]) -> None:
    """Titles and roles next to every occurrence of a speaker's name in the document."""
    seen: set[tuple[int, int]] = set()
    words = parsed.words
    for word in words:
        if word.upos != "PROPN" or not word.text[:1].isupper():
            continue
        first, last = name_run(parsed, word.index)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        title = _TITLES.get(words[first].text.casefold())
        if title is not None and first < last:
            first += 1
        else:
            title = _title_before(parsed, first)
        name = names.match(" ".join(parsed.text[words[first].start : words[last].end].split()))
        if name is None:
            continue
        found = evidence[name]
        if title is not None:
            found.person("title", title)
        for role in (_role_before(parsed, first), _role_after(parsed, last)):
            if role:
                found.person("role", role.split()[0])
                found.role(role, _ROLE_NEAR_NAME, words[first].start)


def apply_profiles(parsed: ParsedText, quotes: Sequence[Quote]) -> list[Quote]:
    """``quotes`` with the role and type of every named speaker filled in.

    Speakers without a name (an unresolved pronoun) are left as they are.

    Example:
        >>> quotes = apply_profiles(parsed, attribute(parsed))   # doctest: +SKIP
        >>> quotes[0].speaker.role, quotes[0].speaker.type.value  # doctest: +SKIP
        ('ministre des Affaires étrangères', 'person')
    """
    profiles = build_profiles(parsed, quotes)
    out = []
    for quote in quotes:
        speaker = quote.speaker
        profile = profiles.get(speaker.name) if speaker is not None and speaker.name else None
        if speaker is not None and profile is not None:
            quote = attrs.evolve(
                quote, speaker=attrs.evolve(speaker, role=profile.role, type=profile.type)
            )
        out.append(quote)
    return out
