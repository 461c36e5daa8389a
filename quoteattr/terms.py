"""What a quoted span is: its kind by position, and whether it is speech or a term.

Quotation marks also frame titles, names, labels and the narrator's own words; the tests here
keep those out of the results (``« Le Monde »``, ``baptisée « Europe »``, ``un « Congrès
national »``) and tell direct quotes (an utterance of their own) from mixed ones (words
embedded in the reporter's sentence).

Example:
    >>> utterance.__name__
    'utterance'
"""

from __future__ import annotations

from quoteattr.candidates import Candidate
from quoteattr.context import Context
from quoteattr.lexicon import word_list
from quoteattr.records import CueType, QuoteKind
from quoteattr.rules import Attribution, rule

__all__ = ["is_term", "position_kind", "utterance"]

_DIRECT_BEFORE = frozenset({":", ",", ";", "(", "—", "–", "-", ".", "!", "?", "…", "»", "”", '"'})


def utterance(ctx: Context, cand: Candidate) -> bool:
    """Looks like a whole utterance rather than a term in quotes.

    Example:
        >>> # « Nous ne céderons pas. » → True; « Pan Am » → False
    """
    text = cand.span.content.text
    return len(text.split()) >= 4 or text.rstrip().endswith((".", "!", "?", "…"))


def position_kind(ctx: Context, cand: Candidate) -> QuoteKind:
    """DIRECT when the quote starts an utterance, MIXED when embedded in a sentence.

    Example:
        >>> # « … » at the start of a sentence or after ':' is direct; des « … » is mixed
    """
    if cand.span.style == "dash":
        return QuoteKind.DIRECT
    text = ctx.text
    i = cand.span.open_mark.start
    while i > 0 and text[i - 1].isspace() and text[i - 1] != "\n":
        i -= 1
    para_start = ctx.parsed.paragraphs[cand.paragraph][0] if ctx.parsed.paragraphs else 0
    if i <= para_start or text[i - 1] == "\n":
        return QuoteKind.DIRECT
    last = text[i - 1]
    if last in _DIRECT_BEFORE:
        if last == "," and len(cand.span.content.text.split()) < 3:
            return QuoteKind.MIXED
        return QuoteKind.DIRECT
    if _after_speech_verb(ctx, cand) and cand.span.content.text[:1].isupper():
        return QuoteKind.DIRECT  # "un message disant « Imaginez … »": an utterance of its own
    return QuoteKind.MIXED


def _after_speech_verb(ctx: Context, cand: Candidate) -> bool:
    """The word right before the opening mark ends the group of a speech verb."""
    prev = ctx.prev_word(cand.span.open_mark.start)
    if prev is None:
        return False
    cue = ctx.group_at.get(prev.index)
    return cue is not None and cue.last == prev.index and cue.entry.type is CueType.VERB


def is_term(ctx: Context, cand: Candidate, att: Attribution | None) -> bool:
    """Quotation marks around a title, name or term (« Le Monde », « Pan Am »), not speech."""
    text = cand.span.content.text.strip()
    words = text.split()
    if not words:
        return True
    if att is not None and (rule(att.rule).explicit or rule(att.rule).continues):
        return False
    titled = (
        len(words) <= 5
        and all(w[0].isupper() or len(w) <= 3 for w in words)
        and words[0][0].isupper()
    )
    if titled and not text.endswith((".", "!", "?", "…")):
        return True
    if _named_by(ctx, cand) or _proper_name_after_article(ctx, cand, words):
        return True
    if att is None:
        return not (utterance(ctx, cand) and position_kind(ctx, cand) is QuoteKind.DIRECT)
    return False


def _named_by(ctx: Context, cand: Candidate) -> bool:
    """``baptisée « Europe »``, ``le thème « … »``: a naming word just before the marks (two
    words at most, articles and adverbs aside), from ``data/naming_words.txt``."""
    words = ctx.parsed.words
    i = ctx.word_at(cand.span.open_mark.start)
    if i is None:
        return False
    seen = 0
    for j in range(i - 1, max(i - 5, -1), -1):
        w = words[j]
        if w.norm in word_list("naming_words.txt"):
            return True
        if w.upos in ("DET", "ADV", "PUNCT") or (w.upos == "ADP" and w.norm == "de"):
            continue
        seen += 1
        if seen >= 3:  # "baptisée en Iran « nid d'espions »": a short place phrase between
            break
    return False


def _proper_name_after_article(ctx: Context, cand: Candidate, words: list[str]) -> bool:
    """``un « Congrès national général »``: a short capitalised phrase after an article is a
    name, not someone's words."""
    if (
        not words[0][:1].isupper()
        or len(words) > 5
        or cand.span.content.text.rstrip()[-1:] in ".!?…"
    ):
        return False
    prev = ctx.prev_word(cand.span.open_mark.start)
    return prev is not None and prev.upos == "DET"
