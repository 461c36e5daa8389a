"""Accuracy regression: the dev-set numbers may not drop by more than a point.

The floors in ``accuracy_floor.json`` are the numbers published in docs/accuracy.md
(rounded down). Raise them when the engine improves; never lower them silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SHARED

from quoteattr.engine import extract_many
from quoteattr.evaluate import evaluate_documents, load_gold

pytestmark = pytest.mark.model

DEV = SHARED / "eval" / "dev"
FLOORS = json.loads((Path(__file__).parent / "accuracy_floor.json").read_text(encoding="utf-8"))
TOLERANCE = 0.01


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    docs = [
        doc
        for name in ("wikinews_dev.jsonl", "seed.json", "asfalda_sequoia.jsonl", "litbank.jsonl")
        for doc in load_gold(DEV / name)
    ]
    predictions = [
        list(r) for r in extract_many([d.text for d in docs], batch_size=32, progress=False)
    ]
    return evaluate_documents(docs, predictions=predictions)


def _metrics(report, file: str):  # type: ignore[no-untyped-def]
    if file == "overall":
        return report.overall
    [key] = [k for k in report.per_file if Path(k).name == file]
    return report.per_file[key]


@pytest.mark.parametrize(
    ("file", "metric"),
    [(file, metric) for file, metrics in FLOORS.items() for metric in metrics],
)
def test_dev_numbers_do_not_drop(report, file: str, metric: str) -> None:  # type: ignore[no-untyped-def]
    value = _metrics(report, file).scores()[metric]
    floor = FLOORS[file][metric]
    assert value is not None, f"{metric} undefined on {file}"
    assert value >= floor - TOLERANCE, f"{file} {metric} fell to {value:.3f} (floor {floor:.3f})"
