"""Per-rule precision on complete gold files: how often each rule's records are right.

A record is right when it matches a gold quote (same matching as ``quoteattr evaluate``)
and names the right speaker. Uses the parse cache of tools/cached_eval.py.

    python tools/rule_precision.py ../shared/eval/dev/wikinews_dev.jsonl
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from cached_eval import cached_parses

from quoteattr.engine import attribute
from quoteattr.evaluate import load_gold
from quoteattr.evaluate.matching import is_correct_speaker, match_quotes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--cache", default=".cache/parses")
    args = ap.parse_args()
    docs = [d for g in args.gold for d in load_gold(g) if d.complete]
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for doc, parsed in zip(
        docs, cached_parses([d.text for d in docs], Path(args.cache)), strict=True
    ):
        predicted = attribute(parsed)
        pairs = dict(
            (p, g)
            for g, p in match_quotes(
                [q.content for q in doc.quotes], [q.content for q in predicted]
            )
        )
        for i, q in enumerate(predicted):
            total[q.rule] += 1
            if i in pairs:
                found[q.rule] += 1
                right[q.rule] += is_correct_speaker(doc.quotes[pairs[i]], q)
    print("| rule | records | found in gold | right speaker | precision |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for rule, n in total.most_common():
        print(f"| `{rule}` | {n} | {found[rule]} | {right[rule]} | {right[rule] / n:.2f} |")


if __name__ == "__main__":
    main()
