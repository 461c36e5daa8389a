"""Typed, immutable records: the public data contract of quoteattr.

Every offset is a Python ``str`` index (code points) into the exact text the
caller passed in, and every :class:`Span` carries the text it covers, so
``text[span.start:span.end] == span.text`` always holds.

Example:
    >>> s = Span(0, 5, "Selon")
    >>> s.text, len(s)
    ('Selon', 5)
"""

from __future__ import annotations

import enum
from typing import Any

import attrs
from attrs import field, validators

__all__ = [
    "Cue",
    "CueClass",
    "CueType",
    "MentionKind",
    "Modality",
    "Polarity",
    "Quote",
    "QuoteKind",
    "QuotedSpan",
    "Span",
    "Speaker",
    "SpeakerType",
    "SpeakerVia",
]

FLAGS: tuple[str, ...] = ("negated", "alleged", "denial")
"""The warning flags a quote may carry (see :attr:`Quote.flags`), in display order."""
REVIEW_MIN_CONFIDENCE = 0.6
"""A record whose confidence (its rule's measured precision) is below this needs review."""
REVIEW_MAX_DISTANCE = 1
"""A speaker reached by a pronoun or description more sentences away than this needs review."""
REVIEW_REASONS: tuple[str, ...] = (
    *("no_speaker", "unresolved", "far_pronoun", "far_description", "continuation"),
    *("low_confidence", *FLAGS),
)
"""The reasons of :attr:`Quote.review_reasons`, in the order they are listed."""


def _non_negative(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen(slots=True)
class Span:
    """A stretch of the input text: ``text == original[start:end]``.

    Example:
        >>> text = "Il a dit : « Non. »"
        >>> Span.of(text, 13, 17)
        Span(start=13, end=17, text='Non.')
    """

    start: int = field(validator=[validators.instance_of(int), _non_negative])
    end: int = field(validator=[validators.instance_of(int), _non_negative])
    text: str = field(validator=validators.instance_of(str))

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    @text.validator
    def _check_text(self, attribute: attrs.Attribute[str], value: str) -> None:
        if len(value) != self.end - self.start:
            raise ValueError(
                f"span text has {len(value)} characters but covers {self.end - self.start}"
            )

    @classmethod
    def of(cls, original: str, start: int, end: int) -> Span:
        """Build the span ``original[start:end]``, checking the bounds.

        Example:
            >>> Span.of("« Oui »", 2, 5).text
            'Oui'
        """
        if not 0 <= start <= end <= len(original):
            raise ValueError(
                f"span [{start}, {end}) lies outside a text of {len(original)} characters"
            )
        return cls(start, end, original[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies inside this span.

        Example:
            >>> Span(0, 10, "x" * 10).contains(Span(2, 4, "xx"))
            True
        """
        return self.start <= other.start and other.end <= self.end

    def overlap(self, other: Span) -> int:
        """Number of characters shared with ``other``.

        Example:
            >>> Span(0, 4, "abcd").overlap(Span(2, 6, "cdef"))
            2
        """
        return max(0, min(self.end, other.end) - max(self.start, other.start))


class QuoteKind(str, enum.Enum):
    """What kind of reported speech a :class:`Quote` is.

    Example:
        >>> QuoteKind("mixed") is QuoteKind.MIXED
        True
    """

    DIRECT = "direct"
    """A whole utterance inside quotation marks or on a dialogue-dash line."""
    MIXED = "mixed"
    """Quoted words embedded in the reporter's own sentence."""
    INDIRECT = "indirect"
    """Reported speech without marks: ``X a affirmé que …``."""
    ACCORDING_TO = "according_to"
    """A statement sourced with ``selon X`` / ``d'après X``."""

    def __str__(self) -> str:
        return self.value


class CueType(str, enum.Enum):
    """The grammatical form of a reporting cue.

    Example:
        >>> CueType.VERB.value
        'verb'
    """

    VERB = "verb"
    NOUN = "noun"
    PREPOSITION = "preposition"
    PUNCTUATION = "punctuation"

    def __str__(self) -> str:
        return self.value


class CueClass(str, enum.Enum):
    """The speech-act class of a cue, from the package lexicon.

    Example:
        >>> CueClass("deny")
        <CueClass.DENY: 'deny'>
    """

    NEUTRAL = "neutral"
    ASSERT = "assert"
    DENY = "deny"
    CONCEDE = "concede"
    CLAIM = "claim"
    ACCUSE = "accuse"
    QUESTION = "question"
    ANNOUNCE = "announce"
    SOURCE = "source"
    """``selon``, ``d'après``: the source of a statement, not a speech act."""

    def __str__(self) -> str:
        return self.value


class Polarity(str, enum.Enum):
    """Whether the cue is negated (``n'a pas dit``).

    Example:
        >>> Polarity.NEGATED.value
        'negated'
    """

    POSITIVE = "positive"
    NEGATED = "negated"

    def __str__(self) -> str:
        return self.value


class Modality(str, enum.Enum):
    """How the reporter commits to the speech act.

    ``ALLEGED`` is the French journalistic conditional (``aurait déclaré``):
    the newspaper reports the statement without vouching that it was made.

    Example:
        >>> Modality.ALLEGED.value
        'alleged'
    """

    ASSERTED = "asserted"
    ALLEGED = "alleged"

    def __str__(self) -> str:
        return self.value


class MentionKind(str, enum.Enum):
    """How a speaker is referred to at the mention.

    Example:
        >>> MentionKind.PRONOUN.value
        'pronoun'
    """

    NAME = "name"
    PRONOUN = "pronoun"
    DESCRIPTION = "description"

    def __str__(self) -> str:
        return self.value


class SpeakerType(str, enum.Enum):
    """What kind of speaker a :class:`Speaker` is, from the document's own evidence.

    Set by :mod:`quoteattr.speakers.profiles`: titles (``M.``, ``Mme``), role nouns
    (``le ministre``), known first names and the pronouns used for the
    speaker point to a person; organisation words (``ministère``,
    ``Amnesty International``) to an organisation; no evidence, or evidence
    both ways, leaves it unknown.

    Example:
        >>> SpeakerType("organisation") is SpeakerType.ORGANISATION
        True
    """

    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


class SpeakerVia(str, enum.Enum):
    """How a record's speaker name was reached from the words of its sentence.

    ``name``: the sentence names the speaker; ``apposition``: a description with the name set
    beside it (``la ministre, Inès Morel,``, ``le président Barack Obama``); ``description``: a
    role or description (``la ministre``, ``ce dernier``) resolved to a person or organisation
    named earlier; ``pronoun``: a pronoun (``il``, ``-t-elle``, ``qui``) resolved to one;
    ``continuation``: no speaker in the sentence, carried over from an earlier quote (for
    quoted words no rule attributed, the last named speaker before them:
    :mod:`quoteattr.speakers.context`);
    ``unresolved``: a pronoun or description that could not be tied to a name (the record's
    name is then the description itself, or nothing).

    Example:
        >>> SpeakerVia("pronoun") is SpeakerVia.PRONOUN
        True
    """

    NAME = "name"
    APPOSITION = "apposition"
    DESCRIPTION = "description"
    PRONOUN = "pronoun"
    CONTINUATION = "continuation"
    UNRESOLVED = "unresolved"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Cue:
    """The reporting expression that introduces a quote.

    ``span`` covers the whole verb group (``a également estimé``,
    ``a-t-il ajouté``) or the word/mark (``selon``, ``:``); ``lemma`` is the
    lexicon entry it matched.

    Example:
        >>> text = "Il a dit non."
        >>> Cue(Span.of(text, 3, 8), "dire").lemma
        'dire'
    """

    span: Span = field(validator=validators.instance_of(Span))
    lemma: str = field(validator=validators.instance_of(str))
    type: CueType = field(default=CueType.VERB, converter=CueType)
    cls: CueClass = field(default=CueClass.NEUTRAL, converter=CueClass)
    polarity: Polarity = field(default=Polarity.POSITIVE, converter=Polarity)
    modality: Modality = field(default=Modality.ASSERTED, converter=Modality)


@attrs.frozen(slots=True)
class Speaker:
    """Who made a statement.

    ``mention`` is where the speaker is named or referred to for this quote
    (subject, inverted subject, pronoun, ``selon`` object); ``name`` is the
    canonical name after resolving pronouns and titles, identical for every
    quote of the same person in a document, or ``None`` when unknown.
    ``role`` is the title or role the document gives the speaker
    (``ministre des Affaires étrangères``) and ``type`` whether it is a
    person or an organisation; both are the same for every quote of one
    speaker in a document (see :mod:`quoteattr.speakers.profiles`).

    Example:
        >>> text = "Il a ajouté que non."
        >>> Speaker(Span.of(text, 0, 2), "Stéphane Séjourné", MentionKind.PRONOUN).name
        'Stéphane Séjourné'
        >>> Speaker(None, "la préfecture", type="organisation").type
        <SpeakerType.ORGANISATION: 'organisation'>
    """

    mention: Span | None = field(validator=validators.optional(validators.instance_of(Span)))
    name: str | None = field(validator=validators.optional(validators.instance_of(str)))
    kind: MentionKind = field(default=MentionKind.NAME, converter=MentionKind)
    resolved_from: Span | None = field(
        default=None, validator=validators.optional(validators.instance_of(Span))
    )
    """The earlier mention a pronoun or title was resolved to, if any."""
    role: str | None = field(
        default=None, validator=validators.optional(validators.instance_of(str))
    )
    """The title or role the document gives the speaker (``ministre des Affaires étrangères``)."""
    type: SpeakerType = field(default=SpeakerType.UNKNOWN, converter=SpeakerType)
    """Person, organisation or unknown, from the document's evidence."""
    via: SpeakerVia = field(default=SpeakerVia.NAME, converter=SpeakerVia)
    """How the name was reached (see :class:`SpeakerVia`)."""
    distance: int = field(default=0, validator=[validators.instance_of(int), _non_negative])
    """Sentences between the speaker's mention and the mention its name was resolved to
    (0 when the sentence itself names the speaker)."""


def _unit_interval(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must lie in [0, 1], got {value}")


@attrs.frozen(slots=True)
class Quote:
    """One quotation or reported statement with its attribution.

    ``content`` excludes the quotation marks; ``rule`` names the sieve that
    attributed the quote (see :mod:`quoteattr.rules.sieves`); ``sentence`` and
    ``paragraph`` are 0-based indexes of where the content starts.

    Example:
        >>> text = "« Non », dit-il."
        >>> q = Quote(Span.of(text, 2, 5), QuoteKind.DIRECT, None, None, 0.5, "marks")
        >>> q.content.text, q.kind.value
        ('Non', 'direct')
    """

    content: Span = field(validator=validators.instance_of(Span))
    kind: QuoteKind = field(converter=QuoteKind)
    speaker: Speaker | None = field(validator=validators.optional(validators.instance_of(Speaker)))
    cue: Cue | None = field(validator=validators.optional(validators.instance_of(Cue)))
    confidence: float = field(converter=float, validator=_unit_interval)
    rule: str = field(validator=validators.instance_of(str))
    open_mark: Span | None = field(
        default=None, validator=validators.optional(validators.instance_of(Span))
    )
    close_mark: Span | None = field(
        default=None, validator=validators.optional(validators.instance_of(Span))
    )
    sentence: int = field(default=0, validator=[validators.instance_of(int), _non_negative])
    paragraph: int = field(default=0, validator=[validators.instance_of(int), _non_negative])

    @property
    def speaker_name(self) -> str | None:
        """The canonical speaker name, or ``None``.

        Example:
            >>> Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "marks").speaker_name is None
            True
        """
        return self.speaker.name if self.speaker is not None else None

    @property
    def negated(self) -> bool:
        """True when the cue is negated: the speaker did *not* say it (``n'a pas dit``).

        Example:
            >>> text = "Il n'a pas dit que non."
            >>> cue = Cue(Span.of(text, 3, 14), "dire", polarity="negated")
            >>> Quote(Span.of(text, 19, 22), "indirect", None, cue, 0.8, "que_clause").negated
            True
        """
        return self.cue is not None and self.cue.polarity is Polarity.NEGATED

    @property
    def alleged(self) -> bool:
        """True when the statement is reported in the conditional (``aurait dit``).

        Example:
            >>> text = "Il aurait dit que non."
            >>> cue = Cue(Span.of(text, 3, 13), "dire", modality="alleged")
            >>> Quote(Span.of(text, 18, 21), "indirect", None, cue, 0.8, "que_clause").alleged
            True
        """
        return self.cue is not None and self.cue.modality is Modality.ALLEGED

    @property
    def denial(self) -> bool:
        """True when the cue is a denial (``a démenti``, ``nie``).

        Example:
            >>> text = "Il a démenti que non."
            >>> cue = Cue(Span.of(text, 3, 12), "démentir", cls="deny")
            >>> Quote(Span.of(text, 17, 20), "indirect", None, cue, 0.8, "que_clause").denial
            True
        """
        return self.cue is not None and self.cue.cls is CueClass.DENY

    @property
    def flags(self) -> tuple[str, ...]:
        """The warning flags that hold, among :data:`FLAGS` (``negated``, ``alleged``, ``denial``).

        A fact-checker reads these before taking a quote as a claim of its
        speaker: a negated cue says the speaker did not say it, an alleged one
        that the newspaper does not vouch for it, a denial that the content is
        what the speaker denies.

        Example:
            >>> Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "marks").flags
            ()
        """
        return tuple(
            name
            for name, on in zip(FLAGS, (self.negated, self.alleged, self.denial), strict=True)
            if on
        )

    @property
    def review_reasons(self) -> tuple[str, ...]:
        """Why a person should look at this record before publishing it (:data:`REVIEW_REASONS`).

        No speaker; a name not found (``unresolved``); a pronoun or description resolved more
        than :data:`REVIEW_MAX_DISTANCE` sentences away; a speaker carried over from an earlier
        quote; a confidence below :data:`REVIEW_MIN_CONFIDENCE`; each warning flag.

        Example:
            >>> Quote(Span(0, 3, "Non"), "direct", None, None, 0.5, "marks").review_reasons
            ('no_speaker', 'low_confidence')
        """
        s = self.speaker
        via, far = (s.via, s.distance > REVIEW_MAX_DISTANCE) if s else (None, False)
        on: tuple[bool, ...] = (s is None, bool(s and (not s.name or via is SpeakerVia.UNRESOLVED)))
        on += (far and via is SpeakerVia.PRONOUN, far and via is SpeakerVia.DESCRIPTION)
        on += (via is SpeakerVia.CONTINUATION, self.confidence < REVIEW_MIN_CONFIDENCE)
        on += (self.negated, self.alleged, self.denial)
        return tuple(reason for reason, yes in zip(REVIEW_REASONS, on, strict=True) if yes)

    @property
    def needs_review(self) -> bool:
        """True when :attr:`review_reasons` is not empty.

        Example:
            >>> Quote(Span(0, 3, "Oui"), "direct", Speaker(None, "X"), None, 1, "m").needs_review
            False
        """
        return bool(self.review_reasons)


@attrs.frozen(slots=True)
class QuotedSpan:
    """A stretch of text between quotation marks (or on a dialogue line).

    Found by :func:`quoteattr.find_quotations` from the marks alone, before
    any parsing. ``level`` is 0 for outermost quotes; ``balanced`` is False
    when the closing mark is missing or a mark had to be guessed, and then
    ``close_mark`` may be ``None`` (the content runs to the end of the
    paragraph), and ``open_mark`` is the empty span where the content starts
    when the opening mark was lost (``Non », a-t-il dit``: see
    :mod:`quoteattr.text.marks`). ``style`` names the marks: ``guillemets`` (« » or
    ASCII ``<< >>``), ``curly`` (“ ”), ``low`` („ “), ``single`` (‹ › or ‘ ’), ``straight``
    (" "), or ``dash`` (a dialogue line).

    Example:
        >>> from quoteattr import find_quotations
        >>> [q.content.text for q in find_quotations("Il a dit : « Non. »")]
        ['Non.']
    """

    content: Span = field(validator=validators.instance_of(Span))
    open_mark: Span = field(validator=validators.instance_of(Span))
    close_mark: Span | None = field(validator=validators.optional(validators.instance_of(Span)))
    level: int = field(validator=[validators.instance_of(int), _non_negative])
    balanced: bool = field(validator=validators.instance_of(bool))
    style: str = field(default="guillemets", validator=validators.instance_of(str))
    continued: bool = field(default=False, validator=validators.instance_of(bool))
    """True when the quote runs over several paragraphs (reopened with « or »)."""
