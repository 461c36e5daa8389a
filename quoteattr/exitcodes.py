"""The exit statuses of every ``quoteattr`` command, and the argument checks they share.

``quoteattr``, ``quoteattr evaluate`` and ``quoteattr corpus`` return these
codes (their ``main`` functions return them as plain ``int``, the console
script exits with them):

====  ======================  =====================================================
code  name                    meaning
====  ======================  =====================================================
0     ``EXIT_OK``             success; ``quoteattr corpus``: the run finished, even
                              if some documents are recorded as ``error`` or
                              ``timeout``
1     ``EXIT_FAILED``         nothing could be done: no input (``quoteattr``, where
                              the name is ``EXIT_NO_INPUT``), a worker process that
                              cannot start (``quoteattr corpus``)
2     ``EXIT_UNREADABLE``     bad usage, or an input or output that cannot be read,
                              decoded or written (a malformed gold file included)
3     ``EXIT_MODEL``          the Stanza model is missing
130   ``EXIT_INTERRUPTED``    interrupted by Ctrl-C (or SIGTERM for ``quoteattr
                              corpus``)
====  ======================  =====================================================

:mod:`quoteattr.cli` and :mod:`quoteattr.corpus` still export the names they
defined before.

Example:
    >>> EXIT_MODEL, EXIT_NO_INPUT == EXIT_FAILED
    (3, True)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Final

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_MODEL",
    "EXIT_NO_INPUT",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "from_system_exit",
    "int_at_least",
]

EXIT_OK: Final = 0
"""Success."""
EXIT_FAILED: Final = 1
"""Nothing could be done: a worker process that cannot start (``quoteattr corpus``)."""
EXIT_NO_INPUT: Final = EXIT_FAILED
"""Nothing could be done: no input text (``quoteattr``)."""
EXIT_UNREADABLE: Final = 2
"""Bad usage, an unreadable or undecodable input, or an output that cannot be written."""
EXIT_MODEL: Final = 3
"""The Stanza model is missing."""
EXIT_INTERRUPTED: Final = 130
"""Interrupted (Ctrl-C; SIGTERM for ``quoteattr corpus``): 128 + SIGINT, as shells report it."""


def from_system_exit(exc: SystemExit) -> int:
    """The status an ``argparse`` exit asks for: 0 after ``--help``, 2 after a usage error.

    Example:
        >>> from_system_exit(SystemExit(2)), from_system_exit(SystemExit(None))
        (2, 0)
    """
    code = exc.code
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_UNREADABLE


def int_at_least(minimum: int) -> Callable[[str], int]:
    """An ``argparse`` type: an integer of at least ``minimum`` (used by every command).

    Example:
        >>> int_at_least(1)("3")
        3
        >>> int_at_least(1)("0")
        Traceback (most recent call last):
        ...
        argparse.ArgumentTypeError: must be at least 1, got 0
    """

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {number}")
        return number

    return parse
