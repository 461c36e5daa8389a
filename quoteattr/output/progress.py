"""Progress bars: over the documents of a batch run, or over the chunks of one long text.

:func:`quoteattr.extract_many` counts documents; :func:`quoteattr.extract`
with ``progress=True`` parses its text chunk by chunk (the paragraph-aligned
chunks of :func:`quoteattr.syntax.parse.chunk_text`) and advances a bar after each,
so that a book-length text shows how far it got. Bars are written by tqdm
(which comes with Stanza) on standard error; in a Jupyter notebook with
ipywidgets installed (``pip install 'quoteattr[jupyter]'``) they are notebook
widgets, shown by default like a terminal's (without ipywidgets, none is shown
unless asked for, so no "IProgress not found" warning).

Example:
    >>> bar = progress_bar(False, unit="chunk")
    >>> bar is None
    True
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

from quoteattr.syntax.parse import ParsedText, chunk_text, from_stanza

__all__ = ["in_notebook", "parse_with_progress", "progress_bar"]


def in_notebook() -> bool:
    """True inside a Jupyter kernel whose front end can show widgets (ipywidgets installed).

    Example:
        >>> in_notebook()
        False
    """
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
        importlib.import_module("ipywidgets")
    except (AttributeError, ImportError):
        return False
    return type(shell).__name__ == "ZMQInteractiveShell"


def progress_bar(progress: bool | None, *, unit: str = "doc", total: int | None = None) -> Any:
    """A tqdm bar (a widget in Jupyter, else on standard error), or ``None``.

    ``progress=None`` shows one only when standard error is a terminal, or in a notebook
    that can show widgets (:func:`in_notebook`).

    Example:
        >>> progress_bar(None) is None or sys.stderr.isatty()
        True
    """
    notebook = in_notebook()
    if progress is None:
        progress = notebook or sys.stderr.isatty()
    if not progress:
        return None
    try:
        if notebook:
            return importlib.import_module("tqdm.notebook").tqdm(
                unit=unit, desc="quoteattr", total=total
            )
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm comes with stanza
        return None
    return tqdm(unit=unit, desc="quoteattr", total=total, file=sys.stderr)


def parse_with_progress(text: str, nlp: Any, *, progress: bool | None = True) -> ParsedText:
    """Parse ``text`` one chunk per Stanza call, advancing a bar over its chunks.

    The result is the same :class:`~quoteattr.syntax.parse.ParsedText` as
    :func:`quoteattr.syntax.parse.parse_texts` gives (same chunks, same offsets);
    only the batching across chunks is given up for the progress.

    Example:
        >>> from quoteattr.syntax.pipeline import get_pipeline
        >>> parsed = parse_with_progress("Il a dit non.", get_pipeline())   # doctest: +SKIP
        quoteattr: 100%|██████████| 1/1 [00:00<00:00, 12.5chunk/s]
        >>> [w.text for w in parsed.words]                                 # doctest: +SKIP
        ['Il', 'a', 'dit', 'non', '.']
    """
    import stanza

    from quoteattr.syntax.pipeline import run_lock

    chunks = chunk_text(text)
    bar = progress_bar(progress, unit="chunk", total=len(chunks))
    docs: list[tuple[int, Any]] = []
    try:
        for start, end in chunks:
            with run_lock(nlp):
                [doc] = nlp.bulk_process([stanza.Document([], text=text[start:end])])
            docs.append((start, doc))
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return from_stanza(text, docs)
