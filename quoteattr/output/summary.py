"""Who said what, how often: per-speaker summaries shared by the results and their display.

:func:`summarize_speakers` groups quotes by canonical speaker name; the
:class:`SpeakerSummary` of each group counts the quotes by kind and by
warning flag (negated, alleged, denial) and carries the speaker's role and
type. :class:`quoteattr.output.results.QuoteList` (``speakers()``) and the HTML of
:mod:`quoteattr.output.display` both use it; this module imports neither of them.

Example:
    >>> from quoteattr.records import Quote, Span, Speaker
    >>> q = Quote(Span(0, 3, "Non"), "direct", Speaker(None, "Anne Hidalgo", role="maire"),
    ...           None, 1.0, "marks")
    >>> [(g.label, g.role, g.count) for g in summarize_speakers([q])]
    [('Anne Hidalgo', 'maire', 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import attrs

from quoteattr.records import Quote, QuoteKind, SpeakerType

__all__ = ["UNATTRIBUTED", "SpeakerSummary", "shorten", "summarize_speakers"]

UNATTRIBUTED = "unattributed"
"""Label of the group of quotes whose speaker name is unknown."""


@attrs.frozen
class SpeakerSummary:
    """Who said what, how often: the quotes of one canonical speaker.

    ``name`` is ``None`` for the quotes with no known speaker (``label`` is
    then ``"unattributed"``); ``mentions`` lists the distinct mention texts
    in order of appearance; ``role`` and ``type`` are the speaker's (see
    :mod:`quoteattr.speakers.profiles`); ``negated``, ``alleged`` and ``denials``
    count the quotes with each warning flag (see
    :attr:`Quote.flags <quoteattr.records.Quote.flags>`).

    Example:
        >>> from quoteattr.records import Quote, Span
        >>> s = SpeakerSummary(None, 1, Counter({QuoteKind.DIRECT: 1}),
        ...                    (Quote(Span(0, 3, "Non"), "direct", None, None, 1.0, "marks"),), ())
        >>> s.label, s.count, s.negated
        ('unattributed', 1, 0)
    """

    name: str | None
    count: int
    kinds: Counter[QuoteKind]
    quotes: tuple[Quote, ...] = attrs.field(repr=lambda qs: f"<{len(qs)} quotes>")
    mentions: tuple[str, ...] = ()
    role: str | None = None
    type: SpeakerType = SpeakerType.UNKNOWN
    negated: int = 0
    alleged: int = 0
    denials: int = 0

    @property
    def label(self) -> str:
        """The name, or ``"unattributed"``.

        Example:
            >>> SpeakerSummary("Emmanuel Macron", 0, Counter(), (), ()).label
            'Emmanuel Macron'
        """
        return self.name if self.name is not None else UNATTRIBUTED


def summarize_speakers(quotes: Iterable[Quote]) -> list[SpeakerSummary]:
    """Group quotes by canonical speaker name.

    Groups are ordered by number of quotes (most first), ties by first
    appearance; the unattributed group (name ``None``) always comes last.

    Example:
        >>> from quoteattr.records import Quote, Span, Speaker
        >>> text = "Non. Oui. Peut-être."
        >>> def q(s, e, who):
        ...     sp = Speaker(None, who) if who else None
        ...     return Quote(Span.of(text, s, e), "direct", sp, None, 1.0, "marks")
        >>> [(g.label, g.count) for g in summarize_speakers(
        ...     [q(0, 4, None), q(5, 9, "B"), q(10, 20, "A"), q(0, 4, "A")])]
        [('A', 2), ('B', 1), ('unattributed', 1)]
    """
    groups: dict[str | None, list[Quote]] = {}
    first: dict[str | None, int] = {}
    for index, quote in enumerate(quotes):
        name = quote.speaker_name
        groups.setdefault(name, []).append(quote)
        first.setdefault(name, index)
    order = sorted(groups, key=lambda n: (n is None, -len(groups[n]), first[n]))
    return [_summary(name, groups[name]) for name in order]


def _summary(name: str | None, members: list[Quote]) -> SpeakerSummary:
    mentions: dict[str, None] = {}
    role: str | None = None
    kind = SpeakerType.UNKNOWN
    for quote in members:
        speaker = quote.speaker
        if speaker is None:
            continue
        if speaker.mention is not None:
            mentions.setdefault(speaker.mention.text, None)
        if name is not None:
            role = role or speaker.role
            if kind is SpeakerType.UNKNOWN:
                kind = speaker.type
    return SpeakerSummary(
        name=name,
        count=len(members),
        kinds=Counter(quote.kind for quote in members),
        quotes=tuple(members),
        mentions=tuple(mentions),
        role=role,
        type=kind,
        negated=sum(quote.negated for quote in members),
        alleged=sum(quote.alleged for quote in members),
        denials=sum(quote.denial for quote in members),
    )


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    Example:
        >>> shorten("Nous ne  céderons\\npas", 12)
        'Nous ne céd…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + "…"
