"""How far a record's speaker can be trusted: the weight of the way it was reached.

``Quote.confidence`` predicts, per record, whether its named speaker is right. It is the
measured precision of the rule that made the record (``data/rule_confidence.tsv``) times the
weight of how the speaker name was reached (``data/speaker_confidence.tsv``, per
:class:`~quoteattr.records.SpeakerVia`: a name in the sentence weighs 1, a pronoun or a
description resolved to an earlier name less, an unresolved one much less), lowered again for
a pronoun or description resolved far back. Both tables are measured on the news dev sets by
``python tools/rule_precision.py --write``.

Example:
    >>> from quoteattr.records import Speaker
    >>> speaker_weight(Speaker(None, "Agnès Roy", via="name"))
    1.0
    >>> speaker_weight(None) < speaker_weight(Speaker(None, "il", via="pronoun"))
    True
"""

from __future__ import annotations

import functools
from importlib import resources

from quoteattr.records import Speaker, SpeakerVia

__all__ = ["FAR_BACK", "NO_SPEAKER", "speaker_weight"]

NO_SPEAKER = "none"
"""The row of ``data/speaker_confidence.tsv`` for a record with no speaker."""
FAR_BACK = 0.9
"""Weight per sentence beyond the first between a pronoun or description and its name."""


@functools.cache
def _weights() -> dict[str, float]:
    data = resources.files("quoteattr").joinpath("data/speaker_confidence.tsv")
    rows = [
        line.split("\t")
        for line in data.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header, *body = rows
    at = header.index("weight")
    return {row[0]: float(row[at]) for row in body}


def speaker_weight(speaker: Speaker | None) -> float:
    """The weight of ``speaker``'s route, lowered for a name resolved far back.

    Example:
        >>> from quoteattr.records import Speaker
        >>> near = speaker_weight(Speaker(None, "Agnès Roy", via="pronoun", distance=1))
        >>> far = speaker_weight(Speaker(None, "Agnès Roy", via="pronoun", distance=4))
        >>> far < near
        True
    """
    weights = _weights()
    if speaker is None:
        return weights[NO_SPEAKER]
    weight = weights[speaker.via.value]
    if speaker.via in (SpeakerVia.PRONOUN, SpeakerVia.DESCRIPTION) and speaker.distance > 1:
        weight *= FAR_BACK ** (speaker.distance - 1)
    return weight
