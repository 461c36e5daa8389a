"""The command's desk options: ``--threads N`` and ``--format html`` (a page to open in a browser)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from quoteattr import cli
from quoteattr.output.results import QuoteList
from quoteattr.records import Cue, Quote, QuoteKind, Span, Speaker

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "« Nous ne céderons pas », a déclaré la ministre.\n\nElle n'a pas dit qu’elle partirait."
OTHER = "« Rien n'est joué », a dit le maire <de Lyon> & co."


def fake_extract(doc_id: str, text: str) -> QuoteList:
    """One direct quote per « … », spoken by whoever follows ``a déclaré``/``a dit``."""
    quotes = []
    start = text.find("« ")
    while start >= 0:
        end = text.index(" »", start)
        cue_start = text.index("a d", end)
        cue = Cue(Span.of(text, cue_start, cue_start + 9), "déclarer", polarity="negated")
        speaker = Speaker(Span.of(text, cue_start + 10, cue_start + 20), "la ministre")
        quotes.append(
            Quote(Span.of(text, start + 2, end), QuoteKind.DIRECT, speaker, cue, 0.9, "incise")
        )
        start = text.find("« ", end)
    return QuoteList(quotes, text=text, doc_id=doc_id)


class Recorder:
    def __init__(self) -> None:
        self.kwargs: list[dict[str, Any]] = []

    def __call__(self, items: Iterable[tuple[str, str]], **kwargs: Any) -> Iterator[QuoteList]:
        self.kwargs.append(kwargs)
        for doc_id, text in items:
            yield fake_extract(doc_id, text)


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "ministre.txt", tmp_path / "maire.txt"]
    for path, text in zip(paths, (ARTICLE, OTHER), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


# --- threads ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "threads"), [([], None), (["--threads", "1"], 1), (["--threads", "3"], 3)]
)
def test_threads_reach_the_engine(files: list[Path], argv: list[str], threads: int | None) -> None:
    recorder = Recorder()
    assert cli.main([*argv, str(files[0])], extract_many=recorder) == 0
    assert recorder.kwargs[0]["threads"] == threads


@pytest.mark.parametrize("bad", ["0", "-2", "deux"])
def test_bad_thread_counts_are_usage_errors(
    files: list[Path], bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--threads", bad, str(files[0])], extract_many=Recorder()) == 2
    assert "--threads" in capsys.readouterr().err


def test_help_says_what_the_default_thread_count_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--threads N" in out and "one on a two-core machine" in out and "html" in out


# --- html ---------------------------------------------------------------------------------------


class Page(HTMLParser):
    """Checks the page is well formed and collects what a reader relies on."""

    VOID = frozenset({"br", "hr", "meta", "img", "input", "link", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.documents = 0
        self.highlighted: list[str] = []
        self.badges: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        self.documents += "quoteattr" in classes
        if "qa-flag" in classes:
            self.badges.append(values["data-flag"])
        if tag not in self.VOID:
            self.stack.append(tag)
            self._in.append("quote" if "qa-quote" in classes else tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> in {self.stack}"
        self.stack.pop()
        self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "title":
            self.title += data
        if self._in and self._in[-1] == "quote":
            self.highlighted.append(data)
        self.text.append(data)


def test_html_format_writes_one_self_contained_page(
    files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--format", "html", *map(str, files)], extract_many=Recorder()) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in out
    assert "<script" not in out and "http" not in out  # nothing to fetch, nothing to run
    page = Page()
    page.feed(out)
    page.close()
    assert page.stack == []
    assert page.documents == 2
    assert page.title == f"quoteattr: {files[0]}, {files[1]}"
    assert page.highlighted == ["Nous ne céderons pas", "Rien n'est joué"]
    assert page.badges.count("negated") >= 2  # the flag is shown on each negated quote
    text = "".join(page.text)
    assert str(files[0]) in text and "<de Lyon> & co." in text  # escaped, shown as written


def test_html_page_is_what_jupyter_shows(
    files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--format", "html", str(files[0])], extract_many=Recorder()) == 0
    out = capsys.readouterr().out
    quotes = fake_extract(str(files[0]), ARTICLE)
    assert quotes._repr_html_() in out


def test_html_with_no_quotes_is_still_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "rien.txt"
    path.write_text("Rien à signaler.", encoding="utf-8")
    assert cli.main(["--format", "html", str(path)], extract_many=Recorder()) == 0
    out = capsys.readouterr().out
    assert "No quotes found." in out and out.startswith("<!DOCTYPE html>")


@pytest.mark.model
def test_the_real_command_writes_the_html_page(tmp_path: Path) -> None:
    path = tmp_path / "ministre.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "quoteattr", "--format", "html", "--threads", "1", str(path)],
        capture_output=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    page = Page()
    page.feed(result.stdout.decode("utf-8"))
    assert page.documents == 1 and "Nous ne céderons pas" in page.highlighted
