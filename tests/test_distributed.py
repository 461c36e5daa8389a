"""Tests of :mod:`quoteattr.distributed` (Dask bags and data frames).

The model test starts a real ``LocalCluster`` with two worker processes and
compares its results with the single-process ones; it is skipped when the
``dask`` extra is not installed (``pip install 'quoteattr[dask]'``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr import distributed
from quoteattr.output.export import CSV_COLUMNS, quote_to_row

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = ROOT / "seeds" / "000_edc37f481cdcf508.txt"
ASFALDA = SHARED / "eval" / "dev" / "asfalda_sequoia.jsonl"


def dev_pairs() -> list[tuple[str, str]]:
    """The seed article and the ten shortest ASFALDA sentences, as (doc_id, text)."""
    records = [json.loads(line) for line in ASFALDA.read_text(encoding="utf-8").splitlines()]
    short = sorted(records, key=lambda r: len(r["text"]))[:10]
    return [("seed", SEED.read_text(encoding="utf-8"))] + [(r["doc_id"], r["text"]) for r in short]


def test_missing_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ImportError, match=r"pip install 'quoteattr\[dask\]'"):
        distributed.attribute_bag(object())
    with pytest.raises(ImportError, match=r"pip install 'quoteattr\[dask\]'"):
        distributed.attribute_dataframe(object())


def test_bag_items_are_normalised() -> None:
    as_pair = distributed._as_pair
    assert as_pair("Texte.", "text", "id") == (None, "Texte.")
    assert as_pair(("a", "Texte."), "text", "id") == ("a", "Texte.")
    assert as_pair(["a", "Texte."], "text", "id") == ("a", "Texte.")
    assert as_pair({"doc_id": 3, "text": "Texte."}, "text", "id") == ("3", "Texte.")
    assert as_pair({"k": "b", "body": "Corps."}, "body", "k") == ("b", "Corps.")
    with pytest.raises(TypeError, match="attribute_bag expects"):
        as_pair(42, "text", "id")


def test_empty_frame_has_the_csv_columns() -> None:
    pytest.importorskip("pandas")
    frame = distributed.empty_frame()
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert str(frame["content_start"].dtype) == "int64"
    assert str(frame["cue_start"].dtype) == "Int64"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local Dask cluster of two single-threaded worker processes."""
    pytest.importorskip("dask.bag")
    pytest.importorskip("dask.dataframe")
    dd = pytest.importorskip("dask.distributed")
    cluster = dd.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        memory_limit="4GiB",
    )
    try:
        with dd.Client(cluster) as dask_client:
            yield dask_client
    finally:
        cluster.close()


@pytest.mark.model
def test_local_cluster_matches_one_process(
    client: Any, nlp: object, one_torch_thread: None
) -> None:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

    from quoteattr.engine import extract_many

    # the worker processes inherited the model location from this process (tests/conftest.py)
    seen = client.run(os.environ.get, "STANZA_RESOURCES_DIR")
    assert len(seen) == 2
    assert set(seen.values()) == {os.environ["STANZA_RESOURCES_DIR"]}

    pairs = dev_pairs()
    expected = list(extract_many(pairs, progress=False))

    bag = db.from_sequence(pairs, npartitions=2)
    rows = distributed.attribute_bag(bag, batch_size=4).compute()
    assert [r["doc_id"] for r in rows] == [doc_id for doc_id, _ in pairs]
    assert all(r["status"] == "ok" and r["error"] is None for r in rows)
    assert [r["quotes"] for r in rows] == [q.to_dicts() for q in expected]
    assert sum(len(r["quotes"]) for r in rows) > 10
    # at most one pipeline per worker process, built there (none was shipped)
    built = client.run(lambda: len(__import__("quoteattr.syntax.pipeline").syntax.pipeline._cache))
    assert sum(built.values()) >= 1 and max(built.values()) == 1
    # the nanny's OMP_NUM_THREADS=1 gives torch one thread per worker process
    assert set(client.run(lambda: __import__("torch").get_num_threads()).values()) == {1}

    frame = pd.DataFrame({"id": [d for d, _ in pairs], "text": [t for _, t in pairs]})
    flat = distributed.attribute_dataframe(dd.from_pandas(frame, npartitions=2)).compute()
    assert list(flat.columns) == list(CSV_COLUMNS)
    expected_rows = [quote_to_row(q, quotes.doc_id) for quotes in expected for q in quotes]
    got = [
        {k: (None if pd.isna(v) else v) for k, v in row.items()}
        for row in flat.to_dict(orient="records")
    ]
    assert got == expected_rows
