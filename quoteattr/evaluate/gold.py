"""Gold files: the annotated documents quotes are scored against, and their loader.

The format is described in ``shared/eval/dev/README.md`` and summed up in
:mod:`quoteattr.evaluate`: one JSON object per document (a ``.json`` file
holds one document, a ``.jsonl`` file one per line) with the document
``text``, its ``quotes`` and a ``complete`` flag.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import field

from quoteattr.records import Cue, Quote, QuoteKind, Span, Speaker

__all__ = [
    "KINDS",
    "GoldDocument",
    "GoldFormatError",
    "GoldQuote",
    "annotated_kinds",
    "load_gold",
]

KINDS: tuple[str, ...] = tuple(kind.value for kind in QuoteKind)
"""The quote kinds, in the order they are reported."""

_DEFAULT_FILE = "<input>"


class GoldFormatError(ValueError):
    """A gold file that cannot be read or does not follow the gold format.

    ``str(error)`` names the file, the line and the document.

    Example:
        >>> str(GoldFormatError("bad offsets", path="dev.jsonl", line=3, doc_id="d7"))
        "dev.jsonl:3: doc 'd7': bad offsets"
    """

    def __init__(
        self,
        message: str,
        *,
        path: str,
        line: int | None = None,
        doc_id: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.doc_id = doc_id
        where = path if line is None else f"{path}:{line}"
        if doc_id is not None:
            where += f": doc {doc_id!r}"
        super().__init__(f"{where}: {message}")


@attrs.frozen(slots=True)
class GoldQuote:
    """One annotated quote of a gold document.

    ``speaker_alt`` holds alternative speaker mentions (antecedents of a
    relative pronoun, say) that also count as the right speaker mention.

    Example:
        >>> text = "Il a dit que non."
        >>> g = GoldQuote(Span.of(text, 13, 16), QuoteKind.INDIRECT, Span.of(text, 0, 2),
        ...               "Il", Span.of(text, 3, 8))
        >>> g.content.text, g.kind.value, g.speaker_name
        ('non', 'indirect', 'Il')
    """

    content: Span
    kind: QuoteKind = field(converter=QuoteKind)
    speaker: Span | None
    speaker_name: str | None
    cue: Span | None
    speaker_alt: tuple[Span, ...] = ()

    def to_quote(self, rule: str = "gold") -> Quote:
        """This annotation as a predicted :class:`Quote` (confidence 1).

        Example:
            >>> text = "Il a dit que non."
            >>> g = GoldQuote(Span.of(text, 13, 16), "indirect", Span.of(text, 0, 2), "Il", None)
            >>> q = g.to_quote()
            >>> q.content == g.content, q.speaker_name, q.cue is None
            (True, 'Il', True)
        """
        speaker = (
            None
            if self.speaker is None and self.speaker_name is None
            else Speaker(self.speaker, self.speaker_name)
        )
        cue = None if self.cue is None else Cue(self.cue, self.cue.text)
        return Quote(self.content, self.kind, speaker, cue, 1.0, rule)


def _quote_tuple(quotes: Iterable[GoldQuote]) -> tuple[GoldQuote, ...]:
    return tuple(quotes)


@attrs.frozen(slots=True)
class GoldDocument:
    """One gold document: its text, its annotated quotes, and whether the list is complete.

    ``source`` is the provenance string stored in the gold file; ``file`` is
    the gold file the document was loaded from (the per-file key of a
    :class:`Report`).

    Example:
        >>> doc = GoldDocument("d1", "Il a dit non.", (), complete=False)
        >>> doc.doc_id, doc.complete, doc.file
        ('d1', False, '<input>')
    """

    doc_id: str
    text: str
    quotes: tuple[GoldQuote, ...] = field(converter=_quote_tuple)
    complete: bool
    source: str | None = None
    file: str = _DEFAULT_FILE

    def as_quotes(self) -> list[Quote]:
        """The gold quotes as predicted :class:`Quote` objects (a perfect prediction).

        Example:
            >>> GoldDocument("d1", "x", (), complete=True).as_quotes()
            []
        """
        return [quote.to_quote() for quote in self.quotes]


# --------------------------------------------------------------------------- loading


class _DocError(Exception):
    """A format problem inside one document; the loader adds file and line."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _span(text: str, value: Any, what: str, expected: Any = None) -> Span:
    if not (isinstance(value, list) and len(value) == 2 and all(_is_int(v) for v in value)):
        raise _DocError(f"{what} must be a [start, end] pair of integers, got {value!r}")
    start, end = value
    if not 0 <= start < end <= len(text):
        raise _DocError(
            f"{what} [{start}, {end}] is empty or lies outside the text ({len(text)} characters)"
        )
    span = Span.of(text, start, end)
    if expected is not None and expected != span.text:
        raise _DocError(
            f"{what} [{start}, {end}] covers {span.text!r} but the file says {expected!r}"
        )
    return span


def _optional_span(
    text: str, raw: Mapping[str, Any], key: str, text_key: str, what: str
) -> Span | None:
    value = raw.get(key)
    if value is None:
        return None
    return _span(text, value, what, raw.get(text_key))


def _gold_quote(text: str, raw: Any, index: int) -> GoldQuote:
    where = f"quote {index}"
    if not isinstance(raw, dict):
        raise _DocError(f"{where} must be an object, got {type(raw).__name__}")
    if "content" not in raw:
        raise _DocError(f"{where} has no 'content'")
    content = _span(text, raw["content"], f"{where} content", raw.get("text"))
    try:
        kind = QuoteKind(raw.get("kind"))
    except ValueError:
        raise _DocError(
            f"{where} kind {raw.get('kind')!r} is not one of {', '.join(KINDS)}"
        ) from None
    speaker = _optional_span(text, raw, "speaker", "speaker_text", f"{where} speaker")
    cue = _optional_span(text, raw, "cue", "cue_text", f"{where} cue")
    name = raw.get("speaker_name")
    if name is not None and not isinstance(name, str):
        raise _DocError(f"{where} speaker_name must be a string or null, got {name!r}")
    alternatives = raw.get("speaker_alt") or []
    if not isinstance(alternatives, list):
        raise _DocError(f"{where} speaker_alt must be a list of [start, end] pairs")
    speaker_alt = tuple(
        _span(text, value, f"{where} speaker_alt {i}") for i, value in enumerate(alternatives)
    )
    pieces = raw.get("pieces") or []
    if not isinstance(pieces, list):
        raise _DocError(f"{where} pieces must be a list of [start, end] pairs")
    for i, value in enumerate(pieces):
        _span(text, value, f"{where} piece {i}")
    return GoldQuote(content, kind, speaker, name, cue, speaker_alt)


def _gold_document(raw: Any, file: str) -> GoldDocument:
    if not isinstance(raw, dict):
        raise _DocError(f"a document must be a JSON object, got {type(raw).__name__}")
    doc_id = raw.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id:
        raise _DocError(f"doc_id must be a non-empty string, got {doc_id!r}")
    text = raw.get("text")
    if not isinstance(text, str):
        raise _DocError("text must be a string")
    complete = raw.get("complete")
    if not isinstance(complete, bool):
        raise _DocError(f"complete must be true or false, got {complete!r}")
    quotes = raw.get("quotes")
    if not isinstance(quotes, list):
        raise _DocError("quotes must be a list")
    source = raw.get("source")
    if source is not None and not isinstance(source, str):
        raise _DocError("source must be a string")
    return GoldDocument(
        doc_id,
        text,
        tuple(_gold_quote(text, quote, i) for i, quote in enumerate(quotes)),
        complete,
        source,
        file,
    )


def _raw_documents(path: Path, content: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line, decoded JSON)`` for each document of a gold file."""
    name = str(path)
    if path.suffix.lower() == ".jsonl":
        # split on "\n" only: str.splitlines() would also split on U+2028, U+0085 ...
        # which json.dumps(ensure_ascii=False) leaves unescaped inside strings
        for number, line in enumerate(content.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"invalid JSON: {exc.msg}", path=name, line=number) from None
        return
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"invalid JSON: {exc.msg}", path=name, line=exc.lineno) from None
    if isinstance(data, list):  # tolerated: a JSON array of documents
        for item in data:
            yield 1, item
    else:
        yield 1, data


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read and validate a gold file (``.jsonl``: one document a line; otherwise one JSON document).

    Every offset must lie inside the document text and, where the file stores
    the covered text (``text``, ``speaker_text``, ``cue_text``), ``text[s:e]``
    must equal it; a violation raises :class:`GoldFormatError` naming the file,
    line and doc_id. An unreadable path raises :class:`OSError`.

    Example:
        >>> import json, pathlib, tempfile
        >>> doc = {"doc_id": "d1", "text": "Il a dit : « Non ».", "complete": True,
        ...        "quotes": [{"content": [13, 16], "text": "Non", "kind": "direct",
        ...                    "speaker": [0, 2], "speaker_name": "Il", "cue": [5, 8]}]}
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = pathlib.Path(tmp, "gold.jsonl")
        ...     _ = path.write_text(json.dumps(doc) + "\\n", encoding="utf-8")
        ...     [gold] = load_gold(path)
        >>> gold.quotes[0].content.text, gold.quotes[0].cue.text
        ('Non', 'dit')
    """
    path = Path(path)
    name = str(path)
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"not UTF-8 text ({exc.reason})", path=name) from None
    documents: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for line, raw in _raw_documents(path, content):
        doc_id = raw.get("doc_id") if isinstance(raw, dict) else None
        label = doc_id if isinstance(doc_id, str) else None
        try:
            document = _gold_document(raw, name)
        except _DocError as exc:
            raise GoldFormatError(str(exc), path=name, line=line, doc_id=label) from None
        if document.doc_id in seen:
            raise GoldFormatError(
                f"duplicate doc_id (first on line {seen[document.doc_id]})",
                path=name,
                line=line,
                doc_id=document.doc_id,
            )
        seen[document.doc_id] = line
        documents.append(document)
    return documents


def annotated_kinds(gold_docs: Sequence[GoldDocument]) -> dict[str, frozenset[QuoteKind]]:
    """The quote kinds each gold file annotates (the kinds that occur in it).

    Example:
        >>> text = "Il a dit : « Non »."
        >>> g = GoldQuote(Span.of(text, 13, 16), "direct", None, None, None)
        >>> annotated_kinds([GoldDocument("d1", text, (g,), complete=True)])
        {'<input>': frozenset({<QuoteKind.DIRECT: 'direct'>})}
    """
    out: dict[str, set[QuoteKind]] = {}
    for doc in gold_docs:
        out.setdefault(doc.file, set()).update(q.kind for q in doc.quotes)
    return {file: frozenset(kinds) for file, kinds in out.items()}
