"""Every quoted span of a text: the marks, and the layouts that quote without marks.

:func:`quoted_spans` gathers the quotations of :func:`quoteattr.text.marks.find_quotations`, the
answers of an interview transcript (:mod:`quoteattr.text.interviews`) and the embedded social-media
posts (:mod:`quoteattr.text.posts`), in text order. Quotation marks inside an answer or a post are
part of it, and a post's signature line (``— Nom (@compte) date``) is no dialogue line.

Example:
    >>> [q.style for q in quoted_spans("Il a dit : « Non. »")]
    ['guillemets']
"""

from __future__ import annotations

import bisect

from quoteattr.records import QuotedSpan
from quoteattr.text.interviews import interview_turns
from quoteattr.text.marks import find_quotations
from quoteattr.text.posts import embedded_posts

__all__ = ["quoted_spans"]


def quoted_spans(text: str) -> list[QuotedSpan]:
    """The quoted spans of ``text``, interview answers and embedded posts included.

    Example:
        >>> text = "Je pense aux familles. — Anne Roy (@anneroy) 3 décembre 2026"
        >>> [(q.style, q.content.text) for q in quoted_spans(text)]
        [('post', 'Je pense aux familles.')]
    """
    found = find_quotations(text)
    posts = embedded_posts(text)
    layouts = sorted(
        [span for span, _label in interview_turns(text)] + [span for span, _name, _sig in posts],
        key=lambda q: q.content.start,
    )
    if not layouts:
        return found
    covered = sorted(
        [(q.content.start, q.content.end) for q in layouts] + [sig for _s, _n, sig in posts]
    )
    starts = [start for start, _end in covered]

    def inside_layout(q: QuotedSpan) -> bool:  # an answer's or a post's words, or a signature
        k = bisect.bisect_right(starts, q.open_mark.start) - 1
        return k >= 0 and q.open_mark.start < covered[k][1]

    kept = [q for q in found if not inside_layout(q)]
    return sorted(kept + layouts, key=lambda q: q.open_mark.start)
