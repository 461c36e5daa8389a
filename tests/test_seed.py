"""The seed article against its hand-made gold: every entry with the right kind and speaker."""

from __future__ import annotations

import json

import pytest
from conftest import SEED, SHARED

from quoteattr import QuoteKind, extract

pytestmark = pytest.mark.model

GOLD = SHARED / "eval" / "dev" / "seed.json"


def _gold() -> list[dict[str, object]]:
    return list(json.loads(GOLD.read_text(encoding="utf-8"))["quotes"])


@pytest.fixture(scope="module")
def quotes() -> list[object]:
    return list(extract(SEED.read_text(encoding="utf-8")))


@pytest.mark.parametrize("gold", _gold(), ids=lambda g: f"{g['kind']}:{str(g['text'])[:30]}")
def test_seed_entry(quotes: list, gold: dict) -> None:  # type: ignore[type-arg]
    start, end = gold["content"]
    match = [q for q in quotes if q.content.start == start and q.content.end == end]
    assert match, f"missing {gold['text']!r}"
    quote = match[0]
    assert quote.kind is QuoteKind(gold["kind"])
    assert quote.speaker_name == gold["speaker_name"]
    assert quote.cue is not None
    cue_start, cue_end = gold["cue"]
    assert quote.cue.span.start < cue_end and cue_start < quote.cue.span.end
