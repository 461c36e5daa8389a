"""Part ``corpus`` of ``benchmarks/speed.py``: what the attribution adds to the parse.

On the dev texts (``shared/eval/dev``: seed.json, asfalda_sequoia.jsonl, litbank.jsonl), the bare
Stanza parse (``parse_texts``, in the same batches as ``extract_many``), the full
``extract_many`` (parse + attribution) and ``attribute(parsed)`` alone on the parsed documents;
the attribution overhead in % of the bare parse.
"""

from __future__ import annotations

import argparse
from typing import Any

from common import Goal, Timing, load_dev, log, measure, table, timed, timing_cells

GOAL_OVERHEAD = 3.0
"""Goal: attribution adds at most this many % to the bare parse."""


def run(args: argparse.Namespace, out: dict[str, Any], nlp: Any) -> None:
    """Bare parse vs. extract_many vs. attribute() alone on the dev texts."""
    from quoteattr.engine import attribute, extract_many
    from quoteattr.syntax.parse import parse_texts

    docs = load_dev(args.shared / "eval" / "dev", args.corpus_chars)
    texts = [t for _i, t in docs]
    chars = sum(len(t) for t in texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    log(f"corpus: {len(docs)} dev documents, {chars:,} characters")

    # Warm-up: first-call costs (torch kernels, lexicon tables) stay out of the timings.
    warm = parse_texts([texts[0][:2000]], nlp)
    attribute(warm[0])

    def parse_all() -> list[Any]:
        parsed = []
        for i in range(0, len(texts), args.batch_size):
            batch = texts[i : i + args.batch_size]
            parsed.extend(parse_texts([t for t in batch if t.strip()], nlp))
        return parsed

    def extract_all() -> list[Any]:
        return list(extract_many(docs, batch_size=args.batch_size, pipeline=nlp, progress=False))

    runs: dict[str, Timing] = {"parse": Timing([], []), "extract": Timing([], [])}
    for r in range(args.parse_repeats):
        # Alternate the order so that a drift in the machine's load hits both alike.
        order = ("parse", "extract") if r % 2 == 0 else ("extract", "parse")
        for what in order:
            log(f"corpus: {what} run {r + 1}/{args.parse_repeats}")
            w, c, runs[what].result = timed(parse_all if what == "parse" else extract_all)
            runs[what].wall.append(w)
            runs[what].cpu.append(c)
            log(f"corpus: {what} took {w:.1f} s")
    parse, extract = runs["parse"], runs["extract"]
    log("corpus: attribute() alone on the parsed documents")
    attr = measure(lambda: [attribute(p) for p in parse.result], args.repeats)
    quotes = sum(len(r) for r in extract.result)
    assert sum(len(q) for q in attr.result) == quotes, "attribute() and extract_many() disagree"
    words = sum(len(p.words) for p in parse.result)
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


def section(c: dict[str, Any]) -> list[str]:
    """The report's "Dev corpus" table and overhead line."""
    pr = len(c["parse"]["wall_s"])
    ar = len(c["attribute"]["wall_s"])
    rows = [
        [
            f"bare Stanza parse (parse_texts, batches of {c['batch_size']}; {pr} runs)",
            *timing_cells(c["parse"]),
            f"{c['parse_chars_per_s']:,.0f}",
            "100",
        ],
        [
            f"extract_many (parse + attribution; {pr} runs)",
            *timing_cells(c["extract"]),
            f"{c['chars'] / c['extract']['median_s']:,.0f}",
            f"{100 + c['extract_overhead_pct']:.2f}",
        ],
        [
            f"attribute(parsed) alone ({ar} runs)",
            *timing_cells(c["attribute"]),
            f"{c['attribute_chars_per_s']:,.0f}",
            f"{c['attribute_pct_of_parse']:.2f}",
        ],
    ]
    return [
        f"## Dev corpus: {c['documents']} documents, {c['chars']:,} characters, "
        f"{c['words']:,} words, {c['quotes']:,} quotes",
        "",
        table(
            ["measure", "wall (median)", "min – max", "CPU (median)", "chars/s", "% of parse"], rows
        ),
        "",
        "Attribution overhead: attribute() alone = "
        f"{c['attribute_pct_of_parse']:.2f}% of the bare parse "
        f"(CPU time {c['attribute_cpu_pct_of_parse']:.2f}%); extract_many − parse = "
        f"{c['extract_overhead_pct']:+.2f}% (CPU {c['extract_overhead_cpu_pct']:+.2f}%, "
        "the difference of two noisy parse-dominated runs).",
        "",
    ]


def goal(c: dict[str, Any]) -> Goal:
    pct = c["attribute_pct_of_parse"]
    return (
        f"attribution adds ≤ {GOAL_OVERHEAD:g}% to the bare parse (dev corpus)",
        f"attribute() = {pct:.2f}% of parse (CPU {c['attribute_cpu_pct_of_parse']:.2f}%); "
        f"extract vs parse {c['extract_overhead_pct']:+.2f}%",
        "met" if pct <= GOAL_OVERHEAD else "NOT met",
    )
