"""Part ``marks`` of ``benchmarks/speed.py``: marks-only detection, no parse.

``find_quotations`` throughput in MB/s on the ~1 MB (16x) synthetic text, and its scaling over
the ``--marks-scales`` sizes (default 1x/4x/16x/64x).
"""

from __future__ import annotations

import argparse
import functools
from typing import Any

from common import GOAL_EXPONENT, Goal, Synthetic, exponent, fmt_g, fmt_s, log, measure, table


def run(args: argparse.Namespace, out: dict[str, Any], synth: Synthetic) -> None:
    """find_quotations throughput and scaling (no parse needed)."""
    from quoteattr.text.marks import find_quotations

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
        "exponent": exponent([(r["chars"], r["timing"]["median_s"]) for r in rows]),
    }


def _cpu_exponent(mk: dict[str, Any]) -> float | None:
    return exponent([(r["chars"], r["timing"]["cpu_median_s"]) for r in mk["rows"]])


def section(mk: dict[str, Any]) -> list[str]:
    """The report's "Marks-only detection" table and throughput line."""
    rows = [
        [
            f"{r['scale']:g}x",
            f"{r['chars']:,}",
            f"{r['utf8_bytes'] / 1e6:.3f}",
            f"{r['quotations']:,}",
            fmt_s(r["timing"]["median_s"]),
            f"{r['mb_per_s']:.1f}",
            f"{r['us_per_kchar']:.1f}",
        ]
        for r in mk["rows"]
    ]
    headers = [
        "size",
        "chars",
        "MB (UTF-8)",
        "quoted spans",
        "time (median)",
        "MB/s",
        "µs/1000 chars",
    ]
    return [
        "## Marks-only detection (find_quotations, no parse)",
        "",
        table(headers, rows),
        "",
        f"Throughput on the {mk['throughput_scale']:g}x text: "
        f"{mk['throughput_mb_per_s']:.1f} MB/s; "
        f"fitted exponent {fmt_g(mk['exponent'])} (CPU {fmt_g(_cpu_exponent(mk))}).",
        "",
    ]


def goal(mk: dict[str, Any]) -> Goal | None:
    """Linearity, judged on the CPU clock (load skews wall time both ways); None for one size."""
    if len(mk["rows"]) < 2:
        return None
    exp = _cpu_exponent(mk)
    return (
        f"marks detection linear (CPU exponent ≤ {GOAL_EXPONENT:g})",
        f"CPU exponent {fmt_g(exp)} (wall {fmt_g(mk['exponent'])}), "
        f"{mk['throughput_mb_per_s']:.1f} MB/s",
        "met" if exp is not None and exp <= GOAL_EXPONENT else "NOT met",
    )
