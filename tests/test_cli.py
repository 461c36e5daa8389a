"""Tests of the ``quoteattr`` command (:mod:`quoteattr.cli`), with a fake extractor."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import subprocess
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr import cli
from quoteattr.output.export import CSV_COLUMNS
from quoteattr.output.results import QuoteList
from quoteattr.records import Cue, Quote, QuoteKind, Span, Speaker

ARTICLE = (
    "« Il faut d'abord peut-être rétablir la confiance, pour que les relations puissent se "
    "renouer », a déclaré Stéphane Séjourné.\n\n"
    "Le ministère russe a répondu : « Ces déclarations n'ont rien à voir avec la réalité. »\n"
)
OTHER = (
    "« Nous considérons ces déclarations comme une action délibérée », a déclaré Maria Zakharova."
)

QUOTE_RE = re.compile(r"«\s*(.+?)\s*»", re.S)
SPEAKER_RE = re.compile(r"(a déclaré) ([A-ZÉ]\w+ [A-ZÉ]\w+)")


class ModelNotFoundError(RuntimeError):
    """Stand-in for ``quoteattr.syntax.pipeline.ModelNotFoundError``."""


def fake_extract(doc_id: str | None, text: str) -> QuoteList:
    """Direct quotes between guillemets; the speaker of ``a déclaré X Y`` if any."""
    quotes = []
    for match in QUOTE_RE.finditer(text):
        start, end = match.span(1)
        after = SPEAKER_RE.search(text, end, end + 40)
        speaker = cue = None
        if after is not None:
            speaker = Speaker(Span.of(text, *after.span(2)), after.group(2))
            cue = Cue(Span.of(text, *after.span(1)), "déclarer")
        quotes.append(
            Quote(Span.of(text, start, end), QuoteKind.DIRECT, speaker, cue, 0.9, "incise")
        )
    return QuoteList(quotes, text=text, doc_id=doc_id)


class FakeExtractor:
    """Records its calls; behaves like ``extract_many`` (a lazy generator)."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[tuple[str, str]], dict[str, Any]]] = []

    def __call__(self, items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        items = list(items)
        self.calls.append((items, kwargs))
        for doc_id, text in items:
            yield fake_extract(doc_id, text)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """A light ``quoteattr.syntax.pipeline`` so that no test imports Stanza."""
    module = types.ModuleType("quoteattr.syntax.pipeline")
    module.ModelNotFoundError = ModelNotFoundError  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quoteattr.syntax.pipeline", module)
    return module


@pytest.fixture
def extractor() -> FakeExtractor:
    return FakeExtractor()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "article.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second = tmp_path / "zakharova.txt"
    second.write_text(OTHER, encoding="utf-8")
    return first, second


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, tty: bool = False) -> None:
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    if tty:
        stream.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", stream)


# -- formats ---------------------------------------------------------------------------


def test_text_format(
    files: tuple[Path, Path], extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = files
    assert cli.main([str(first)], extract_many=extractor) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {first}: 2 quotes ==\n")
    assert "1. [direct] «Il faut d'abord peut-être rétablir la confiance" in out
    assert (
        "speaker:    Stéphane Séjourné [stephane-sejourne-7e1480f5] — mention «Stéphane Séjourné» (name,"
        in out
    )
    assert "cue:        «a déclaré» (déclarer; neutral, positive, asserted)" in out
    assert "rule:       incise · confidence 0.90" in out
    assert "review:     passed" in out
    assert "2. [direct] «Ces déclarations n'ont rien à voir avec la réalité.»" in out
    assert "speaker:    (unattributed)" in out
    assert "review:     needs review (no_speaker)" in out
    assert "signals:    entity «Stéphane Séjourné»" not in out  # read in the content only


def test_json_format_several_files(
    files: tuple[Path, Path], extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = files
    assert cli.main(["--format", "json", str(first), str(second)], extract_many=extractor) == 0
    docs = json.loads(capsys.readouterr().out)
    assert [d["doc_id"] for d in docs] == [str(first), str(second)]
    assert docs[0]["text"] == ARTICLE
    back = QuoteList.from_dicts(docs[1]["quotes"], text=docs[1]["text"], doc_id=docs[1]["doc_id"])
    assert back == fake_extract(str(second), OTHER)
    assert back[0].speaker_name == "Maria Zakharova"


def test_json_format_keeps_non_ascii(
    files: tuple[Path, Path], extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["-f", "json", str(files[0])], extract_many=extractor) == 0
    assert "Séjourné" in capsys.readouterr().out


def test_jsonl_format(
    files: tuple[Path, Path], extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = files
    assert cli.main(["--format", "jsonl", str(first), str(second)], extract_many=extractor) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["doc_id"] for r in rows] == [str(first), str(first), str(second)]
    assert rows[1]["content"]["text"] == "Ces déclarations n'ont rien à voir avec la réalité."
    start, end = rows[1]["content"]["start"], rows[1]["content"]["end"]
    assert ARTICLE[start:end] == rows[1]["content"]["text"]


def test_csv_format(
    files: tuple[Path, Path], extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = files
    assert cli.main(["--format", "csv", str(first), str(second)], extract_many=extractor) == 0
    out = capsys.readouterr().out
    reader = csv.reader(io.StringIO(out, newline=""))
    assert next(reader) == list(CSV_COLUMNS)  # one header for all files
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert len(rows) == 3
    assert rows[0]["content_text"].startswith("Il faut d'abord peut-être rétablir la confiance, ")
    assert rows[0]["speaker_name"] == "Stéphane Séjourné"
    assert rows[1]["speaker_name"] == ""
    assert rows[2]["doc_id"] == str(second)


def test_empty_result_formats(
    tmp_path: Path, extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "calme.txt"
    path.write_text("Rien à signaler aujourd'hui.", encoding="utf-8")
    assert cli.main(["-f", "json", str(path)], extract_many=extractor) == 0
    assert json.loads(capsys.readouterr().out)[0]["quotes"] == []
    assert cli.main(["-f", "jsonl", str(path)], extract_many=extractor) == 0
    assert capsys.readouterr().out == ""
    assert cli.main([str(path)], extract_many=extractor) == 0
    assert capsys.readouterr().out == f"== {path}: 0 quotes ==\n"


def test_options_are_passed_to_extract_many(
    files: tuple[Path, Path], extractor: FakeExtractor, tmp_path: Path
) -> None:
    first, second = files
    argv = ["--batch-size", "4", "--model-dir", str(tmp_path), str(first), str(second)]
    assert cli.main(argv, extract_many=extractor) == 0
    ((items, kwargs),) = extractor.calls
    assert items == [(str(first), ARTICLE), (str(second), OTHER)]
    # the command draws its own progress bar (with a total), not the engine's
    assert kwargs == {
        "batch_size": 4,
        "model_dir": str(tmp_path),
        "progress": False,
        "threads": None,  # the engine's default (see tests/test_cli_desk.py)
    }


def test_default_extract_many_comes_from_the_engine(
    files: tuple[Path, Path],
    extractor: FakeExtractor,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = types.ModuleType("quoteattr.engine")
    module.extract_many = extractor  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quoteattr.engine", module)
    assert cli.main(["-f", "jsonl", str(files[1])]) == 0
    assert len(extractor.calls) == 1


def test_progress_bar_on_a_tty(
    files: tuple[Path, Path],
    extractor: FakeExtractor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    class TtyErr(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = TtyErr()
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(["-f", "jsonl", *map(str, files)], extract_many=extractor) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    if importlib.util.find_spec("tqdm") is None:
        assert err.getvalue() == ""
    else:
        assert "/2 [" in err.getvalue()


# -- standard input --------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [[], ["-"]])
def test_stdin(
    argv: list[str],
    extractor: FakeExtractor,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    set_stdin(monkeypatch, OTHER.encode("utf-8"))
    assert cli.main(["-f", "jsonl", *argv], extract_many=extractor) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["doc_id"] == "<stdin>"
    assert row["speaker"]["name"] == "Maria Zakharova"
    assert extractor.calls[0][0] == [("<stdin>", OTHER)]


def test_stdin_and_files_together(
    files: tuple[Path, Path], extractor: FakeExtractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, OTHER.encode("utf-8"))
    assert cli.main([str(files[0]), "-"], extract_many=extractor) == 0
    assert [doc_id for doc_id, _ in extractor.calls[0][0]] == [str(files[0]), "<stdin>"]


def test_stdin_in_latin1_is_detected_and_named(
    extractor: FakeExtractor, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, "« Déjà fini », a déclaré Jean Dupont.".encode("latin-1"))
    assert cli.main([], extract_many=extractor) == 0
    err = capsys.readouterr().err
    assert err == (
        "quoteattr: note: <stdin> is not UTF-8: read as cp1252 (detected by charset-normalizer); "
        "give --encoding to choose\n"
    )
    assert extractor.calls[0][0] == [("<stdin>", "« Déjà fini », a déclaré Jean Dupont.")]


def test_undecodable_stdin(
    extractor: FakeExtractor, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, b"\x81\x8d\x8f\x90\x9d" * 40)
    assert cli.main([], extract_many=extractor) == 2
    err = capsys.readouterr().err
    assert err.startswith("quoteattr: error: cannot read <stdin>: not valid UTF-8")
    assert "--encoding" in err and err.count("\n") == 1
    assert extractor.calls == []


# -- exit codes ------------------------------------------------------------------------------


def test_one_set_of_exit_codes() -> None:
    from quoteattr import corpus, exitcodes

    assert (cli.EXIT_OK, cli.EXIT_NO_INPUT, cli.EXIT_UNREADABLE, cli.EXIT_MODEL) == (0, 1, 2, 3)
    for name in ("EXIT_OK", "EXIT_FAILED", "EXIT_UNREADABLE", "EXIT_MODEL", "EXIT_INTERRUPTED"):
        assert getattr(corpus, name) == getattr(exitcodes, name)
    assert exitcodes.EXIT_INTERRUPTED == 130


def test_missing_file(
    tmp_path: Path,
    files: tuple[Path, Path],
    extractor: FakeExtractor,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "absent.txt"
    assert cli.main([str(files[0]), str(missing)], extract_many=extractor) == 2
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing is extracted when an input is unreadable
    assert captured.err == f"quoteattr: error: cannot read {missing}: No such file or directory\n"
    assert extractor.calls == []


def test_directory_is_unreadable(
    tmp_path: Path, extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([str(tmp_path)], extract_many=extractor) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"quoteattr: error: cannot read {tmp_path}: ")
    assert err.count("\n") == 1


def test_a_file_in_an_unknown_encoding_is_refused(
    tmp_path: Path, extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bruit.txt"
    path.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 40)
    assert cli.main([str(path)], extract_many=extractor) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"quoteattr: error: cannot read {path}: not valid UTF-8")
    assert err.count("\n") == 1


def test_no_input_on_a_terminal(
    extractor: FakeExtractor, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, b"", tty=True)
    assert cli.main([], extract_many=extractor) == 1
    assert "no input" in capsys.readouterr().err
    assert extractor.calls == []


def test_empty_input(
    extractor: FakeExtractor, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    set_stdin(monkeypatch, b"  \n")
    assert cli.main(["-"], extract_many=extractor) == 1
    assert capsys.readouterr().err.startswith("quoteattr: error: no input")


def test_missing_model(files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    def no_model(items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        raise ModelNotFoundError("no Stanza model for 'fr' in /nowhere; run stanza.download('fr')")
        yield  # a generator, like the real one: the error comes on iteration

    assert cli.main(["-f", "json", str(files[0])], extract_many=no_model) == 3
    captured = capsys.readouterr()
    assert captured.err == (
        "quoteattr: error: no Stanza model for 'fr' in /nowhere; run stanza.download('fr')\n"
    )
    assert captured.out == ""


def test_missing_model_raised_eagerly(files: tuple[Path, Path]) -> None:
    def no_model(items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        raise ModelNotFoundError("missing")

    assert cli.main([str(files[0])], extract_many=no_model) == 3


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv"])
def test_missing_model_prints_nothing(
    fmt: str, files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    def no_model(items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        raise ModelNotFoundError("missing")

    assert cli.main(["-f", fmt, str(files[0])], extract_many=no_model) == 3
    assert capsys.readouterr().out == ""


def test_other_errors_propagate(files: tuple[Path, Path]) -> None:
    def broken(items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        raise RuntimeError("bug")

    with pytest.raises(RuntimeError, match="bug"):
        cli.main([str(files[0])], extract_many=broken)


def test_usage_errors_and_help(
    extractor: FakeExtractor, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--format", "xml", "a.txt"], extract_many=extractor) == 2
    assert cli.main(["--batch-size", "0", "a.txt"], extract_many=extractor) == 2
    capsys.readouterr()
    assert cli.main(["--help"], extract_many=extractor) == 0
    out = capsys.readouterr().out
    assert "--format" in out and "evaluate" in out


# -- evaluate ---------------------------------------------------------------------------------


def test_evaluate_dispatch(monkeypatch: pytest.MonkeyPatch, extractor: FakeExtractor) -> None:
    seen: list[list[str]] = []

    def evaluate_main(argv: list[str]) -> int:
        seen.append(argv)
        return 4

    module = types.ModuleType("quoteattr.evaluate")
    module.main = evaluate_main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quoteattr.evaluate", module)
    assert (
        cli.main(["evaluate", "--gold", "corpus/", "--format", "json"], extract_many=extractor) == 4
    )
    assert seen == [["--gold", "corpus/", "--format", "json"]]
    assert extractor.calls == []


def test_python_dash_m(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", str(tmp_path / "absent.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("quoteattr: error: cannot read ")
