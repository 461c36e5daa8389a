"""Reading a corpus: a directory of ``.txt`` files or a JSON Lines file, one document at a time.

``.txt`` files are decoded by :func:`quoteattr.text.encoding.decode`: UTF-8 (a byte-order mark
removed), else the Western European encoding charset-normalizer detects (the document's
``note`` then names it), or the ``encoding`` given. JSON Lines files are UTF-8 (a byte-order
mark is skipped)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quoteattr.text.encoding import UndecodableError, decode

__all__ = ["CorpusInputError", "Document", "PathLike", "iter_documents"]

PathLike = str | os.PathLike[str]
"""A path given as a string or a path object."""


class CorpusInputError(Exception):
    """The corpus cannot be read: no such path, or a malformed JSON Lines line.

    Example:
        >>> iter_documents("nowhere")
        Traceback (most recent call last):
        ...
        quoteattr.corpus.inputs.CorpusInputError: cannot read nowhere: no such file or directory
    """


@dataclass(frozen=True)
class Document:
    """One document of a corpus: its id and text, or why it cannot be read.

    ``note`` says when a file was not UTF-8 and which encoding was detected.

    Example:
        >>> Document("a.txt", "« Oui », dit-il.").error is None
        True
    """

    doc_id: str
    text: str | None
    error: str | None = None
    note: str | None = None


def iter_documents(
    source: PathLike,
    *,
    text_field: str = "text",
    id_field: str = "id",
    encoding: str | None = None,
) -> Iterator[Document]:
    """Stream the documents of a directory of ``.txt`` files or of a JSON Lines file.

    The path is checked at once (:class:`CorpusInputError` if it cannot be
    read); the documents are then read one at a time. A ``.txt`` file that
    cannot be read or decoded, or a JSON object without a string text field,
    gives a :class:`Document` with ``error`` set; a line that is not a JSON
    object, or has no id, raises :class:`CorpusInputError` when it is
    reached. With the default ``id_field="id"``, a ``doc_id`` field is used
    when ``id`` is absent. Blank lines are ignored. ``encoding`` is that of the ``.txt``
    files (default: UTF-8, else detected; see the module docstring).

    Example:
        >>> import json, tempfile
        >>> path = tempfile.mktemp(suffix=".jsonl")
        >>> with open(path, "w") as f:
        ...     _ = f.write(json.dumps({"doc_id": "a1", "text": "Rien."}) + "\\n")
        >>> [(d.doc_id, d.text) for d in iter_documents(path)]
        [('a1', 'Rien.')]
    """
    root = Path(source)
    if root.is_dir():
        return _iter_directory(root, encoding)
    try:
        handle = open(root, encoding="utf-8-sig")  # noqa: SIM115 - closed by the generator
    except FileNotFoundError:
        raise CorpusInputError(f"cannot read {source}: no such file or directory") from None
    except OSError as exc:
        raise CorpusInputError(f"cannot read {source}: {exc.strerror or exc}") from None
    id_fields = (id_field, "doc_id") if id_field == "id" else (id_field,)
    return _iter_jsonl(handle, str(source), text_field, id_fields)


def _iter_directory(root: Path, encoding: str | None) -> Iterator[Document]:
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            path = Path(directory) / name
            doc_id = path.relative_to(root).as_posix()
            try:
                decoded = decode(path.read_bytes(), encoding)
            except OSError as exc:
                yield Document(doc_id, None, f"cannot read {doc_id}: {exc.strerror or exc}")
            except UndecodableError as exc:
                yield Document(doc_id, None, f"cannot read {doc_id}: {exc}")
            else:
                note = None
                if decoded.detected:
                    note = f"{doc_id} is not UTF-8: read as {decoded.encoding} (detected)"
                yield Document(doc_id, decoded.text, note=note)


def _iter_jsonl(
    handle: Any, name: str, text_field: str, id_fields: tuple[str, ...]
) -> Iterator[Document]:
    with handle:
        number = 0
        while True:
            number += 1
            try:
                line = handle.readline()
            except UnicodeDecodeError as exc:
                raise CorpusInputError(f"{name}:{number}: not valid UTF-8 ({exc})") from None
            except OSError as exc:
                raise CorpusInputError(f"cannot read {name}: {exc}") from None
            if not line:
                return
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusInputError(f"{name}:{number}: not JSON ({exc})") from None
            if not isinstance(record, dict):
                raise CorpusInputError(f"{name}:{number}: not a JSON object")
            doc_id = next((record[f] for f in id_fields if record.get(f) is not None), None)
            if doc_id is None:
                fields = " or ".join(repr(f) for f in id_fields)
                raise CorpusInputError(f"{name}:{number}: no {fields} field (see --id-field)")
            doc_id = str(doc_id)
            text = record.get(text_field)
            if isinstance(text, str):
                yield Document(doc_id, text)
            else:
                problem = "missing" if text is None else f"a {type(text).__name__}, not a string"
                yield Document(doc_id, None, f"the {text_field!r} field is {problem}")
