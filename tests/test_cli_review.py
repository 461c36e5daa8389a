"""The command for a fact-checker's desk: input encodings, streaming, one-line warnings,
``--version``, the review filters and page, speaker ids across files (fake extractor, no model;
the last test runs the real command)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import types
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr import cli
from quoteattr.output.results import QuoteList
from quoteattr.records import Cue, Quote, QuoteKind, Span, Speaker
from quoteattr.text.language import warn_if_not_french

ROOT = Path(__file__).resolve().parents[1]

FRANCE = "« Nous avons recruté 2 000 infirmiers », a déclaré Hélène Marchetti."
BELGIQUE = "À Bruxelles, Mme Marchetti a assuré que le budget avait doublé en deux ans."
SUISSE = "« On verra », aurait dit quelqu’un à Berne."


class ModelNotFoundError(RuntimeError):
    """Stand-in for ``quoteattr.syntax.pipeline.ModelNotFoundError``."""


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """A light ``quoteattr.syntax.pipeline`` so that no test imports Stanza."""
    module = types.ModuleType("quoteattr.syntax.pipeline")
    module.ModelNotFoundError = ModelNotFoundError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quoteattr.syntax.pipeline", module)


def said(text: str, content: str, name: str | None, mention: str | None, **kw: Any) -> Quote:
    start = text.index(content)
    span = Span.of(text, start, start + len(content))
    speaker = None
    if mention is not None:
        at = text.index(mention)
        speaker = Speaker(
            Span.of(text, at, at + len(mention)),
            name,
            type="person",
            via=kw.pop("via", "name"),
            distance=kw.pop("distance", 0),
        )
    cue = None
    if "cue" in kw:
        at = text.index(kw["cue"])
        cue = Cue(
            Span.of(text, at, at + len(kw["cue"])), "dire", modality=kw.get("modality", "asserted")
        )
    return Quote(span, QuoteKind.DIRECT, speaker, cue, kw.get("confidence", 0.9), "incise_after")


def fake_extract(doc_id: str | None, text: str) -> QuoteList:
    quotes: list[Quote] = []
    if "Hélène Marchetti" in text:
        quotes.append(
            said(
                text, "Nous avons recruté 2 000 infirmiers", "Hélène Marchetti", "Hélène Marchetti"
            )
        )
    if "Mme Marchetti" in text:
        quotes.append(
            said(
                text,
                "le budget avait doublé en deux ans",
                "Marchetti",
                "Mme Marchetti",
                confidence=0.7,
            )
        )
    if "quelqu’un" in text:
        quotes.append(
            said(
                text,
                "On verra",
                "quelqu’un",
                "quelqu’un",
                via="unresolved",
                cue="aurait dit",
                modality="alleged",
                confidence=0.4,
            )
        )
    return QuoteList(quotes, text=text, doc_id=doc_id)


class Recorder:
    """Behaves like ``extract_many`` and ``extract``; records calls and when documents come."""

    def __init__(self, events: list[str] | None = None) -> None:
        self.calls: list[tuple[list[tuple[str, str]], dict[str, Any]]] = []
        self.single: list[dict[str, Any]] = []
        self.events = events if events is not None else []

    def __call__(self, items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        items = list(items)
        self.calls.append((items, kwargs))
        for doc_id, text in items:
            self.events.append(f"parsed {doc_id}")
            yield fake_extract(doc_id, text)

    def one(self, text: str, **kwargs: Any) -> QuoteList:
        self.single.append(kwargs)
        self.events.append("parsed alone")
        return fake_extract(None, text)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- input ------------------------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from quoteattr import __version__

    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"quoteattr {__version__}\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_latin1_and_cp1252_files_are_read_with_a_note(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = FRANCE + (" C’est fait." if encoding == "cp1252" else "")
    path = write(tmp_path, "ancien.txt", text, encoding)
    recorder = Recorder()
    assert cli.main(["-f", "jsonl", str(path)], extract_many=recorder) == 0
    assert recorder.calls[0][0] == [(str(path), text)]
    captured = capsys.readouterr()
    assert captured.err == (
        f"quoteattr: note: {path} is not UTF-8: read as cp1252 (detected by charset-normalizer); "
        "give --encoding to choose\n"
    )


def test_an_explicit_encoding_is_used_without_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "ancien.txt", FRANCE, "cp1252")
    recorder = Recorder()
    assert cli.main(["--encoding", "cp1252", str(path)], extract_many=recorder) == 0
    assert recorder.calls[0][0] == [(str(path), FRANCE)] and capsys.readouterr().err == ""
    assert cli.main(["--encoding", "utf-8", str(path)], extract_many=recorder) == 2
    assert "not valid utf-8 (byte 0xab at position 0)" in capsys.readouterr().err
    assert cli.main(["--encoding", "klingon", str(path)], extract_many=recorder) == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_byte_order_mark_is_stripped(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "bom.txt", FRANCE, encoding)
    assert path.read_bytes()[:2] in (b"\xef\xbb", b"\xff\xfe", b"\xfe\xff")
    recorder = Recorder()
    assert cli.main(["-f", "jsonl", str(path)], extract_many=recorder) == 0
    assert recorder.calls[0][0] == [(str(path), FRANCE)]
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert FRANCE[row["content"]["start"] : row["content"]["end"]] == row["content"]["text"]


# --- streaming ----------------------------------------------------------------------------------


class Out(io.StringIO):
    """Standard output that notes, at each flush, which documents it holds so far."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def flush(self) -> None:
        self.events.append(f"flushed {self.getvalue().count('==')} headers")


def test_each_long_document_is_written_before_the_next_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    paths = [write(tmp_path, f"{n}.txt", FRANCE + " " + "x" * 100) for n in "abc"]
    monkeypatch.setattr(sys, "stdout", Out(events))
    recorder = Recorder(events)
    argv = ["--batch-chars", "500", "--no-progress", *map(str, paths[:2])]
    assert cli.main(argv, extract_many=recorder, extract=recorder.one) == 0
    # two documents of 170 characters fit in one batch of 500 characters
    assert [len(items) for items, _ in recorder.calls] == [2]
    events.clear()
    recorder.calls.clear()
    monkeypatch.setattr(sys, "stdout", Out(events))
    argv = ["--batch-chars", "150", "--no-progress", *map(str, paths)]
    assert cli.main(argv, extract_many=recorder, extract=recorder.one) == 0
    assert events == [
        "parsed alone",
        "flushed 2 headers",  # "== a.txt: 1 quote ==" (the header has two "==")
        "parsed alone",
        "flushed 4 headers",
        "parsed alone",
        "flushed 6 headers",
        "flushed 6 headers",  # close
    ]
    assert recorder.single == [{"progress": False, "model_dir": None, "threads": None}] * 3


def test_a_long_document_gets_a_progress_bar_over_its_chunks(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", "\n\n".join([FRANCE] * 400))
    recorder = Recorder()
    assert cli.main(["--progress", str(path)], extract_many=recorder, extract=recorder.one) == 0
    assert recorder.single == [{"progress": True, "model_dir": None, "threads": None}]
    assert recorder.calls == []  # parsed alone, with extract(progress=True)


def test_short_documents_are_still_batched(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{n}.txt", FRANCE) for n in range(5)]
    recorder = Recorder()
    assert cli.main(["--batch-size", "2", *map(str, paths)], extract_many=recorder) == 0
    assert [len(items) for items, _ in recorder.calls] == [2, 2, 1]


# --- messages -----------------------------------------------------------------------------------


def test_the_english_warning_is_one_line_of_the_tool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english = "The minister said on Monday that the reform would be passed before the summer."
    path = write(tmp_path, "en.txt", english)

    def english_aware(items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        for n, (doc_id, text) in enumerate(items):
            warn_if_not_french(text, f"document {doc_id!r} (item {n})")
            yield QuoteList(text=text, doc_id=doc_id)

    with warnings.catch_warnings():
        warnings.simplefilter("default")
        assert cli.main([str(path)], extract_many=english_aware) == 0
    err = capsys.readouterr().err
    assert err == (
        f"quoteattr: warning: document '{path}' (item 0) does not look like French (it looks like "
        "English): quoteattr reads French only, its results on this text are not meaningful\n"
    )
    with pytest.warns(UserWarning):  # outside the command, a Python warning as before
        warn_if_not_french(english, "the text")


# --- review -------------------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return [
        write(tmp_path, "france.txt", FRANCE),
        write(tmp_path, "belgique.txt", BELGIQUE),
        write(tmp_path, "suisse.txt", SUISSE),
    ]


def rows_of(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out, newline="")))


def test_review_columns_and_one_speaker_id_across_files(
    corpus: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["-f", "csv", *map(str, corpus)], extract_many=Recorder()) == 0
    rows = rows_of(capsys.readouterr().out)
    assert [(r["speaker_name"], r["needs_review"], r["review_reasons"]) for r in rows] == [
        ("Hélène Marchetti", "False", ""),
        ("Marchetti", "False", ""),
        ("quelqu’un", "True", "unresolved;low_confidence;alleged"),
    ]
    assert rows[0]["speaker_id"] == rows[1]["speaker_id"] == "helene-marchetti-934e3aa0"
    assert rows[0]["signal_kinds"] == "figure" and rows[1]["signal_kinds"] == "date;comparison"


@pytest.mark.parametrize(
    ("option", "kept"),
    [
        (["--needs-review"], ["On verra"]),
        (
            ["--passed-review"],
            ["Nous avons recruté 2 000 infirmiers", "le budget avait doublé en deux ans"],
        ),
        (["--min-confidence", "0.8"], ["Nous avons recruté 2 000 infirmiers"]),
        (
            ["--min-confidence", "0.5", "--passed-review"],
            ["Nous avons recruté 2 000 infirmiers", "le budget avait doublé en deux ans"],
        ),
    ],
)
def test_filters(
    corpus: list[Path], option: list[str], kept: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["-f", "jsonl", *option, *map(str, corpus)], extract_many=Recorder()) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["content"]["text"] for r in rows] == kept
    assert all(r["speaker_id"] for r in rows)


@pytest.mark.parametrize(
    "argv", [["--needs-review", "--passed-review"], ["--min-confidence", "1.5"]]
)
def test_filter_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([*argv, "a.txt"], extract_many=Recorder()) == 2
    assert "usage:" in capsys.readouterr().err


def test_text_format_shows_review_and_signals(
    corpus: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([*map(str, corpus)], extract_many=Recorder()) == 0
    out = capsys.readouterr().out
    assert "   review:     passed\n   signals:    figure «2 000»\n" in out
    assert "   review:     needs review (unresolved, low_confidence, alleged)\n" in out


def test_review_page_and_speakers_table(
    corpus: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "speakers.csv"
    argv = ["-f", "review", "--speakers", str(table), *map(str, corpus)]
    assert cli.main(argv, extract_many=Recorder()) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('class="qa-record qa-needs-review"') == 1
    assert page.count('class="qa-record qa-passed"') == 2
    assert '<label for="qa-show-review">needs review (1)</label>' in page
    assert 'data-speaker="helene-marchetti-934e3aa0"' in page  # the speakers table
    with open(table, encoding="utf-8", newline="") as handle:
        speakers = list(csv.DictReader(handle))
    assert [(s["name"], s["quotes"], s["documents"]) for s in speakers] == [
        ("Hélène Marchetti", "2", f"{corpus[0]}; {corpus[1]}"),
        ("quelqu’un", "1", str(corpus[2])),
    ]


def test_html_page_of_several_files_starts_with_the_speakers(
    corpus: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["-f", "html", *map(str, corpus)], extract_many=Recorder()) == 0
    page = capsys.readouterr().out
    assert page.index('class="qa-corpus-speakers"') < page.index('class="quoteattr"')
    assert page.count('class="quoteattr"') == 3


@pytest.mark.model
def test_the_real_command_streams_reads_latin1_and_warns_in_one_line(tmp_path: Path) -> None:
    french = write(tmp_path, "fr.txt", "« Nous tiendrons », a déclaré la ministre.", "cp1252")
    english = write(
        tmp_path, "en.txt", "The minister said on Monday that the reform would pass before summer."
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quoteattr",
            "-f",
            "jsonl",
            "--threads",
            "1",
            str(french),
            str(english),
        ],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    err = result.stderr.decode().splitlines()
    assert err == [
        f"quoteattr: note: {french} is not UTF-8: read as cp1252 (detected by charset-normalizer); "
        "give --encoding to choose",
        f"quoteattr: warning: document '{english}' (item 1) does not look like French (it looks "
        "like English): quoteattr reads French only, its results on this text are not meaningful",
    ]
    (row,) = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert row["content"]["text"] == "Nous tiendrons" and row["speaker_id"]
