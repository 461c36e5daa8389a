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
  compatible speaker or subject, else to the person the article named last;
  ``Sa réponse :`` to its possessor the same way.

Example:
    >>> normalise_name("La Russie")
    'la Russie'
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from quoteattr.records import MentionKind, QuotedSpan, Span, Speaker, SpeakerVia
from quoteattr.speakers.descriptions import POSSESSIVES, Descriptions, owned_description
from quoteattr.speakers.entities import (
    DocumentEntities,
    NamedMention,
    given_name_gender,
    role_lemmas,
)
from quoteattr.speakers.names import NameForms, normalise_name
from quoteattr.speakers.narrator import FIRST_PERSON, narrator_name
from quoteattr.syntax.lexicon import office_nouns, role_nouns, word_list
from quoteattr.syntax.mentions import THIRD_PERSON, Mention
from quoteattr.syntax.parse import ParsedText
from quoteattr.syntax.speaking_nouns import speaks
from quoteattr.text.french import normalise

__all__ = ["Resolver", "normalise_name", "role_nouns"]

_PARAGRAPH_WINDOW = 3
_ROLE_WINDOW = 3
"""How many paragraphs back a role description looks for the person given that role."""
_DESCRIPTION_WINDOW = 2
"""How many paragraphs back a bare description looks for the last person or organisation."""
_PRONOUN_PERSON_WINDOW = 1
"""How many paragraphs back a pronoun no subject or speaker fits looks for a named person."""


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
    description: Mention | None = None
    """A subject description not resolved yet (``la ministre``): resolved when a pronoun
    reaches it, once the speakers before it are known."""


class Resolver:
    """Resolves the mentions of one document, in text order.

    Example:
        >>> resolver = Resolver(parsed)                       # doctest: +SKIP
        >>> resolver.resolve(mention, paragraph=2).name       # doctest: +SKIP
        'Stéphane Séjourné'
    """

    def __init__(
        self,
        parsed: ParsedText,
        quotations: Sequence[QuotedSpan] = (),
        said_nouns: frozenset[str] = frozenset(),
    ) -> None:
        """``said_nouns``: lemmas of what someone says or writes (``réponse``, ``communiqué``):
        with a possessive, their possessor is the speaker (:meth:`_possessor`)."""
        self.parsed = parsed
        self._said = said_nouns
        self._apostrophe = "’" if parsed.text.count("’") > parsed.text.count("'") else "'"
        """The document's apostrophe, for the descriptions it writes (``l'avocate de X``)."""
        self.text = parsed.text
        self._forms = NameForms(parsed)
        self._canonical_name = self._forms.canonical
        self._descriptions = Descriptions(parsed, self._canonical_name)
        self._entities: list[_Entity] = []
        self._narrator: str | None = narrator_name(parsed)
        self.entities = DocumentEntities(parsed, self._canonical_name, quotations)
        """The named people and organisations of the document (descriptions resolve to them)."""
        self._organisations = {m.name for m in self.entities.mentions if m.person is False}

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
        anaphor = self._anaphor(mention, span, paragraph)
        if anaphor is not None:  # "ce dernier", "l'intéressée"
            return self._with_distance(anaphor, mention)
        owner = self._possessor(mention)
        head = self.parsed.words[mention.head]
        if owner is not None and head.lemma.lower() in self._said:
            found = self._antecedent(owner, span, paragraph, person=person)
            if found.name is not None:  # "Sa réponse : « … »": the one who answered
                found = attrs.evolve(found, kind=MentionKind.DESCRIPTION)
                return self._with_distance(found, mention)
        found = self._resolve_description(mention, span, paragraph, as_speaker)
        return self._with_distance(found, mention)

    def _anaphor(self, mention: Mention, span: Span, paragraph: int) -> Speaker | None:
        """``ce dernier``/``cette dernière``: the person named last, of that gender (the
        latter, whatever their slot); ``l'intéressé(e)``, ``le principal intéressé``: the
        person the text is about, found as for a pronoun. None for other descriptions."""
        if mention.kind is not MentionKind.DESCRIPTION:
            return None
        said = " ".join(normalise(span.text).replace("'", "' ").split())
        gender = "Fem" if said.endswith("e") else "Masc"
        if said in ("ce dernier", "cette dernière"):
            named = self.entities.last_person(
                mention.start, paragraph, _PRONOUN_PERSON_WINDOW, gender, frozenset()
            )
            if named is None:
                return None
            origin = Span.of(self.text, named.start, named.end)
            return Speaker(span, named.name, MentionKind.DESCRIPTION, origin, via=_PRONOUN)
        if said in _CONCERNED:
            pronoun = attrs.evolve(mention, kind=MentionKind.PRONOUN, gender=gender, number="Sing")
            found = self._antecedent(pronoun, span, paragraph, person=True)
            if found.name is None:
                return None
            return attrs.evolve(found, kind=MentionKind.DESCRIPTION)
        return None

    def _owned(
        self, mention: Mention, span: Span, paragraph: int, as_speaker: bool
    ) -> Speaker | None:
        """``son avocate`` → ``l'avocate de Mouss Diouf``: a person's description with a
        possessive, named by its possessor when that is a name; else None."""
        owner = self._possessor(mention)
        if owner is None or not speaks(self.parsed.words[mention.head].lemma, documents=False):
            return None
        found = self._antecedent(owner, span, paragraph)
        if found.name is None or not found.name[:1].isupper():
            return None
        name = owned_description(self.parsed, mention, found.name, self._apostrophe)
        self._remember(
            _Entity(
                mention.start, name, mention.gender, mention.number, paragraph, span, as_speaker
            )
        )
        return Speaker(span, name, MentionKind.DESCRIPTION, found.resolved_from, via=_DESCRIPTION)

    def _possessor(self, mention: Mention) -> Mention | None:
        """The possessor of a description with a possessive (``Sa réponse``, ``son avocate``,
        ``leur communiqué``), as a third-person antecedent to find (singular for
        ``son/sa/ses``, plural for ``leur/leurs``); None for any other mention."""
        head = self.parsed.words[mention.head]
        if mention.kind is not MentionKind.DESCRIPTION:
            return None
        for det in self.parsed.kids(head.index, "det"):
            if det.norm in POSSESSIVES:
                number = "Plur" if det.norm.startswith("leur") else "Sing"
                return attrs.evolve(mention, kind=MentionKind.PRONOUN, gender=None, number=number)
        return None

    def _organisation(self, entity: _Entity) -> bool:
        """The entity is an organisation: the document's table says so (``le MR`` for the
        ``MR`` it lists), or its description is headed by an organisation noun (``l'Agence
        régionale de santé``)."""
        words = entity.name.replace("'", "' ").replace("’", "’ ").split()
        while words and normalise(words[0]) in ("l'", "le", "la", "les"):
            words = words[1:]
        if entity.name in self._organisations or " ".join(words) in self._organisations:
            return True
        return bool(words) and normalise(words[0]) in word_list("organisations.txt")

    @staticmethod
    def _generic_organisation(text: str) -> bool:
        """``l'ONG``, ``l'organisation``: an organisation noun written like a name."""
        words = normalise(text).replace("'", " ").split()
        return (
            len(words) == 2
            and words[0] in ("l", "le", "la")
            and (words[1] in word_list("organisation_kinds.txt"))
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
        return given_name_gender(self.text[mention.start : mention.end]), mention.number

    def _resolve_pronoun(
        self, mention: Mention, span: Span, paragraph: int, *, person: bool = False
    ) -> Speaker:
        pronoun = normalise(span.text).lstrip("-").removeprefix("t-")
        if pronoun in FIRST_PERSON:  # "dis-je": the narrator, by name when the text gives it
            via = SpeakerVia.NAME if self._narrator else SpeakerVia.UNRESOLVED
            return Speaker(span, self._narrator or "je", MentionKind.PRONOUN, via=via)
        if pronoun not in THIRD_PERSON:
            return Speaker(span, None, MentionKind.PRONOUN, via=SpeakerVia.UNRESOLVED)
        return self._antecedent(mention, span, paragraph, person=person)

    def _antecedent(
        self, mention: Mention, span: Span, paragraph: int, *, person: bool = False
    ) -> Speaker:
        """The entity a third-person ``mention`` (a pronoun, a possessive) stands for: the
        last compatible speaker or subject, or the person the article named last."""
        before = bisect.bisect_left(self._entities, mention.start, key=lambda e: e.position)
        for entity in reversed(self._entities[max(0, before - 50) : before]):
            if paragraph - entity.paragraph > _PARAGRAPH_WINDOW:
                break
            if not _compatible(entity.gender, entity.number, mention.gender, mention.number):
                continue
            if not entity.name or not self._settled(entity):
                continue  # a subject description that names no one
            if person and self._organisation(entity):
                continue  # "« J'ai prévu de … », a-t-elle dit": not the agency named before
            if self._organisation(entity) and self._person_later(entity, mention, paragraph):
                break  # "Le MR … du président du MR, Georges-Louis Bouchez. Il …": the person
            if entity.gender is None and mention.gender is not None:
                entity.gender = mention.gender
            return Speaker(span, entity.name, MentionKind.PRONOUN, entity.span, via=_PRONOUN)
        named = self._person_after(-1, mention, paragraph)
        if named is not None:  # no subject or speaker fits: the person the article named last
            origin = Span.of(self.text, named.start, named.end)
            return Speaker(span, named.name, MentionKind.PRONOUN, origin, via=_PRONOUN)
        return Speaker(span, None, MentionKind.PRONOUN, via=SpeakerVia.UNRESOLVED)

    def _person_later(self, entity: _Entity, mention: Mention, paragraph: int) -> bool:
        """A person the pronoun can stand for is named in a sentence after ``entity``'s."""
        after = self._person_after(entity.position, mention, paragraph)
        return after is not None and after.sentence > self._sentence_at(entity.position)

    def _person_after(self, position: int, mention: Mention, paragraph: int) -> NamedMention | None:
        """The last person named after ``position`` and before the pronoun ``mention``, in its
        paragraph or the one before, that the pronoun can stand for (gender), else None."""
        if mention.number == "Plur":
            return None  # "disent-ils": one named person is no antecedent
        named = self.entities.last_person(
            mention.start, paragraph, _PRONOUN_PERSON_WINDOW, mention.gender, frozenset()
        )
        if named is None or named.start <= position:
            return None
        return named

    def _resolve_description(
        self, mention: Mention, span: Span, paragraph: int, as_speaker: bool
    ) -> Speaker:
        head = self.parsed.words[mention.head]
        lemma = head.lemma.lower()
        number = mention.number
        best = self._descriptions.repeated(mention)
        owned = self._owned(mention, span, paragraph, as_speaker) if best is None else None
        if owned is not None:
            return owned
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
            roles = frozenset({lemma}) | role_lemmas(span.text)
            given = self.entities.with_role(roles, mention.start, paragraph, _ROLE_WINDOW)
            # an office has one holder: without a person given that role, the last named
            # speaker may be it ("le procureur" after the prosecutor's name)
            office = given is None and lemma in office_nouns()
            for entity in reversed(self._entities[max(0, before - 50) : before] if office else []):
                if paragraph - entity.paragraph > 1:
                    break
                if not entity.speaker or not entity.name[:1].isupper():
                    continue  # a named speaker only: "le procureur" is not "le parquet"
                if self._organisation(entity):
                    continue  # a role is a person's: "le bâtonnier" is not the union quoted before
                if self.entities.holds_other_role(entity.name, roles):
                    break  # "L'avocate X … la porte-parole du cabinet": someone else
                if _compatible(entity.gender, entity.number, mention.gender, number):
                    return Speaker(
                        span, entity.name, MentionKind.DESCRIPTION, entity.span, via=_DESCRIPTION
                    )
                break
            named = self._named_for_role(lemma, mention, paragraph)
            if named is not None:
                self._descriptions.add(head.index, named.name)
                return self._as_named(named, mention, span, paragraph, as_speaker)
        if (
            lemma in word_list("organisation_kinds.txt")
            and definite
            and number != "Plur"
            and not self.parsed.kids(head.index, "nmod")
            and not self.parsed.kids(head.index, "appos")
        ):  # "le syndicat", "l'ONG": the organisation named last
            named = self.entities.last_organisation(mention.start, paragraph, _DESCRIPTION_WINDOW)
            if named is not None:
                return self._as_named(named, mention, span, paragraph, as_speaker)
        name = normalise_name(self._descriptions.repeated_phrase(mention) or span.text)
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
        """``la ministre`` → the person the article called ``ministre``, else, for an office
        (one holder in a story, not ``le médecin``), the last named person it fits (a person,
        of its gender, given no other role)."""
        roles = frozenset({lemma}) | role_lemmas(self.text[mention.start : mention.end])
        found = self.entities.with_role(roles, mention.start, paragraph, _ROLE_WINDOW)
        if found is not None or lemma not in office_nouns():
            return found
        return self.entities.last_person(
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
        """Register the subjects that are not speakers (pronoun antecedents): names, and role
        descriptions the article gave a named person (``la ministre de la Santé`` → the
        person it called ``ministre``)."""
        for mention, paragraph in mentions:
            if mention.kind is MentionKind.DESCRIPTION:
                self._note_description(mention, paragraph)
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

    def _note_description(self, mention: Mention, paragraph: int) -> None:
        head = self.parsed.words[mention.head]
        lemma = head.lemma.lower()
        if lemma not in role_nouns() or mention.number == "Plur" or self._indefinite(head.index):
            return
        span = Span.of(self.text, mention.start, mention.end)
        named = self._named_for_role(lemma, mention, paragraph)
        name = named.name if named is not None else span.text
        entity = _Entity(
            mention.start, name, mention.gender, mention.number, paragraph, span, False
        )
        if named is not None:
            self._descriptions.add(head.index, named.name)
        else:  # the named description it may repeat comes with the speakers, in text order
            entity.description = mention
        self._remember(entity)

    def _settled(self, entity: _Entity) -> bool:
        """Resolve a remembered subject description now, from the named description it
        repeats: False when it names no one, then it is no antecedent."""
        mention = entity.description
        if mention is None:
            return True
        entity.description = None
        best = self._descriptions.repeated(mention)
        named = best.name if best is not None else None
        if named is None:
            entity.speaker = False
            entity.name = ""
            return False
        self._descriptions.add(mention.head, named)
        entity.name = named
        return True


_PRONOUN = SpeakerVia.PRONOUN
_CONCERNED = frozenset(
    {
        "l' intéressé",
        "l' intéressée",
        "le principal intéressé",
        "la principale intéressée",
    }
)
"""``l'intéressé``: the person the text is about (apostrophes read as ')."""
_DESCRIPTION = SpeakerVia.DESCRIPTION


def _compatible(g1: str | None, n1: str | None, g2: str | None, n2: str | None) -> bool:
    if g1 and g2 and g1 != g2:
        return False
    return not (n1 and n2 and n1 != n2)
