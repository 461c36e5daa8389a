"""Throughput of ``quoteattr corpus`` (:func:`quoteattr.corpus.run_corpus`) for 1 and 2 workers.

The corpus is the development texts: ``seed.json``, ``asfalda_sequoia.jsonl``
and ``litbank.jsonl`` from ``../shared/eval/dev`` (199 documents, ~97k words),
written to one JSON Lines file in that order. For each worker count, a fresh
output file is written; the wall-clock time includes starting the workers
(each loads the Stanza model). Tokens are counted with a regular expression
(:data:`TOKEN`), which stays within a few percent of Stanza's own tokenizer
(``--calibrate N`` counts the first N documents both ways; Stanza's
tokenizer alone is too slow to count the whole corpus on every run).

Usage (from the repository root, with the offline model)::

    STANZA_RESOURCES_DIR=../shared/models/stanza_resources_v2 \\
        python benchmarks/corpus_throughput.py --workers 1 2

Prints one Markdown table row per worker count: wall-clock seconds, documents
and tokens per second, the CPU seconds the worker processes used, the cores
they got on average (CPU seconds / wall seconds) and the machine's load
average before and after the run (other processes on a shared machine slow
the runs down; the CPU seconds show how much of the machine the run had).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from common import DEV, load_dev

from quoteattr.corpus import run_corpus

TOKEN = re.compile(r"\w+|[^\w\s]")
"""A token for the throughput figures: a run of word characters or one other non-space character."""


def count_tokens(texts: list[str]) -> int:
    """Tokens of the texts by :data:`TOKEN` (close to Stanza's count: see ``--calibrate``).

    Example:
        >>> count_tokens(["Il a dit « non » à l'État."])
        11
    """
    return sum(len(TOKEN.findall(text)) for text in texts)


def stanza_tokens(texts: list[str]) -> int:
    """Syntactic words of Stanza's French tokenizer (``tokenize,mwt``), for calibration.

    Example:
        >>> stanza_tokens(["Il a dit non."])  # doctest: +SKIP
        5
    """
    import stanza

    from quoteattr.syntax.pipeline import resolve_model_dir

    nlp = stanza.Pipeline(
        "fr",
        dir=resolve_model_dir(),
        processors="tokenize,mwt",
        download_method=None,
        logging_level="WARN",
    )
    docs = nlp.bulk_process([stanza.Document([], text=t) for t in texts if t.strip()])
    return sum(len(sentence.words) for doc in docs for sentence in doc.sentences)


def children_cpu() -> float:
    """CPU seconds (user + system) of the waited-for child processes so far.

    Example:
        >>> children_cpu() >= 0
        True
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print a Markdown table on stdout.

    Example:
        >>> main(["--workers", "1", "--limit", "5"])  # doctest: +SKIP
        0
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--dev", type=Path, default=DEV, help="folder of the dev files")
    parser.add_argument(
        "--calibrate",
        type=int,
        default=0,
        metavar="N",
        help="also count the tokens of the first N documents with Stanza's tokenizer",
    )
    options = parser.parse_args(argv)

    pairs = load_dev(options.dev)[: options.limit]
    words = sum(len(text.split()) for _, text in pairs)
    tokens = count_tokens([text for _, text in pairs])
    print(
        f"# {len(pairs)} documents, {sum(len(t) for _, t in pairs)} characters, {words} words, "
        f"{tokens} tokens; cpu_count={os.cpu_count()}",
        file=sys.stderr,
    )
    if options.calibrate:
        sample = [text for _, text in pairs[: options.calibrate]]
        started = time.monotonic()
        exact = stanza_tokens(sample)
        print(
            f"# calibration on {len(sample)} documents: {count_tokens(sample)} regex tokens, "
            f"{exact} Stanza tokens ({time.monotonic() - started:.0f} s)",
            file=sys.stderr,
        )
    print(
        "| workers | documents | seconds | docs/s | tokens/s | worker CPU s | cores used "
        "| load avg before → after |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "dev.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            for doc_id, text in pairs:
                handle.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        for workers in options.workers:
            output = Path(tmp) / f"out-{workers}.jsonl"
            before = os.getloadavg()[0]
            cpu_before = children_cpu()
            summary = run_corpus(source, output, workers=workers, batch_size=options.batch_size)
            cpu = children_cpu() - cpu_before  # the workers have exited and been waited for
            after = os.getloadavg()[0]
            assert summary.ok == len(pairs), summary
            print(
                f"| {workers} | {summary.processed} | {summary.seconds:.1f} | "
                f"{summary.docs_per_second:.2f} | {tokens / summary.seconds:.0f} | "
                f"{cpu:.0f} | {cpu / summary.seconds:.2f} | {before:.1f} → {after:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
