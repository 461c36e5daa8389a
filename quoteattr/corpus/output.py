"""The output file of a corpus run: its lines, resuming from it, and the counts of a run."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from quoteattr.corpus.inputs import PathLike

__all__ = [
    "STATUSES",
    "CorpusSummary",
    "ResultWriter",
    "Row",
    "Status",
    "finished_documents",
    "result_row",
]

Status = Literal["ok", "error", "timeout"]
STATUSES: tuple[str, ...] = ("ok", "error", "timeout")
"""The values of the ``status`` field of an output line."""

Row = dict[str, Any]
"""One output line (see :mod:`quoteattr.corpus` for its fields)."""


@dataclass
class CorpusSummary:
    """Counts and timing of one :func:`~quoteattr.corpus.run_corpus` call.

    ``skipped`` counts documents already in the output (and repeated ids);
    ``words`` the whitespace-separated words of the documents processed;
    ``workers_started`` the worker processes started, replacements included.

    Example:
        >>> s = CorpusSummary(ok=3, error=1, timeout=0, skipped=2, seconds=2.0, words=400)
        >>> s.processed, s.docs_per_second
        (4, 2.0)
    """

    ok: int = 0
    error: int = 0
    timeout: int = 0
    skipped: int = 0
    seconds: float = 0.0
    words: int = 0
    workers_started: int = 0

    @property
    def processed(self) -> int:
        """Documents written by this run (ok, error and timeout).

        Example:
            >>> CorpusSummary(ok=1, timeout=1).processed
            2
        """
        return self.ok + self.error + self.timeout

    @property
    def docs_per_second(self) -> float:
        """Processed documents per second of wall-clock time (0 when nothing ran).

        Example:
            >>> CorpusSummary(ok=10, seconds=4.0).docs_per_second
            2.5
        """
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    @property
    def words_per_second(self) -> float:
        """Processed words per second of wall-clock time (0 when nothing ran).

        Example:
            >>> CorpusSummary(ok=1, seconds=2.0, words=3000).words_per_second
            1500.0
        """
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The one-line summary the ``quoteattr corpus`` command prints.

        Example:
            >>> CorpusSummary(ok=3, error=1, skipped=2, seconds=2.0, words=400).line()
            'quoteattr corpus: 4 documents (3 ok, 1 error, 0 timeout, 2 skipped) in 2.0 s, 2.00 docs/s, 200 words/s'
        """  # noqa: E501
        return (
            f"quoteattr corpus: {self.processed} documents ({self.ok} ok, {self.error} error, "
            f"{self.timeout} timeout, {self.skipped} skipped) in {self.seconds:.1f} s, "
            f"{self.docs_per_second:.2f} docs/s, {self.words_per_second:.0f} words/s"
        )


def finished_documents(output: PathLike, *, repair: bool = False) -> dict[str, str]:
    """The ``doc_id → status`` of the documents already in an output file.

    A missing file gives ``{}``. Lines that are not complete JSON objects
    with a ``doc_id`` and a known status are ignored; with ``repair=True`` an
    incomplete *last* line (a run killed while writing) is cut off the file
    so that new lines can be appended. When a ``doc_id`` has several lines,
    the last one wins.

    Example:
        >>> import tempfile
        >>> path = tempfile.mktemp(suffix=".jsonl")
        >>> with open(path, "w") as f:
        ...     _ = f.write('{"doc_id": "a", "status": "ok"}\\n{"doc_id": "b", "sta')
        >>> finished_documents(path, repair=True)
        {'a': 'ok'}
        >>> open(path).read()
        '{"doc_id": "a", "status": "ok"}\\n'
    """
    path = Path(output)
    if not path.exists():
        return {}
    done: dict[str, str] = {}
    offset = 0
    last_good = 0
    with open(path, "rb") as handle:
        for raw in handle:
            offset += len(raw)
            record = _parse_output_line(raw)
            if record is not None:
                done[record[0]] = record[1]
            if raw.endswith(b"\n"):
                last_good = offset
    if repair and last_good < offset:
        with open(path, "r+b") as handle:
            handle.truncate(last_good)
    return done


def _parse_output_line(raw: bytes) -> tuple[str, str] | None:
    if not raw.endswith(b"\n"):
        return None
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(record, dict):
        return None
    doc_id, status = record.get("doc_id"), record.get("status")
    if isinstance(doc_id, str) and status in STATUSES:
        return doc_id, status
    return None


def result_row(
    doc_id: str | None, status: Status, quotes: list[Row], error: str | None, seconds: float
) -> Row:
    """One output line, as a dict (``seconds`` rounded to 0.1 ms).

    Example:
        >>> result_row("a.txt", "timeout", [], "no result after 5 s", 5.00003)
        {'doc_id': 'a.txt', 'status': 'timeout', 'quotes': [], 'error': 'no result after 5 s', 'seconds': 5.0}
    """  # noqa: E501
    return {
        "doc_id": doc_id,
        "status": status,
        "quotes": quotes,
        "error": error,
        "seconds": round(seconds, 4),
    }


class ResultWriter:
    """Appends result lines, flushed one by one, and counts them."""

    def __init__(self, path: PathLike, summary: CorpusSummary) -> None:
        self.handle = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115
        self.summary = summary

    def write(self, row: Row) -> None:
        self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.handle.flush()
        status = row["status"]
        setattr(self.summary, status, getattr(self.summary, status) + 1)

    def close(self) -> None:
        self.handle.close()
