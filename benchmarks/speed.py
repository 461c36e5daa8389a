"""Speed benchmark of quoteattr: model load, parse vs. attribution, marks, scaling, profile.

Run from the repository root (inside the virtual environment)::

    STANZA_RESOURCES_DIR=../shared/models/stanza_resources \
        python benchmarks/speed.py --json speed.json

Parts (``--parts``, comma separated, default all of them):

``load``
    Import time of Stanza/torch, the first ``get_pipeline()`` call (the model load) and the second
    call (a cache hit, ~0 s). ``--load-repeats N`` adds N-1 cold loads in fresh subprocesses.
``corpus``
    On the dev texts (``shared/eval/dev``: seed.json, asfalda_sequoia.jsonl, litbank.jsonl), the
    bare Stanza parse (``parse_texts``, in the same batches as ``extract_many``), the full
    ``extract_many`` (parse + attribution) and ``attribute(parsed)`` alone on the parsed docs; the
    attribution overhead in % of the bare parse.
``marks``
    ``find_quotations`` (marks only, no parse) throughput in MB/s on the ~1 MB synthetic text, and
    its scaling over 1x/4x/16x/64x.
``scaling``
    ``attribute()`` on the synthetic news text at 1x/4x/16x (``--unit-chars`` characters per 1x,
    ``--max-scale`` to stop early): the text is parsed once per size, then the attribution layer
    alone is timed; time per character and the fitted exponent show whether the cost is linear.
``profile``
    cProfile of ``attribute(parsed)`` on the ``--profile-scale`` synthetic text (default 4x), top
    functions by cumulative and own time, and each function's growth between 1/4 of that size and
    that size (a growth well above 1 is a superlinear function).

Timings are wall-clock ``time.perf_counter`` medians over ``--repeats`` runs after one untimed
warm-up run (``--parse-repeats`` runs, alternating parse and extract, for the slow dev-corpus
measurements). CPU time is recorded too, as it is less sensitive to other processes on a loaded
machine: ``time.process_time`` (all threads) for the parse and extract, ``time.thread_time`` for
the single-threaded attribution and marks scan. On a CPU shared with other jobs, torch's
intra-op threads can slow the parse down by an order of magnitude: ``--torch-threads 1`` keeps
it stable (the numbers are then those of one core).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import functools
import gc
import hashlib
import json
import math
import os
import pickle
import platform
import pstats
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_ARTICLE = REPO / "seeds" / "000_edc37f481cdcf508.txt"
DEV_FILES = ("seed.json", "asfalda_sequoia.jsonl", "litbank.jsonl")
PARTS = ("load", "corpus", "marks", "scaling", "profile")

SYNTH_SEED = 20240401
"""Seed of the deterministic shuffle that builds the synthetic news text."""
SEED_WEIGHT = 4
"""The seed article's paragraphs go this many times into each pass over the asfalda sentences,
so that about a fifth of the synthetic text is quote-dense news prose."""
UNIT_CHARS = 65_536
"""Characters of the 1x synthetic text: 16x is the ~1 MB text."""
GOAL_OVERHEAD = 3.0
"""Goal: attribution adds at most this many % to the bare parse."""
GOAL_EXPONENT = 1.15
"""Goal: the fitted exponent of time vs. length stays at or below this (1.0 is linear)."""
MIN_GROWTH_S = 0.005
"""A function's growth is computed only when it takes at least this long at the smaller size."""
GOAL_SECOND_LOAD = 0.01
"""Goal: a second ``get_pipeline()`` call takes less than this (seconds)."""


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


def log(message: str) -> None:
    stamp = time.strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", file=sys.stderr, flush=True)


# --- corpus --------------------------------------------------------------------------------------


def load_dev(shared: Path, max_chars: int | None = None) -> list[tuple[str, str]]:
    """``(doc_id, text)`` of the dev documents in file order (optionally up to ``max_chars``)."""
    dev = shared / "eval" / "dev"
    docs: list[tuple[str, str]] = []
    for name in DEV_FILES:
        path = dev / name
        if not path.is_file():
            raise SystemExit(f"missing dev file {path} (use --shared)")
        if name.endswith(".jsonl"):
            records = [
                json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()
            ]
        else:
            records = [json.loads(path.read_text("utf-8"))]
        docs.extend((r["doc_id"], r["text"]) for r in records)
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


# --- machine -------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
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
    }
    with contextlib.suppress(OSError):
        info["load_average"] = [round(x, 2) for x in os.getloadavg()]
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
    info["git"] = _git_state()
    return info


def _git_state() -> str | None:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + ("+dirty" if dirty else "")


# --- parts ---------------------------------------------------------------------------------------


_LOAD_PROBE = """
import json, time
t0 = time.perf_counter()
import stanza, torch  # noqa: F401
from quoteattr.pipeline import get_pipeline
t1 = time.perf_counter()
if {threads!r}:
    torch.set_num_threads({threads!r})
nlp = get_pipeline({model_dir!r}, use_gpu={gpu!r})
t2 = time.perf_counter()
same = get_pipeline({model_dir!r}, use_gpu={gpu!r}) is nlp
t3 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "first_s": t2 - t1, "second_s": t3 - t2, "same": same}}))
"""


def part_load(args: argparse.Namespace, out: dict[str, Any]) -> Any:
    """Model load: import, first get_pipeline() (cold), second call (cache hit)."""
    t0 = time.perf_counter()
    import stanza  # noqa: F401
    import torch  # noqa: F401

    from quoteattr.pipeline import get_pipeline

    import_s = time.perf_counter() - t0
    _set_threads(args)
    log("loading the Stanza pipeline (first get_pipeline call)")
    first_s, first_cpu, nlp = timed(lambda: get_pipeline(args.model_dir, use_gpu=args.gpu))
    second = measure(lambda: get_pipeline(args.model_dir, use_gpu=args.gpu), max(args.repeats, 5))
    same = all(get_pipeline(args.model_dir, use_gpu=args.gpu) is nlp for _ in range(3))
    firsts = [first_s]
    imports = [import_s]
    for n in range(args.load_repeats - 1):
        log(f"cold load in a fresh process ({n + 2}/{args.load_repeats})")
        code = _LOAD_PROBE.format(
            model_dir=args.model_dir, gpu=args.gpu, threads=args.torch_threads
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
        )
        probe = json.loads(proc.stdout.strip().splitlines()[-1])
        firsts.append(probe["first_s"])
        imports.append(probe["import_s"])
        same = same and probe["same"]
    out["load"] = {
        "import_s": statistics.median(imports),
        "import_samples_s": imports,
        "first_call_s": statistics.median(firsts),
        "first_call_samples_s": firsts,
        "first_call_cpu_s": first_cpu,
        "second_call": second.as_dict(),
        "same_object": same,
    }
    return nlp


def _set_threads(args: argparse.Namespace) -> None:
    if args.torch_threads:
        import torch

        torch.set_num_threads(args.torch_threads)


def _batches(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def part_corpus(args: argparse.Namespace, out: dict[str, Any], nlp: Any) -> None:
    """Bare parse vs. extract_many vs. attribute() alone on the dev texts."""
    from quoteattr.engine import attribute, extract_many
    from quoteattr.parse import parse_texts

    docs = load_dev(args.shared, args.corpus_chars)
    texts = [t for _i, t in docs]
    chars = sum(len(t) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    log(f"corpus: {len(docs)} dev documents, {chars:,} characters")

    # Warm-up: first-call costs (torch kernels, lexicon tables) stay out of the timings.
    warm = parse_texts([texts[0][:2000]], nlp)
    attribute(warm[0])

    def parse_all() -> list[Any]:
        parsed = []
        for batch in _batches(texts, args.batch_size):
            parsed.extend(parse_texts([t for t in batch if t.strip()], nlp))
        return parsed

    def extract_all() -> list[Any]:
        return list(extract_many(docs, batch_size=args.batch_size, pipeline=nlp, progress=False))

    parse_wall: list[float] = []
    parse_cpu: list[float] = []
    extract_wall: list[float] = []
    extract_cpu: list[float] = []
    parsed: list[Any] = []
    results: list[Any] = []
    for r in range(args.parse_repeats):
        # Alternate the order so that a drift in the machine's load hits both alike.
        order = ("parse", "extract") if r % 2 == 0 else ("extract", "parse")
        for what in order:
            log(f"corpus: {what} run {r + 1}/{args.parse_repeats}")
            if what == "parse":
                w, c, parsed = timed(parse_all)
                parse_wall.append(w)
                parse_cpu.append(c)
            else:
                w, c, results = timed(extract_all)
                extract_wall.append(w)
                extract_cpu.append(c)
            log(f"corpus: {what} took {w:.1f} s")
    log("corpus: attribute() alone on the parsed documents")
    attr = measure(lambda: [attribute(p) for p in parsed], args.repeats)
    parse = Timing(parse_wall, parse_cpu)
    extract = Timing(extract_wall, extract_cpu)
    quotes = sum(len(r) for r in results)
    assert sum(len(q) for q in attr.result) == quotes, "attribute() and extract_many() disagree"
    words = sum(len(p.words) for p in parsed)
    out["corpus"] = {
        "documents": len(docs),
        "chars": chars,
        "utf8_bytes": nbytes,
        "words": words,
        "quotes": quotes,
        "batch_size": args.batch_size,
        "parse": parse.as_dict(),
        "extract": extract.as_dict(),
        "attribute": attr.as_dict(),
        "extract_overhead_pct": 100 * (extract.median - parse.median) / parse.median,
        "extract_overhead_cpu_pct": 100
        * (extract.cpu_median - parse.cpu_median)
        / parse.cpu_median,
        "attribute_pct_of_parse": 100 * attr.median / parse.median,
        "attribute_cpu_pct_of_parse": 100 * attr.cpu_median / parse.cpu_median,
        "parse_chars_per_s": chars / parse.median,
        "attribute_chars_per_s": chars / attr.median,
    }


def part_marks(args: argparse.Namespace, out: dict[str, Any], synth: Synthetic) -> None:
    """find_quotations throughput and scaling (no parse needed)."""
    from quoteattr.marks import find_quotations

    rows = []
    for scale in args.marks_scales:
        text = synth.text(scale)
        nbytes = len(text.encode("utf-8"))
        t = measure(functools.partial(find_quotations, text), args.repeats)
        rows.append(
            {
                "scale": scale,
                "chars": len(text),
                "utf8_bytes": nbytes,
                "quotations": len(t.result),
                "timing": t.as_dict(),
                "mb_per_s": nbytes / 1e6 / t.median,
                "us_per_kchar": 1e6 * t.median / len(text) * 1000,
            }
        )
        log(f"marks: {scale}x {len(text):,} chars: {t.median * 1000:.1f} ms")
    main = next((r for r in rows if r["scale"] == 16), rows[-1])
    out["marks"] = {
        "rows": rows,
        "throughput_scale": main["scale"],
        "throughput_mb_per_s": main["mb_per_s"],
        "exponent": _exponent([(r["chars"], r["timing"]["median_s"]) for r in rows]),
    }


def _exponent(points: list[tuple[float, float]]) -> float | None:
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


def parse_cached(
    args: argparse.Namespace, nlp: Any, text: str, label: str
) -> tuple[Any, float | None]:
    """Parse ``text`` (one ``parse_texts`` call): (parsed, wall seconds or None when cached)."""
    from quoteattr.parse import parse_texts

    path = None
    if args.parse_cache is not None:
        import stanza

        import quoteattr.marks
        import quoteattr.parse

        # The key covers the text, the model and the code that builds a ParsedText.
        code = "".join(
            Path(m.__file__ or "").read_text("utf-8") for m in (quoteattr.parse, quoteattr.marks)
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


def part_scaling(
    args: argparse.Namespace,
    out: dict[str, Any],
    nlp: Any,
    synth: Synthetic,
    parses: dict[float, Any],
) -> None:
    """attribute() alone at 1x/4x/16x of the synthetic text, parsed once per size."""
    from quoteattr.engine import attribute

    rows = []
    for scale in [s for s in args.scales if s <= args.max_scale]:
        text = synth.text(scale)
        parsed, parse_s = parse_cached(args, nlp, text, f"synthetic-{scale:g}x")
        parses[scale] = parsed
        t = measure(functools.partial(attribute, parsed), args.repeats)
        row = {
            "scale": scale,
            "chars": len(text),
            "words": len(parsed.words),
            "quotes": len(t.result),
            "attribute": t.as_dict(),
            "attribute_us_per_char": 1e6 * t.median / len(text),
            "attribute_cpu_us_per_char": 1e6 * t.cpu_median / len(text),
            "parse_s": parse_s,
            "parse_us_per_char": None if parse_s is None else 1e6 * parse_s / len(text),
            "attribute_pct_of_parse": None if parse_s is None else 100 * t.median / parse_s,
        }
        rows.append(row)
        log(
            f"scaling: {scale:g}x attribute {t.median:.3f} s "
            f"({row['attribute_us_per_char']:.2f} µs/char)"
        )
    out["scaling"] = {
        "unit_chars": args.unit_chars,
        "rows": rows,
        "attribute_exponent": _exponent([(r["chars"], r["attribute"]["median_s"]) for r in rows]),
        "attribute_cpu_exponent": _exponent(
            [(r["chars"], r["attribute"]["cpu_median_s"]) for r in rows]
        ),
        "parse_exponent": _exponent([(r["chars"], r["parse_s"]) for r in rows if r["parse_s"]]),
        "per_char_ratio": (rows[-1]["attribute_us_per_char"] / rows[0]["attribute_us_per_char"])
        if len(rows) > 1
        else None,
    }


def _profile(parsed: Any, cpu_clock: bool) -> pstats.Stats:
    from quoteattr.engine import attribute

    profiler = cProfile.Profile(time.thread_time) if cpu_clock else cProfile.Profile()
    gc.collect()
    profiler.enable()
    attribute(parsed)
    profiler.disable()
    return pstats.Stats(profiler)


def _func_name(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    path = Path(filename)
    if "quoteattr" in path.parts:
        return f"quoteattr/{path.name}:{line}:{name}"
    if filename == "~":
        return name
    return f"{path.name}:{line}:{name}"


def part_profile(
    args: argparse.Namespace,
    out: dict[str, Any],
    nlp: Any,
    synth: Synthetic,
    parses: dict[float, Any],
) -> None:
    """cProfile of attribute() at --profile-scale, and per-function growth from 1/4 of that size."""
    big_scale = args.profile_scale
    small_scale = big_scale / 4
    for scale in (small_scale, big_scale):
        if scale not in parses:
            parses[scale], _ = parse_cached(args, nlp, synth.text(scale), f"synthetic-{scale:g}x")
    big_chars = len(parses[big_scale].text)
    small_chars = len(parses[small_scale].text)
    log(f"profile: attribute() under cProfile at {big_scale:g}x and {small_scale:g}x")
    cpu_clock = args.profile_clock == "cpu"
    from quoteattr.engine import attribute

    attribute(parses[small_scale])  # warm-up: lexicon tables, compiled patterns
    big = _profile(parses[big_scale], cpu_clock)
    small = _profile(parses[small_scale], cpu_clock)
    if args.profile_out is not None:
        big.dump_stats(str(args.profile_out))
    size_ratio = big_chars / small_chars
    small_stats: dict[Any, Any] = small.stats  # type: ignore[attr-defined]
    entries = []
    for key, (cc, nc, tt, ct, _callers) in big.stats.items():  # type: ignore[attr-defined]
        small_tt = small_stats.get(key, (0, 0, 0.0, 0.0, None))[2]
        small_ct = small_stats.get(key, (0, 0, 0.0, 0.0, None))[3]
        entries.append(
            {
                "function": _func_name(key),
                "calls": nc,
                "primitive_calls": cc,
                "own_s": tt,
                "cumulative_s": ct,
                # time growth divided by size growth: ~1 linear, ~size_ratio quadratic
                "own_growth": (tt / small_tt / size_ratio) if small_tt >= MIN_GROWTH_S else None,
                "cumulative_growth": (ct / small_ct / size_ratio)
                if small_ct >= MIN_GROWTH_S
                else None,
                "calls_growth": (nc / small_stats[key][1] / size_ratio)
                if key in small_stats
                else None,
            }
        )
    total = big.total_tt  # type: ignore[attr-defined]
    by_cum = sorted(entries, key=lambda e: -e["cumulative_s"])[: args.profile_top]
    by_own = sorted(entries, key=lambda e: -e["own_s"])[: args.profile_top]
    superlinear = sorted(
        (
            e
            for e in entries
            if e["own_growth"] is not None and e["own_growth"] > 1.5 and e["own_s"] > 0.01 * total
        ),
        key=lambda e: -e["own_s"],
    )
    out["profile"] = {
        "scale": big_scale,
        "chars": big_chars,
        "small_scale": small_scale,
        "small_chars": small_chars,
        "total_s": total,
        "clock": args.profile_clock,
        "small_total_s": small.total_tt,  # type: ignore[attr-defined]
        "top_cumulative": by_cum,
        "top_own": by_own,
        "superlinear": superlinear,
    }


# --- report --------------------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), sep, *(line(r) for r in cells[1:])])


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def _g(x: float | None, fmt: str = ".2f") -> str:
    return "—" if x is None else format(x, fmt)


def goals(out: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) rows."""
    rows = []
    if "corpus" in out:
        c = out["corpus"]
        pct = c["attribute_pct_of_parse"]
        rows.append(
            (
                f"attribution adds ≤ {GOAL_OVERHEAD:g}% to the bare parse (dev corpus)",
                f"attribute() = {pct:.2f}% of parse (CPU {c['attribute_cpu_pct_of_parse']:.2f}%); "
                f"extract vs parse {c['extract_overhead_pct']:+.2f}%",
                "met" if pct <= GOAL_OVERHEAD else "NOT met",
            )
        )
    # Linearity is judged on the CPU clock (thread_time): load skews wall time both ways.
    if "scaling" in out and len(out["scaling"]["rows"]) > 1:
        s = out["scaling"]
        points = [(r["chars"], r["attribute"]["cpu_median_s"]) for r in s["rows"]]
        exp = _exponent(points)
        best = _exponent([(r["chars"], min(r["attribute"]["cpu_s"])) for r in s["rows"]])
        first, last = s["rows"][0], s["rows"][-1]
        ratio = last["attribute_cpu_us_per_char"] / first["attribute_cpu_us_per_char"]
        scales = "/".join(f"{r['scale']:g}x" for r in s["rows"])
        rows.append(
            (
                f"attribution cost linear in length (CPU exponent ≤ {GOAL_EXPONENT:g})",
                f"CPU exponent {_g(exp)} (fastest runs {_g(best)}, wall "
                f"{_g(s['attribute_exponent'])}) over {scales}; "
                f"CPU µs/char {last['scale']:g}x / {first['scale']:g}x = {ratio:.2f}",
                "met" if exp is not None and exp <= GOAL_EXPONENT else "NOT met",
            )
        )
    if "marks" in out and len(out["marks"]["rows"]) > 1:
        mk = out["marks"]
        exp = _exponent([(r["chars"], r["timing"]["cpu_median_s"]) for r in mk["rows"]])
        rows.append(
            (
                f"marks detection linear (CPU exponent ≤ {GOAL_EXPONENT:g})",
                f"CPU exponent {_g(exp)} (wall {_g(mk['exponent'])}), "
                f"{mk['throughput_mb_per_s']:.1f} MB/s",
                "met" if exp is not None and exp <= GOAL_EXPONENT else "NOT met",
            )
        )
    if "load" in out:
        ld = out["load"]
        second = ld["second_call"]["median_s"]
        rows.append(
            (
                "the model loads once per process",
                f"first get_pipeline() {_s(ld['first_call_s'])}, second {_s(second)}, "
                f"same object: {ld['same_object']}",
                "met" if ld["same_object"] and second < GOAL_SECOND_LOAD else "NOT met",
            )
        )
    return rows


def report(out: dict[str, Any]) -> str:
    m = out["machine"]
    lines = [
        "# quoteattr speed benchmark",
        "",
        f"date {m['date']} | CPU {m['cpu']} | {m['cores']} cores ({m.get('usable_cores')} usable), "
        f"torch threads {m.get('torch_threads')} | load average at start {m.get('load_average')}",
        f"python {m['python']} | torch {m.get('torch')} | stanza {m['stanza']} | "
        f"quoteattr {m['quoteattr']} "
        f"({m.get('git')}) | device {'GPU' if out['args']['gpu'] else 'CPU'}",
        f"command: {out['command']}",
        "",
    ]
    if "load" in out:
        ld = out["load"]
        n = len(ld["first_call_samples_s"])
        lines += [
            "## Model load",
            "",
            _table(
                ["step", "time"],
                [
                    ["import stanza + torch + quoteattr", _s(ld["import_s"])],
                    [
                        f"first get_pipeline() (model load, median of {n} process(es))",
                        _s(ld["first_call_s"]),
                    ],
                    [
                        "second get_pipeline() (cached, median of "
                        f"{len(ld['second_call']['wall_s'])})",
                        _s(ld["second_call"]["median_s"]),
                    ],
                    ["second call returns the same pipeline", str(ld["same_object"])],
                ],
            ),
            "",
        ]
    if "corpus" in out:
        c = out["corpus"]
        pr = len(c["parse"]["wall_s"])
        ar = len(c["attribute"]["wall_s"])
        lines += [
            f"## Dev corpus: {c['documents']} documents, {c['chars']:,} characters, "
            f"{c['words']:,} words, "
            f"{c['quotes']:,} quotes",
            "",
            _table(
                ["measure", "wall (median)", "min – max", "CPU (median)", "chars/s", "% of parse"],
                [
                    [
                        f"bare Stanza parse (parse_texts, batches of {c['batch_size']}; {pr} runs)",
                        _s(c["parse"]["median_s"]),
                        f"{_s(c['parse']['min_s'])} – {_s(c['parse']['max_s'])}",
                        _s(c["parse"]["cpu_median_s"]),
                        f"{c['parse_chars_per_s']:,.0f}",
                        "100",
                    ],
                    [
                        f"extract_many (parse + attribution; {pr} runs)",
                        _s(c["extract"]["median_s"]),
                        f"{_s(c['extract']['min_s'])} – {_s(c['extract']['max_s'])}",
                        _s(c["extract"]["cpu_median_s"]),
                        f"{c['chars'] / c['extract']['median_s']:,.0f}",
                        f"{100 + c['extract_overhead_pct']:.2f}",
                    ],
                    [
                        f"attribute(parsed) alone ({ar} runs)",
                        _s(c["attribute"]["median_s"]),
                        f"{_s(c['attribute']['min_s'])} – {_s(c['attribute']['max_s'])}",
                        _s(c["attribute"]["cpu_median_s"]),
                        f"{c['attribute_chars_per_s']:,.0f}",
                        f"{c['attribute_pct_of_parse']:.2f}",
                    ],
                ],
            ),
            "",
            "Attribution overhead: attribute() alone = "
            f"{c['attribute_pct_of_parse']:.2f}% of the bare parse "
            f"(CPU time {c['attribute_cpu_pct_of_parse']:.2f}%); extract_many − parse = "
            f"{c['extract_overhead_pct']:+.2f}% (CPU {c['extract_overhead_cpu_pct']:+.2f}%, "
            "the difference "
            "of two noisy parse-dominated runs).",
            "",
        ]
    if "scaling" in out:
        s = out["scaling"]
        rows = [
            [
                f"{r['scale']:g}x",
                f"{r['chars']:,}",
                f"{r['words']:,}",
                f"{r['quotes']:,}",
                _s(r["parse_s"]),
                _g(r["parse_us_per_char"], ".1f"),
                _s(r["attribute"]["median_s"]),
                f"{r['attribute_us_per_char']:.2f}",
                f"{r['attribute_cpu_us_per_char']:.2f}",
                _g(r["attribute_pct_of_parse"]),
            ]
            for r in s["rows"]
        ]
        lines += [
            "## Scaling of the attribution layer "
            f"(synthetic news text, 1x = {s['unit_chars']:,} chars)",
            "",
            _table(
                [
                    "size",
                    "chars",
                    "words",
                    "quotes",
                    "parse (1 run)",
                    "parse µs/char",
                    "attribute (median)",
                    "attribute µs/char",
                    "CPU µs/char",
                    "% of parse",
                ],
                rows,
            ),
            "",
            f"Fitted exponent of attribute() time vs. length: {_g(s['attribute_exponent'])} "
            f"(CPU {_g(s['attribute_cpu_exponent'])}; parse {_g(s['parse_exponent'])}); "
            "1.0 is linear, "
            "2.0 quadratic.",
            "",
        ]
    if "marks" in out:
        mk = out["marks"]
        rows = [
            [
                f"{r['scale']:g}x",
                f"{r['chars']:,}",
                f"{r['utf8_bytes'] / 1e6:.3f}",
                f"{r['quotations']:,}",
                _s(r["timing"]["median_s"]),
                f"{r['mb_per_s']:.1f}",
                f"{r['us_per_kchar']:.1f}",
            ]
            for r in mk["rows"]
        ]
        lines += [
            "## Marks-only detection (find_quotations, no parse)",
            "",
            _table(
                [
                    "size",
                    "chars",
                    "MB (UTF-8)",
                    "quoted spans",
                    "time (median)",
                    "MB/s",
                    "µs/1000 chars",
                ],
                rows,
            ),
            "",
            f"Throughput on the {mk['throughput_scale']:g}x text: "
            f"{mk['throughput_mb_per_s']:.1f} MB/s; "
            f"fitted exponent {_g(mk['exponent'])} (CPU "
            f"{_g(_exponent([(r['chars'], r['timing']['cpu_median_s']) for r in mk['rows']]))}).",
            "",
        ]
    if "profile" in out:
        p = out["profile"]

        def prow(e: dict[str, Any]) -> list[str]:
            return [
                e["function"],
                f"{e['calls']:,}",
                f"{e['own_s']:.3f}",
                f"{e['cumulative_s']:.3f}",
                _g(e["own_growth"]),
                _g(e["calls_growth"]),
            ]

        headers = ["function", "calls", "own s", "cumulative s", "own growth", "calls growth"]
        lines += [
            f"## Profile of attribute() at {p['scale']:g}x ({p['chars']:,} chars; cProfile "
            f"{p['clock']} clock, total {p['total_s']:.2f} s; {p['small_scale']:g}x: "
            f"{p['small_total_s']:.2f} s)",
            "",
            "growth = (time at the big size / time at 1/4 of it) / (size ratio): "
            "~1 linear, ~4 quadratic.",
            "",
            "Top by cumulative time:",
            "",
            _table(headers, [prow(e) for e in p["top_cumulative"]]),
            "",
            "Top by own time:",
            "",
            _table(headers, [prow(e) for e in p["top_own"]]),
            "",
            "Superlinear (own growth > 1.5 and > 1% of the total):",
            "",
            _table(headers, [prow(e) for e in p["superlinear"]]) if p["superlinear"] else "none",
            "",
        ]
    verdicts = goals(out)
    if verdicts:
        lines += ["## Goals", "", _table(["goal", "measured", "verdict"], verdicts), ""]
    end = m.get("load_average_end")
    if end is not None:
        lines.append(
            f"load average at the end: {end}; total benchmark time {out['elapsed_s']:.0f} s"
        )
    return "\n".join(lines)


# --- main ----------------------------------------------------------------------------------------


def _scales(value: str) -> list[float]:
    return [float(x) for x in value.split(",") if x.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="quoteattr speed benchmark (see the module docstring and docs/speed.md)."
    )
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated parts to run, among {', '.join(PARTS)} (default: all)",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="runs of each fast measurement (attribute, marks, cached load); median",
    )
    parser.add_argument(
        "--parse-repeats",
        type=int,
        default=3,
        help="runs of the slow dev-corpus parse and extract_many (default 3)",
    )
    parser.add_argument(
        "--load-repeats",
        type=int,
        default=3,
        help="cold model loads: this process plus N-1 fresh subprocesses (default 3)",
    )
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help=f"the shared folder with eval/dev and models (default {DEFAULT_SHARED})",
    )
    parser.add_argument(
        "--model-dir",
        default=None,
        help="Stanza resources "
        "(default: $STANZA_RESOURCES_DIR, else SHARED/models/stanza_resources)",
    )
    parser.add_argument(
        "--torch-threads",
        type=int,
        default=None,
        help="torch.set_num_threads(N) before the model loads (default: torch's choice; "
        "1 is far more stable on a CPU shared with other processes)",
    )
    parser.add_argument("--gpu", action="store_true", help="run Stanza on the GPU")
    parser.add_argument(
        "--batch-size", type=int, default=16, help="extract_many batch size (default 16)"
    )
    parser.add_argument(
        "--corpus-chars",
        type=int,
        default=None,
        help="use only the first dev documents up to this many characters (quick runs)",
    )
    parser.add_argument(
        "--unit-chars",
        type=int,
        default=UNIT_CHARS,
        help=f"characters of the 1x synthetic text (default {UNIT_CHARS}; 16x ~ 1 MB)",
    )
    parser.add_argument(
        "--scales",
        type=_scales,
        default=[1.0, 4.0, 16.0],
        help="synthetic sizes for the attribution scaling (default 1,4,16)",
    )
    parser.add_argument(
        "--max-scale",
        type=float,
        default=16.0,
        help="skip attribution scaling sizes above this (each size is parsed once; default 16)",
    )
    parser.add_argument(
        "--marks-scales",
        type=_scales,
        default=[1.0, 4.0, 16.0, 64.0],
        help="synthetic sizes for marks detection (default 1,4,16,64; 16x is the ~1 MB text)",
    )
    parser.add_argument(
        "--profile-scale",
        type=float,
        default=4.0,
        help="synthetic size profiled (default 4); 1/4 of it is profiled too for growth",
    )
    parser.add_argument(
        "--profile-clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="profiler clock: cpu (time.thread_time, robust on a loaded machine; default) or wall",
    )
    parser.add_argument(
        "--profile-top", type=int, default=25, help="functions listed per profile table"
    )
    parser.add_argument(
        "--profile-out", type=Path, default=None, help="write the cProfile stats here"
    )
    parser.add_argument(
        "--parse-cache",
        type=Path,
        default=None,
        help="pickle the synthetic parses here and reuse them (scaling/profile only; "
        "the scaling table then shows no parse time for cached sizes)",
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="OUT", help="write all results as JSON"
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=None,
        metavar="JSON",
        help="measure nothing: print the tables of a JSON file written by --json",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.report is not None:
        saved = json.loads(args.report.read_text("utf-8"))
        print(report(saved))
        return 0
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s): {', '.join(unknown)}")
    if min(args.repeats, args.parse_repeats, args.load_repeats) < 1:
        parser.error("repeats must be at least 1")
    if args.model_dir is None:
        args.model_dir = os.environ.get("STANZA_RESOURCES_DIR") or str(
            args.shared / "models" / "stanza_resources"
        )
    os.environ["STANZA_RESOURCES_DIR"] = args.model_dir

    start = time.perf_counter()
    out: dict[str, Any] = {
        "command": " ".join(
            ["python", "benchmarks/speed.py", *(argv if argv is not None else sys.argv[1:])]
        ),
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
    }
    try:
        load_start = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load_start = None
    synth = Synthetic(args.shared, args.unit_chars)

    nlp = None
    needs_model = any(p in parts for p in ("load", "corpus", "scaling", "profile"))
    if "load" in parts:
        nlp = part_load(args, out)
    elif needs_model:
        from quoteattr.pipeline import get_pipeline

        _set_threads(args)
        nlp = get_pipeline(args.model_dir, use_gpu=args.gpu)
    out["machine"] = machine_info()  # after the load: torch is imported by then
    out["machine"]["load_average"] = load_start
    if "marks" in parts:
        part_marks(args, out, synth)
    if "corpus" in parts:
        part_corpus(args, out, nlp)
    parses: dict[float, Any] = {}
    if "scaling" in parts:
        part_scaling(args, out, nlp, synth, parses)
    if "profile" in parts:
        part_profile(args, out, nlp, synth, parses)
    with contextlib.suppress(OSError):
        out["machine"]["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    out["elapsed_s"] = time.perf_counter() - start
    out["goals"] = [{"goal": g, "measured": m, "verdict": v} for g, m, v in goals(out)]
    print(report(out))
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
