"""Quotes signed by their layout, not by a verb (issue 18 §5, GUIDELINES: headlines and captions).

* ``interview_turn`` Martine Aubry : Parce que la sécurité des enfants passe avant tout.
* ``post_signature`` Ce soir, je pense aux familles. — Emmanuel Macron (@EmmanuelMacron) 3 déc.
* ``caption_after``  « Nous irons jusqu'au bout », Philippe Martinez. / « La paix est possible »
  (Antonio Guterres, secrétaire général de l'ONU)

An interview's answer (:mod:`quoteattr.text.interviews` finds the turns) is its label's words,
with the colon as cue.

A headline, a caption or a pull quote names its speaker right after the closing mark, after a
comma or in brackets, with nothing else on the line but a description of that person: the name is
the speaker and there is no cue. A verb there makes an incise (``incise_after``), a pronoun or a
lowercase word no signature.

Example:
    >>> from quoteattr.rules.order import rule
    >>> rule("caption_after").explicit
    True
"""

from __future__ import annotations

from quoteattr.rules.candidates import Candidate, History
from quoteattr.rules.registry import Attribution, register
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import COLON, punctuation_cue
from quoteattr.syntax.mentions import is_capitalised, mention_at, name_run
from quoteattr.text.interviews import INTERVIEW_STYLE
from quoteattr.text.posts import POST_STYLE

__all__: list[str] = []

_OPENERS = frozenset({",", "("})
_CLOSERS = frozenset({")", ".", "!", "?", "…"})
_MAX_SIGNATURE = 14
"""The most words a caption's signature holds (the name and a short description)."""


@register("interview_turn", "quote", explicit=True, prior=0.9)
def interview_turn(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """``Nom : réponse``: the label before the colon speaks the turn, the colon is the cue."""
    if cand.span.style != INTERVIEW_STYLE:
        return None
    colon = ctx.prev_word(cand.span.content.start)
    if colon is None or colon.text != ":":
        return None
    words = ctx.parsed.words
    line = ctx.text.rfind("\n", 0, colon.start) + 1
    label = [i for i in ctx.words_between(line, colon.start)]
    if not label:
        return None
    head = next((i for i in reversed(label) if words[i].upos in ("PROPN", "NOUN")), label[-1])
    if len(words[head].text) < 2 or words[head].norm in _ANSWER_LABELS:
        return None  # "R :", "Réponse :": who answers is told elsewhere
    return Attribution(punctuation_cue(colon, COLON), mention_at(ctx.parsed, head))


_ANSWER_LABELS = frozenset({"réponse", "rép", "answer"})


@register("post_signature", "quote", explicit=True, prior=0.9)
def post_signature(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """An embedded post (:mod:`quoteattr.text.posts`): the name after the dash signs it."""
    if cand.span.style != POST_STYLE:
        return None
    words = ctx.parsed.words
    dash = _dash_after(ctx, cand.span.content.end)
    if dash is None or dash + 1 >= len(words) or not is_capitalised(words[dash + 1]):
        return None
    return Attribution(None, mention_at(ctx.parsed, dash + 1))


def _dash_after(ctx: Context, char: int) -> int | None:
    """The signature's dash: the first dash after ``char`` (on the post's line or the next)."""
    word = ctx.next_word(char)
    for _ in range(8):
        if word is None:
            return None
        if word.text in ("—", "–", "-"):
            return word.index
        word = ctx.next_word(word.end)
    return None


@register("caption_after", "quote", explicit=True, prior=0.85)
def caption_after(ctx: Context, cand: Candidate, history: History) -> Attribution | None:
    """« … », Nom. / « … » (Nom, fonction): the name signs the quote, no cue."""
    close = cand.span.close_mark
    if close is None:
        return None
    words = ctx.parsed.words
    opener = ctx.next_word(close.end)
    if opener is None or opener.text not in _OPENERS or "\n" in ctx.text[close.end : opener.start]:
        return None
    first = opener.index + 1
    if (
        first >= len(words)
        or not is_capitalised(words[first])
        or words[first].upos
        not in (
            "PROPN",
            "NOUN",
            "ADJ",
            "X",
        )
    ):
        return None
    lo, hi = name_run(ctx.parsed, first)
    if hi <= lo:
        return None  # one capitalised word is no full name: "« … », Paris."
    i = hi + 1
    while i < len(words) and i - first <= _MAX_SIGNATURE:
        w = words[i]
        if "\n" in ctx.text[words[i - 1].end : w.start]:
            break  # the line ends: the signature too
        if w.text in _CLOSERS or ctx.opens_at(w.start):
            break
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin":
            return None  # a clause, not a signature
        i += 1
    else:
        if i < len(words):
            return None
    if opener.text == "(" and (i >= len(words) or words[i].text != ")"):
        return None
    return Attribution(None, mention_at(ctx.parsed, lo))
