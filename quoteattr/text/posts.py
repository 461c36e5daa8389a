"""Embedded social-media posts: ``texte du message — Nom (@compte) date``.

A post embedded in an article keeps its signature line: the author's name, the account in brackets
and the date, after a dash (``Ce soir, je pense aux familles. — Emmanuel Macron (@EmmanuelMacron)
3 décembre 2026``). The words before the dash, on the same line, or the paragraph right above when
the signature stands alone, are a direct quote of the named author, with no cue (GUIDELINES:
embedded posts). Words already in quotation marks are left to the marks.

Example:
    >>> text = "Je pense aux familles. — Anne Roy (@anneroy) 3 décembre 2026"
    >>> [(q.content.text, name) for q, name, _signature in embedded_posts(text)]
    [('Je pense aux familles.', 'Anne Roy')]
"""

from __future__ import annotations

import regex

from quoteattr.records import QuotedSpan, Span
from quoteattr.text.marks import paragraph_spans

__all__ = ["POST_STYLE", "embedded_posts"]

POST_STYLE = "post"
"""The :attr:`QuotedSpan.style` of an embedded post."""

_SIGNATURE_RE = regex.compile(
    r"(?:^|\s)[—–-]\s*(?P<name>\p{Lu}[^()\n—–]{1,60}?)\s*\(@[\w.]{1,30}\)[^\n]*$",
    regex.MULTILINE,
)
_MARKS = '«»“”"„'


def embedded_posts(text: str) -> list[tuple[QuotedSpan, str, tuple[int, int]]]:
    """The embedded posts of ``text`` with their authors' names and the offsets of their
    signature lines (from the dash), in text order.

    Example:
        >>> embedded_posts("Le président a réagi — sur Twitter.")
        []
    """
    out: list[tuple[QuotedSpan, str, tuple[int, int]]] = []
    paragraphs = paragraph_spans(text)
    for k, (start, end) in enumerate(paragraphs):
        match = _SIGNATURE_RE.search(text, start, end)
        if match is None:
            continue
        dash = match.start() if text[match.start()] in "—–-" else match.start() + 1
        post_start, post_end = start, dash
        if not text[post_start:post_end].strip() and k > 0:
            post_start, post_end = paragraphs[k - 1]  # the signature on a line of its own
        body = text[post_start:post_end]
        stripped = body.strip()
        if not stripped or (stripped[0] in _MARKS and stripped[-1] in _MARKS):
            continue
        lead = len(body) - len(body.lstrip())
        content = Span.of(text, post_start + lead, post_start + lead + len(stripped))
        quoted = QuotedSpan(
            content, Span.of(text, content.start, content.start), None, 0, True, style=POST_STYLE
        )
        out.append((quoted, match.group("name").strip(), (dash, end)))
    return out
