"""The Stanza pipeline: located, built once per process, shared, locked.

The model location is resolved in this order: the ``model_dir`` argument,
the ``STANZA_RESOURCES_DIR`` environment variable (read at call time), then
Stanza's own default folder, read from the installed Stanza
(:func:`stanza_default_dir`; for Stanza 1.15 on Linux it is
``~/.cache/stanza/<version>/resources``). Nothing is ever downloaded unless
the caller asks for it with ``download=True``.

Stanza runs on torch, whose CPU thread pool is process-wide:
:func:`default_threads` is the number quoteattr uses for parsing unless told
otherwise, and :func:`torch_threads` sets it for the time of a parse.

Example:
    >>> from quoteattr.syntax.pipeline import resolve_model_dir
    >>> resolve_model_dir("/models/stanza") == "/models/stanza"
    True
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "PROCESSORS",
    "ModelNotFoundError",
    "default_threads",
    "get_pipeline",
    "resolve_model_dir",
    "stanza_default_dir",
    "torch_threads",
]

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
"""The Stanza processors quoteattr needs."""

_LANG = "fr"
_cache: dict[tuple[str, bool, str | None], Any] = {}
_cache_lock = threading.Lock()
_run_locks: weakref.WeakKeyDictionary[Any, threading.Lock] = weakref.WeakKeyDictionary()
_threads_lock = threading.RLock()
MAX_DEFAULT_THREADS = 4
"""The most torch threads :func:`default_threads` picks (Stanza's models gain little past it)."""


class ModelNotFoundError(FileNotFoundError):
    """The French Stanza model is not where quoteattr was told to look.

    Example:
        >>> err = ModelNotFoundError("/nowhere")
        >>> "stanza.download('fr')" in str(err)
        True
    """

    def __init__(self, model_dir: str, detail: str = "") -> None:
        self.model_dir = model_dir
        message = (
            f"no French Stanza model found in {model_dir!r}{': ' + detail if detail else ''}. "
            'Install the official model once with `python -c "import stanza; '
            "stanza.download('fr')\"`, or point quoteattr at an existing resources "
            "directory with model_dir=... / --model-dir / STANZA_RESOURCES_DIR."
        )
        super().__init__(message)


def resolve_model_dir(model_dir: str | os.PathLike[str] | None = None) -> str:
    """Return the Stanza resources directory to use.

    Example:
        >>> import os
        >>> from unittest import mock
        >>> with mock.patch.dict(os.environ, {"STANZA_RESOURCES_DIR": "/srv/stanza"}):
        ...     resolve_model_dir()
        '/srv/stanza'
    """
    if model_dir is not None:
        return os.fspath(model_dir)
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return env
    return stanza_default_dir()


def stanza_default_dir() -> str:
    """The folder the installed Stanza itself uses for its models when nothing else is said.

    It is read from Stanza (``stanza.resources.common``), not hard-coded: it
    changes between Stanza versions and platforms (Stanza 1.15 on Linux:
    ``~/.cache/stanza/1.15.0/resources``). ``stanza.download('fr')`` installs
    there, and :func:`resolve_model_dir` falls back to it.

    Example:
        >>> os.path.basename(stanza_default_dir())
        'resources'
    """
    from stanza.resources.common import USER_CACHE_DIR

    return os.path.join(USER_CACHE_DIR, "resources")


def _check_model_dir(model_dir: str) -> None:
    root = Path(model_dir)
    if not (root / "resources.json").is_file():
        raise ModelNotFoundError(model_dir, "resources.json is missing")
    if not (root / _LANG).is_dir():
        raise ModelNotFoundError(model_dir, f"the {_LANG!r} folder is missing")


def get_pipeline(
    model_dir: str | os.PathLike[str] | None = None,
    *,
    use_gpu: bool = False,
    download: bool = False,
) -> Any:
    """Return the shared French Stanza pipeline, building it on first use.

    One pipeline is built per (model directory, device) and reused for every
    later call in the process. With ``download=True`` Stanza may fetch the
    official model; otherwise a missing model raises
    :class:`ModelNotFoundError`.

    Example:
        >>> nlp = get_pipeline()          # doctest: +SKIP
        >>> nlp is get_pipeline()         # doctest: +SKIP
        True
    """
    resolved = resolve_model_dir(model_dir)
    key = (os.path.abspath(resolved), use_gpu, None)
    with _cache_lock:
        cached = _cache.get(key)
        if cached is not None:
            return cached
        if not download:
            _check_model_dir(resolved)
        import stanza

        try:
            nlp = stanza.Pipeline(
                _LANG,
                dir=resolved,
                processors=PROCESSORS,
                download_method="reuse_resources" if download else None,
                use_gpu=use_gpu,
                logging_level="WARN",
            )
        except FileNotFoundError as exc:  # LanguageNotDownloadedError and friends
            raise ModelNotFoundError(resolved, str(exc)) from exc
        _cache[key] = nlp
        return nlp


def run_lock(nlp: Any) -> threading.Lock:
    """The lock that serialises calls into one pipeline object.

    Stanza pipelines keep per-call state on the model objects, so concurrent
    calls from several threads are serialised.

    Example:
        >>> class Dummy: ...
        >>> run_lock(Dummy()).acquire(blocking=False)
        True
    """
    with _cache_lock:
        lock = _run_locks.get(nlp)
        if lock is None:
            lock = _run_locks[nlp] = threading.Lock()
        return lock


def default_threads() -> int:
    """The number of torch CPU threads quoteattr parses with unless told otherwise.

    Half the CPUs this process may run on, between 1 and
    :data:`MAX_DEFAULT_THREADS`: one thread on a two-core machine. torch's
    own default (one thread per core) spins its threads against each other
    whenever anything else runs on the machine, and is then several times
    slower than one thread (on a busy 2-core machine, 42–48 s instead of
    13 s for one article).

    Example:
        >>> 1 <= default_threads() <= MAX_DEFAULT_THREADS
        True
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(MAX_DEFAULT_THREADS, cpus // 2))


@contextlib.contextmanager
def torch_threads(threads: int | None) -> Iterator[int]:
    """Run the block with torch on ``threads`` CPU threads, then restore the previous number.

    ``None`` means :func:`default_threads`, or fewer when torch is already set
    to fewer (a corpus worker set to one thread keeps one). torch's setting is
    process-wide: concurrent blocks from several Python threads take turns.

    Example:
        >>> import torch
        >>> before = torch.get_num_threads()
        >>> with torch_threads(1) as n:
        ...     n, torch.get_num_threads()
        (1, 1)
        >>> torch.get_num_threads() == before
        True
    """
    if threads is not None and (
        not isinstance(threads, int) or isinstance(threads, bool) or threads < 1
    ):
        raise ValueError(f"threads must be a positive integer, got {threads!r}")
    import torch

    with _threads_lock:
        before = torch.get_num_threads()
        if threads is None:
            threads = min(default_threads(), before)
        if before != threads:
            torch.set_num_threads(threads)
        try:
            yield threads
        finally:
            if torch.get_num_threads() != before:
                torch.set_num_threads(before)
