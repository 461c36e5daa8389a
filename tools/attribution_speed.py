"""Time attribution alone (marks, cues, rules, speakers, profiles) on cached parses.

Uses the parses cached by tools/cached_eval.py (``.cache/parses``), so the Stanza model is not
run: the number is the cost of quoteattr's own rules. Best of three passes.

    python tools/attribution_speed.py [--cache .cache/parses]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from quoteattr.engine import attribute
from quoteattr.syntax.parse import ParsedText


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", default=".cache/parses")
    args = ap.parse_args()
    files = sorted(Path(args.cache).glob("*.json"))
    parses = [ParsedText.from_dict(json.loads(f.read_text(encoding="utf-8"))) for f in files]
    if not parses:
        raise SystemExit("no cached parses: run tools/cached_eval.py on the dev sets first")
    chars = sum(len(p.text) for p in parses)
    attribute(parses[0])
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for parsed in parses:
            attribute(parsed)
        best = min(best, time.perf_counter() - start)
    per_char = best / chars * 1e6
    print(f"{len(parses)} documents, {chars} characters: {best:.2f} s, {per_char:.2f} µs/char")


if __name__ == "__main__":
    main()
