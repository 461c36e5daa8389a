"""One document's analysis state, shared by all sieves.

:class:`Context` holds the parse, the quoted spans, the cues, and lookup
tables built once per document (character → word, word → cue). The grammar the
rules read over it (the subject of a cue, the noun phrase after an inverted verb, the
object of ``selon``) is in :mod:`quoteattr.syntax.subjects` and
:mod:`quoteattr.syntax.phrases`, as functions of a context.

Example:
    >>> from quoteattr.syntax.context import INCISE_BOUNDARY
    >>> "," in INCISE_BOUNDARY
    True
"""

from __future__ import annotations

import bisect

import attrs

from quoteattr.records import QuotedSpan
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.lexicon import Lexicon, default_lexicon
from quoteattr.syntax.parse import ParsedText, Sentence, Word
from quoteattr.text.french import QUOTE_MARK_TOKENS

__all__ = ["INCISE_BOUNDARY", "Context"]

INCISE_BOUNDARY = frozenset({",", ".", "!", "?", ";", ":", "…", ")", "»", "”", '"', "—", "–"})


@attrs.define(slots=True, eq=False)
class Context:
    """Everything known about one document while its quotes are attributed."""

    parsed: ParsedText
    quotations: list[QuotedSpan]
    cues: list[CueMatch]
    lexicon: Lexicon = attrs.field(factory=default_lexicon, kw_only=True)
    """The cue lexicon (its speech nouns name the author of a ``selon`` document)."""
    cue_at: dict[int, CueMatch] = attrs.field(init=False)
    """Cue by the index of its cue word."""
    group_at: dict[int, CueMatch] = attrs.field(init=False)
    """Cue by the index of any word of its verb group."""
    _starts: list[int] = attrs.field(init=False)
    _open_starts: list[int] = attrs.field(init=False)
    _outer: list[QuotedSpan] = attrs.field(init=False)
    _outer_starts: list[int] = attrs.field(init=False)
    _open_marks: set[int] = attrs.field(init=False)
    _close_marks: set[int] = attrs.field(init=False)
    _close_ends: set[int] = attrs.field(init=False)
    _dash_lines: list[QuotedSpan] = attrs.field(init=False)
    _dash_starts: list[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.cue_at = {c.word: c for c in self.cues}
        self.group_at = {}
        for cue in self.cues:
            for i in range(cue.first, cue.last + 1):
                self.group_at.setdefault(i, cue)
        self._starts = [w.start for w in self.parsed.words]
        self._open_starts = [q.open_mark.start for q in self.quotations]
        self._outer = [q for q in self.quotations if q.level == 0]
        self._open_marks = {q.open_mark.start for q in self.quotations}
        self._close_marks = {
            q.close_mark.start for q in self.quotations if q.close_mark is not None
        }
        self._close_ends = {q.close_mark.end for q in self.quotations if q.close_mark is not None}
        self._outer_starts = [q.content.start for q in self._outer]
        self._dash_lines = sorted(
            (q for q in self.quotations if q.style == "dash"), key=lambda q: q.open_mark.start
        )
        self._dash_starts = [q.open_mark.start for q in self._dash_lines]

    @property
    def text(self) -> str:
        """The document text."""
        return self.parsed.text

    # --- positions -------------------------------------------------------------------------

    def word_at(self, char: int) -> int | None:
        """Index of the word covering or starting right after ``char``, or None."""
        i = bisect.bisect_right(self._starts, char) - 1
        words = self.parsed.words
        if i >= 0 and words[i].end > char:
            return i
        return i + 1 if i + 1 < len(words) else None

    def words_between(self, start: int, end: int) -> range:
        """Indexes of the words lying inside ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        while hi > lo and self.parsed.words[hi - 1].end > end:
            hi -= 1
        return range(lo, hi)

    def next_word(self, char: int) -> Word | None:
        """The first word starting at or after ``char``."""
        i = bisect.bisect_left(self._starts, char)
        return self.parsed.words[i] if i < len(self.parsed.words) else None

    def prev_word(self, char: int) -> Word | None:
        """The last word ending at or before ``char``."""
        i = bisect.bisect_right(self._starts, char) - 1
        words = self.parsed.words
        while i >= 0 and words[i].end > char:
            i -= 1
        return words[i] if i >= 0 else None

    def quotations_in(self, sentence: Sentence) -> list[QuotedSpan]:
        """The quoted spans that open inside ``sentence``."""
        lo = bisect.bisect_left(self._open_starts, sentence.start)
        hi = bisect.bisect_left(self._open_starts, sentence.end)
        return self.quotations[lo:hi]

    def outer_quotes_between(self, start: int, end: int) -> list[QuotedSpan]:
        """Outermost quoted spans whose content starts inside ``[start, end)``."""
        lo = bisect.bisect_left(self._outer_starts, start)
        hi = bisect.bisect_left(self._outer_starts, end)
        return self._outer[lo:hi]

    def opens_at(self, char: int) -> bool:
        """True when a quotation mark opening a quoted span stands at ``char``."""
        return char in self._open_marks

    def closes_at(self, char: int) -> bool:
        """True when a quotation mark closing a quoted span stands at ``char``."""
        return char in self._close_marks

    def closed_just_before(self, char: int, gap: int = 3) -> bool:
        """True when a quoted span closes at most ``gap`` characters before ``char``, with
        only spaces and commas between (``« … », selon X``; not ``« … ». Selon X``)."""
        return any(
            c in self._close_ends and not self.text[c:char].replace(",", "").strip()
            for c in range(char - gap, char + 1)
        )

    def enclosing_quote(self, char: int) -> QuotedSpan | None:
        """The outermost quoted span whose content holds ``char``, if any."""
        i = bisect.bisect_right(self._outer_starts, char) - 1
        if i >= 0:
            quote = self._outer[i]
            if quote.content.start <= char < quote.content.end:
                return quote
        return None

    def next_dash_line(self, char: int) -> QuotedSpan | None:
        """The first dialogue-dash line that opens at or after ``char``, if any."""
        i = bisect.bisect_left(self._dash_starts, char)
        return self._dash_lines[i] if i < len(self._dash_lines) else None

    def is_mark(self, word: Word) -> bool:
        """True for a quotation-mark token."""
        return word.text in QUOTE_MARK_TOKENS
