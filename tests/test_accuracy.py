"""Accuracy regression on the dev sets, and invariants over every record they produce.

The floors in ``accuracy_floor.json`` are the numbers published in docs/accuracy.md (rounded
down), measured with the project's model (``ud_v2``). Raise them when the engine improves; never
lower them silently. Every record of every dev document must also hold what GUIDELINES.md asks
of any output: its speaker mention stands outside other quotations and can speak, and an
indirect record keeps the negation that the sentence puts on its content.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SHARED

from quoteattr.engine import extract_many
from quoteattr.evaluate import evaluate_documents, load_gold
from quoteattr.records import Quote, QuoteKind, SpeakerVia
from quoteattr.speakers.speaking import is_abstract_noun, speaking_nouns
from quoteattr.text.french import DATE_WORDS
from quoteattr.text.marks import find_quotations

pytestmark = pytest.mark.model

DEV = SHARED / "eval" / "dev"
FILES = (
    "wikinews_dev.jsonl",
    "webnews_dev.jsonl",
    "seed.json",
    "asfalda_sequoia.jsonl",
    "litbank.jsonl",
)
FLOORS = json.loads((Path(__file__).parent / "accuracy_floor.json").read_text(encoding="utf-8"))
TOLERANCE = 0.01
_NEGATION = re.compile(r"(?:^|[\s'’])(?:ne|n['’])(?=\s|\w)", re.IGNORECASE)


@pytest.fixture(scope="module")
def outputs():  # type: ignore[no-untyped-def]
    docs = [doc for name in FILES for doc in load_gold(DEV / name)]
    predictions = [
        list(r) for r in extract_many([d.text for d in docs], batch_size=32, progress=False)
    ]
    return docs, predictions, evaluate_documents(docs, predictions=predictions)


def _metrics(report, file: str):  # type: ignore[no-untyped-def]
    if file == "overall":
        return report.overall
    [key] = [k for k in report.per_file if Path(k).name == file]
    return report.per_file[key]


@pytest.mark.parametrize(
    ("file", "metric"),
    [(file, metric) for file, metrics in FLOORS.items() for metric in metrics],
)
def test_dev_numbers_do_not_drop(outputs, file: str, metric: str) -> None:  # type: ignore[no-untyped-def]
    value = _metrics(outputs[2], file).scores()[metric]
    floor = FLOORS[file][metric]
    assert value is not None, f"{metric} undefined on {file}"
    assert value >= floor - TOLERANCE, f"{file} {metric} fell to {value:.3f} (floor {floor:.3f})"


def _outside_other_quotes(text: str, quote: Quote) -> bool:
    assert quote.speaker is not None and quote.speaker.mention is not None
    at = quote.speaker.mention.start
    return not any(
        q.style != "dash"  # a dialogue dash line is no quotation mark (vocatives answer there)
        and q.content.start <= at < q.content.end
        and not q.content.contains(quote.content)
        for q in find_quotations(text)
    )


def _can_speak(quote: Quote) -> bool:
    assert quote.speaker is not None and quote.speaker.mention is not None
    words = quote.speaker.mention.text.lower().replace("’", "'").split()
    if not words or all(w in DATE_WORDS for w in words):
        return False  # "Jeudi"
    if quote.speaker.via not in (SpeakerVia.NAME, SpeakerVia.APPOSITION):
        head = words[-1].split("'")[-1] if len(words) <= 2 else ""  # "l'hypothèse", "des retards"
        if is_abstract_noun(head) and head.rstrip("s") not in speaking_nouns():
            return False
    return True


def test_no_speaker_is_a_quoted_word_or_a_word_that_cannot_speak(outputs) -> None:  # type: ignore[no-untyped-def]
    docs, predictions, _report = outputs
    wrong = [
        (doc.doc_id, q.content.text[:40], q.speaker.mention.text)
        for doc, quotes in zip(docs, predictions, strict=True)
        for q in quotes
        if q.speaker is not None
        and q.speaker.mention is not None
        and not (_outside_other_quotes(doc.text, q) and _can_speak(q))
    ]
    assert wrong == []


def test_no_indirect_record_drops_the_negation_of_its_content(outputs) -> None:  # type: ignore[no-untyped-def]
    docs, predictions, _report = outputs
    dropped = [
        (doc.doc_id, doc.text[q.cue.span.end : q.content.start], q.content.text[:40])
        for doc, quotes in zip(docs, predictions, strict=True)
        for q in quotes
        if q.kind is QuoteKind.INDIRECT
        and q.cue is not None
        and q.cue.span.end <= q.content.start
        and _NEGATION.search(doc.text[q.cue.span.end : q.content.start])
    ]
    assert dropped == []
