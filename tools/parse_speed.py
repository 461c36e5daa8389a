"""Parse speed of one or more Stanza models on the same dev text (one torch thread).

    python tools/parse_speed.py --models ../shared/models/stanza_resources \\
        ../shared/models/stanza_resources_v2 [--chars 40000]

Parses the first ``--chars`` characters' worth of documents of ``webnews_dev.jsonl`` with each
model after one warm-up document, and prints the model load time and words per second.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import torch

from quoteattr.evaluate import load_gold
from quoteattr.syntax.parse import parse_texts
from quoteattr.syntax.pipeline import get_pipeline

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "webnews_dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--models", nargs="+", required=True, help="Stanza resources folders")
    ap.add_argument("--chars", type=int, default=40_000)
    ap.add_argument("--gold", default=str(DEV))
    args = ap.parse_args()
    torch.set_num_threads(1)
    texts: list[str] = []
    for doc in load_gold(args.gold):
        texts.append(doc.text)
        if sum(map(len, texts)) >= args.chars:
            break
    chars = sum(map(len, texts))
    for model in args.models:
        start = time.perf_counter()
        nlp = get_pipeline(model_dir=model)
        load = time.perf_counter() - start
        parse_texts(texts[:1], nlp)
        start = time.perf_counter()
        parsed = parse_texts(texts, nlp)
        elapsed = time.perf_counter() - start
        words = sum(len(p.words) for p in parsed)
        print(
            f"{Path(model).name}: load {load:.1f} s; {chars} chars, {words} words in "
            f"{elapsed:.1f} s = {words / elapsed:.0f} words/s (1 torch thread)"
        )


if __name__ == "__main__":
    main()
