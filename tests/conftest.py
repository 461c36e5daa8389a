"""Shared test setup: point Stanza at the offline model unless told otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_edc37f481cdcf508.txt"

if not os.environ.get("STANZA_RESOURCES_DIR") and (SHARED / "models" / "stanza_resources").is_dir():
    os.environ["STANZA_RESOURCES_DIR"] = str(SHARED / "models" / "stanza_resources")


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
