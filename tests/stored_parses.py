"""Stored Stanza parses of the specification sentences: rule tests without the model, on two parsers.

Every French sentence of a rule test is parsed once with each shared model and its parse stored
as JSON in ``tests/parses/<parser>/`` (one file per text, named by a hash of the text): ``ud_v2``
(the project's model) and ``ud_small`` (a weaker parser that makes other mistakes). The tests
that read stored parses run once per parser (conftest.py parametrises them), so a rule has to
read the grammar, not one parser's mistakes. ``python -m pytest --update-parses`` (re)writes the
missing parses with the real models; the model test ``test_stored_parses_match_the_model``
fails when a stored parse differs from what its model gives today.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quoteattr.engine import attribute
from quoteattr.records import Quote
from quoteattr.syntax.parse import ParsedText

ROOT = Path(__file__).resolve().parent / "parses"
MODELS = Path(__file__).resolve().parents[2] / "shared" / "models"
PARSERS: dict[str, Path] = {
    "ud_v2": MODELS / "stanza_resources_v2",
    "ud_small": MODELS / "stanza_resources",
}
"""Each parser of the store and the Stanza resources folder of its model; the first is the
project's model."""
UPDATE = {"on": False}
"""Set by ``--update-parses`` (see conftest.py)."""
ACTIVE = {"parser": next(iter(PARSERS))}
"""The parser whose stored parses the tests read now (set per test by conftest.py)."""


def store(parser: str | None = None) -> Path:
    """The folder of one parser's stored parses (default: the active parser)."""
    return ROOT / (parser or ACTIVE["parser"])


def path_for(text: str, parser: str | None = None) -> Path:
    """Where the parse of ``text`` is stored."""
    return store(parser) / f"{hashlib.sha1(text.encode('utf-8')).hexdigest()[:20]}.json"


def parse_now(texts: list[str], parser: str | None = None) -> list[ParsedText]:
    """Parse with the real model of ``parser`` (one batched call)."""
    from quoteattr.syntax.parse import parse_texts
    from quoteattr.syntax.pipeline import get_pipeline

    return parse_texts(texts, get_pipeline(model_dir=PARSERS[parser or ACTIVE["parser"]]))


def stored(texts: Iterable[str]) -> list[ParsedText]:
    """The stored parses of ``texts`` (parsed and stored first under ``--update-parses``)."""
    texts = list(texts)
    missing = [t for t in dict.fromkeys(texts) if not path_for(t).exists()]
    if UPDATE["on"] and missing:
        for parser in PARSERS:  # a new sentence is stored for every parser at once
            todo = [t for t in missing if not path_for(t, parser).exists()]
            store(parser).mkdir(parents=True, exist_ok=True)
            for text, parsed in zip(todo, parse_now(todo, parser), strict=True):
                path_for(text, parser).write_text(
                    json.dumps(parsed.to_dict(), ensure_ascii=False), encoding="utf-8"
                )
    elif missing:
        raise LookupError(
            f"no stored {ACTIVE['parser']} parse for {missing[0]!r} (and {len(missing) - 1} "
            "more): run `python -m pytest --update-parses` once with the shared models"
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


def rows_with_both_apostrophes(rows: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Each table row (its text first) as written, and, when the text has apostrophes, with
    them swapped in the text and in every other string of the row (the expected content,
    speaker, cue), so that a row states its expectation once for both spellings.
    """
    out: list[tuple[Any, ...]] = []
    for row in rows:
        text = row[0]
        out.append(tuple(row))
        if "'" in text:
            swap = str.maketrans({"'": "’"})
        elif "’" in text:
            swap = str.maketrans({"’": "'"})
        else:
            continue
        out.append(tuple(c.translate(swap) if isinstance(c, str) else c for c in row))
    return out
