"""Evaluate attribution on gold files from cached parses (fast rule iteration).

Parses every gold document once with the Stanza model and stores the parse as
JSON under ``--cache`` (keyed by a hash of the text); later runs only re-run
marks, cues, sieves and speaker resolution, in seconds. The scores are the
same as ``quoteattr evaluate`` on the same model.

    python tools/cached_eval.py ../shared/eval/dev/wikinews_dev.jsonl --errors 50
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from quoteattr.engine import attribute
from quoteattr.evaluate import evaluate_documents, load_gold
from quoteattr.parse import ParsedText, parse_texts


def cached_parses(texts: list[str], cache: Path) -> list[ParsedText]:
    cache.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
    missing = [i for i, k in enumerate(keys) if not (cache / f"{k}.json").exists()]
    if missing:
        from quoteattr.pipeline import get_pipeline

        nlp = get_pipeline()
        for i, parsed in zip(missing, parse_texts([texts[i] for i in missing], nlp), strict=True):
            (cache / f"{keys[i]}.json").write_text(json.dumps(parsed.to_dict()), encoding="utf-8")
    return [
        ParsedText.from_dict(json.loads((cache / f"{k}.json").read_text(encoding="utf-8")))
        for k in keys
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--cache", default=".cache/parses")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", help="write the predictions here (JSON lines) for --diff")
    ap.add_argument("--diff", help="print the predictions that changed since this --dump file")
    args = ap.parse_args()
    docs = [d for g in args.gold for d in load_gold(g)]
    parses = cached_parses([d.text for d in docs], Path(args.cache))
    predictions = [attribute(p) for p in parses]
    report = evaluate_documents(docs, predictions=predictions)
    rows = {
        f"{d.doc_id}:{q.content.start}-{q.content.end}": (
            f"{q.kind.value:12} {q.rule:18} {q.speaker_name!r:30} [{q.content.text[:90]}]"
        )
        for d, quotes in zip(docs, predictions, strict=True)
        for q in quotes
    }
    if args.diff:
        old = json.loads(Path(args.diff).read_text(encoding="utf-8"))
        for key in sorted(set(old) | set(rows)):
            if old.get(key) != rows.get(key):
                print(f"{key}\n   - {old.get(key)}\n   + {rows.get(key)}")
    if args.dump:
        Path(args.dump).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    if args.json:
        json.dump(report.to_dict(args.errors), sys.stdout, ensure_ascii=False, indent=1)
        return 0
    print(report.format_table())
    if args.errors:
        print(report.format_errors(args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
