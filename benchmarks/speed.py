"""Speed benchmark of quoteattr: model load, parse vs. attribution, marks, scaling, profile.

Run from the repository root (inside the virtual environment)::

    STANZA_RESOURCES_DIR=../shared/models/stanza_resources_v2 \
        python benchmarks/speed.py --json speed.json

This file chooses the parts (``--parts``, comma separated, default all of them) and prints the
report; each part is measured by its own module:

``load`` (``model_load.py``)
    Import time of Stanza/torch, the first ``get_pipeline()`` call (the model load) and the second
    call (a cache hit, ~0 s). ``--load-repeats N`` adds N-1 cold loads in fresh subprocesses.
``corpus`` (``attribution_overhead.py``)
    On the dev texts, the bare Stanza parse, the full ``extract_many`` (parse + attribution) and
    ``attribute(parsed)`` alone; the attribution overhead in % of the bare parse.
``marks`` (``marks_speed.py``)
    ``find_quotations`` (marks only, no parse) throughput in MB/s on the ~1 MB synthetic text, and
    its scaling over 1x/4x/16x/64x.
``scaling`` (``attribution_scaling.py``)
    ``attribute()`` alone on the synthetic news text at 1x/4x/16x, each size parsed once; time per
    character and the fitted exponent show whether the cost is linear.
``profile`` (``attribution_profile.py``)
    cProfile of ``attribute(parsed)`` at ``--profile-scale`` (default 4x) and at 1/4 of it: top
    functions and each function's growth (well above 1 is a superlinear function).

Timings are wall-clock ``time.perf_counter`` medians over ``--repeats`` runs after one untimed
warm-up run (``--parse-repeats`` runs, alternating parse and extract, for the slow dev-corpus
measurements). CPU time is recorded too, as it is less sensitive to other processes on a loaded
machine: ``time.process_time`` (all threads) for the parse and extract, ``time.thread_time`` for
the single-threaded attribution and marks scan. On a CPU shared with other jobs, torch's
intra-op threads can slow the parse down by an order of magnitude: ``--torch-threads 1`` keeps
it stable (the numbers are then those of one core). Shared helpers are in ``common.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attribution_overhead
import attribution_profile
import attribution_scaling
import marks_speed
import model_load
from common import (
    DEFAULT_SHARED,
    UNIT_CHARS,
    Goal,
    Synthetic,
    load_average,
    log,
    machine_info,
    set_threads,
    table,
)

PARTS = ("load", "corpus", "marks", "scaling", "profile")


def goals(out: dict[str, Any]) -> list[Goal]:
    """(goal, measured, verdict) rows of the parts that ran."""
    rows = [
        attribution_overhead.goal(out["corpus"]) if "corpus" in out else None,
        attribution_scaling.goal(out["scaling"]) if "scaling" in out else None,
        marks_speed.goal(out["marks"]) if "marks" in out else None,
        model_load.goal(out["load"]) if "load" in out else None,
    ]
    return [row for row in rows if row is not None]


def report(out: dict[str, Any]) -> str:
    """The Markdown report of a run (or of a JSON file written by ``--json``)."""
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
    sections = {
        "load": model_load.section,
        "corpus": attribution_overhead.section,
        "scaling": attribution_scaling.section,
        "marks": marks_speed.section,
        "profile": attribution_profile.section,
    }
    for part, section in sections.items():
        if part in out:
            lines += section(out[part])
    verdicts = goals(out)
    if verdicts:
        lines += ["## Goals", "", table(["goal", "measured", "verdict"], verdicts), ""]
    end = m.get("load_average_end")
    if end is not None:
        lines.append(
            f"load average at the end: {end}; total benchmark time {out['elapsed_s']:.0f} s"
        )
    return "\n".join(lines)


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
        "(default: $STANZA_RESOURCES_DIR, else SHARED/models/stanza_resources_v2)",
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
            args.shared / "models" / "stanza_resources_v2"
        )
    os.environ["STANZA_RESOURCES_DIR"] = args.model_dir

    start = time.perf_counter()
    out: dict[str, Any] = {
        "command": " ".join(
            ["python", "benchmarks/speed.py", *(argv if argv is not None else sys.argv[1:])]
        ),
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
    }
    load_start = load_average()
    synth = Synthetic(args.shared, args.unit_chars)

    nlp = None
    if "load" in parts:
        nlp = model_load.run(args, out)
    elif any(p in parts for p in ("corpus", "scaling", "profile")):
        from quoteattr.syntax.pipeline import get_pipeline

        set_threads(args.torch_threads)
        nlp = get_pipeline(args.model_dir, use_gpu=args.gpu)
    out["machine"] = machine_info(load_start)  # after the load: torch is imported by then
    if "marks" in parts:
        marks_speed.run(args, out, synth)
    if "corpus" in parts:
        attribution_overhead.run(args, out, nlp)
    parses: dict[float, Any] = {}
    if "scaling" in parts:
        attribution_scaling.run(args, out, nlp, synth, parses)
    if "profile" in parts:
        attribution_profile.run(args, out, nlp, synth, parses)
    end = load_average()
    if end is not None:
        out["machine"]["load_average_end"] = end
    out["elapsed_s"] = time.perf_counter() - start
    out["goals"] = [{"goal": g, "measured": m, "verdict": v} for g, m, v in goals(out)]
    print(report(out))
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        log(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
