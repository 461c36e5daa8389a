"""The docstring examples of every module of the package run and give the output they show.

One test per module, found with :func:`pkgutil.walk_packages`, so a new module is
covered without listing it here. Examples that need the Stanza model carry
``# doctest: +SKIP``; ``quoteattr.engine`` shows real ``extract`` calls, so its
test is marked ``model`` (it reuses the pipeline the other model tests load).
Each module runs in a fresh working directory, with the environment restored
afterwards.
"""

from __future__ import annotations

import doctest
import importlib
import os
import pkgutil
from pathlib import Path

import pytest

import quoteattr

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

NEEDS_MODEL: dict[str, str] = {
    "quoteattr.engine": "its extract / extract_many examples run the Stanza pipeline",
}
"""Modules whose examples load the model: run only with the ``model`` tests."""

EXCLUDED: dict[str, str] = {}
"""Modules left out, with the reason (for a module whose examples cannot run yet
and that is edited concurrently elsewhere: "edited concurrently; enabled by the lead")."""


def _module_names() -> list[str]:
    found = (info.name for info in pkgutil.walk_packages(quoteattr.__path__, "quoteattr."))
    return ["quoteattr", *sorted(found)]


def _params() -> list[object]:
    params: list[object] = []
    for name in _module_names():
        if name in EXCLUDED:
            continue
        marks = [pytest.mark.model] if name in NEEDS_MODEL else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


def test_every_listed_module_exists() -> None:
    names = set(_module_names())
    assert set(NEEDS_MODEL) <= names and set(EXCLUDED) <= names
    assert {"quoteattr.evaluate.gold", "quoteattr.corpus.pool", "quoteattr.exitcodes"} <= names


@pytest.mark.parametrize("name", _params())
def test_module_doctests(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report: list[str] = []
    environ = dict(os.environ)
    try:
        for test in doctest.DocTestFinder().find(module):
            runner.run(test, out=report.append)
    finally:
        os.environ.clear()
        os.environ.update(environ)
    assert runner.failures == 0, "".join(report)
