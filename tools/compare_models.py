"""Every dev file on two (or more) Stanza models, side by side: one command for the comparison.

Runs quoteattr on each model's cached parses (``tools/cached_eval.py``; a model's first run parses
the files, later runs take seconds) and prints, per gold file, detection P/R/F1, speaker accuracy,
named speaker accuracy, end-to-end F1 and recall by kind for each model, with the difference.

    python tools/compare_models.py ../shared/eval/dev/*.json* \\
        --models ../shared/models/stanza_resources ../shared/models/stanza_resources_v2
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cached_eval import evaluate_cached, model_key

from quoteattr.evaluate import Report

COLUMNS = (
    ("P", "precision"),
    ("R", "recall"),
    ("F1", "f1"),
    ("spk", "speaker_accuracy"),
    ("named", "named_speaker_accuracy"),
    ("attF1", "attribution_f1"),
    ("Rdir", "recall_direct"),
    ("Rmix", "recall_mixed"),
    ("Rind", "recall_indirect"),
    ("Racc", "recall_according_to"),
)
"""The scores compared, as (column, key of ``Metrics.scores()``)."""


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _delta(new: float | None, old: float | None) -> str:
    return "" if new is None or old is None else f"{100 * (new - old):+.1f}"


def table(gold_file: str, reports: dict[str, Report]) -> str:
    """A Markdown table of one gold file: a row per model, then the last minus the first."""
    names = list(reports)
    scores = {m: r.overall.scores() for m, r in reports.items()}
    lines = [
        f"### {Path(gold_file).name}",
        "",
        "| model | " + " | ".join(c for c, _ in COLUMNS) + " |",
        "|---" * (len(COLUMNS) + 1) + "|",
    ]
    for m in names:
        lines.append(f"| {m} | " + " | ".join(_cell(scores[m][k]) for _, k in COLUMNS) + " |")
    if len(names) > 1:
        first, last = scores[names[0]], scores[names[-1]]
        cells = " | ".join(_delta(last[k], first[k]) for _, k in COLUMNS)
        lines.append(f"| Δ | {cells} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--models", nargs="+", required=True, help="Stanza resources folders")
    args = ap.parse_args()
    for gold_file in args.gold:
        reports = {model_key(m): evaluate_cached([gold_file], m)[2] for m in args.models}
        print(table(gold_file, reports))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
