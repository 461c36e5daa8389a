"""Speaker resolution: from a mention to the canonical name of a person.

* Names get the longest form of the same name in the document
  (``Séjourné`` → ``Stéphane Séjourné``).
* A description with an apposed name uses the name (``Le président
  français, Emmanuel Macron,`` → ``Emmanuel Macron``); a later bare
  description that matches it (``le président français``) resolves to it; a
  role description (``le ministre``) resolves to the previous speaker it fits
  in gender and number; other descriptions name themselves
  (``la diplomatie russe``).
* Third-person pronouns (``il``, ``-t-elle``) resolve to the most recent
  compatible speaker or named subject.

Example:
    >>> normalise_name("La Russie")
    'la Russie'
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from quoteattr.records import MentionKind, QuotedSpan, Span, Speaker, SpeakerVia
from quoteattr.speakers.entities import DocumentEntities, NamedMention, role_lemmas
from quoteattr.syntax.lexicon import role_nouns, word_list
from quoteattr.syntax.mentions import THIRD_PERSON, Mention, is_capitalised, mention_at, name_run
from quoteattr.syntax.parse import ParsedText
from quoteattr.text.french import CIVIL_TITLES, DETERMINERS, normalise

__all__ = ["Resolver", "normalise_name", "role_nouns"]

_PARAGRAPH_WINDOW = 3
_ROLE_WINDOW = 3
"""How many paragraphs back a role description looks for the person given that role."""
_DESCRIPTION_WINDOW = 2
"""How many paragraphs back a bare description looks for the last person or organisation."""


def normalise_name(name: str) -> str:
    """Collapse whitespace and lowercase a sentence-initial determiner.

    Example:
        >>> normalise_name("Le  ministère russe")
        'le ministère russe'
    """
    name = " ".join(name.split())
    lowered = normalise(name)
    for det in DETERMINERS:
        if lowered.startswith(det):
            return lowered[: len(det)] + name[len(det) :]
    return name


@attrs.define(slots=True, eq=False)
class _Entity:
    position: int
    name: str
    gender: str | None
    number: str | None
    paragraph: int
    span: Span | None
    speaker: bool
    sentence: int = 0


@attrs.define(slots=True, eq=False)
class _Apposition:
    position: int
    lemma: str
    modifiers: frozenset[str]
    number: str | None
    name: str


class Resolver:
    """Resolves the mentions of one document, in text order.

    Example:
        >>> resolver = Resolver(parsed)                       # doctest: +SKIP
        >>> resolver.resolve(mention, paragraph=2).name       # doctest: +SKIP
        'Stéphane Séjourné'
    """

    def __init__(self, parsed: ParsedText, quotations: Sequence[QuotedSpan] = ()) -> None:
        self.parsed = parsed
        self.text = parsed.text
        self._names = self._collect_names()
        self._appositions = self._collect_appositions()
        self._entities: list[_Entity] = []
        self._narrator: str | None = _narrator_name(parsed)
        self.entities = DocumentEntities(parsed, self._canonical_name, quotations)
        """The named people and organisations of the document (descriptions resolve to them)."""
        self._organisations = {m.name for m in self.entities.mentions if m.person is False}

    # --- document-wide tables ----------------------------------------------------------------

    def _collect_names(self) -> dict[str, str]:
        """Map every name form to its longest form in the document (same surname)."""
        # In text order, so that among equally long forms the first one in the text wins,
        # whatever the process's string hashing (a set here made names vary between runs).
        forms: dict[str, None] = {}
        words = self.parsed.words
        for word in words:
            if word.upos == "PROPN" and is_capitalised(word):
                first, last = name_run(self.parsed, word.index)
                if (
                    last - first >= 2
                    and first > 0
                    and words[first - 1].upos in ("DET", "ADP")
                    and all(is_capitalised(w) for w in words[first : last + 1])
                ):
                    first += 1  # "de la Justice Alberto Ruiz-Gallardón": the complement is no name
                forms[self._strip_titles(self.text[words[first].start : words[last].end])] = None
        by_last: dict[str, list[str]] = {}
        for form in forms:
            tokens = form.split()
            if tokens:
                by_last.setdefault(tokens[-1], []).append(form)
        canonical: dict[str, str] = {}
        for form in forms:
            tokens = form.split()
            best = form
            for other in by_last.get(tokens[-1], []) if tokens else []:
                if len(other.split()) > len(best.split()) and set(tokens) <= set(other.split()):
                    best = other
            canonical[form] = best
        return canonical

    def _collect_appositions(self) -> dict[str, list[_Apposition]]:
        table: dict[str, list[_Apposition]] = {}
        words = self.parsed.words
        for (
            word
        ) in words:  # descriptions whose mention carries a name (parse or surface apposition)
            if word.upos != "NOUN" or word.rel in ("appos", "flat", "det", "amod", "nmod"):
                continue
            nxt = word.index + 1
            if not any(w.text == "," for w in words[nxt : nxt + 8]):
                continue
            mention = mention_at(self.parsed, word.index)
            if mention.name is not None:
                entry = _Apposition(
                    word.start,
                    word.lemma.lower(),
                    self._modifiers(word.index),
                    word.feats.get("Number"),
                    self._canonical_name(self.text[mention.name[0] : mention.name[1]]),
                )
                table.setdefault(entry.lemma, []).append(entry)
        for word in words:
            if word.rel != "appos" or word.head < 0:
                continue
            head = self.parsed.words[word.head]
            pairs = [(head, word), (word, head)]
            for noun, name in pairs:
                if noun.upos != "NOUN" or not (name.upos == "PROPN" or is_capitalised(name)):
                    continue
                mention = mention_at(self.parsed, name.index)
                lo, hi = mention.name if mention.name is not None else (mention.start, mention.end)
                name_text = self._canonical_name(self.text[lo:hi])  # the name, not its apposition
                entry = _Apposition(
                    noun.start,
                    noun.lemma.lower(),
                    self._modifiers(noun.index),
                    noun.feats.get("Number"),
                    name_text,
                )
                table.setdefault(entry.lemma, []).append(entry)
        return table

    def _modifiers(self, head: int) -> frozenset[str]:
        out = set()
        stack = [head]
        while stack:
            for child in self.parsed.kids(stack.pop(), "amod", "nmod", "flat", "compound"):
                out.add(child.lemma.lower())
                stack.append(child.index)
        return frozenset(out)

    @staticmethod
    def _strip_titles(name: str) -> str:
        tokens = name.split()
        while len(tokens) > 1 and normalise(tokens[0]) in CIVIL_TITLES:
            tokens = tokens[1:]
        return " ".join(tokens)

    def _canonical_name(self, form: str) -> str:
        stripped = self._strip_titles(" ".join(form.split()))
        lowered = normalise(stripped)
        for det in DETERMINERS:
            rest = stripped[len(det) :]
            if lowered.startswith(det) and rest in self._names:
                return normalise_name(stripped[: len(det)] + self._names[rest])
        return normalise_name(self._names.get(stripped, stripped))

    # --- resolution --------------------------------------------------------------------------

    def resolve(
        self,
        mention: Mention | None,
        paragraph: int,
        *,
        as_speaker: bool = True,
        person: bool = False,
    ) -> Speaker | None:
        """Resolve one mention (in text order) to a :class:`Speaker` record.

        ``person``: the words reported show a person speaking (``je``, ``moi``): a pronoun
        then never resolves to an organisation.
        """
        if mention is None:
            return None
        span = Span.of(self.text, *(mention.name or (mention.start, mention.end)))
        if mention.kind is MentionKind.PRONOUN:
            found = self._resolve_pronoun(mention, span, paragraph, person=person)
            return self._with_distance(found, mention)
        if mention.kind is MentionKind.NAME and self._generic_organisation(span.text):
            named = self.entities.last_organisation(mention.start, paragraph, _DESCRIPTION_WINDOW)
            if named is not None:  # "l'ONG", "l'AFP" is a name: only generic nouns
                return self._with_distance(
                    self._as_named(named, mention, span, paragraph, as_speaker), mention
                )
        if mention.kind is MentionKind.NAME:
            name = self._canonical_name(span.text)
            name = self.entities.acronym_of(name, normalise_name) or name
            gender, number = self._name_agreement(mention)
            self._remember(
                _Entity(
                    mention.start,
                    name,
                    gender,
                    number,
                    paragraph,
                    span,
                    as_speaker,
                    self._sentence_at(mention.start),
                )
            )
            apposed = mention.name is not None and mention.name != (mention.start, mention.end)
            via = SpeakerVia.APPOSITION if apposed else SpeakerVia.NAME
            return Speaker(span, name, MentionKind.NAME, via=via)
        found = self._resolve_description(mention, span, paragraph, as_speaker)
        return self._with_distance(found, mention)

    def _organisation(self, entity: _Entity) -> bool:
        """The entity is an organisation: the document's table says so, or its description is
        headed by an organisation noun (``l'Agence régionale de santé``)."""
        if entity.name in self._organisations:
            return True
        words = normalise(entity.name).replace("'", " ").split()
        heads = [w for w in words[:2] if w not in ("l", "le", "la", "les")]
        return bool(heads) and heads[0] in word_list("organisations.txt")

    @staticmethod
    def _generic_organisation(text: str) -> bool:
        """``l'ONG``, ``l'organisation``: an organisation noun written like a name."""
        words = normalise(text).replace("'", " ").split()
        return (
            len(words) == 2
            and words[0] in ("l", "le", "la")
            and (words[1] in word_list("organisations.txt"))
        )

    def _sentence_at(self, char: int) -> int:
        words = self.parsed.words
        i = bisect.bisect_right(words, char, key=lambda w: w.start) - 1
        return words[max(i, 0)].sentence if words else 0

    def _with_distance(self, speaker: Speaker, mention: Mention) -> Speaker:
        """Set how far back the name was found (sentences) and whether it was found at all."""
        if speaker.via not in (SpeakerVia.PRONOUN, SpeakerVia.DESCRIPTION):
            return speaker
        said = normalise_name(speaker.mention.text) if speaker.mention is not None else None
        if speaker.name is None or speaker.name == said:
            return attrs.evolve(speaker, via=SpeakerVia.UNRESOLVED)  # names itself, or no one
        if speaker.resolved_from is not None:
            distance = self._sentence_at(mention.start) - self._sentence_at(
                speaker.resolved_from.start
            )
            return attrs.evolve(speaker, distance=max(distance, 0))
        return speaker

    def _name_agreement(self, mention: Mention) -> tuple[str | None, str | None]:
        if mention.name is not None:
            return mention.gender, mention.number  # from the description head
        head = self.parsed.words[mention.head]
        if head.upos == "PROPN" and self.parsed.kids(head.index, "det"):
            return mention.gender, mention.number
        return None, mention.number

    def _resolve_pronoun(
        self, mention: Mention, span: Span, paragraph: int, *, person: bool = False
    ) -> Speaker:
        pronoun = normalise(span.text).lstrip("-").removeprefix("t-")
        if pronoun in _FIRST_PERSON:  # "dis-je": the narrator, by name when the text gives it
            via = SpeakerVia.NAME if self._narrator else SpeakerVia.UNRESOLVED
            return Speaker(span, self._narrator or "je", MentionKind.PRONOUN, via=via)
        if pronoun not in THIRD_PERSON:
            return Speaker(span, None, MentionKind.PRONOUN, via=SpeakerVia.UNRESOLVED)
        before = bisect.bisect_left(self._entities, mention.start, key=lambda e: e.position)
        for entity in reversed(self._entities[max(0, before - 50) : before]):
            if paragraph - entity.paragraph > _PARAGRAPH_WINDOW:
                break
            if not _compatible(entity.gender, entity.number, mention.gender, mention.number):
                continue
            if person and self._organisation(entity):
                continue  # "« J'ai prévu de … », a-t-elle dit": not the agency named before
            if entity.gender is None and mention.gender is not None:
                entity.gender = mention.gender
            return Speaker(span, entity.name, MentionKind.PRONOUN, entity.span, via=_PRONOUN)
        return Speaker(span, None, MentionKind.PRONOUN, via=SpeakerVia.UNRESOLVED)

    def _resolve_description(
        self, mention: Mention, span: Span, paragraph: int, as_speaker: bool
    ) -> Speaker:
        head = self.parsed.words[mention.head]
        lemma = head.lemma.lower()
        modifiers = self._modifiers(head.index)
        number = mention.number
        best: _Apposition | None = None
        for entry in self._appositions.get(lemma, []):
            if entry.position == head.start:
                continue
            fits = modifiers <= entry.modifiers and _compatible(None, entry.number, None, number)
            if fits and (best is None or entry.position < mention.start):
                best = entry
        if best is not None:
            self._remember(
                _Entity(
                    mention.start, best.name, mention.gender, number, paragraph, span, as_speaker
                )
            )
            return Speaker(span, best.name, MentionKind.DESCRIPTION, via=SpeakerVia.DESCRIPTION)
        definite = not self._indefinite(head.index)
        if lemma in role_nouns() and number != "Plur" and definite:
            before = bisect.bisect_left(self._entities, mention.start, key=lambda e: e.position)
            for entity in reversed(self._entities[max(0, before - 50) : before]):
                if paragraph - entity.paragraph > 1:
                    break
                if not entity.speaker or not entity.name[:1].isupper():
                    continue  # a named speaker only: "le procureur" is not "le parquet"
                if _compatible(entity.gender, entity.number, mention.gender, number):
                    return Speaker(
                        span, entity.name, MentionKind.DESCRIPTION, entity.span, via=_DESCRIPTION
                    )
                break
            named = self._named_for_role(lemma, mention, paragraph)
            if named is not None:
                return self._as_named(named, mention, span, paragraph, as_speaker)
        if (
            lemma in word_list("organisations.txt")
            and definite
            and number != "Plur"
            and not self.parsed.kids(head.index, "nmod")
            and not self.parsed.kids(head.index, "appos")
        ):  # "le syndicat", "l'ONG": the organisation named last
            named = self.entities.last_organisation(mention.start, paragraph, _DESCRIPTION_WINDOW)
            if named is not None:
                return self._as_named(named, mention, span, paragraph, as_speaker)
        name = normalise_name(span.text)
        acronym = self.entities.acronym_of(name, normalise_name)
        if acronym is not None:  # "l'Agence régionale de santé (ARS)": the organisation's name
            self._remember(
                _Entity(mention.start, acronym, mention.gender, number, paragraph, span, as_speaker)
            )
            return Speaker(span, acronym, MentionKind.NAME, via=SpeakerVia.NAME)
        self._remember(
            _Entity(mention.start, name, mention.gender, number, paragraph, span, as_speaker)
        )
        return Speaker(span, name, MentionKind.DESCRIPTION, via=SpeakerVia.DESCRIPTION)

    def _named_for_role(self, lemma: str, mention: Mention, paragraph: int) -> NamedMention | None:
        """``la ministre`` → the person the article called ``ministre``, else the last named
        person it fits (a person, of its gender, given no other role)."""
        roles = frozenset({lemma}) | role_lemmas(self.text[mention.start : mention.end])
        return self.entities.with_role(
            roles, mention.start, paragraph, _ROLE_WINDOW
        ) or self.entities.last_person(
            mention.start, paragraph, _DESCRIPTION_WINDOW, mention.gender, roles
        )

    def _as_named(
        self,
        named: NamedMention,
        mention: Mention,
        span: Span,
        paragraph: int,
        as_speaker: bool,
    ) -> Speaker:
        self._remember(
            _Entity(
                mention.start,
                named.name,
                mention.gender,
                mention.number,
                paragraph,
                span,
                as_speaker,
            )
        )
        origin = Span.of(self.text, named.start, named.end)
        return Speaker(span, named.name, MentionKind.DESCRIPTION, origin, via=_DESCRIPTION)

    def _indefinite(self, head: int) -> bool:
        """``un représentant du groupe``: an indefinite description brings in someone new."""
        return any(
            d.feats.get("Definite") == "Ind" or d.norm in ("un", "une")
            for d in self.parsed.kids(head, "det")
        )

    def _remember(self, entity: _Entity) -> None:
        bisect.insort_right(self._entities, entity, key=lambda e: e.position)

    def note_subjects(self, mentions: Sequence[tuple[Mention, int]]) -> None:
        """Register named subjects that are not speakers (pronoun antecedents)."""
        for mention, paragraph in mentions:
            if mention.kind is MentionKind.NAME:
                span = Span.of(self.text, *(mention.name or (mention.start, mention.end)))
                gender, number = self._name_agreement(mention)
                self._remember(
                    _Entity(
                        mention.start,
                        self._canonical_name(span.text),
                        gender,
                        number,
                        paragraph,
                        span,
                        False,
                    )
                )


_PRONOUN = SpeakerVia.PRONOUN
_DESCRIPTION = SpeakerVia.DESCRIPTION
_FIRST_PERSON = frozenset({"je", "j'"})
_SELF_NAMING = (("m'", "appelle"), ("m'", "appelais"), ("me", "nomme"), ("me", "nommais"))


def _narrator_name(parsed: ParsedText) -> str | None:
    """The name a first-person narrator gives himself: ``je m'appelle Jacques Thibault``,
    ``je me nomme Jacques``, else None.

    Example:
        >>> # "Je m'appelle Jacques et j'ai dix ans." → "Jacques"
    """
    words = parsed.words
    for i, word in enumerate(words):
        if word.norm not in _FIRST_PERSON or _in_dialogue(parsed, word.start):
            continue
        for pattern in _SELF_NAMING:
            j = i + 1
            if [w.norm for w in words[j : j + len(pattern)]] != list(pattern):
                continue
            k = j + len(pattern)
            name = []
            while k < len(words) and words[k].upos == "PROPN" and words[k].text[:1].isupper():
                name.append(words[k].text)
                k += 1
            if name:
                return " ".join(name)
    return None


def _in_dialogue(parsed: ParsedText, char: int) -> bool:
    """A character's words rather than the narrator's: the paragraph opens with a dash, or a
    guillemet opens before ``char`` in it and is not closed."""
    text = parsed.text
    start = text.rfind("\n", 0, char) + 1
    before = text[start:char]
    return before.lstrip()[:1] in ("—", "–", "-") or before.count("«") > before.count("»")


def _compatible(g1: str | None, n1: str | None, g2: str | None, n2: str | None) -> bool:
    if g1 and g2 and g1 != g2:
        return False
    return not (n1 and n2 and n1 != n2)
