"""Unattended runs: no catastrophic regex, determinism, threads, no network, a read-only model.

The model-free tests use :class:`fake_nlp.SurfacePipeline` where a parse is
needed; the model tests share the session pipeline, except the network /
read-only test, which runs once in a fresh interpreter.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import regex
from fake_nlp import SurfacePipeline, surface_parse
from invariants import (
    check_invariants,
    seed_paragraphs,
    seed_text,
    summary,
)

import quoteattr
from quoteattr.engine import attribute
from quoteattr.syntax import pipeline
from quoteattr.syntax.parse import chunk_text
from quoteattr.text.marks import find_quotations, paragraph_spans

NBSP, NNBSP = "\u00a0", "\u202f"

# --- no regular expression backtracks catastrophically --------------------------------------

N = 20_000
PATHOLOGICAL = {
    "straight-quotes": '"' * N,
    "guillemets-open": "«" * N,
    "guillemets-close": "»" * N,
    "spaced-marks": '« " “ ' * (N // 7),
    "spaces": "a" + " " * N + "b",
    "spaces-no-end": "a" + " " * N,
    "nbsp": "«" + NBSP * N + "»",
    "narrow-nbsp": "a" + NNBSP * N + "!",
    "tabs-and-spaces": " \t" * (N // 2) + "x",
    "hyphens": "-" * N,
    "em-dashes": "—" * N,
    "clitic-like": "-t-" * (N // 3) + "ilx",
    "se-spaces": "se" + " " * N,
    "letters": "a" * N,
    "capitals": "A" * N + "!",
    "name-like": "É" + "é'’.-" * (N // 5) + "!",
    "words": "mot " * (N // 4),
    "line-breaks": "\n" * N,
    "crlf-text": "x\r\n" * (N // 3),
    "apostrophes": "l'" * (N // 2),
    "dots": "." * N,
    "digits": "9" * N,
    "combining": "e" + "\u0301" * N,
}

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def _compiled_patterns() -> list[tuple[str, Any]]:
    """Every module-level compiled pattern of the quoteattr package."""
    found = []
    package = importlib.import_module("quoteattr")
    for info in pkgutil.walk_packages(package.__path__, "quoteattr."):
        if info.name in ("quoteattr.__main__",):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (re.Pattern, regex.Pattern)):
                found.append((f"{info.name}.{name}", value))
    return found


PATTERNS = _compiled_patterns()


def test_the_package_has_patterns_to_check() -> None:
    names = {name for name, _ in PATTERNS}
    assert {"quoteattr.text.marks._PARAGRAPH_RE", "quoteattr.syntax.mentions._CLITIC"} <= names


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_no_pattern_backtracks_catastrophically(name: str, pattern: Any) -> None:
    slowest = ("", 0.0)
    for label, text in PATHOLOGICAL.items():
        start = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        pattern.match(text)
        pattern.fullmatch(text)
        elapsed = time.perf_counter() - start
        slowest = max(slowest, (label, elapsed), key=lambda x: x[1])
    # linear patterns take milliseconds on 20k characters; quadratic ones take seconds
    assert slowest[1] < 1.0, f"{name} took {slowest[1]:.2f}s on {slowest[0]!r}"


BIG = {
    "100k-straight-quotes": '"' * 100_000,
    "100k-guillemets": "«" * 100_000,
    "100k-closing-guillemets": "»" * 100_000,
    "100k-spaced-quotes": '" ' * 50_000,
    "100k-curly-pairs": "“”" * 50_000,
    "100k-spaces": "Il a dit :" + " " * 100_000 + "« oui »",
    "100k-nbsp": "«" + NBSP * 100_000 + "oui" + NNBSP * 100_000 + "»",
    "100k-hyphens": "-" * 100_000,
    "100k-dialogue-dashes": "— a\n" * 25_000,
}


@pytest.mark.parametrize("text", list(BIG.values()), ids=list(BIG))
def test_marks_and_chunks_are_fast_on_pathological_input(text: str) -> None:
    start = time.perf_counter()
    found = find_quotations(text)
    paragraphs = paragraph_spans(text)
    chunks = chunk_text(text)
    elapsed = time.perf_counter() - start
    assert elapsed < 10.0, f"{elapsed:.2f}s for {len(text)} characters"
    assert all(text[q.content.start : q.content.end] == q.content.text for q in found)
    assert all(s < e for s, e in paragraphs) and all(s < e for s, e in chunks)


@pytest.mark.parametrize("text", list(BIG.values()), ids=list(BIG))
def test_attribution_is_fast_on_pathological_input(text: str) -> None:
    """The whole attribution layer over a (model-free) parse of (half) the same input."""
    text = text[: len(text) // 2]
    parsed = surface_parse(text)
    start = time.perf_counter()
    result = attribute(parsed)
    elapsed = time.perf_counter() - start
    assert elapsed < 30.0, f"{elapsed:.2f}s for {len(text)} characters"
    check_invariants(text, result, parsed)


# --- deterministic --------------------------------------------------------------------------


@pytest.mark.model
def test_same_text_gives_the_same_records(nlp: object) -> None:
    text = seed_text()
    first, second = (quoteattr.extract(text, pipeline=nlp) for _ in range(2))
    check_invariants(text, first)
    assert summary(first) == summary(second)
    assert first == second


@pytest.mark.model
def test_results_do_not_depend_on_the_batch(nlp: object) -> None:
    """A text gets the same records alone and batched with others, in any order."""
    texts = [*seed_paragraphs(), seed_text()]
    alone = [summary(quoteattr.extract(t, pipeline=nlp)) for t in texts]
    batched = quoteattr.extract_many(texts[::-1], pipeline=nlp, batch_size=3)
    assert [summary(r) for r in batched][::-1] == alone


def test_model_free_layers_are_deterministic() -> None:
    text = seed_text() * 3
    runs = [quoteattr.extract(text, pipeline=SurfacePipeline()) for _ in range(2)]
    assert summary(runs[0]) == summary(runs[1])
    assert find_quotations(text) == find_quotations(text)


# --- threads --------------------------------------------------------------------------------


@pytest.mark.model
def test_threads_share_the_pipeline_and_get_sequential_results(nlp: object) -> None:
    paragraphs = seed_paragraphs()
    texts = ["\n\n".join(paragraphs[i : i + 2]) for i in (0, 1, 2, 4)]
    sequential = [summary(quoteattr.extract(t)) for t in texts]  # the shared pipeline
    results: dict[int, Any] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(texts))

    def work(i: int) -> None:
        try:
            barrier.wait()
            assert quoteattr.get_pipeline() is nlp
            results[i] = summary(quoteattr.extract(texts[i]))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not errors, errors
    assert [results[i] for i in range(len(texts))] == sequential
    assert any(sequential)


def test_get_pipeline_builds_once_under_concurrent_first_calls(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Eight threads asking for a not yet built pipeline get one shared object."""
    import stanza

    built: list[object] = []

    class Slow:
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            time.sleep(0.2)
            built.append(self)

    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    (tmp_path / "fr").mkdir()
    monkeypatch.setattr(stanza, "Pipeline", Slow)
    monkeypatch.setattr(pipeline, "_cache", {})
    got: list[object] = []
    threads = [
        threading.Thread(target=lambda: got.append(pipeline.get_pipeline(tmp_path)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1 and len(got) == 8 and all(p is built[0] for p in got)


# --- no network, read-only model ------------------------------------------------------------

GUARDED_RUN = textwrap.dedent(
    """
    import json, os, socket, sys

    model_dir = os.environ["STANZA_RESOURCES_DIR"]
    events = []
    NETWORK = {
        "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
        "socket.gethostbyaddr", "socket.getnameinfo", "socket.sendto", "socket.sendmsg",
    }

    def audit(event, args):
        if event in NETWORK:
            events.append(("network", event, repr(args)[:200]))
            raise OSError("network access attempted: " + event)
        if event == "open" and args[0] is not None and not isinstance(args[0], int):
            path = os.path.abspath(os.fsdecode(args[0]))
            mode = args[1] or "r"
            flags = args[2] or 0
            writing = any(c in str(mode) for c in "wax+") or flags & (
                os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND)
            if writing and path.startswith(os.path.abspath(model_dir)):
                events.append(("write", path, str(mode)))
                raise PermissionError("write into the model directory: " + path)
        if event in ("os.remove", "os.rename", "os.mkdir", "shutil.rmtree", "os.rmdir"):
            if os.path.abspath(os.fsdecode(args[0])).startswith(os.path.abspath(model_dir)):
                events.append(("write", event, repr(args)[:200]))
                raise PermissionError(event)

    sys.addaudithook(audit)

    def refuse(*args, **kwargs):
        events.append(("network", "create_connection", repr(args)[:200]))
        raise OSError("network access attempted")

    socket.create_connection = refuse
    socket.socket.connect = refuse
    socket.getaddrinfo = refuse

    import quoteattr

    text = sys.stdin.read()
    result = quoteattr.extract(text)
    print(json.dumps({
        "events": events,
        "quotes": [[q.content.start, q.content.end, q.content.text] for q in result],
        "modules": sorted(m for m in sys.modules if m.split(".")[0] in ("requests", "urllib3")),
    }))
    """
)


def _listing(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
    }


@pytest.fixture(scope="module")
def guarded_run() -> dict[str, Any]:
    """Import quoteattr and extract in a fresh interpreter with network and writes refused."""
    model_dir = Path(pipeline.resolve_model_dir()).resolve()
    if not (model_dir / "resources.json").is_file():
        pytest.fail(f"no Stanza model in {model_dir}")
    before = _listing(model_dir)
    env = dict(os.environ, STANZA_RESOURCES_DIR=str(model_dir), OMP_NUM_THREADS="1")
    text = "\n\n".join(seed_paragraphs()[1:3])
    proc = subprocess.run(
        [sys.executable, "-c", GUARDED_RUN],
        input=text,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    report["text"] = text
    report["before"], report["after"] = before, _listing(model_dir)
    return report


@pytest.mark.model
def test_no_network_at_import_or_extract(guarded_run: dict[str, Any]) -> None:
    assert [e for e in guarded_run["events"] if e[0] == "network"] == []
    text = guarded_run["text"]
    assert guarded_run["quotes"]
    for start, end, content in guarded_run["quotes"]:
        assert text[start:end] == content


@pytest.mark.model
def test_model_directory_is_only_read(guarded_run: dict[str, Any]) -> None:
    assert [e for e in guarded_run["events"] if e[0] == "write"] == []
    assert guarded_run["after"] == guarded_run["before"]


# --- a missing model ------------------------------------------------------------------------


@pytest.fixture
def no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    import stanza
    import stanza.resources.common as common

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a download or a connection was attempted")

    monkeypatch.setattr(stanza, "download", refuse)
    monkeypatch.setattr(common, "download", refuse)
    monkeypatch.setattr(common, "download_resources_json", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.usefixtures("no_download")
@pytest.mark.parametrize(
    "layout", ["empty-dir", "missing-dir", "no-french-folder", "a-file", "empty-french-folder"]
)
def test_missing_model_raises_model_not_found(tmp_path: Path, layout: str) -> None:
    model_dir = tmp_path / "models"
    if layout != "missing-dir":
        model_dir.mkdir()
    if layout == "no-french-folder":
        (model_dir / "resources.json").write_text("{}", encoding="utf-8")
    if layout == "a-file":
        model_dir.rmdir()
        model_dir.write_text("not a directory", encoding="utf-8")
    if layout == "empty-french-folder":
        real = Path(pipeline.resolve_model_dir()) / "resources.json"
        (model_dir / "resources.json").write_text(
            real.read_text(encoding="utf-8") if real.is_file() else "{}", encoding="utf-8"
        )
        (model_dir / "fr").mkdir()
    listing = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(quoteattr.ModelNotFoundError) as info:
        quoteattr.extract("Il a dit : « oui ».", model_dir=model_dir)
    assert "stanza.download('fr')" in str(info.value)
    assert str(model_dir) in str(info.value)
    assert isinstance(info.value, FileNotFoundError)
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing  # nothing written


@pytest.mark.usefixtures("no_download")
def test_missing_model_in_tmp_path(tmp_path: Path) -> None:
    with pytest.raises(quoteattr.ModelNotFoundError, match=re.escape("stanza.download('fr')")):
        quoteattr.extract("Il a dit : « oui ».", model_dir=tmp_path)
    assert list(tmp_path.iterdir()) == []
