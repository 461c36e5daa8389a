"""Find quoted spans in French text from the quotation marks alone.

:func:`find_quotations` reads a text once, paragraph by paragraph, and pairs
opening and closing marks on a stack: « », “ ”, „ “, ‹ ›, ‘ ’ and straight
``"`` (whose direction is read from the characters around it), plus dialogue
lines that start with a dash (``— Oui, dit-il.``). A guillemet left open at
the end of a paragraph carries on when the next paragraph reopens with « or
starts with », the French convention for a long quote. Web copy that types
guillemets as ASCII ``<<`` and ``>>`` is read as « and ».

Stray or missing marks never raise: the result is flagged ``balanced=False``
instead. Two typing slips are repaired when the mark is followed by
punctuation or the end of the paragraph (where a quotation ends):

* a closing mark of the other family (``« Non ”, a-t-il dit``) closes the
  open quote;
* a closing » or ” with no quote open at all (the opening mark was lost:
  ``Non », a-t-il dit``) gives a quote recovered from the start of its
  sentence, or from the colon or the previous quotation before it; its
  ``open_mark`` is the empty span where the content starts.

The scan is linear in the length of the text; nesting deeper than
``MAX_DEPTH`` is read as plain text.

:func:`paragraph_spans` gives the paragraphs (non-empty lines, trimmed) that
the scan, and the rest of the library, work with.

Example:
    >>> text = "Il a dit : « Je viens “demain” »."
    >>> [(q.content.text, q.level, q.style) for q in find_quotations(text)]
    [('Je viens “demain”', 0, 'guillemets'), ('demain', 1, 'curly')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quoteattr.records import QuotedSpan, Span
from quoteattr.text.normalise import FORMAT_CHARS as _INVISIBLE

__all__ = ["MAX_DEPTH", "find_quotations", "paragraph_spans"]

MAX_DEPTH = 8
"""Openers nested deeper than this are read as plain text (bounds memory)."""

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PARAGRAPH_RE = re.compile(rf"[^\s{_INVISIBLE}](?:[^{_LINE_BREAKS}]*[^\s{_INVISIBLE}])?")
_MARK_RE = re.compile('(?<!<)<<(?!<)|(?<!>)>>(?!>)|[«»“”„‘’‹›"]')
_ASCII_GUILLEMETS = {"<<": "«", ">>": "»"}
"""ASCII stand-ins for guillemets, read as the real marks."""
_WORD_RE = re.compile(r"\w")
_DASHES = "—–―"
_STYLES = {
    "«": "guillemets",
    "“": "curly",
    "”": "curly",
    "„": "low",
    "‹": "single",
    "‘": "single",
    '"': "straight",
}
_OPEN_BEFORE = frozenset("([{<«“‘„‹—–―-/:'’")
"""Characters after which a straight quote may open (besides spaces)."""
_CLOSE_AFTER = frozenset(".,;:!?…)]}>»”›")
"""Characters that cannot follow an opening quote."""
_ENDS_QUOTE = frozenset(".,;:!?…)]–—")
"""Characters after which a closing mark plainly ends a quotation (besides the paragraph end)."""
_SENTENCE_END = frozenset(".!?…")
_LEADING_JUNK = frozenset(",;:–—-")
"""Punctuation a recovered quote does not start with (what followed the previous quote)."""
_TITLES = frozenset({"Mme", "Mlle", "Mgr", "Dr", "Pr", "Me", "St", "Ste"})
"""Titles whose period does not end a sentence (besides initials: ``M.``, ``J.``)."""


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` offsets of every non-empty line, trimmed.

    Every line break is a paragraph break; blank lines yield nothing. The invisible format
    characters U+FEFF, U+200B and U+2060 count as blank at a line's edges, as
    :func:`quoteattr.text.normalise.normalise` turns them into spaces: a line holding only
    a byte-order mark is blank.

    Example:
        >>> paragraph_spans("  Premier.\\n\\n Second  ")
        [(2, 10), (13, 19)]
    """
    return [m.span() for m in _PARAGRAPH_RE.finditer(text)]


def find_quotations(text: str) -> list[QuotedSpan]:
    """Return every quoted span of ``text``, sorted by opening mark.

    Example:
        >>> spans = find_quotations('Il a parlé d\\'"intérêt". « Non », dit-elle.')
        >>> [(q.content.text, q.style, q.balanced) for q in spans]
        [('intérêt', 'straight', True), ('Non', 'guillemets', True)]
    """
    scanner = _Scanner(text)
    paragraphs = paragraph_spans(text)
    for index, (start, end) in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        scanner.paragraph(start, end, following)
    return sorted(scanner.found, key=lambda q: q.open_mark.start)


@dataclass(slots=True)
class _Open:
    """An opening mark waiting for its closer."""

    char: str
    """The mark's family: « for both « and ``<<``."""
    pos: int
    level: int
    guessed: bool = False
    continued: bool = False
    width: int = 1
    """Length of the mark in the text (2 for ``<<``)."""


class _Scanner:
    """The pairing state of one :func:`find_quotations` call."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[_Open] = []
        self.by_char: dict[str, list[int]] = {char: [] for char in '«“”„‹‘"'}
        self.found: list[QuotedSpan] = []
        self.base = 0
        self.end = 0
        """The end of the paragraph being scanned."""
        self.floor = 0
        """Where a quote recovered from a lost opening mark may start at the earliest."""
        self.handlers: dict[str, Callable[[int, int], object]] = {
            "«": self._open,
            "‹": self._open,
            "„": self._open,
            "»": self._right_guillemet,
            "›": lambda i, w: self._close_with(i, "‹", width=w),
            '"': self._straight,
            "“": self._left_double,
            "”": self._right_double,
            "‘": self._left_single,
            "’": self._right_single,
        }

    # paragraphs

    def paragraph(self, start: int, end: int, following: tuple[int, int] | None) -> None:
        """Scan the paragraph ``text[start:end]``; ``following`` is the next one."""
        dash = False
        if self.stack:  # a continued quote: skip its reopening mark
            start += 2 if self.text.startswith(("<<", ">>"), start) else 1
        elif self._is_dialogue(start, end):
            if self.text[start + 1 : end].lstrip()[:1] in ("«", "“"):
                start += 1  # "— « Oui, dit-il. »": the guillemets mark the words, not the dash
            else:
                self._emit_dash(start, end)
                dash, start = True, start + 1
        self.base = 1 if dash else 0
        self._set_floor(start)
        self.end = end
        for match in _MARK_RE.finditer(self.text, start, end):
            mark = match.group()
            self.handlers[_ASCII_GUILLEMETS.get(mark, mark)](match.start(), len(mark))
        if dash or not self._carry_over(end, following):
            while self.stack:
                self._finalize_top(end)

    def _carry_over(self, end: int, following: tuple[int, int] | None) -> bool:
        """Keep the open guillemets open when the next paragraph reopens them."""
        while self.stack and self.stack[-1].char != "«":
            self._finalize_top(end)
        if not self.stack or following is None or not self._reopens(*following):
            return False
        for entry in self.stack:
            entry.continued = True
        return True

    def _is_dialogue(self, start: int, end: int) -> bool:
        text = self.text
        return start + 1 < end and text[start] in _DASHES and text[start + 1].isspace()

    def _reopens(self, start: int, end: int) -> bool:
        text = self.text
        if text[start] == "«" or text.startswith("<<", start):
            return True
        if text.startswith(">>", start):
            start += 1
        elif text[start] != "»":
            return False
        return _WORD_RE.search(text, start + 1, end) is not None

    def _emit_dash(self, start: int, end: int) -> None:
        content = self._content(start + 1, end, end)
        mark = Span(start, start + 1, self.text[start])
        self.found.append(QuotedSpan(content, mark, None, 0, True, "dash"))

    # context of a mark

    def _opening_context(self, i: int) -> bool:
        text = self.text
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return (
            (before.isspace() or before in _OPEN_BEFORE)
            and not after.isspace()
            and after not in _CLOSE_AFTER
        )

    def _closing_context(self, i: int) -> bool:
        text = self.text
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return not before.isspace() and not after.isalnum()

    def _ends_quote(self, after: int) -> bool:
        """True when the paragraph ends at ``after`` or goes on with punctuation (``, a dit``)."""
        text = self.text
        j = after
        while j < self.end and j - after < 3 and text[j].isspace():
            j += 1
        return j >= self.end or text[j] in _ENDS_QUOTE

    def _is_apostrophe(self, i: int) -> bool:
        text = self.text
        return 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()

    def _innermost(self, chars: str) -> int:
        return max((self.by_char[c][-1] for c in chars if self.by_char[c]), default=-1)

    # mark handlers

    def _straight(self, i: int, width: int = 1) -> None:
        opening, closing = self._opening_context(i), self._closing_context(i)
        if opening and not closing:
            self._open(i)
        elif closing and not opening:
            self._close_with(i, '"')  # no open quote: an inch mark, ignored
        elif self.by_char['"']:
            self._close_with(i, '"', guessed=True)
        elif not self._close_mismatched(i, "«“„", width):
            self._open(i, guessed=True)

    def _left_double(self, i: int, width: int = 1) -> None:
        curly = self._innermost("“")
        if self._innermost("„") > curly:
            self._close_with(i, "„")
        elif curly >= 0 and self._closing_context(i) and not self._opening_context(i):
            self._close_with(i, "“", guessed=True)
        else:
            self._open(i)

    def _right_double(self, i: int, width: int = 1) -> None:
        if self._close_with(i, "“”„") or self._close_mismatched(i, "«‹", width):
            return
        if self._opening_context(i):
            self._open(i, guessed=True)
        else:
            self._recover(i, width, "curly")

    def _right_guillemet(self, i: int, width: int = 1) -> None:
        if not (self._close_with(i, "«", width=width) or self._close_mismatched(i, "“„", width)):
            self._recover(i, width, "guillemets")

    def _left_single(self, i: int, width: int = 1) -> None:
        if self._opening_context(i):
            self._open(i)

    def _right_single(self, i: int, width: int = 1) -> None:
        if not self._is_apostrophe(i) and self._closing_context(i):
            self._close_with(i, "‘")

    # the stack

    def _open(self, i: int, width: int = 1, *, guessed: bool = False) -> None:
        if len(self.stack) >= MAX_DEPTH:
            return
        char = _ASCII_GUILLEMETS.get(self.text[i : i + width], self.text[i])
        self.by_char[char].append(len(self.stack))
        self.stack.append(_Open(char, i, self.base + len(self.stack), guessed, width=width))

    def _close_with(self, i: int, openers: str, guessed: bool = False, *, width: int = 1) -> bool:
        """Close the innermost open mark among ``openers``; False if there is none."""
        index = self._innermost(openers)
        if index < 0:
            return False
        trimmed = self._rtrim(i)
        while len(self.stack) > index + 1:
            self._emit(self._pop(), i, trimmed, None, False)
        entry = self._pop()
        close = Span(i, i + width, self.text[i : i + width])
        self._emit(entry, i, trimmed, close, not (entry.guessed or guessed))
        if not self.stack:
            self._set_floor(i + width)
        return True

    def _close_mismatched(self, i: int, openers: str, width: int) -> bool:
        """A closing mark of the other family that plainly ends the quote: « Non ”, dit-il."""
        if self._innermost(openers) < 0 or not self._ends_quote(i + width):
            return False
        return self._close_with(i, openers, guessed=True, width=width)

    def _recover(self, i: int, width: int, style: str) -> None:
        """A closing mark with nothing open: recover the quote whose opening mark was lost.

        The content starts after the last sentence end, colon or quotation
        before the mark in the paragraph (``Le ministre était clair. Non »,
        a-t-il dit.`` gives ``Non``), so it never holds another quotation.
        """
        if self.stack:
            return
        floor = self.floor
        self._set_floor(i + width)  # a stray mark bounds the next recovery: the scan stays linear
        if not self._ends_quote(i + width):
            return
        start = self._sentence_start(floor, i)
        while start < i and (self.text[start].isspace() or self.text[start] in _LEADING_JUNK):
            start += 1
        content = self._content(start, i, self._rtrim(i))
        if not any(c.isalnum() for c in content.text):
            return
        opening = Span(content.start, content.start, "")
        close = Span(i, i + width, self.text[i : i + width])
        self.found.append(QuotedSpan(content, opening, close, self.base, False, style))

    def _sentence_start(self, floor: int, i: int) -> int:
        """Just after the last sentence end or colon in ``text[floor:i]`` (else ``floor``)."""
        text = self.text
        for j in range(i - 1, floor - 1, -1):
            char = text[j]
            if char == ":" or (
                char in _SENTENCE_END
                and j + 1 < i
                and text[j + 1].isspace()
                and not self._abbreviation(floor, j)
            ):
                return j + 1
        return floor

    def _abbreviation(self, floor: int, period: int) -> bool:
        """True when the period at ``period`` ends an initial or a title (``M.``, ``J.``)."""
        text = self.text
        if text[period] != ".":
            return False
        k = period
        while k > floor and period - k <= 4 and text[k - 1].isalpha():
            k -= 1
        word = text[k:period]
        return len(word) == 1 or word in _TITLES

    def _set_floor(self, position: int) -> None:
        self.floor = position

    def _finalize_top(self, end: int) -> None:
        self._emit(self._pop(), end, self._rtrim(end), None, False)

    def _pop(self) -> _Open:
        entry = self.stack.pop()
        self.by_char[entry.char].pop()
        return entry

    def _emit(self, entry: _Open, end: int, trimmed: int, close: Span | None, ok: bool) -> None:
        content = self._content(entry.pos + entry.width, end, trimmed)
        mark = Span(
            entry.pos, entry.pos + entry.width, self.text[entry.pos : entry.pos + entry.width]
        )
        style = _STYLES[entry.char]
        quoted = QuotedSpan(content, mark, close, entry.level, ok, style, entry.continued)
        self.found.append(quoted)

    # offsets

    def _rtrim(self, end: int) -> int:
        """The offset just after the last non-space character before ``end``."""
        text = self.text
        while end > 0 and text[end - 1].isspace():
            end -= 1
        return end

    def _content(self, start: int, end: int, trimmed: int) -> Span:
        """``text[start:end]`` without its surrounding spaces (``trimmed`` = rtrim(end))."""
        text = self.text
        first = start
        while first < end and text[first].isspace():
            first += 1
        if first >= end:
            return Span(start, start, "")
        return Span(first, trimmed, text[first:trimmed])
