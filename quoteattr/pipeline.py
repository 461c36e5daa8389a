"""The Stanza pipeline: located, built once per process, shared, locked.

The model location is resolved in this order: the ``model_dir`` argument,
the ``STANZA_RESOURCES_DIR`` environment variable (read at call time), then
Stanza's own default (``~/stanza_resources``). Nothing is ever downloaded
unless the caller asks for it with ``download=True``.

Example:
    >>> from quoteattr.pipeline import resolve_model_dir
    >>> resolve_model_dir("/models/stanza") == "/models/stanza"
    True
"""

from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path
from typing import Any

__all__ = [
    "PROCESSORS",
    "ModelNotFoundError",
    "get_pipeline",
    "resolve_model_dir",
]

PROCESSORS = "tokenize,mwt,pos,lemma,depparse"
"""The Stanza processors quoteattr needs."""

_LANG = "fr"
_cache: dict[tuple[str, bool, str | None], Any] = {}
_cache_lock = threading.Lock()
_run_locks: weakref.WeakKeyDictionary[Any, threading.Lock] = weakref.WeakKeyDictionary()


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
