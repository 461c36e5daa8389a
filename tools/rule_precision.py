"""Per-rule precision and per-route speaker accuracy on complete gold files.

A record is right when it matches a gold quote (same matching as ``quoteattr evaluate``)
and names the right speaker. Uses the parse cache of tools/cached_eval.py, on the model of
``--model-dir`` (default: ``STANZA_RESOURCES_DIR``).

    python tools/rule_precision.py          # the tables: news dev sets and fr-litbank
    python tools/rule_precision.py --write  # also rewrite quoteattr/data/rule_confidence.tsv
                                            # and quoteattr/data/speaker_confidence.tsv

The confidence written for a rule is its smoothed precision (right + 1) / (records + 2) on the
news dev sets (Wikinews and web news) when the rule made at least 3 records there, else on
fr-litbank, else the rule keeps the prior already in the file. The weight written for each way a
speaker is reached (``Speaker.via``) is its smoothed share of right named speakers on the news
dev sets, divided by that of a name in the sentence: ``Quote.confidence`` is the rule's
confidence times that weight.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from cached_eval import cached_parses, model_key

from quoteattr.engine import attribute
from quoteattr.evaluate import load_gold
from quoteattr.evaluate.matching import (
    is_correct_speaker,
    is_named_speaker,
    match_quotes,
    named_speakers_match,
)
from quoteattr.records import SpeakerVia
from quoteattr.rules import UNATTRIBUTED, quote_rules, reported_rules
from quoteattr.syntax.pipeline import resolve_model_dir
from quoteattr.text.normalise import normalise as clean_typography

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
DATA = Path(__file__).resolve().parents[1] / "quoteattr" / "data" / "rule_confidence.tsv"
VIA_DATA = DATA.with_name("speaker_confidence.tsv")
NO_SPEAKER = "none"
"""The route of a record with no speaker at all."""
DOC = Path(__file__).resolve().parents[1] / "docs" / "attribution.md"
MIN_RECORDS = 3


Counts = tuple[Counter[str], Counter[str], Counter[str]]


def measure(golds: list[Path], cache: Path, model_dir: str) -> tuple[Counts, Counts]:
    """Per rule: records, records found in the gold, records right. Per speaker route: found
    records whose gold names someone, those whose named speaker is right (and a third empty
    counter, for one shape)."""
    docs = [d for gold in golds for d in load_gold(gold) if d.complete]
    kinds = {q.kind for d in docs for q in d.quotes}  # fr-litbank annotates direct speech only
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    right: Counter[str] = Counter()
    routes: Counter[str] = Counter()
    named: Counter[str] = Counter()
    parses = cached_parses([clean_typography(d.text) for d in docs], cache, model_dir)
    for doc, parsed in zip(docs, parses, strict=True):
        predicted = [q for q in attribute(parsed) if q.kind in kinds]
        gold_spans = [q.content for q in doc.quotes]
        pairs = {p: g for g, p in match_quotes(gold_spans, [q.content for q in predicted])}
        for i, q in enumerate(predicted):
            total[q.rule] += 1
            if i not in pairs:
                continue
            gold = doc.quotes[pairs[i]]
            found[q.rule] += 1
            right[q.rule] += is_correct_speaker(gold, q)
            if is_named_speaker(gold.speaker_name):
                route = q.speaker.via.value if q.speaker is not None else NO_SPEAKER
                routes[route] += 1
                named[route] += named_speakers_match(q.speaker_name, gold.speaker_name)
    return (total, found, right), (routes, named, Counter())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--news",
        nargs="+",
        default=[str(DEV / "wikinews_dev.jsonl"), str(DEV / "webnews_dev.jsonl")],
    )
    ap.add_argument("--fiction", default=str(DEV / "litbank.jsonl"))
    ap.add_argument("--model-dir", help="Stanza resources folder (default: STANZA_RESOURCES_DIR)")
    ap.add_argument("--cache", help="parse cache folder (default: .cache/parses/<model>)")
    ap.add_argument("--write", action="store_true", help="rewrite the two confidence tables")
    args = ap.parse_args()
    model_dir = resolve_model_dir(args.model_dir)
    cache = Path(args.cache) if args.cache else Path(".cache/parses") / model_key(model_dir)
    news, news_routes = measure([Path(n) for n in args.news], cache, model_dir)
    fiction, _ = measure([Path(args.fiction)], cache, model_dir)
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
    weights = route_weights(news_routes)
    print()
    print("| speaker reached by | found records named in the gold | right name | weight |")
    print("| --- | ---: | ---: | ---: |")
    for route, weight in weights.items():
        n, r = news_routes[0][route], news_routes[1][route]
        print(f"| `{route}` | {n} | {r} | {weight:.2f} |")
    if args.write:
        write(names, news, fiction)
        write_routes(weights, news_routes)


def route_weights(routes: Counts) -> dict[str, float]:
    """Each route's smoothed share of right named speakers, over that of a name (at most 1)."""
    total, right, _ = routes
    share = {
        r: (right[r] + 1) / (total[r] + 2) for r in [*(v.value for v in SpeakerVia), NO_SPEAKER]
    }
    best = share[SpeakerVia.NAME.value]
    return {r: min(1.0, s / best) for r, s in share.items()}


def write_routes(weights: dict[str, float], routes: Counts) -> None:
    lines = VIA_DATA.read_text(encoding="utf-8").splitlines() if VIA_DATA.exists() else []
    comments = [line for line in lines if line.startswith("#")]
    out = ["via\tweight\trecords\tright"]
    for route, weight in weights.items():
        out.append(f"{route}\t{weight:.2f}\t{routes[0][route]}\t{routes[1][route]}")
    VIA_DATA.write_text("\n".join(comments + out) + "\n", encoding="utf-8")


def write(
    names: list[str], news: tuple[Counter[str], ...], fiction: tuple[Counter[str], ...]
) -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    header, *rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    prior = {row[0]: row for row in rows}
    out = ["\t".join(header)]
    for name in names:
        for label, (total, _found, right) in (("news_dev", news), ("litbank", fiction)):
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
