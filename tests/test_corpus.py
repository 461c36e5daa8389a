"""Tests of corpus processing (:mod:`quoteattr.corpus`) and of ``quoteattr corpus``.

The tests marked ``model`` run the real Stanza pipeline; those with worker
processes pay a model load (a few seconds) per worker started, so they use a
handful of short documents. Faults are injected through the test-only
environment variable :data:`quoteattr.corpus.FAULTS_ENV`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr import cli, corpus
from quoteattr.corpus import (
    FAULTS_ENV,
    CorpusInputError,
    CorpusSummary,
    Document,
    finished_documents,
    iter_documents,
    run_corpus,
)
from quoteattr.corpus.output import result_row

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_edc37f481cdcf508.txt"
ASFALDA = SHARED / "eval" / "dev" / "asfalda_sequoia.jsonl"

NEWS = [
    "« Nous ne céderons pas », a déclaré la ministre.",
    "Le maire a affirmé que la route serait fermée.",
    "Selon le préfet, la situation est sous contrôle.",
    "Rien à signaler.",
    "« Il faut rétablir la confiance », a indiqué Stéphane Séjourné.",
    "Il a rappelé que plusieurs automobilistes ont quitté la chaussée.",
    "",
]


def read_output(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def reference(pairs: list[tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """What :func:`quoteattr.engine.extract_many` gives, as quote dicts per doc_id."""
    from quoteattr.engine import extract_many

    return {q.doc_id or "": q.to_dicts() for q in extract_many(pairs, progress=False)}


# -- input ----------------------------------------------------------------------------------------


def test_directory_input(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Deux.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Un.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 40)
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs = list(iter_documents(tmp_path))
    assert [d.doc_id for d in docs] == ["a.txt", "c.txt", "b/z.txt"]
    assert docs[0] == Document("a.txt", "Un.")
    assert docs[1].text is None and "not valid UTF-8" in (docs[1].error or "")
    assert "--encoding" in (docs[1].error or "")
    assert docs[2].text == "Deux."


def test_directory_input_encodings(tmp_path: Path) -> None:
    text = "« Déjà fini », a déclaré l’élue."
    (tmp_path / "bom.txt").write_bytes(text.encode("utf-8-sig"))
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    docs = {d.doc_id: d for d in iter_documents(tmp_path)}
    assert {d.text for d in docs.values()} == {text}  # byte-order marks removed
    assert docs["cp1252.txt"].note == "cp1252.txt is not UTF-8: read as cp1252 (detected)"
    assert docs["bom.txt"].note is None and docs["utf16.txt"].note is None
    forced = {d.doc_id: d for d in iter_documents(tmp_path, encoding="cp1252")}
    assert forced["cp1252.txt"].text == text and forced["cp1252.txt"].note is None
    assert forced["bom.txt"].text != text  # read as cp1252, as asked


def test_jsonl_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(json.dumps({"id": "x", "text": "Un."}).encode("utf-8-sig") + b"\n")
    assert [(d.doc_id, d.text) for d in iter_documents(path)] == [("x", "Un.")]


def test_jsonl_input_fields(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": "x", "text": "Un."}\n\n{"doc_id": 7, "text": "Deux."}\n{"id": "y", "text": 3}\n',
        encoding="utf-8",
    )
    docs = list(iter_documents(path))
    assert [(d.doc_id, d.text) for d in docs] == [("x", "Un."), ("7", "Deux."), ("y", None)]
    assert docs[2].error == "the 'text' field is a int, not a string"
    custom = write_jsonl(tmp_path / "c.jsonl", [{"key": "k1", "body": "Corps."}])
    assert list(iter_documents(custom, text_field="body", id_field="key")) == [
        Document("k1", "Corps.")
    ]


def test_jsonl_input_is_lazy_and_strict(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "x", "text": "Un."}\nnot json\n', encoding="utf-8")
    documents = iter_documents(path)
    assert next(documents).doc_id == "x"
    with pytest.raises(CorpusInputError, match=r"in.jsonl:2: not JSON"):
        next(documents)
    write_jsonl(path, [{"text": "Sans id."}])
    with pytest.raises(CorpusInputError, match="no 'id' or 'doc_id' field"):
        list(iter_documents(path))
    write_jsonl(path, [["a", "b"]])
    with pytest.raises(CorpusInputError, match="not a JSON object"):
        list(iter_documents(path))


def test_missing_input_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(CorpusInputError, match="no such file or directory"):
        iter_documents(tmp_path / "absent.jsonl")


# -- output and resume ----------------------------------------------------------------------------


def test_finished_documents_repairs_a_truncated_last_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    assert finished_documents(path) == {}
    lines = [
        '{"doc_id": "a", "status": "ok", "quotes": []}\n',
        "garbage\n",
        '{"doc_id": "b", "status": "timeout", "quotes": []}\n',
        '{"doc_id": "a", "status": "error", "quotes": []}\n',
    ]
    path.write_text("".join(lines) + '{"doc_id": "c", "status": "o', encoding="utf-8")
    assert finished_documents(path) == {"a": "error", "b": "timeout"}
    assert path.read_text(encoding="utf-8").endswith('"o')  # read only
    assert finished_documents(path, repair=True) == {"a": "error", "b": "timeout"}
    assert path.read_text(encoding="utf-8") == "".join(lines)


def test_nothing_left_to_do_starts_no_worker(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Un."}, {"id": "b"}])
    out = tmp_path / "out.jsonl"
    out.write_text(
        '{"doc_id": "a", "status": "ok", "quotes": [], "error": null, "seconds": 1}\n'
        '{"doc_id": "b", "status": "error", "quotes": [], "error": "x", "seconds": 0}\n',
        encoding="utf-8",
    )
    # the model directory does not exist: a worker start would fail
    summary = run_corpus(source, out, workers=2, model_dir=tmp_path / "no-model")
    assert (summary.processed, summary.skipped, summary.workers_started) == (0, 2, 0)
    # with retry_failed the unreadable document "b" is redone without parsing anything
    summary = run_corpus(source, out, workers=2, model_dir=tmp_path / "no-model", retry_failed=True)
    assert (summary.error, summary.skipped, summary.workers_started) == (1, 1, 0)
    assert [r["doc_id"] for r in read_output(out)] == ["a", "b", "b"]


def test_batches_by_count_and_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batches: list[list[str]] = []

    def fake_process_batch(batch: list[tuple[str, str]], **kwargs: Any) -> list[dict[str, Any]]:
        batches.append([doc_id for doc_id, _text in batch])
        return [result_row(doc_id, "ok", [], None, 0.0) for doc_id, _text in batch]

    monkeypatch.setattr(corpus.run, "process_batch", fake_process_batch)
    texts = {"a": "aaaa", "b": "bbbb", "c": "c" * 12, "d": "d", "e": "e", "f": "f", "g": "g"}
    records = [{"id": k, "text": v} for k, v in texts.items()]
    records.insert(2, {"id": "a", "text": "again"})
    records.insert(4, {"id": "x"})
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    summary = run_corpus(source, out, workers=0, batch_size=3, batch_chars=10)
    assert batches == [["a", "b"], ["c"], ["d", "e", "f"], ["g"]]
    assert (summary.ok, summary.error, summary.skipped, summary.words) == (7, 1, 1, 7)
    rows = read_output(out)
    assert [r["doc_id"] for r in rows] == ["a", "b", "x", "c", "d", "e", "f", "g"]
    assert rows[2]["status"] == "error" and rows[2]["error"] == "the 'text' field is missing"


def test_summary_line() -> None:
    line = CorpusSummary(ok=2, error=1, timeout=1, skipped=3, seconds=2.0, words=100).line()
    assert line.startswith("quoteattr corpus: 4 documents (2 ok, 1 error, 1 timeout, 3 skipped)")
    assert "2.00 docs/s" in line


# -- command line (no model needed) ---------------------------------------------------------------


def test_cli_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert cli.main(["corpus", str(tmp_path / "absent"), str(out)]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert not out.exists()
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    assert cli.main(["corpus", str(bad), str(out), "--workers", "0"]) == 2
    assert "bad.jsonl:1: not JSON" in capsys.readouterr().err


def test_cli_writes_the_corpus_table_speakers_and_review_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Everything is already in OUT (no model, no worker): the derived files come from OUT."""
    from quoteattr.output.export import quote_to_dict
    from quoteattr.records import Quote, Span, Speaker

    def line(doc_id: str, text: str, name: str, mention: str) -> str:
        at, content = text.index(mention), text.index("«") + 2
        quote = Quote(
            Span.of(text, content, text.index(" »")),
            "direct",
            Speaker(Span.of(text, at, at + len(mention)), name, type="person"),
            None,
            0.9,
            "incise_after",
        )
        row = {"doc_id": doc_id, "status": "ok", "quotes": [quote_to_dict(quote)], "seconds": 0.1}
        return json.dumps(row, ensure_ascii=False) + "\n"

    a = "« Nous tiendrons 3 ans », a dit Hélène Marchetti."
    b = "« Rien n’est joué », a dit Mme Marchetti."
    c = "« On verra », a dit Pierre Lambert."
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": "a", "text": a}, {"id": "b", "text": b}, {"id": "c", "text": c}, {"id": "d"}],
    )
    out = tmp_path / "out.jsonl"
    out.write_text(
        line("a", a, "Hélène Marchetti", "Hélène Marchetti")
        + line("b", b, "Marchetti", "Marchetti")
        + line("c", c, "Pierre Lambert", "Pierre Lambert")
        + '{"doc_id": "d", "status": "error", "quotes": [], "error": "boom", "seconds": 0}\n',
        encoding="utf-8",
    )
    table, speakers, review = (tmp_path / n for n in ("q.csv", "s.csv", "r.html"))
    argv = ["corpus", str(source), str(out), "--model-dir", str(tmp_path / "no-model")]
    argv += ["--table", str(table), "--speakers", str(speakers), "--review", str(review)]
    assert cli.main(argv) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("quoteattr corpus: 0 documents (0 ok, 0 error, 0 timeout, 4 skipped)")
    assert err[1:] == [  # once, though the three files read OUT
        f"quoteattr corpus: warning: {out}: 1 document(s) without quotes left out: d (error)"
    ]
    with open(table, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["doc_id"], r["speaker_id"]) for r in rows] == [
        ("a", "helene-marchetti-934e3aa0"),
        ("b", "helene-marchetti-934e3aa0"),
        ("c", "pierre-lambert-6da077ad"),
    ]
    assert rows[0]["signal_kinds"] == "figure" and rows[0]["needs_review"] == "False"
    with open(speakers, encoding="utf-8", newline="") as handle:
        table_rows = list(csv.DictReader(handle))
    assert [(r["name"], r["documents"], r["quotes"]) for r in table_rows] == [
        ("Hélène Marchetti", "a; b", "2"),
        ("Pierre Lambert", "c", "1"),
    ]
    page = review.read_text(encoding="utf-8")
    assert page.count('class="qa-record qa-passed"') == 3 and "qa-corpus-speakers" in page
    assert f"<title>quoteattr review: {source}</title>" in page
    assert cli.main([*argv[:5], "--speakers", str(tmp_path / "no" / "such" / "dir.csv")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_cli_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["corpus", "in", "out", "--workers", "-1"]) == 2
    assert cli.main(["corpus", "in", "out", "--timeout", "0"]) == 2
    assert cli.main(["corpus", "in"]) == 2
    capsys.readouterr()
    assert cli.main(["corpus", "--help"]) == 0
    assert "--workers" in capsys.readouterr().out


def test_cli_missing_model_in_a_worker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "Un."}])
    args = ["corpus", str(source), str(tmp_path / "out.jsonl"), "--workers", "1"]
    assert cli.main([*args, "--model-dir", str(tmp_path / "no-model")]) == 3
    assert "no French Stanza model" in capsys.readouterr().err


# -- with the model -------------------------------------------------------------------------------


@pytest.mark.model
def test_directory_run_in_process_then_resume(
    tmp_path: Path, nlp: object, one_torch_thread: None, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "articles"
    (source / "sub").mkdir(parents=True)
    names = ["a.txt", "b.txt", "sub/c.txt", "sub/d.txt", "e.txt"]
    pairs = list(zip(names, NEWS, strict=False))
    for name, text in pairs:
        (source / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["corpus", str(source), str(out), "--workers", "0", "--batch-size", "2"]) == 0
    assert "5 documents (5 ok, 0 error, 0 timeout, 0 skipped)" in capsys.readouterr().err
    rows = read_output(out)
    assert [r["doc_id"] for r in rows] == ["a.txt", "b.txt", "e.txt", "sub/c.txt", "sub/d.txt"]
    assert {r["doc_id"]: r["quotes"] for r in rows} == reference(pairs)
    assert all(r["status"] == "ok" and r["error"] is None and r["seconds"] >= 0 for r in rows)

    # a killed run: two lines lost, the last one cut in the middle
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:15], encoding="utf-8")
    summary = run_corpus(source, out, workers=0)
    assert (summary.ok, summary.skipped) == (3, 2)
    again = read_output(out)
    assert sorted(r["doc_id"] for r in again) == sorted(names)
    assert {r["doc_id"]: r["quotes"] for r in again} == {r["doc_id"]: r["quotes"] for r in rows}
    assert run_corpus(source, out, workers=0).skipped == 5


@pytest.mark.model
def test_jsonl_run_with_custom_fields(tmp_path: Path, nlp: object, one_torch_thread: None) -> None:
    records = [{"key": f"k{i}", "body": text} for i, text in enumerate(NEWS[:3])]
    records.append({"key": "k0", "body": "Un doublon."})
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    summary = run_corpus(source, out, workers=0, text_field="body", id_field="key")
    assert (summary.ok, summary.skipped) == (3, 1)
    rows = read_output(out)
    assert {r["doc_id"]: r["quotes"] for r in rows} == reference(
        [(r["key"], r["body"]) for r in records[:3]]
    )


@pytest.mark.model
def test_workers_crash_timeout_and_results(
    tmp_path: Path, nlp: object, one_torch_thread: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers, batches of two: one document kills its worker, the last one hangs."""
    asfalda = [json.loads(line) for line in ASFALDA.read_text(encoding="utf-8").splitlines()]
    pairs = [(f"n{i}", text) for i, text in enumerate(NEWS)]
    pairs += [(r["doc_id"], r["text"]) for r in asfalda[:2]]
    # batches: (n0, n1) ... (n6, a0) (a1, crash) (hang): "crash" shares a batch, whose documents
    # are then retried alone (a1 first); "hang" comes alone, last
    pairs += [("crash", "« Adieu », a dit le processus."), ("hang", "Il attend.")]
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": d, "text": t} for d, t in pairs])
    monkeypatch.setenv(FAULTS_ENV, json.dumps({"crash": ["crash"], "hang": ["hang"]}))
    out = tmp_path / "out.jsonl"
    summary = run_corpus(source, out, workers=2, batch_size=2, timeout=5)
    rows = read_output(out)
    by_id = {r["doc_id"]: r for r in rows}
    assert len(rows) == len(by_id) == len(pairs)  # every document once
    assert by_id["crash"]["status"] == "error"
    assert by_id["crash"]["error"] == "the worker process died (exit code 1)"
    assert by_id["hang"]["status"] == "timeout"
    assert by_id["hang"]["error"].startswith("no result after 5 s")
    assert by_id["hang"]["seconds"] >= 5
    ok = {d: r["quotes"] for d, r in by_id.items() if r["status"] == "ok"}
    expected = reference([p for p in pairs if p[0] not in ("crash", "hang")])
    assert ok == expected
    assert (summary.ok, summary.error, summary.timeout) == (len(pairs) - 2, 1, 1)
    # two workers, then replacements only while work is left (not after the final timeout)
    assert 3 <= summary.workers_started <= 5
    # on resume nothing is redone
    monkeypatch.delenv(FAULTS_ENV)
    assert run_corpus(source, out, workers=2).skipped == len(pairs)
