"""Quotes embedded in reported clauses: the clause and its quoted words, brought together.

A quote rule looks at one quoted span at a time; a reported rule finds a whole clause. When
the marks enclose the whole clause, the two are the same words and only the quote is kept
(:func:`merge_quoted_clauses`); when quoted words lie inside a longer clause that no quote
rule could attribute (``Les élus ont « changé de ton » depuis l'été, estime X.``), they are
the clause speaker's words (:func:`inherit_clause_speakers`, GUIDELINES: "one ``mixed`` entry
per pair of marks inside it, all sharing speaker and cue").

Example:
    >>> merge_quoted_clauses.__name__, inherit_clause_speakers.__name__
    ('merge_quoted_clauses', 'inherit_clause_speakers')
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.records import QuoteKind
from quoteattr.rules.candidates import Candidate
from quoteattr.rules.order import rule
from quoteattr.rules.registry import Attribution
from quoteattr.syntax.clauses import one_quote
from quoteattr.syntax.context import Context

__all__ = ["inherit_clause_speakers", "merge_quoted_clauses"]

Quoted = list[tuple[Candidate, Attribution | None]]


def _as_mixed(r: Attribution) -> Attribution:
    """The clause's cue, speaker, rule and confidence, for a quote inside it."""
    return Attribution(r.cue, r.mention, QuoteKind.MIXED, rule=r.rule, confidence=r.confidence)


def _unattributed(att: Attribution | None) -> bool:
    return att is None or rule(att.rule).fallback


def merge_quoted_clauses(
    ctx: Context, quoted: Quoted, reported: list[Attribution]
) -> list[Attribution]:
    """``a estimé que « … »``, ``a promis un « nouveau départ »``: when the marks enclose the
    whole reported clause (but its determiner), the clause and the quote are the same words,
    so only the quote is kept (``mixed``), with the clause's cue and speaker when only a
    fallback rule attributed the quote. ``quoted`` is updated in place; the clauses kept are
    returned.

    Example:
        >>> merge_quoted_clauses(ctx, quoted, reported)   # doctest: +SKIP
    """
    kept = []
    for r in reported:
        assert r.start is not None and r.end is not None
        if r.kind is not QuoteKind.INDIRECT or not one_quote(ctx, r.start, r.end, determiner=True):
            kept.append(r)
            continue
        for n, (cand, att) in enumerate(quoted):
            if not r.start <= cand.span.content.start < r.end:
                continue
            if _unattributed(att):
                quoted[n] = (cand, _as_mixed(r))
            elif att is not None and att.kind is None:
                att.kind = QuoteKind.MIXED
    return kept


def inherit_clause_speakers(
    quoted: Quoted, reported: list[Attribution], terms: Sequence[Candidate] = ()
) -> None:
    """Quoted words inside a reported clause that no quote rule attributed take the clause's
    cue and speaker, as ``mixed`` (the innermost clause when clauses nest); so do the quoted
    terms (``terms``: no title nor name) inside one, the speaker's scare quotes (``d'une part
    « trichent »``). ``quoted`` is updated in place.

    Example:
        >>> inherit_clause_speakers(quoted, reported)   # doctest: +SKIP
    """
    clauses = [r for r in reported if r.mention is not None and r.start is not None]

    def innermost(cand: Candidate) -> Attribution | None:
        content = cand.span.content
        around = [r for r in clauses if r.start <= content.start and content.end <= r.end]  # type: ignore[operator]
        return min(around, key=lambda r: r.end - r.start) if around else None  # type: ignore[operator]

    for n, (cand, att) in enumerate(quoted):
        clause = innermost(cand) if _unattributed(att) else None
        if clause is not None:
            quoted[n] = (cand, _as_mixed(clause))
    for cand in terms:
        clause = innermost(cand)
        if clause is not None:
            quoted.append((cand, _as_mixed(clause)))
