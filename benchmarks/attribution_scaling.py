"""Part ``scaling`` of ``benchmarks/speed.py``: is the attribution linear in the text's length?

``attribute()`` on the synthetic news text at 1x/4x/16x (``--unit-chars`` characters per 1x,
``--max-scale`` to stop early): the text is parsed once per size, then the attribution layer
alone is timed; time per character and the fitted exponent show whether the cost is linear.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any

from common import (
    GOAL_EXPONENT,
    Goal,
    Synthetic,
    exponent,
    fmt_g,
    fmt_s,
    log,
    measure,
    parse_cached,
    table,
)


def run(
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
        "attribute_exponent": exponent([(r["chars"], r["attribute"]["median_s"]) for r in rows]),
        "attribute_cpu_exponent": exponent(
            [(r["chars"], r["attribute"]["cpu_median_s"]) for r in rows]
        ),
        "parse_exponent": exponent([(r["chars"], r["parse_s"]) for r in rows if r["parse_s"]]),
        "per_char_ratio": (rows[-1]["attribute_us_per_char"] / rows[0]["attribute_us_per_char"])
        if len(rows) > 1
        else None,
    }


def section(s: dict[str, Any]) -> list[str]:
    """The report's "Scaling of the attribution layer" table and exponent line."""
    rows = [
        [
            f"{r['scale']:g}x",
            f"{r['chars']:,}",
            f"{r['words']:,}",
            f"{r['quotes']:,}",
            fmt_s(r["parse_s"]),
            fmt_g(r["parse_us_per_char"], ".1f"),
            fmt_s(r["attribute"]["median_s"]),
            f"{r['attribute_us_per_char']:.2f}",
            f"{r['attribute_cpu_us_per_char']:.2f}",
            fmt_g(r["attribute_pct_of_parse"]),
        ]
        for r in s["rows"]
    ]
    headers = [
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
    ]
    return [
        "## Scaling of the attribution layer "
        f"(synthetic news text, 1x = {s['unit_chars']:,} chars)",
        "",
        table(headers, rows),
        "",
        f"Fitted exponent of attribute() time vs. length: {fmt_g(s['attribute_exponent'])} "
        f"(CPU {fmt_g(s['attribute_cpu_exponent'])}; parse {fmt_g(s['parse_exponent'])}); "
        "1.0 is linear, 2.0 quadratic.",
        "",
    ]


def goal(s: dict[str, Any]) -> Goal | None:
    """Linearity, judged on the CPU clock (load skews wall time both ways); None for one size."""
    if len(s["rows"]) < 2:
        return None
    exp = s["attribute_cpu_exponent"]
    best = exponent([(r["chars"], min(r["attribute"]["cpu_s"])) for r in s["rows"]])
    first, last = s["rows"][0], s["rows"][-1]
    ratio = last["attribute_cpu_us_per_char"] / first["attribute_cpu_us_per_char"]
    scales = "/".join(f"{r['scale']:g}x" for r in s["rows"])
    return (
        f"attribution cost linear in length (CPU exponent ≤ {GOAL_EXPONENT:g})",
        f"CPU exponent {fmt_g(exp)} (fastest runs {fmt_g(best)}, wall "
        f"{fmt_g(s['attribute_exponent'])}) over {scales}; "
        f"CPU µs/char {last['scale']:g}x / {first['scale']:g}x = {ratio:.2f}",
        "met" if exp is not None and exp <= GOAL_EXPONENT else "NOT met",
    )
