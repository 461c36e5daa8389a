"""Attribute quotes over a Dask bag or data frame, on one machine or a cluster.

Needs the optional extra: ``pip install 'quoteattr[dask]'`` (``dask[bag,
dataframe]`` and ``distributed``); Dask is imported only when a function
here is called. The work is done partition by partition
(``map_partitions``) by module-level functions that take only plain
arguments (the model directory, the batch size): the Stanza pipeline is
never pickled. Each worker process builds it lazily on its first partition
with the cached :func:`quoteattr.syntax.pipeline.get_pipeline` and keeps it for all
later partitions. quoteattr and the Stanza model must be installed on every
worker; the model is found through ``model_dir`` or the workers'
``STANZA_RESOURCES_DIR`` (worker processes started by a local cluster inherit
the client's environment). Prefer one thread per worker process: calls into
one pipeline are serialised anyway.

Example:
    >>> from dask.distributed import Client                                # doctest: +SKIP
    >>> import dask.bag as db                                              # doctest: +SKIP
    >>> client = Client("tcp://scheduler:8786")                            # doctest: +SKIP
    >>> bag = db.from_sequence([("a1", "« Oui », a dit Paul.")], npartitions=1)  # doctest: +SKIP
    >>> attribute_bag(bag).compute()[0]["quotes"][0]["content"]["text"]    # doctest: +SKIP
    'Oui'
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Mapping
from typing import Any

from quoteattr.corpus import process_batch
from quoteattr.output.export import CSV_COLUMNS, CSV_DTYPES, quote_to_row

__all__ = ["INSTALL_HINT", "attribute_bag", "attribute_dataframe", "empty_frame"]

INSTALL_HINT = "pip install 'quoteattr[dask]'"
"""How to install what this module needs."""


def _require(module: str) -> Any:
    """Import a Dask module, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"quoteattr.distributed needs Dask ({module} is missing): {INSTALL_HINT}"
        ) from exc


def _as_pair(item: Any, text_field: str, id_field: str) -> tuple[str | None, Any]:
    """A bag item as ``(doc_id, text)``: a text, a pair, or a mapping with id and text fields.

    The text is not checked here: what is not a ``str`` gives an ``error`` row.
    """
    if isinstance(item, str):
        return None, item
    if isinstance(item, (tuple, list)) and len(item) == 2:
        doc_id, text = item
        return (None if doc_id is None else str(doc_id)), text
    if isinstance(item, Mapping):
        doc_id = item.get(id_field)
        if doc_id is None and id_field == "id":
            doc_id = item.get("doc_id")
        return (None if doc_id is None else str(doc_id)), item.get(text_field)
    raise TypeError(
        "attribute_bag expects texts, (doc_id, text) pairs or mappings with "
        f"{id_field!r} and {text_field!r}, got {type(item).__name__}"
    )


def _bag_partition(
    items: Iterable[Any],
    model_dir: str | None,
    batch_size: int,
    text_field: str,
    id_field: str,
) -> list[dict[str, Any]]:
    """Rows of one bag partition (runs on a worker)."""
    rows: list[dict[str, Any]] = []
    batch: list[tuple[str | None, Any]] = []
    for item in items:
        batch.append(_as_pair(item, text_field, id_field))
        if len(batch) == batch_size:
            rows.extend(process_batch(batch, model_dir=model_dir))
            batch = []
    rows.extend(process_batch(batch, model_dir=model_dir))
    return rows


def attribute_bag(
    bag: Any,
    *,
    model_dir: str | os.PathLike[str] | None = None,
    batch_size: int = 8,
    text_field: str = "text",
    id_field: str = "id",
) -> Any:
    """Map quote attribution over a Dask bag; one row dict per document, in bag order.

    Items are texts, ``(doc_id, text)`` pairs (or 2-item lists) or mappings
    with an id and a text field (``id``, else ``doc_id``, and ``text`` by
    default). Each row has the shape of a :mod:`quoteattr.corpus` output
    line: ``{"doc_id", "status", "quotes", "error", "seconds"}`` with
    ``quotes`` as :func:`quoteattr.output.export.quote_to_dict` dicts; ``doc_id``
    is ``None`` for a bare text. A document whose attribution raises gives a
    row with status ``error`` (the others of its batch are retried alone); a
    missing model fails the task.

    Example:
        >>> import dask.bag as db, json                                   # doctest: +SKIP
        >>> pairs = [("a1", "« Oui », a dit Paul."), ("a2", "Rien.")]
        >>> rows = attribute_bag(db.from_sequence(pairs))                # doctest: +SKIP
        >>> [(r["doc_id"], len(r["quotes"])) for r in rows.compute()]    # doctest: +SKIP
        [('a1', 1), ('a2', 0)]
        >>> rows.map(json.dumps).to_textfiles("out/*.jsonl")             # doctest: +SKIP
    """
    _require("dask.bag")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    model = None if model_dir is None else os.fspath(model_dir)
    return bag.map_partitions(_bag_partition, model, batch_size, text_field, id_field)


def empty_frame() -> Any:
    """An empty :mod:`pandas` frame with the columns and dtypes of :func:`attribute_dataframe`.

    Columns are :data:`quoteattr.output.export.CSV_COLUMNS`, with the dtypes of
    :data:`quoteattr.output.export.CSV_DTYPES` (offsets ``int64``, optional offsets
    nullable ``Int64``, ``confidence`` ``float64``, flags ``bool``, the rest
    strings).

    Example:
        >>> frame = empty_frame()                    # doctest: +SKIP
        >>> list(frame.columns)[:3]                  # doctest: +SKIP
        ['doc_id', 'content_start', 'content_end']
    """
    return _frame([])


def _frame(rows: list[dict[str, Any]]) -> Any:
    pandas = _require("pandas")
    frame = pandas.DataFrame(rows, columns=list(CSV_COLUMNS))
    return frame.astype(CSV_DTYPES)


def _frame_partition(
    partition: Any,
    text_column: str,
    id_column: str | None,
    model_dir: str | None,
    batch_size: int,
) -> Any:
    """Flat quote rows of one data frame partition (runs on a worker)."""
    from quoteattr.engine import extract_many

    texts = partition[text_column].tolist()
    if id_column is None:
        ids = [str(index) for index in partition.index.tolist()]
    else:
        ids = [str(value) for value in partition[id_column].tolist()]
    rows: list[dict[str, Any]] = []
    if ids:
        results = extract_many(
            list(zip(ids, texts, strict=True)),
            batch_size=batch_size,
            model_dir=model_dir,
            progress=False,
        )
        for doc_id, quotes in zip(ids, results, strict=True):
            rows.extend(quote_to_row(quote, doc_id) for quote in quotes)
    return _frame(rows)


def attribute_dataframe(
    ddf: Any,
    text_column: str = "text",
    id_column: str | None = "id",
    *,
    model_dir: str | os.PathLike[str] | None = None,
    batch_size: int = 8,
) -> Any:
    """Map quote attribution over a Dask data frame; one flat row per quote.

    Each document is the ``text_column`` of a row, identified by its
    ``id_column`` (``None``: by its index), as a string. The result has the
    columns :data:`quoteattr.output.export.CSV_COLUMNS` (dtypes: :func:`empty_frame`),
    rows in document order within each partition, and a per-partition index
    that carries no meaning. A document with no quote gives no row; a
    document whose attribution raises fails its task (use
    :func:`attribute_bag` to record errors per document).

    Example:
        >>> import dask.dataframe as dd, pandas as pd                          # doctest: +SKIP
        >>> df = pd.DataFrame({"id": ["a1"], "text": ["« Oui », a dit Paul."]})  # doctest: +SKIP
        >>> rows = attribute_dataframe(dd.from_pandas(df, npartitions=1))      # doctest: +SKIP
        >>> rows.compute()[["doc_id", "content_text"]].values.tolist()         # doctest: +SKIP
        [['a1', 'Oui']]
    """
    _require("dask.dataframe")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    model = None if model_dir is None else os.fspath(model_dir)
    return ddf.map_partitions(
        _frame_partition,
        text_column,
        id_column,
        model,
        batch_size,
        meta=empty_frame(),
    )
