"""Part ``load`` of ``benchmarks/speed.py``: the model loads once per process.

Import time of Stanza/torch, the first ``get_pipeline()`` call (the model load) and the second
call (a cache hit, ~0 s). ``--load-repeats N`` adds N-1 cold loads in fresh subprocesses.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from typing import Any

from common import REPO, Goal, fmt_s, log, measure, set_threads, table, timed

GOAL_SECOND_LOAD = 0.01
"""Goal: a second ``get_pipeline()`` call takes less than this (seconds)."""

_LOAD_PROBE = """
import json, time
t0 = time.perf_counter()
import stanza, torch  # noqa: F401
from quoteattr.syntax.pipeline import get_pipeline
t1 = time.perf_counter()
if {threads!r}:
    torch.set_num_threads({threads!r})
nlp = get_pipeline({model_dir!r}, use_gpu={gpu!r})
t2 = time.perf_counter()
same = get_pipeline({model_dir!r}, use_gpu={gpu!r}) is nlp
t3 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "first_s": t2 - t1, "second_s": t3 - t2, "same": same}}))
"""


def run(args: argparse.Namespace, out: dict[str, Any]) -> Any:
    """Model load: import, first get_pipeline() (cold), second call (cache hit); the pipeline."""
    t0 = time.perf_counter()
    import stanza  # noqa: F401
    import torch  # noqa: F401

    from quoteattr.syntax.pipeline import get_pipeline

    import_s = time.perf_counter() - t0
    set_threads(args.torch_threads)
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


def section(ld: dict[str, Any]) -> list[str]:
    """The report's "Model load" table."""
    n = len(ld["first_call_samples_s"])
    return [
        "## Model load",
        "",
        table(
            ["step", "time"],
            [
                ["import stanza + torch + quoteattr", fmt_s(ld["import_s"])],
                [
                    f"first get_pipeline() (model load, median of {n} process(es))",
                    fmt_s(ld["first_call_s"]),
                ],
                [
                    f"second get_pipeline() (cached, median of {len(ld['second_call']['wall_s'])})",
                    fmt_s(ld["second_call"]["median_s"]),
                ],
                ["second call returns the same pipeline", str(ld["same_object"])],
            ],
        ),
        "",
    ]


def goal(ld: dict[str, Any]) -> Goal:
    second = ld["second_call"]["median_s"]
    return (
        "the model loads once per process",
        f"first get_pipeline() {fmt_s(ld['first_call_s'])}, second {fmt_s(second)}, "
        f"same object: {ld['same_object']}",
        "met" if ld["same_object"] and second < GOAL_SECOND_LOAD else "NOT met",
    )
