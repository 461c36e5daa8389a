"""Pairing gold and predicted quotes, and deciding whether a predicted speaker is right.

Two content spans can pair when they share at least half of the *longer*
span's characters; pairs are made one-to-one, greedily by largest overlap.
A predicted speaker is right when its mention overlaps the gold mention (or
one of its ``speaker_alt`` antecedents) or when the names agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.evaluate.gold import GoldQuote
from quoteattr.records import Quote, Span

__all__ = ["is_correct_speaker", "match_quotes", "speaker_names_match"]

_MIN_SUFFIX_CHARS = 4


def match_quotes(gold: Sequence[Span], predicted: Sequence[Span]) -> list[tuple[int, int]]:
    """Pair gold and predicted content spans one-to-one; return ``(gold_index, pred_index)`` pairs.

    Two spans can pair when they share at least half of the longer span's
    characters. Pairs are taken greedily by largest overlap, ties broken by the
    smaller union of the two spans (the closer fit), then gold start, then
    predicted start. The result is sorted by gold index.

    Example:
        >>> g = [Span(0, 10, "x" * 10)]
        >>> match_quotes(g, [Span(0, 9, "x" * 9), Span(0, 10, "x" * 10)])
        [(0, 1)]
        >>> match_quotes(g, [Span(5, 10, "x" * 5)]), match_quotes(g, [Span(6, 10, "x" * 4)])
        ([(0, 0)], [])
        >>> match_quotes(g, [Span(0, 12, "x" * 12), Span(0, 10, "x" * 10)])
        [(0, 1)]
    """
    candidates: list[tuple[int, int, int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            shared = g.overlap(p)
            if shared > 0 and 2 * shared >= max(len(g), len(p)):
                union = len(g) + len(p) - shared
                candidates.append((-shared, union, g.start, p.start, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def _normalise_name(name: str) -> str:
    return " ".join(name.casefold().split())


def speaker_names_match(predicted: str | None, gold: str | None) -> bool:
    """True when two speaker names agree after casefolding and collapsing whitespace.

    Names also agree when one ends with the other at a word boundary
    (``'Séjourné'`` / ``'Stéphane Séjourné'``), provided the shorter has at
    least 4 characters. ``None`` never matches.

    Example:
        >>> speaker_names_match("Séjourné", "Stéphane  SÉJOURNÉ")
        True
        >>> speaker_names_match("Blanc", "Leblanc"), speaker_names_match("Lee", "Bruce Lee")
        (False, False)
    """
    if predicted is None or gold is None:
        return False
    a, b = _normalise_name(predicted), _normalise_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < _MIN_SUFFIX_CHARS or not longer.endswith(shorter):
        return False
    return not longer[len(longer) - len(shorter) - 1].isalnum()


def _speaker_mention_hits(gold: GoldQuote, mention: Span | None) -> bool:
    if mention is None:
        return False
    targets = (gold.speaker, *gold.speaker_alt) if gold.speaker is not None else gold.speaker_alt
    return any(mention.overlap(target) > 0 for target in targets)


def is_correct_speaker(gold: GoldQuote, pred: Quote) -> bool:
    """Whether the speaker of a matched pair is right (also defined for gold without speaker).

    Right when the predicted mention overlaps the gold mention or one of its
    ``speaker_alt`` antecedents, or when the names agree
    (:func:`speaker_names_match`). A gold quote without speaker is matched
    only by a prediction without a speaker name.

    Example:
        >>> text = "Il a dit que non."
        >>> gold = GoldQuote(Span.of(text, 13, 16), "indirect", Span.of(text, 0, 2), "Il", None)
        >>> import attrs
        >>> right = gold.to_quote()
        >>> wrong = attrs.evolve(right, speaker=None)
        >>> is_correct_speaker(gold, right), is_correct_speaker(gold, wrong)
        (True, False)
    """
    speaker = pred.speaker
    if gold.speaker is None and gold.speaker_name is None:
        return speaker is None or speaker.name is None
    if speaker is None:
        return False
    return _speaker_mention_hits(gold, speaker.mention) or speaker_names_match(
        speaker.name, gold.speaker_name
    )
