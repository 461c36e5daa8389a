"""The engine's options and guards: errors that name the document, CPU threads, a progress bar over
one long text, a warning on text that is not French, typing slips of quotation marks end to end."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import pytest
from fake_nlp import ReplayPipeline, SurfacePipeline
from invariants import check_invariants, long_document

import quoteattr
from quoteattr.syntax import pipeline as pipeline_module
from quoteattr.syntax.parse import chunk_text
from quoteattr.syntax.pipeline import MAX_DEFAULT_THREADS, default_threads, torch_threads
from quoteattr.text.language import NotFrenchWarning, guess_language

# --- an item that is not text names its document --------------------------------------------------


@pytest.mark.parametrize(
    ("items", "batch_size", "named"),
    [
        (["", " ", 42], 16, "item 2: "),
        (["", "", "", "", None], 2, "item 4: "),
        ([("a1", ""), ("a2", b"Il a dit non.")], 16, "document 'a2' (item 1): "),
        ([("a1", ""), ("b7", ["une liste"])], 1, "document 'b7' (item 1): "),
    ],
)
def test_extract_many_names_the_bad_document(
    items: Sequence[Any], batch_size: int, named: str
) -> None:
    with pytest.raises(TypeError) as info:
        list(quoteattr.extract_many(items, batch_size=batch_size))
    assert str(info.value).startswith(named), info.value


def test_extract_names_no_index_for_its_one_text() -> None:
    with pytest.raises(TypeError) as info:
        quoteattr.extract(42)
    assert str(info.value).startswith("quoteattr expects a str"), info.value


# --- threads ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cpus", "expected"),
    [(1, 1), (2, 1), (3, 1), (4, 2), (8, 4), (64, MAX_DEFAULT_THREADS)],
)
def test_default_threads_is_one_on_small_machines_and_capped_on_large_ones(
    monkeypatch: pytest.MonkeyPatch, cpus: int, expected: int
) -> None:
    monkeypatch.setattr(pipeline_module.os, "sched_getaffinity", lambda pid: set(range(cpus)))
    assert default_threads() == expected


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", True])
def test_threads_must_be_a_positive_integer(bad: Any) -> None:
    with pytest.raises(ValueError, match="threads"), torch_threads(bad):
        pass


class ThreadSpy(SurfacePipeline):
    """A model-free pipeline that records torch's thread count at each call."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[int] = []

    def bulk_process(self, docs: Sequence[Any]) -> list[Any]:
        import torch

        self.seen.append(torch.get_num_threads())
        return super().bulk_process(docs)


@pytest.mark.parametrize("threads", [1, 3])
def test_the_parse_runs_on_the_threads_asked_for_then_torch_is_restored(threads: int) -> None:
    import torch

    spy = ThreadSpy()
    before = torch.get_num_threads()
    quoteattr.extract("« Oui », a dit Paul.", pipeline=spy, threads=threads)
    list(quoteattr.extract_many(["« Non », dit-elle."], pipeline=spy, threads=threads))
    assert spy.seen == [threads, threads]
    assert torch.get_num_threads() == before


@pytest.mark.parametrize(
    ("cpus", "torch_set_to", "parsed_with"),
    [
        (2, 2, 1),  # a two-core machine: one thread, whatever torch's default
        (2, 4, 1),
        (16, 16, 4),  # a large machine: at most four
        (16, 1, 1),  # a process set to one thread (a corpus worker) keeps one
        (16, 2, 2),
    ],
)
def test_without_threads_the_parse_uses_the_default_never_more_than_torch_is_set_to(
    monkeypatch: pytest.MonkeyPatch, cpus: int, torch_set_to: int, parsed_with: int
) -> None:
    import torch

    monkeypatch.setattr(pipeline_module.os, "sched_getaffinity", lambda pid: set(range(cpus)))
    spy = ThreadSpy()
    before = torch.get_num_threads()
    torch.set_num_threads(torch_set_to)
    try:
        quoteattr.extract("« Oui », a dit Paul.", pipeline=spy)
        assert torch.get_num_threads() == torch_set_to
    finally:
        torch.set_num_threads(before)
    assert spy.seen == [parsed_with]


# --- progress over the chunks of one long text --------------------------------------------------


def test_progress_bar_over_the_chunks_of_one_long_text(capsys: pytest.CaptureFixture[str]) -> None:
    text = long_document(60_000)
    chunks = len(chunk_text(text))
    assert chunks > 3
    with_bar = quoteattr.extract(text, pipeline=SurfacePipeline(), progress=True)
    err = capsys.readouterr().err
    assert "quoteattr" in err and f"{chunks}/{chunks}" in err and "chunk" in err
    without = quoteattr.extract(text, pipeline=SurfacePipeline())
    assert capsys.readouterr().err == ""
    assert with_bar == without and len(with_bar) > 10
    check_invariants(text, with_bar)


@pytest.mark.model
def test_progress_parse_gives_the_same_quotes_with_the_real_model(
    nlp: Any, one_torch_thread: None, capsys: pytest.CaptureFixture[str]
) -> None:
    text = long_document(8_000)
    replay = ReplayPipeline(nlp)
    assert quoteattr.extract(text, pipeline=replay, progress=True) == quoteattr.extract(
        text, pipeline=replay
    )
    assert "chunk" in capsys.readouterr().err


# --- text that is not French --------------------------------------------------------------------

NOT_FRENCH = [
    ("The minister said on Monday that the reform would be passed before the summer.", "English"),
    ("Der Minister hat am Montag gesagt, dass die Reform vor dem Sommer kommen wird.", "German"),
    ("El ministro dijo el lunes que la reforma sería aprobada antes del verano.", "Spanish"),
    ("Il ministro ha detto lunedì che la riforma sarà approvata prima dell'estate.", "Italian"),
    ("Министр заявил в понедельник, что реформа будет принята до лета.", "Latin letters"),
    ("部长周一表示，改革将在夏季之前获得通过，这一点毫无疑问。", "Latin letters"),
]
FRENCH = [
    "Le ministre a déclaré lundi que la réforme serait votée avant l'été.",
    "« We will not back down », a déclaré la ministre devant les députés réunis à Paris.",
    "— Tu viens ? demanda-t-il. — Oui, tout de suite, répondit Marie en riant.",
    "L’ambassadeur a été convoqué aujourd’hui au Quai d’Orsay, selon le ministère.",
    "« Oui. »\n— Non.\n" * 50,
    "Oui.",
]


@pytest.mark.parametrize(("text", "named"), NOT_FRENCH)
def test_plainly_foreign_text_gets_a_warning_naming_the_document(text: str, named: str) -> None:
    with pytest.warns(NotFrenchWarning, match=rf"document 'x1' \(item 0\).*{named}"):
        list(quoteattr.extract_many([("x1", text)], pipeline=SurfacePipeline()))
    with pytest.warns(NotFrenchWarning, match="^the text does not look like French"):
        quoteattr.extract(text, pipeline=SurfacePipeline())


@pytest.mark.parametrize("text", FRENCH)
def test_french_text_and_french_with_foreign_quotes_get_no_warning(text: str) -> None:
    assert guess_language(text) in ("fr", None)
    with warnings.catch_warnings():
        warnings.simplefilter("error", NotFrenchWarning)
        quoteattr.extract(text, pipeline=SurfacePipeline())


def test_the_seed_article_is_french(seed_text: str = "") -> None:
    from invariants import seed_text as read_seed

    assert guess_language(read_seed()) == "fr"


# --- typing slips of quotation marks, end to end -------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content", "open_mark", "close_mark"),
    [
        ("« Nous ne céderons pas ”, a déclaré la ministre.", "Nous ne céderons pas", "«", "”"),
        ("Nous ne céderons pas », a déclaré la ministre.", "Nous ne céderons pas", "", "»"),
        ("<< Nous ne céderons pas >>, a déclaré la ministre.", "Nous ne céderons pas", "<<", ">>"),
        ("C’est clair. Rien n'est joué », a déclaré la ministre.", "Rien n'est joué", "", "»"),
    ],
)
def test_quotes_with_typing_slips_are_attributed(
    one_torch_thread: None, text: str, content: str, open_mark: str, close_mark: str
) -> None:
    quotes = quoteattr.extract(text)
    check_invariants(text, quotes)
    [quote] = quotes
    assert quote.content.text == content
    assert quote.open_mark is not None and quote.open_mark.text == open_mark
    assert quote.close_mark is not None and quote.close_mark.text == close_mark
    assert (quote.kind.value, quote.speaker_name) == ("direct", "la ministre")
