"""What the commands print on standard error: one line per message, in the tool's own voice.

Python shows a warning as ``path/to/module.py:123: NotFrenchWarning: …`` followed by the source
line that raised it; on the command line that reads as a crash. :func:`tool_warnings` makes
quoteattr's own warnings (those whose class is defined in the package, such as
:class:`~quoteattr.text.language.NotFrenchWarning`) print as ``quoteattr: warning: …``, one
line, while any other warning keeps Python's form. :func:`note` prints an informative line
(``quoteattr: note: a.txt is not UTF-8; read as cp1252 …``).

Example:
    >>> import contextlib, io, sys, warnings
    >>> from quoteattr.text.language import NotFrenchWarning
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err), tool_warnings("quoteattr"):
    ...     warnings.warn("'a.txt' does not look like French", NotFrenchWarning)
    >>> err.getvalue()
    "quoteattr: warning: 'a.txt' does not look like French\\n"
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = ["note", "tool_warnings"]

_PACKAGE = Path(__file__).resolve().parents[1]
"""The ``quoteattr`` package folder: a warning raised from a file in it is the tool's."""


def _ours(category: type[Warning], filename: str) -> bool:
    if category.__module__.split(".")[0] == "quoteattr":
        return True
    try:
        return Path(filename).resolve().is_relative_to(_PACKAGE)
    except (OSError, ValueError):
        return False


def note(prog: str, message: str) -> None:
    """Print ``<prog>: note: <message>`` on standard error.

    Example:
        >>> import contextlib, io
        >>> err = io.StringIO()
        >>> with contextlib.redirect_stderr(err):
        ...     note("quoteattr", "a.txt read as cp1252")
        >>> err.getvalue()
        'quoteattr: note: a.txt read as cp1252\\n'
    """
    print(f"{prog}: note: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def tool_warnings(prog: str) -> Iterator[None]:
    """Within the block, quoteattr's warnings print as ``<prog>: warning: <message>`` lines,
    each distinct one once.

    Example:
        >>> with tool_warnings("quoteattr corpus"):
        ...     pass
    """
    with warnings.catch_warnings():
        original = warnings.showwarning
        seen: set[str] = set()

        def show(
            message: Warning | str,
            category: type[Warning],
            filename: str,
            lineno: int,
            file: TextIO | None = None,
            line: str | None = None,
        ) -> None:
            if _ours(category, filename):
                line = f"{prog}: warning: {message}"
                if line not in seen:  # the same warning again (another pass): once is enough
                    seen.add(line)
                    stream: Any = file if file is not None else sys.stderr
                    print(line, file=stream, flush=True)
            else:
                original(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield
