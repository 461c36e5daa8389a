"""The ``quoteattr evaluate`` command (also ``python -m quoteattr.evaluate``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from quoteattr.evaluate.gold import GoldDocument, GoldFormatError, load_gold
from quoteattr.evaluate.scoring import Predictor, evaluate_documents
from quoteattr.exitcodes import EXIT_MODEL, EXIT_OK, EXIT_UNREADABLE, from_system_exit

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quoteattr evaluate",
        description="Score quote detection and attribution against gold files "
        "(.json: one document; .jsonl: one document a line).",
    )
    parser.add_argument("gold", nargs="+", metavar="GOLD", help="gold file(s)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the report as JSON")
    output.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="also print up to N error cases with context (default 0)",
    )
    parser.add_argument(
        "--model-dir", default=None, metavar="DIR", help="Stanza model directory for extract"
    )
    parser.add_argument(
        "--all-kinds",
        action="store_true",
        help="score predictions of every kind, also in files that annotate only some kinds",
    )
    return parser


def main(
    argv: Sequence[str] | None = None,
    predict: Predictor | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``quoteattr evaluate GOLD... [--json|--markdown] [--errors N] [--model-dir DIR]``.

    Predicts with ``quoteattr.extract`` unless ``predict`` is given. Returns
    (:mod:`quoteattr.exitcodes`) 0 on success, 2 on a bad command
    line, an unreadable path or a malformed gold file, 3 when the Stanza
    model is missing (one line on stderr).

    Example:
        >>> main(["/nonexistent/gold.jsonl"], predict=lambda text: [], stderr=sys.stdout)
        quoteattr evaluate: cannot read /nonexistent/gold.jsonl: No such file or directory
        2
    """
    out = sys.stdout if stdout is None else stdout
    err = sys.stderr if stderr is None else stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed usage / help
        return from_system_exit(exc)
    if args.errors < 0:
        print(f"{parser.prog}: --errors must be >= 0", file=err)
        return EXIT_UNREADABLE
    gold_docs: list[GoldDocument] = []
    for path in args.gold:
        try:
            gold_docs.extend(load_gold(path))
        except GoldFormatError as exc:
            print(f"{parser.prog}: {exc}", file=err)
            return EXIT_UNREADABLE
        except OSError as exc:
            print(f"{parser.prog}: cannot read {path}: {exc.strerror or exc}", file=err)
            return EXIT_UNREADABLE
    if predict is None:
        from quoteattr.engine import extract_many
        from quoteattr.syntax.pipeline import ModelNotFoundError

        texts = [doc.text for doc in gold_docs]
        try:
            predictions = [
                list(r) for r in extract_many(texts, model_dir=args.model_dir, progress=False)
            ]
        except ModelNotFoundError as exc:
            print(f"{parser.prog}: {exc}", file=err)
            return EXIT_MODEL
        report = evaluate_documents(gold_docs, predictions=predictions, all_kinds=args.all_kinds)
    else:
        report = evaluate_documents(gold_docs, predict=predict, all_kinds=args.all_kinds)
    if args.json:
        print(
            json.dumps(report.to_dict(max_errors=args.errors), ensure_ascii=False, indent=2),
            file=out,
        )
        return EXIT_OK
    print(report.format_markdown() if args.markdown else report.format_table(), file=out)
    if args.errors:
        print(file=out)
        print(report.format_errors(args.errors), file=out)
    return EXIT_OK
