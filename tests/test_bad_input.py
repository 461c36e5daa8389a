"""Bad input never stops a pipeline: each class of bad article, one test id each.

* Not text (``None``, bytes, numbers, containers) → ``TypeError`` naming the
  problem.
* Empty or blank text → an empty :class:`~quoteattr.output.results.QuoteList`,
  without loading the model.
* Every other ``str`` → a result whose offsets keep the contract of
  :func:`invariants.check_invariants`. All the model cases go through one
  batched :func:`quoteattr.extract_many` call (a module fixture); the result
  of each input is then checked in its own test.
"""

from __future__ import annotations

import itertools
import textwrap
import time
import unicodedata
import warnings
from typing import Any

import pytest
from fake_nlp import SurfacePipeline, surface_parse
from invariants import (
    check_invariants,
    seed_text,
)

import quoteattr
from quoteattr import engine
from quoteattr.engine import attribute
from quoteattr.output.results import QuoteList
from quoteattr.syntax import pipeline
from quoteattr.syntax.parse import chunk_text
from quoteattr.text.language import NotFrenchWarning
from quoteattr.text.marks import find_quotations
from quoteattr.text.normalise import FORMAT_CHARS

NBSP, NNBSP = "\u00a0", "\u202f"
SEED = seed_text()

# --- not text -------------------------------------------------------------------------------

NOT_TEXT = [
    pytest.param(None, "None", id="none"),
    pytest.param(b"Il a dit : \xc2\xab oui \xc2\xbb.", "bytes", id="bytes"),
    pytest.param(bytearray(b"Il a dit non."), "bytes", id="bytearray"),
    pytest.param(memoryview(b"Il a dit non."), "memoryview", id="memoryview"),
    pytest.param(42, "int", id="int"),
    pytest.param(3.5, "float", id="float"),
    pytest.param(["Il a dit : « oui »."], "list", id="list-of-str"),
    pytest.param({"text": "Il a dit non."}, "dict", id="dict"),
    pytest.param(object(), "object", id="object"),
]

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.mark.parametrize(("value", "named"), NOT_TEXT)
def test_extract_rejects_what_is_not_text(value: Any, named: str) -> None:
    with pytest.raises(TypeError) as info:
        quoteattr.extract(value)
    message = str(info.value)
    assert "str" in message and named in message, message


@pytest.mark.parametrize(("value", "named"), NOT_TEXT)
def test_extract_many_rejects_what_is_not_text(value: Any, named: str) -> None:
    with pytest.raises(TypeError, match=named):
        list(quoteattr.extract_many(["« Oui », dit-il.", value]))


def test_extract_rejects_a_pair() -> None:
    """``(doc_id, text)`` pairs belong to ``extract_many``; ``extract`` takes one text."""
    with pytest.raises(TypeError, match="tuple"):
        quoteattr.extract(("doc-1", "Il a dit : « oui »."))


def test_bytes_message_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode"):
        quoteattr.extract(b"Il a dit non.")


# --- empty and blank ------------------------------------------------------------------------

BLANK = [
    pytest.param("", id="empty"),
    pytest.param(" ", id="space"),
    pytest.param("\n\n\t \r\n", id="line-breaks-and-tabs"),
    pytest.param(NBSP + NNBSP + "\u2007\u3000", id="unicode-spaces"),
    pytest.param("\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e\x1f", id="unicode-line-breaks"),
    pytest.param(" " * 100_000, id="100k-spaces"),
]


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to load or run a Stanza pipeline fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the model was loaded for a blank text")

    monkeypatch.setattr(pipeline, "get_pipeline", refuse)
    monkeypatch.setattr(engine, "get_pipeline", refuse)


@pytest.mark.parametrize("text", BLANK)
@pytest.mark.usefixtures("no_model")
def test_blank_text_gives_an_empty_result_without_the_model(text: str) -> None:
    result = quoteattr.extract(text)
    assert isinstance(result, QuoteList)
    assert list(result) == [] and result.text == text


@pytest.mark.parametrize("text", BLANK)
def test_blank_text_needs_no_model_even_when_it_is_missing(text: str, tmp_path: Any) -> None:
    assert list(quoteattr.extract(text, model_dir=tmp_path)) == []


@pytest.mark.usefixtures("no_model")
def test_blank_texts_in_a_stream_keep_their_ids() -> None:
    results = list(quoteattr.extract_many([("a", ""), ("b", "  \n"), "\t"]))
    assert [(r.doc_id, list(r)) for r in results] == [("a", []), ("b", []), (None, [])]


# --- every other text -----------------------------------------------------------------------

HTML = (
    '<div class="article"><p>Le ministre a déclaré&nbsp;: &laquo;&nbsp;Nous ne céderons pas'
    "&nbsp;&raquo;.</p>\n<p>« Il faut d'abord <b>rétablir</b> la confiance », a indiqué "
    '<a href="https://example.org/?q=1&amp;r=2">le ministre</a>.</p><br/>\n'
    "<script>var q = \"oui\"; if (a < b) { alert('non'); }</script>\n"
    "<!-- commentaire « non fermé -->&#171; oui &#187;</div>"
)
CONTROL = (
    "Le ministre\x00 a déclaré : « Nous\x07 ne céderons pas\x1b[0m », a-t-il dit.\x01\x02\x03\n"
    "\x7f\x80\x9f « Oui »\x08\x08, a répondu Marie Dupont.\x0b« Non », dit-elle.\x1f\x1e"
    "Le porte-parole\x0c a ajouté que rien n'avait changé.\x85\u2028Fin.\u2029"
)
EMOJI = (
    "« C'est une victoire 🎉🇫🇷 ! », a déclaré Marie Dupont 👩🏽‍💼 sur X.\n\n"
    "Le ministre a répondu : « Non 🙅‍♂️, jamais », avant d'ajouter 😡 que "
    "« rien n'est réglé ».\n👍🏽👍🏽👍🏽 « 🔥 » 🤔"
)
NBSP_TEXT = (
    f"Le ministre a déclaré{NBSP}: «{NBSP}Nous ne céderons pas{NBSP}», a-t-il dit.{NBSP}{NBSP}\n"
    f"«{NBSP}Il faut rétablir la confiance{NBSP}», a indiqué Stéphane{NBSP}Séjourné{NBSP}!"
)
NNBSP_TEXT = NBSP_TEXT.replace(NBSP, NNBSP) + f"\nSelon{NNBSP}Moscou, « rien{NNBSP}».{NNBSP}"
ZERO_WIDTH = (
    "\ufeffLe\u200b ministre a déclaré : «\u200d Nous ne céderons pas\u200c », a-t-il dit.\u200e\n"
    "\u200f« Oui\u2060 », a répondu\u00ad Marie Dupont.\ufeff"
)
NOT_FRENCH = {
    "english": '"We will not give in," the minister said on Monday. According to Reuters, '
    'talks are "frozen". She added that nothing had changed.',
    "russian": "«Мы не уступим», — заявил министр. По словам Захаровой, «диалог невозможен».",
    "chinese": "外交部发言人说：“我们不会让步。”他还表示，“对话已经不可能”。",
    "arabic": "قال الوزير: «لن نتراجع». وأضاف أن «الحوار مستحيل».",
    "german": '„Wir werden nicht nachgeben", sagte der Minister. '
    "Laut Reuters ist alles „eingefroren“.",
}
NO_STOP_PHRASES = [
    "les relations entre Paris et Moscou se dégradent", "a déclaré le ministre",
    "« nous ne céderons pas »", "selon Moscou", "il a ajouté que rien n'avait changé",
]  # fmt: skip
NO_FULL_STOP = " ".join(NO_STOP_PHRASES * 25)  # 3.6 kB, 650 tokens: parsed in pieces
MANY_MARKS = ('« oui » “ non ” "peut-être" ' * 30).strip()  # 180 marks (10k: FULL_SIZE)
OPENING_ONLY = "Il a dit : « Nous verrons. « Et puis « encore “ et ‹ aussi „ " + "« " * 300 + "fin"
CLOSING_ONLY = "Il a dit » non ” et ’ aussi › " + "» " * 300 + "fin."
STRAIGHT_ONLY = '"' * 300
UNCLOSED_BEFORE_CUE = (
    "«Le ton monte entre Paris et Moscou. Marie Dupont a affirmé que la situation était grave."
)
HARD_WRAPPED = "\n".join(
    textwrap.fill(paragraph, width=72) + "\n" for paragraph in SEED.split("\n\n")
)
LONG_WORD = "Le mot " + "anticonstitutionnellement" * 400 + " a été dit : « oui »."
DASH_RUNS = "-" * 3_000 + "\n— Oui, dit-il.\n" + "—" * 3_000 + "\n– " + "– " * 150
SPACE_RUNS = (
    "Il a dit :" + " " * 20_000 + "« oui" + NBSP * 20_000 + "»," + "\t" * 5_000
    + " a-t-il ajouté." + NNBSP * 10_000 + "\n" * 5_000 + "Fin."
)  # fmt: skip
LINE_ENDINGS = (
    "« Oui », a-t-il dit.\r« Non », a-t-elle répondu.\r\n\r\nLe ministre a déclaré : « Jamais "
    "».\n\r\x85« Peut-être »\u2028, selon Moscou.\u2029\x0c« Fin », dit-il."
)
SURROGATES = "Le ministre a déclaré : « Nous ne\udcc3\udca9 céderons pas\ud800 », a-t-il dit.\udfff"
COMBINING = "« Ǹ̷̢̛o̴̡͝n̶̨̛ », a dit Z̷̛a̸͠l̴̢g̶̢o̵̢. " + "a" + "\u0301" * 2_000 + " « oui »."
PRIVATE_USE = "« \ue000\uf8ff \U000f0000 », a-t-il dit. \ufffd\ufffe\uffff « oui », dit-elle."
PUNCTUATION_ONLY = "... !!! ??? ;;; ::: ,,, … « » “ ” ' ' — – - ( ) [ ] { } / \\ | @ # % & * + ="
SHORT_PARAGRAPHS = "« Oui. »\n— Non.\n" * 200
MARKDOWN = (
    "# Titre\n\n* « Nous ne céderons pas », a dit [Marie](https://ex.org/m?a=1&b=2).\n"
    '> « Citation » — **Jean Dupont**\n```\ncode "non"\n```\n| a | « b » |\n|---|---|'
)

TEXTS = [
    pytest.param(NOT_FRENCH["english"], id="not-french-english"),
    pytest.param(NOT_FRENCH["russian"], id="not-french-russian"),
    pytest.param(NOT_FRENCH["chinese"], id="not-french-chinese"),
    pytest.param(NOT_FRENCH["arabic"], id="not-french-arabic"),
    pytest.param(NOT_FRENCH["german"], id="not-french-german"),
    pytest.param(HTML, id="html-remnants"),
    pytest.param(MARKDOWN, id="markdown-and-urls"),
    pytest.param(CONTROL, id="control-characters"),
    pytest.param(unicodedata.normalize("NFD", SEED), id="nfd-accents"),
    pytest.param(NBSP_TEXT, id="nbsp"),
    pytest.param(NNBSP_TEXT, id="narrow-nbsp"),
    pytest.param(EMOJI, id="emoji"),
    pytest.param(ZERO_WIDTH, id="zero-width-and-bom"),
    pytest.param(SURROGATES, id="lone-surrogates"),
    pytest.param(COMBINING, id="combining-marks"),
    pytest.param(PRIVATE_USE, id="private-use-and-noncharacters"),
    pytest.param(LINE_ENDINGS, id="mixed-line-endings"),
    pytest.param(HARD_WRAPPED, id="hard-wrapped-lines"),
    pytest.param(UNCLOSED_BEFORE_CUE, id="unclosed-quote-around-reported-speech"),
    pytest.param(NO_FULL_STOP, id="no-full-stop"),
    pytest.param(MANY_MARKS, id="many-quotation-marks"),
    pytest.param(STRAIGHT_ONLY, id="only-straight-quotes"),
    pytest.param(OPENING_ONLY, id="only-opening-marks"),
    pytest.param(CLOSING_ONLY, id="only-closing-marks"),
    pytest.param(LONG_WORD, id="10k-char-word"),
    pytest.param(DASH_RUNS, id="dash-runs"),
    pytest.param(SPACE_RUNS, id="space-and-nbsp-runs"),
    pytest.param(PUNCTUATION_ONLY, id="punctuation-only"),
    pytest.param(SHORT_PARAGRAPHS, id="many-short-paragraphs"),
    pytest.param("a", id="one-letter"),
    pytest.param("«", id="one-opening-mark"),
    pytest.param('"', id="one-straight-quote"),
    pytest.param("— ", id="one-dash"),
]


def _text_id(param: Any) -> tuple[str, str]:
    return param.id, param.values[0]


@pytest.fixture(scope="module")
def results(nlp: object) -> dict[str, Any]:
    """Every model case through one batched ``extract_many``; errors kept per input."""
    cases = dict(_text_id(p) for p in TEXTS)
    out: dict[str, Any] = {}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", NotFrenchWarning)
            batch = quoteattr.extract_many(cases.items(), pipeline=nlp, batch_size=len(cases))
            for result in batch:
                out[result.doc_id] = result
        out["warned"] = sorted(
            str(w.message).split("'")[1] for w in caught if w.category is NotFrenchWarning
        )
    except Exception:  # one input broke the batch: find which, one at a time
        for doc_id, text in cases.items():
            try:
                out[doc_id] = quoteattr.extract(text, pipeline=nlp)
            except Exception as exc:  # reported by that input's own test
                out[doc_id] = exc
    return out


@pytest.mark.model
@pytest.mark.parametrize("text", TEXTS)
def test_any_text_gives_a_result_with_valid_offsets(
    text: str, results: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    doc_id = request.node.callspec.id
    result = results[doc_id]
    if isinstance(result, Exception):
        raise result
    assert isinstance(result, QuoteList)
    check_invariants(text, result)


@pytest.mark.model
def test_only_the_texts_that_are_not_french_are_warned_about(results: dict[str, Any]) -> None:
    assert results["warned"] == sorted(f"not-french-{name}" for name in NOT_FRENCH)


@pytest.mark.parametrize("text", TEXTS)
def test_marks_layer_and_chunks_keep_offsets(text: str) -> None:
    found = find_quotations(text)
    for q in found:
        for span in (q.content, q.open_mark, q.close_mark):
            if span is not None:
                assert text[span.start : span.end] == span.text
    chunks = chunk_text(text)
    assert all(0 <= s < e <= len(text) for s, e in chunks)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(chunks))
    covered = "".join(text[s:e] for s, e in chunks)
    # every visible character is in a chunk; the invisible format characters (BOM, zero-width
    # space) are blank at a paragraph's edges, as normalise turns them into spaces
    invisible = str.maketrans(dict.fromkeys(FORMAT_CHARS, " "))
    assert "".join(covered.translate(invisible).split()) == "".join(
        text.translate(invisible).split()
    )


# --- full-size inputs (a model-free parse: 1 MB through Stanza takes ~10 min on 2 cores) ----

FULL_SIZE = [
    pytest.param(" ".join(NO_STOP_PHRASES * 6_000)[:1_000_000], id="1mb-no-full-stop"),
    pytest.param(('« oui » “ non ” "peut-être" ' * 1_700).strip(), id="10k-quotation-marks"),
    pytest.param('"' * 10_000, id="10k-straight-quotes"),
    pytest.param("«" * 10_000, id="10k-opening-guillemets"),
    pytest.param("Il a dit : " + "« " * 10_000 + "fin", id="10k-spaced-opening-marks"),
    pytest.param("» " * 10_000, id="10k-closing-marks"),
    pytest.param((HTML + "\n") * 700, id="250kb-html"),
]


@pytest.mark.parametrize("text", FULL_SIZE)
def test_full_size_input_through_a_surface_parse(text: str) -> None:
    """Chunking, marks and the whole attribution layer on the full-size input."""
    chunks = chunk_text(text)
    assert all(0 <= s < e <= len(text) for s, e in chunks)
    parsed = surface_parse(text)
    start = time.perf_counter()
    quotes = QuoteList(attribute(parsed), text=text)
    elapsed = time.perf_counter() - start
    check_invariants(text, quotes, parsed)
    assert elapsed < 60, f"{elapsed:.1f}s"


@pytest.mark.parametrize("text", [p for p in FULL_SIZE if len(p.values[0]) < 100_000])
def test_full_size_input_through_extract(text: str) -> None:
    """The same through ``extract`` and the chunked parse path (a model-free pipeline)."""
    surface = SurfacePipeline()
    result = quoteattr.extract(text, pipeline=surface)
    check_invariants(text, result)
    assert len(surface.chunks) == len(chunk_text(text))


def test_nfd_and_nfc_find_the_same_quotes() -> None:
    nfd = unicodedata.normalize("NFD", SEED)
    assert [unicodedata.normalize("NFC", q.content.text) for q in find_quotations(nfd)] == [
        q.content.text for q in find_quotations(SEED)
    ]
