"""Stored Stanza parses of the specification sentences: rule tests without the model.

Every French sentence of a rule test is parsed once with the shared model and its parse
stored as JSON in ``tests/parses/`` (one file per text, named by a hash of the text).
Rule tests rebuild :class:`~quoteattr.syntax.parse.ParsedText` from there and run marks, cues,
sieves and speaker resolution in milliseconds. ``python -m pytest --update-parses``
(re)writes the parses of the texts a run needs with the real model; the model test
``test_stored_parses_match_the_model`` fails when a stored parse differs from what the
model gives today, so the store cannot silently drift from the model.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from quoteattr.engine import attribute
from quoteattr.records import Quote
from quoteattr.syntax.parse import ParsedText

STORE = Path(__file__).resolve().parent / "parses"
UPDATE = {"on": False}
"""Set by ``--update-parses`` (see conftest.py)."""


def path_for(text: str) -> Path:
    """Where the parse of ``text`` is stored."""
    return STORE / f"{hashlib.sha1(text.encode('utf-8')).hexdigest()[:20]}.json"


def parse_now(texts: list[str]) -> list[ParsedText]:
    """Parse with the real shared model (one batched call)."""
    from quoteattr.syntax.parse import parse_texts
    from quoteattr.syntax.pipeline import get_pipeline

    return parse_texts(texts, get_pipeline())


def stored(texts: Iterable[str]) -> list[ParsedText]:
    """The stored parses of ``texts`` (parsed and stored first under ``--update-parses``)."""
    texts = list(texts)
    missing = [t for t in dict.fromkeys(texts) if not path_for(t).exists()]
    if UPDATE["on"] and missing:
        STORE.mkdir(exist_ok=True)
        for text, parsed in zip(missing, parse_now(missing), strict=True):
            path_for(text).write_text(
                json.dumps(parsed.to_dict(), ensure_ascii=False), encoding="utf-8"
            )
    elif missing:
        raise LookupError(
            f"no stored parse for {missing[0]!r} (and {len(missing) - 1} more): "
            "run `python -m pytest --update-parses` once with the shared model"
        )
    return [
        ParsedText.from_dict(json.loads(path_for(t).read_text(encoding="utf-8"))) for t in texts
    ]


def quotes_of(text: str) -> list[Quote]:
    """Attribute ``text`` from its stored parse (no model)."""
    [parsed] = stored([text])
    return attribute(parsed)


def both_apostrophes(text: str) -> list[str]:
    """``text`` as written and with every apostrophe swapped (' ↔ ’), without duplicates.

    French news writes ’ almost everywhere; every rule must behave the same on both.
    """
    if "'" in text:
        return [text, text.replace("'", "’")]
    if "’" in text:
        return [text, text.replace("’", "'")]
    return [text]
