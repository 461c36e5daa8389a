"""Helpers shared by the benchmark scripts: paths, timing, texts, machine description, tables.

The scripts run as ``python benchmarks/<script>.py`` from the repository root, so this folder is
first on ``sys.path`` and they import this module as ``common``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import json
import math
import os
import pickle
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEV = DEFAULT_SHARED / "eval" / "dev"
DEV_FILES = ("seed.json", "asfalda_sequoia.jsonl", "litbank.jsonl")
SEED_ARTICLE = REPO / "seeds" / "000_edc37f481cdcf508.txt"

SYNTH_SEED = 20240401
"""Seed of the deterministic shuffle that builds the synthetic news text."""
SEED_WEIGHT = 4
"""The seed article's paragraphs go this many times into each pass over the asfalda sentences,
so that about a fifth of the synthetic text is quote-dense news prose."""
UNIT_CHARS = 65_536
"""Characters of the 1x synthetic text: 16x is the ~1 MB text."""
GOAL_EXPONENT = 1.15
"""Goal: the fitted exponent of time vs. length stays at or below this (1.0 is linear)."""

Goal = tuple[str, str, str]
"""A row of the goals table: (goal, measured, verdict)."""


# --- timing --------------------------------------------------------------------------------------


class Timing:
    """Wall and CPU times of repeated runs of one measurement."""

    def __init__(self, wall: list[float], cpu: list[float], result: Any = None) -> None:
        self.wall = wall
        self.cpu = cpu
        self.result = result

    @property
    def median(self) -> float:
        return statistics.median(self.wall)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    def as_dict(self) -> dict[str, Any]:
        return {
            "median_s": self.median,
            "min_s": min(self.wall),
            "max_s": max(self.wall),
            "cpu_median_s": self.cpu_median,
            "wall_s": self.wall,
            "cpu_s": self.cpu,
        }


def timed(
    fn: Callable[[], Any], clock: Callable[[], float] = time.process_time
) -> tuple[float, float, Any]:
    """One run of ``fn``: (wall seconds, CPU seconds by ``clock``, result).

    ``time.process_time`` (all threads: the Stanza/torch parse) or ``time.thread_time`` (the
    calling thread only: the pure-Python attribution, unaffected by idle torch threads).
    """
    gc.collect()
    c0 = clock()
    t0 = time.perf_counter()
    result = fn()
    t1 = time.perf_counter()
    c1 = clock()
    return t1 - t0, c1 - c0, result


def measure(
    fn: Callable[[], Any],
    repeats: int,
    clock: Callable[[], float] = time.thread_time,
    warmup: int = 1,
) -> Timing:
    """``repeats`` runs of ``fn`` (CPU by ``clock``) after ``warmup`` untimed ones.

    The result of the last run is kept.
    """
    wall, cpu = [], []
    result = None
    for _ in range(warmup):
        fn()
    for _ in range(repeats):
        w, c, result = timed(fn, clock)
        wall.append(w)
        cpu.append(c)
    return Timing(wall, cpu, result)


def exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(time) against log(size): 1.0 is linear, 2.0 quadratic."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = statistics.fmean(x for x, _ in pts)
    my = statistics.fmean(y for _, y in pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx == 0:
        return None
    return sum((x - mx) * (y - my) for x, y in pts) / sxx


def log(message: str) -> None:
    stamp = time.strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


# --- texts ---------------------------------------------------------------------------------------


def load_dev(dev: Path, max_chars: int | None = None) -> list[tuple[str, str]]:
    """``(doc_id, text)`` of the dev documents in file order (optionally up to ``max_chars``).

    Example:
        >>> len(load_dev(DEV))  # doctest: +SKIP
        200
    """
    docs: list[tuple[str, str]] = []
    for name in DEV_FILES:
        path = dev / name
        if not path.is_file():
            raise SystemExit(f"missing dev file {path}")
        if name.endswith(".jsonl"):
            records = [
                json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()
            ]
        else:
            records = [json.loads(path.read_text("utf-8"))]
        docs.extend((str(r["doc_id"]), r["text"]) for r in records)
    if max_chars is not None:
        kept, total = [], 0
        for doc_id, text in docs:
            if total >= max_chars:
                break
            kept.append((doc_id, text))
            total += len(text)
        docs = kept
    return docs


class Synthetic:
    """A long news-like text made of real paragraphs, shuffled deterministically.

    Each pass takes the seed article's paragraphs (``SEED_WEIGHT`` times) and the asfalda
    sentences grouped into paragraphs of 2 to 5 sentences, shuffles them with a fixed seed and
    appends them; passes repeat until the text is long enough. ``text(k)`` is the shortest
    paragraph-aligned prefix of at least ``k * unit`` characters, so every size is a prefix of the
    next one.
    """

    def __init__(self, shared: Path, unit: int = UNIT_CHARS, seed: int = SYNTH_SEED) -> None:
        self.unit = unit
        self.rng = random.Random(seed)
        article = SEED_ARTICLE.read_text("utf-8")
        self.seed_paragraphs = [p.strip() for p in article.split("\n") if p.strip()]
        path = shared / "eval" / "dev" / "asfalda_sequoia.jsonl"
        self.sentences = [
            " ".join(json.loads(line)["text"].split())
            for line in path.read_text("utf-8").splitlines()
            if line.strip()
        ]
        self.paragraphs: list[str] = []
        self.length = 0

    def _pass(self) -> None:
        sentences = list(self.sentences)
        self.rng.shuffle(sentences)
        pool = self.seed_paragraphs * SEED_WEIGHT
        i = 0
        while i < len(sentences):
            n = self.rng.randint(2, 5)
            pool.append(" ".join(sentences[i : i + n]))
            i += n
        self.rng.shuffle(pool)
        for paragraph in pool:
            self.paragraphs.append(paragraph)
            self.length += len(paragraph) + 2

    def text(self, scale: float) -> str:
        target = int(scale * self.unit)
        while self.length < target:
            self._pass()
        out, total = [], 0
        for paragraph in self.paragraphs:
            if total >= target:
                break
            out.append(paragraph)
            total += len(paragraph) + 2
        return "\n\n".join(out)


def parse_cached(
    args: argparse.Namespace, nlp: Any, text: str, label: str
) -> tuple[Any, float | None]:
    """Parse ``text`` (one ``parse_texts`` call): (parsed, wall seconds or None when cached).

    With ``--parse-cache`` the parse is pickled there, keyed on the text, the model and the code
    that builds a ParsedText.
    """
    from quoteattr.syntax.parse import parse_texts

    path = None
    if args.parse_cache is not None:
        import stanza

        import quoteattr.syntax.parse
        import quoteattr.text.marks

        code = "".join(
            Path(m.__file__ or "").read_text("utf-8")
            for m in (quoteattr.syntax.parse, quoteattr.text.marks)
        )
        parts = [text, os.path.abspath(args.model_dir), stanza.__version__, code]
        key = hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:16]
        path = args.parse_cache / f"{label}-{key}.pickle"
        if path.is_file():
            log(f"{label}: parse loaded from cache {path}")
            with path.open("rb") as fh:
                return pickle.load(fh), None
    log(f"{label}: parsing {len(text):,} characters")
    wall, _cpu, [parsed] = timed(lambda: parse_texts([text], nlp))
    log(f"{label}: parse took {wall:.1f} s")
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            pickle.dump(parsed, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return parsed, wall


# --- machine -------------------------------------------------------------------------------------


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages, rounded (None where the system has none)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def set_threads(threads: int | None) -> None:
    """``torch.set_num_threads(threads)`` unless ``threads`` is None (torch's own choice)."""
    if threads:
        import torch

        torch.set_num_threads(threads)


def machine_info(load_at_start: list[float] | None) -> dict[str, Any]:
    """CPU, cores, load average, memory, Python/torch/Stanza/quoteattr versions, git commit."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average": load_at_start,
    }
    try:
        mem = Path("/proc/meminfo").read_text().split("\n", 1)[0].split()
        info["memory_gib"] = round(int(mem[1]) / 2**20, 1)
    except (OSError, IndexError, ValueError):
        pass
    try:
        import torch

        info["torch"] = torch.__version__
        info["torch_threads"] = torch.get_num_threads()
        info["cuda"] = torch.cuda.is_available()
    except ImportError:  # pragma: no cover
        pass
    import stanza

    import quoteattr

    info["stanza"] = stanza.__version__
    info["quoteattr"] = quoteattr.__version__
    info["git"] = git_state()
    return info


def git_state() -> str | None:
    """The short commit of the checkout, with ``+dirty`` when tracked files are modified."""

    def git(*command: str) -> str:
        return subprocess.run(
            ["git", *command], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        head = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


# --- report formatting ---------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table with padded columns."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), sep, *(line(r) for r in cells[1:])])


def fmt_s(seconds: float | None) -> str:
    """Seconds in µs, ms or s; ``—`` for None."""
    if seconds is None:
        return "—"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_g(x: float | None, fmt: str = ".2f") -> str:
    """``x`` in format ``fmt``; ``—`` for None."""
    return "—" if x is None else format(x, fmt)


def timing_cells(timing: dict[str, Any]) -> list[str]:
    """Median, min – max and CPU median of a :meth:`Timing.as_dict`."""
    return [
        fmt_s(timing["median_s"]),
        f"{fmt_s(timing['min_s'])} – {fmt_s(timing['max_s'])}",
        fmt_s(timing["cpu_median_s"]),
    ]
