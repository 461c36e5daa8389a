"""Part ``profile`` of ``benchmarks/speed.py``: where the attribution spends its time.

cProfile of ``attribute(parsed)`` on the ``--profile-scale`` synthetic text (default 4x), top
functions by cumulative and own time, and each function's growth between 1/4 of that size and
that size (a growth well above 1 is a superlinear function).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import time
from pathlib import Path
from typing import Any

from common import Synthetic, fmt_g, log, parse_cached, table

MIN_GROWTH_S = 0.005
"""A function's growth is computed only when it takes at least this long at the smaller size."""
HEADERS = ["function", "calls", "own s", "cumulative s", "own growth", "calls growth"]


def _profile(parsed: Any, cpu_clock: bool) -> pstats.Stats:
    from quoteattr.engine import attribute

    profiler = cProfile.Profile(time.thread_time) if cpu_clock else cProfile.Profile()
    gc.collect()
    profiler.enable()
    attribute(parsed)
    profiler.disable()
    return pstats.Stats(profiler)


def _func_name(key: tuple[str, int, str]) -> str:
    """``quoteattr/<path inside the package>:line:name``, or the file name for other code."""
    filename, line, name = key
    parts = Path(filename).parts
    if "quoteattr" in parts:
        top = len(parts) - 1 - parts[::-1].index("quoteattr")
        return f"{'/'.join(parts[top:])}:{line}:{name}"
    if filename == "~":
        return name
    return f"{Path(filename).name}:{line}:{name}"


def run(
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


def _row(e: dict[str, Any]) -> list[str]:
    return [
        e["function"],
        f"{e['calls']:,}",
        f"{e['own_s']:.3f}",
        f"{e['cumulative_s']:.3f}",
        fmt_g(e["own_growth"]),
        fmt_g(e["calls_growth"]),
    ]


def section(p: dict[str, Any]) -> list[str]:
    """The report's profile tables: top cumulative, top own, superlinear functions."""
    return [
        f"## Profile of attribute() at {p['scale']:g}x ({p['chars']:,} chars; cProfile "
        f"{p['clock']} clock, total {p['total_s']:.2f} s; {p['small_scale']:g}x: "
        f"{p['small_total_s']:.2f} s)",
        "",
        "growth = (time at the big size / time at 1/4 of it) / (size ratio): "
        "~1 linear, ~4 quadratic.",
        "",
        "Top by cumulative time:",
        "",
        table(HEADERS, [_row(e) for e in p["top_cumulative"]]),
        "",
        "Top by own time:",
        "",
        table(HEADERS, [_row(e) for e in p["top_own"]]),
        "",
        "Superlinear (own growth > 1.5 and > 1% of the total):",
        "",
        table(HEADERS, [_row(e) for e in p["superlinear"]]) if p["superlinear"] else "none",
        "",
    ]
