"""Shared test setup: point Stanza at the offline model unless told otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_edc37f481cdcf508.txt"

MODEL = SHARED / "models" / "stanza_resources_v2"
"""The project's offline model (``ud_v2``): the model of every model-backed test."""

if not os.environ.get("STANZA_RESOURCES_DIR") and MODEL.is_dir():
    os.environ["STANZA_RESOURCES_DIR"] = str(MODEL)


@pytest.fixture(scope="session")
def nlp() -> object:
    """The shared Stanza pipeline (loaded once for the whole session)."""
    from quoteattr.syntax.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="module")
def one_torch_thread() -> Iterator[None]:
    """Run Stanza on one torch thread for the module (as corpus workers do), then restore it.

    On a shared two-core machine, two torch threads per process under load spin against
    each other: one thread is several times faster.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-parses",
        action="store_true",
        help="parse missing specification sentences with the model and store them in tests/parses/",
    )


def pytest_configure(config: pytest.Config) -> None:
    import stored_parses

    stored_parses.UPDATE["on"] = bool(config.getoption("--update-parses"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests of modules that read stored parses run once per parser of the store."""
    import stored_parses

    reads_store = any(
        getattr(metafunc.module, name, None) is getattr(stored_parses, name)
        for name in ("stored", "quotes_of")
    )
    if reads_store and "parser" in metafunc.fixturenames:
        metafunc.parametrize("parser", list(stored_parses.PARSERS), indirect=True)


@pytest.fixture(autouse=True)
def parser(request: pytest.FixtureRequest) -> Iterator[str]:
    """The parser whose stored parses a test reads (see tests/stored_parses.py)."""
    import stored_parses

    name = getattr(request, "param", next(iter(stored_parses.PARSERS)))
    before = stored_parses.ACTIVE["parser"]
    stored_parses.ACTIVE["parser"] = name
    try:
        yield name
    finally:
        stored_parses.ACTIVE["parser"] = before
