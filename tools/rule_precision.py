"""Per-rule precision on complete gold files: how often each rule's records are right.

A record is right when it matches a gold quote (same matching as ``quoteattr evaluate``)
and names the right speaker. Uses the parse cache of tools/cached_eval.py.

    python tools/rule_precision.py                  # the table, news dev set and fr-litbank
    python tools/rule_precision.py --write  # also rewrite quoteattr/data/rule_confidence.tsv

The confidence written for a rule is its smoothed precision (right + 1) / (records + 2) on the
news dev set when the rule made at least 3 records there, else on fr-litbank, else the rule
keeps the prior already in the file.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from cached_eval import cached_parses

from quoteattr.engine import attribute
from quoteattr.evaluate import load_gold
from quoteattr.evaluate.matching import is_correct_speaker, match_quotes
from quoteattr.rules import UNATTRIBUTED, quote_rules, reported_rules

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
DATA = Path(__file__).resolve().parents[1] / "quoteattr" / "data" / "rule_confidence.tsv"
DOC = Path(__file__).resolve().parents[1] / "docs" / "attribution.md"
MIN_RECORDS = 3


def measure(gold: Path, cache: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Records, records found in the gold, and records right, per rule."""
    docs = [d for d in load_gold(gold) if d.complete]
    kinds = {q.kind for d in docs for q in d.quotes}  # fr-litbank annotates direct speech only
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for doc, parsed in zip(docs, cached_parses([d.text for d in docs], cache), strict=True):
        predicted = [q for q in attribute(parsed) if q.kind in kinds]
        gold_spans = [q.content for q in doc.quotes]
        pairs = {p: g for g, p in match_quotes(gold_spans, [q.content for q in predicted])}
        for i, q in enumerate(predicted):
            total[q.rule] += 1
            if i in pairs:
                found[q.rule] += 1
                right[q.rule] += is_correct_speaker(doc.quotes[pairs[i]], q)
    return total, found, right


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default=str(DEV / "wikinews_dev.jsonl"))
    ap.add_argument("--fiction", default=str(DEV / "litbank.jsonl"))
    ap.add_argument("--cache", default=".cache/parses")
    ap.add_argument("--write", action="store_true", help="rewrite data/rule_confidence.tsv")
    args = ap.parse_args()
    cache = Path(args.cache)
    news = measure(Path(args.news), cache)
    fiction = measure(Path(args.fiction), cache)
    print(
        "| rule | news records | found | right speaker | precision | fiction records | precision |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    names = [r.name for r in quote_rules()] + [r.name for r in reported_rules()] + [UNATTRIBUTED]
    for name in names:
        n, f, r = news[0][name], news[1][name], news[2][name]
        fn, fr = fiction[0][name], fiction[2][name]
        p = f"{r / n:.2f}" if n else "-"
        fp = f"{fr / fn:.2f}" if fn else "-"
        print(f"| `{name}` | {n} | {f} | {r} | {p} | {fn} | {fp} |")
    if args.write:
        write(names, news, fiction)


def write(
    names: list[str], news: tuple[Counter[str], ...], fiction: tuple[Counter[str], ...]
) -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    header, *rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    prior = {row[0]: row for row in rows}
    out = ["\t".join(header)]
    for name in names:
        for label, (total, _found, right) in (("wikinews_dev", news), ("litbank", fiction)):
            if total[name] >= MIN_RECORDS:
                confidence = (right[name] + 1) / (total[name] + 2)
                out.append(f"{name}\t{confidence:.2f}\t{total[name]}\t{right[name]}\t{label}")
                break
        else:
            old = prior.get(name, [name, "0.5", "0", "0", "prior"])
            out.append("\t".join([name, old[1], "0", "0", "prior"]))
    DATA.write_text("\n".join(comments + out) + "\n", encoding="utf-8")
    write_doc_table(out[1:])


def write_doc_table(rows: list[str]) -> None:
    """Rewrite the confidence table at the end of docs/attribution.md from the data rows."""
    from quoteattr.rules import rule

    table = ["| rule | stage | confidence | records | right | measured on |"]
    table.append("| --- | --- | ---: | ---: | ---: | --- |")
    for row in rows:
        name, confidence, records, right, source = row.split("\t")
        stage = "-" if name == UNATTRIBUTED else rule(name).stage
        table.append(f"| `{name}` | {stage} | {confidence} | {records} | {right} | {source} |")
    text = DOC.read_text(encoding="utf-8")
    head, _, _old = text.partition("| rule | stage | confidence |")
    DOC.write_text(head + "\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
