"""Clean the typography of web text before quotation marks are read and the text is parsed.

Web copy types quotation marks, apostrophes and spaces in many ways: two apostrophes for a
quotation mark (``''Oui''``), a backtick for an apostrophe (``n`avait``), ``<<`` for «, a
byte-order mark left at the start, a « closed by ”. :func:`normalise` rewrites these into the
forms the rest of the library reads, with **same-length substitutions only**: every changed
character is replaced by exactly one character and nothing is inserted or removed, so
``len(normalise(text)) == len(text)`` and every offset computed on the result (quoted spans,
tokens, speakers) indexes the caller's original string unchanged.

A two-character mark becomes one mark plus a space, the space on the outside of the quote
(``''Oui''`` → `` "Oui" ``), so the quoted content keeps its exact offsets.

The rules, in the order they apply:

1. invisible format characters (U+FEFF byte-order mark, U+200B zero-width space, U+2060 word
   joiner) become a space, wherever they are;
2. non-breaking and fixed-width spaces (U+00A0, U+2000 to U+200A, U+202F, U+205F, U+3000)
   become a plain space;
3. a backtick (`` ` ``) or acute accent (``´``) between two letters becomes ``'`` (``l´armée``);
4. doubled single marks used as a double quotation mark, paired within one paragraph, become
   one mark and a space: ASCII ``''…''`` (and `` ``…'' ``) give ``"``; curly ``‘‘…’’``,
   ``‘’…’’`` and ``’’…’’`` give “ and ”. An opening pair stands after a space, the start or an
   opening punctuation (``(``, ``:``, a dash…) and before a letter, a digit, ``…``, ``(`` or
   ``[``; a closing pair stands after a letter, a digit or closing punctuation and before
   anything but a letter or digit. A doubled mark inside a word (``aujourd''hui``), a lone or
   unpaired one (``un écran 15''``, ``2'30''``), and three marks or more are left alone;
5. ASCII guillemets ``<<`` and ``>>`` paired within one paragraph (an opening ``<<`` not glued
   to a letter or digit before it, then a closing ``>>`` not glued to one after it, with text
   in between) become `` «`` and ``» ``. A lone ``<<`` or ``>>`` (``x << 2``, ``cout << x``,
   the ``>> Lire aussi`` of web pages), ``a<<b`` and runs of three or more are left alone; a
   pair on one line (``a << b >> c``) is read as guillemets, as news text rarely holds such
   code;
6. marks of the wrong family, within one paragraph (the minimal, safe repairs):

   * a ” that closes a quotation opened by « becomes »: nothing but balanced “ ” pairs lies
     between them, the ” is not followed directly by a letter or digit (``« Le mot ”oui”``
     opens, it does not close), and the next guillemet after it is not a » (which would be
     the real closer: ``« Oui ” dit-il »`` is left alone) unless a “ opened after the ” is
     what that » closes (``« Non ”, dit-il. “ Oui », dit-elle.``: both are repaired);
   * a “ that opens a quotation closed by » becomes «: no « is open at the “ (a « closed by
     a repaired ” counts as closed), the “ is not preceded directly by a letter or digit,
     nothing but the » follows it among « » “ ”, and the next curly mark after the », outside
     guillemets, is not a ” (which would be the real closer).

Line breaks are paragraph breaks (as in :mod:`quoteattr.text.marks`); nothing pairs across
one, so a quotation reopened on the next paragraph keeps its marks as typed. Line breaks,
tabs, the soft hyphen U+00AD and the joiners U+200C and U+200D are never changed (a space in
the middle of a word, or of an emoji sequence, would split it). Each rule reads the text
once: :func:`normalise` is linear in the length of the text.

Example:
    >>> normalise("\\ufeffIl a dit <<Bonjour>> et l´armée a répondu ''Non''.")
    ' Il a dit  «Bonjour»  et l\\'armée a répondu  "Non" .'
"""

from __future__ import annotations

import re

__all__ = ["normalise"]

FORMAT_CHARS = "\ufeff\u200b\u2060"
"""Invisible format characters, turned into spaces (and blank at a paragraph's edges)."""
"""Zero-width format characters, read as a space (a word break they already mark)."""
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
"""Non-breaking and fixed-width spaces, read as a plain space."""
_TO_SPACE_RE = re.compile(f"[{FORMAT_CHARS}{_SPACES}]")

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Paragraph breaks: the same set as :mod:`quoteattr.text.marks`."""

_APOSTROPHE_RE = re.compile(r"[`´](?<=[^\W\d_][`´])(?=[^\W\d_])")
"""A backtick or acute accent between two letters, typed for an apostrophe."""

_PAIRED_RE = re.compile(
    rf"[{_LINE_BREAKS}]"
    r"|(?:''|``|‘‘|‘’|’’)(?<![`'‘’]..)(?![`'‘’])"
    r"|<<(?<!<<<)(?!<)|>>(?<!>>>)(?!>)"
)
"""Line breaks and the two-character marks of rules 4 and 5 (never three in a row)."""
_OPEN_BEFORE = frozenset("([{<«“„‹—–―-/:")
"""Characters after which a doubled mark may open a quotation (besides spaces and the start)."""
_OPEN_AFTER = frozenset("…([")
"""Characters a quotation may start with (besides letters and digits)."""
_CLOSE_BEFORE = frozenset('.!?…)]}»”›"%')
"""Characters a quotation may end with (besides letters and digits)."""

_OPENING = 1
_CLOSING = 2
_BOTH = _OPENING | _CLOSING
_DOUBLED: dict[str, tuple[str, int]] = {
    "''": ("ascii", _BOTH),
    "``": ("ascii", _OPENING),
    "‘‘": ("curly", _OPENING),
    "‘’": ("curly", _OPENING),
    "’’": ("curly", _BOTH),
}
"""Doubled single marks: the family they pair within and the roles they may take."""
_REPLACEMENT: dict[str, tuple[str, str]] = {
    "ascii": (' "', '" '),
    "curly": (" “", "” "),
    "guillemets": (" «", "» "),
}
"""Family → (opening, closing) replacement, the space on the outside of the quote."""

_MIXED_RE = re.compile(rf"[«»“”{_LINE_BREAKS}]")
"""Line breaks and the marks that rule 6 reads."""


def normalise(text: str) -> str:
    """Return ``text`` with its typography cleaned, every character at the same offset.

    The result always has the length of ``text``; a text with nothing to clean comes back
    unchanged. The rules are listed in the module docstring.

    Example:
        >>> normalise("l´armée")
        "l'armée"
        >>> normalise("« Je n`avais rien vu ”, a-t-il dit.")
        "« Je n'avais rien vu », a-t-il dit."
        >>> normalise("Elle a lancé ‘‘C’est fini’’.")
        'Elle a lancé  “C’est fini” .'
    """
    cleaned = _APOSTROPHE_RE.sub("'", _TO_SPACE_RE.sub(" ", text))
    cleaned = _pair_marks(cleaned)
    return _fix_mixed(cleaned)


def _pair_marks(text: str) -> str:
    """Rules 4 and 5: doubled single marks and ASCII guillemets paired within a paragraph."""
    chars: list[str] | None = None
    pending: dict[str, int] = {}
    """Family → start of the opening pair waiting for its closer in this paragraph."""
    for match in _PAIRED_RE.finditer(text):
        token = match.group()
        start, end = match.span()
        if len(token) == 1:
            pending.clear()
            continue
        role, family = _role(text, token, start, end)
        if role == _OPENING:
            pending[family] = start  # an earlier unclosed opener stays as typed
            continue
        opened = pending.pop(family, None) if role == _CLOSING else None
        if opened is None or not text[opened + 2 : start].strip():
            continue
        if chars is None:
            chars = list(text)
        opening, closing = _REPLACEMENT[family]
        chars[opened : opened + 2] = opening
        chars[start:end] = closing
    return text if chars is None else "".join(chars)


def _role(text: str, token: str, start: int, end: int) -> tuple[int, str]:
    """The role (opening, closing or 0) and family of the two-character mark at ``start``."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if token == "<<":
        return (0 if before.isalnum() else _OPENING), "guillemets"
    if token == ">>":
        return (0 if after.isalnum() else _CLOSING), "guillemets"
    family, roles = _DOUBLED[token]
    if (
        roles & _OPENING
        and (before.isspace() or before in _OPEN_BEFORE)
        and (after.isalnum() or after in _OPEN_AFTER)
    ):
        return _OPENING, family
    if roles & _CLOSING and (before.isalnum() or before in _CLOSE_BEFORE) and not after.isalnum():
        return _CLOSING, family
    return 0, family


def _fix_mixed(text: str) -> str:
    """Rule 6: a ” closing a « quote becomes », a “ opening a » quote becomes «."""
    fixes: dict[int, str] = {}
    state = _MixedState()
    for match in _MIXED_RE.finditer(text):
        mark, i = match.group(), match.start()
        if mark in "«»“”":
            state.read(text, mark, i)
        else:
            state.end_paragraph()
        fixes.update(state.take_fixes())
    state.end_paragraph()
    fixes.update(state.take_fixes())
    if not fixes:
        return text
    chars = list(text)
    for i, mark in fixes.items():
        chars[i] = mark
    return "".join(chars)


class _MixedState:
    """What rule 6 knows of the marks read so far in the current paragraph."""

    def __init__(self) -> None:
        self.fixes: dict[int, str] = {}
        """Offset → replacement mark, committed and waiting to be taken."""
        self.guillemet: int | None = None
        """A « whose content so far holds only balanced “ ” pairs."""
        self.curly_depth = 0
        """Curly quotes open inside :attr:`guillemet`."""
        self.closer: int | None = None
        """A ” that closed :attr:`guillemet`, fixed unless the next guillemet is a »."""
        self.open_guillemets = 0
        """Guillemets open in the paragraph (a committed ” → » counts as a closer)."""
        self.curly: int | None = None
        """A “ opened outside guillemets, with no mark read since."""
        self.opener: int | None = None
        """A “ closed by a », fixed unless the next curly mark outside guillemets is a ”."""

    def end_paragraph(self) -> None:
        """Commit the repairs left pending and forget the paragraph."""
        self._commit_closer()
        self._commit_opener()
        self.guillemet = self.curly = None
        self.curly_depth = self.open_guillemets = 0

    def take_fixes(self) -> dict[int, str]:
        """Return the committed repairs and forget them."""
        fixes, self.fixes = self.fixes, {}
        return fixes

    def read(self, text: str, mark: str, i: int) -> None:
        """Read the mark ``mark`` found at offset ``i`` of ``text``."""
        if mark == "«":
            self._commit_closer()
            self.guillemet, self.curly_depth = i, 0
            self.open_guillemets += 1
            self.curly = None
        elif mark == "»":
            if self.closer is not None and self.curly is not None:
                self._commit_closer()  # ” … “ … »: the » closes the “, the ” closed the «
            self.guillemet = self.closer = None
            if self.open_guillemets:
                self.open_guillemets -= 1
            elif self.curly is not None:
                self._commit_opener()
                self.opener = self.curly
            self.curly = None
        elif mark == "“":
            if self.guillemet is not None:
                self.curly_depth += 1
            self._commit_opener()
            glued = i > 0 and text[i - 1].isalnum()
            still_open = self.open_guillemets - (self.closer is not None)
            self.curly = None if still_open or glued else i
        else:
            self._read_right_curly(text, i)

    def _read_right_curly(self, text: str, i: int) -> None:
        if self.guillemet is not None:
            if self.curly_depth:
                self.curly_depth -= 1
            elif i + 1 < len(text) and text[i + 1].isalnum():
                self.guillemet = None  # ”oui: typed for an opener, give up
            else:
                self.closer, self.guillemet = i, None
        if not self.open_guillemets:
            self.opener = None
        self.curly = None

    def _commit_closer(self) -> None:
        if self.closer is not None:
            self.fixes[self.closer] = "»"
            self.closer = None
            self.open_guillemets = max(0, self.open_guillemets - 1)

    def _commit_opener(self) -> None:
        if self.opener is not None:
            self.fixes[self.opener] = "«"
            self.opener = None
