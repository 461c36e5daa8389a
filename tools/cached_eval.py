"""Evaluate attribution on gold files from cached parses (fast rule iteration).

Parses every gold document once with a Stanza model and stores the parse as JSON under
``--cache`` (default ``.cache/parses/<model>``, one folder per model: its depparse package name
and checksum), keyed by a hash of the text; later runs only re-run marks, cues, rules and
speaker resolution, in seconds. The scores are the same as ``quoteattr evaluate`` on the same
model. ``--model-dir`` chooses the model (default: ``STANZA_RESOURCES_DIR``, as everywhere).

    python tools/cached_eval.py ../shared/eval/dev/wikinews_dev.jsonl --errors 50
    python tools/cached_eval.py ../shared/eval/dev/webnews_dev.jsonl --reliability
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from quoteattr.engine import attribute, with_original_text
from quoteattr.evaluate import GoldDocument, Report, evaluate_documents, load_gold
from quoteattr.records import Quote
from quoteattr.syntax.parse import ParsedText, parse_texts
from quoteattr.syntax.pipeline import resolve_model_dir
from quoteattr.text.normalise import normalise as clean_typography


def model_key(model_dir: str) -> str:
    """A folder name for one model's parses: its depparse package and checksum."""
    resources = json.loads((Path(model_dir) / "resources.json").read_text(encoding="utf-8"))
    french = resources["fr"]
    package = french["default_processors"]["depparse"]
    checksum = french["depparse"][package].get("md5", "")[:8]
    return f"{package}-{checksum}" if checksum else package


def cached_parses(texts: Sequence[str], cache: Path, model_dir: str) -> list[ParsedText]:
    """The parse of each text, from ``cache`` or made now with the model in ``model_dir``."""
    cache.mkdir(parents=True, exist_ok=True)
    keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
    missing = [i for i, k in enumerate(keys) if not (cache / f"{k}.json").exists()]
    if missing:
        from quoteattr.syntax.pipeline import get_pipeline

        nlp = get_pipeline(model_dir=model_dir)
        for i, parsed in zip(missing, parse_texts([texts[i] for i in missing], nlp), strict=True):
            (cache / f"{keys[i]}.json").write_text(json.dumps(parsed.to_dict()), encoding="utf-8")
    return [
        ParsedText.from_dict(json.loads((cache / f"{k}.json").read_text(encoding="utf-8")))
        for k in keys
    ]


def evaluate_cached(
    gold_files: Sequence[str], model_dir: str, cache: Path | None = None
) -> tuple[list[GoldDocument], list[list[Quote]], Report]:
    """Gold documents, predictions and the report of ``gold_files`` on one model's parses."""
    docs = [d for g in gold_files for d in load_gold(g)]
    folder = cache if cache is not None else Path(".cache/parses") / model_key(model_dir)
    cleaned = [clean_typography(d.text) for d in docs]  # as extract() does
    parses = cached_parses(cleaned, folder, model_dir)
    predictions = [
        [with_original_text(q, d.text) for q in attribute(p)]
        for d, p in zip(docs, parses, strict=True)
    ]
    return docs, predictions, evaluate_documents(docs, predictions=predictions)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--model-dir", help="Stanza resources folder (default: STANZA_RESOURCES_DIR)")
    ap.add_argument("--cache", help="parse cache folder (default: .cache/parses/<model>)")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--reliability", action="store_true", help="print the confidence bins")
    ap.add_argument("--dump", help="write the predictions here (JSON lines) for --diff")
    ap.add_argument("--diff", help="print the predictions that changed since this --dump file")
    args = ap.parse_args()
    model_dir = resolve_model_dir(args.model_dir)
    cache = Path(args.cache) if args.cache else None
    docs, predictions, report = evaluate_cached(args.gold, model_dir, cache)
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
    print(report.format_markdown() if args.markdown else report.format_table())
    if args.reliability:
        print(report.format_reliability())
    if args.errors:
        print(report.format_errors(args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
