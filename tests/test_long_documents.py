"""Long documents: paragraph-sized chunks, offsets mapped back, time linear in the length.

A real Stanza parse of 1 MB takes about ten minutes on two CPU cores, so the
1 MB article goes through :class:`fake_nlp.ReplayPipeline`: each distinct
paragraph of the seed article is parsed once by the real model and that
parse is replayed wherever the paragraph occurs, through the real
``parse_texts`` → ``from_stanza`` → attribution path. A smaller article is
parsed by the real model in many small chunks to check the mapping of
Stanza's offsets. Linearity is timed in CPU seconds on the attribution layer
alone (``quoteattr.engine.attribute``) over 1x and 8x parsed quote-dense
documents (and on the model-free layers over 1x and 4x).
"""

from __future__ import annotations

import functools
import gc
import itertools
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from fake_nlp import ReplayPipeline, replay_parse, surface_parse
from hypothesis import given, settings
from hypothesis import strategies as st
from invariants import (
    SEPARATORS,
    check_invariants,
    long_document,
    paragraph_of,
    seed_paragraphs,
    seed_text,
)

import quoteattr
from quoteattr.engine import attribute
from quoteattr.syntax import parse
from quoteattr.syntax.parse import (
    MAX_CHUNK_CHARS,
    MAX_PARAGRAPH_CHARS,
    MAX_PIECE_TOKENS,
    ParsedText,
    chunk_text,
)
from quoteattr.text.marks import find_quotations, paragraph_spans

MB = 1_000_000
TOKEN_RE = re.compile(r"\w+|[^\w\s]")

# --- chunking (no model) --------------------------------------------------------------------

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def tokens(text: str) -> int:
    """Rough token count: word runs and other non-space characters."""
    return len(TOKEN_RE.findall(text))


def check_chunks(text: str, chunks: list[tuple[int, int]], max_chars: int) -> None:
    """Chunks are ordered, disjoint, trimmed, bounded, and cover every non-space character."""
    paragraphs = paragraph_spans(text)
    starts = {s for s, _ in paragraphs}
    ends = {e for _, e in paragraphs}
    limit = min(max_chars, MAX_PARAGRAPH_CHARS)
    previous_end = 0
    for start, end in chunks:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
        assert tokens(text[start:end]) <= MAX_PIECE_TOKENS or end - start <= max_chars
        if start not in starts or end not in ends:  # a piece of an over-long paragraph
            p_start, p_end = paragraphs[paragraph_of(paragraphs, start)]
            assert p_end - p_start > limit or tokens(text[p_start:p_end]) > MAX_PIECE_TOKENS
            assert end - start <= limit and tokens(text[start:end]) <= MAX_PIECE_TOKENS
        else:
            assert end - start <= max_chars or len(paragraph_spans(text[start:end])) == 1
    covered = "".join(text[s:e] for s, e in chunks)
    assert "".join(covered.split()) == "".join(text.split())
    for (_s1, e1), (s2, _e2) in itertools.pairwise(chunks):
        assert not text[e1:s2].strip()


paragraph_texts = st.lists(
    st.one_of(
        st.sampled_from(seed_paragraphs()),
        st.text(alphabet="abc .!?«»\"'\u00a0-", min_size=1, max_size=300),
        st.builds(lambda n: ("mot " * n).strip(), st.integers(1, 3_000)),
        st.builds(lambda n: "x" * n, st.integers(1, 9_000)),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(
    paragraph_texts,
    st.lists(st.sampled_from(SEPARATORS), min_size=11, max_size=11),
    st.sampled_from([50, 500, 4_000, MAX_CHUNK_CHARS]),
)
def test_chunks_are_paragraph_aligned_and_cover_the_text(
    paragraphs: list[str], separators: list[str], max_chars: int
) -> None:
    text = paragraphs[0] + "".join(s + p for s, p in zip(separators, paragraphs[1:], strict=False))
    check_chunks(text, chunk_text(text, max_chars=max_chars), max_chars)


def test_chunks_of_a_1mb_document() -> None:
    text = long_document(MB)
    start = time.perf_counter()
    chunks = chunk_text(text)
    assert time.perf_counter() - start < 5.0
    check_chunks(text, chunks, MAX_CHUNK_CHARS)
    assert len(chunks) >= len(text) // MAX_CHUNK_CHARS


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("mot " * 30_000, id="one-paragraph-no-full-stop"),
        pytest.param("Phrase courte. " * 10_000, id="one-paragraph-of-sentences"),
        pytest.param("x" * 50_000, id="one-word"),
        pytest.param(("y" * 3_999 + " ") * 10, id="words-just-under-the-limit"),
        pytest.param("« " * 1_500, id="spaced-marks-under-the-char-limit"),
        pytest.param("Accueil | " * 300, id="menu-line"),
    ],
)
def test_an_overlong_paragraph_is_cut_into_pieces_parsed_apart(text: str) -> None:
    """Pieces of one paragraph are separate chunks: Stanza never sees a giant sentence."""
    chunks = chunk_text(text)
    check_chunks(text, chunks, MAX_CHUNK_CHARS)
    assert len(chunks) > 1
    assert max(e - s for s, e in chunks) <= MAX_PARAGRAPH_CHARS
    assert max(tokens(text[s:e]) for s, e in chunks) <= MAX_PIECE_TOKENS


# --- offsets mapped back from real Stanza chunks --------------------------------------------


def check_parse(parsed: ParsedText) -> None:
    """Words and sentences of a parse point at the right characters."""
    text = parsed.text
    paragraphs = paragraph_spans(text)
    previous = -1
    for word in parsed.words:
        assert 0 <= word.start < word.end <= len(text), word
        assert word.start >= previous
        previous = word.start
        surface = text[word.start : word.end]
        assert surface.strip() == surface, word
    tokens: dict[int, list[Any]] = {}
    for word in parsed.words:
        tokens.setdefault(word.token, []).append(word)
    for group in tokens.values():
        if len(group) == 1:  # not a multi-word token: the word is the token
            word = group[0]
            assert "".join(word.text.split()) == "".join(text[word.start : word.end].split()), word
    for sentence in parsed.sentences:
        assert sentence.first < sentence.last
        first, last = parsed.words[sentence.first], parsed.words[sentence.last - 1]
        assert (sentence.start, sentence.end) == (first.start, last.end)
        assert sentence.paragraph == paragraph_of(paragraphs, sentence.start)


@pytest.fixture(scope="module")
def small_chunks(nlp: object) -> tuple[str, ParsedText, quoteattr.QuoteList]:
    """A 7 kB article parsed by the real model in chunks of at most 600 characters."""
    text = long_document(7_000)
    small: Callable[..., list[tuple[int, int]]] = functools.partial(chunk_text, max_chars=600)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parse, "chunk_text", small)
        [parsed] = parse.parse_texts([text], nlp)
        result = quoteattr.extract(text, pipeline=nlp)
    assert len(small(text)) >= 12
    return text, parsed, result


@pytest.mark.model
def test_real_chunk_offsets_map_back_to_the_text(small_chunks: Any) -> None:
    _text, parsed, _result = small_chunks
    check_parse(parsed)


@pytest.mark.model
def test_real_chunked_extraction_keeps_offsets(small_chunks: Any) -> None:
    text, parsed, result = small_chunks
    check_invariants(text, result, parsed)
    marked = {(q.open_mark.start, q.content.start, q.content.end) for q in find_quotations(text)}
    for quote in result:
        if quote.open_mark is not None:
            assert (quote.open_mark.start, quote.content.start, quote.content.end) in marked


# --- a 1 MB article -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big(nlp: object) -> tuple[str, ParsedText, quoteattr.QuoteList, ReplayPipeline]:
    """The 1 MB article through ``extract`` (replayed parses) and its flattened parse."""
    text = long_document(MB)
    replay = ReplayPipeline(nlp)
    start = time.perf_counter()
    result = quoteattr.extract(text, pipeline=replay)
    elapsed = time.perf_counter() - start
    assert elapsed < 300, elapsed
    offsets = [s for s, _e in chunk_text(text)]
    assert len(offsets) == len(replay.docs)
    parsed = parse.from_stanza(text, list(zip(offsets, replay.docs, strict=True)))
    return text, parsed, result, replay


@pytest.mark.model
def test_1mb_article(big: Any) -> None:
    text, parsed, result, replay = big
    paragraphs = paragraph_spans(text)
    assert len(replay.chunks) >= len(text) // MAX_CHUNK_CHARS
    assert max(len(c) for c in replay.chunks) <= MAX_CHUNK_CHARS
    check_parse(parsed)
    check_invariants(text, result, parsed)
    # every copy of a paragraph gets the quotes of its first copy, at the same relative offsets
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for quote in result:
        if quote.open_mark is not None:
            p_start = paragraphs[quote.paragraph][0]
            by_paragraph.setdefault(quote.paragraph, []).append(
                (quote.content.start - p_start, quote.content.end - p_start)
            )
    first_copy: dict[str, list[tuple[int, int]]] = {}
    for index, (p_start, p_end) in enumerate(paragraphs):
        first_copy.setdefault(text[p_start:p_end], by_paragraph.get(index, []))
    assert sum(len(v) for v in first_copy.values()) >= 10
    mismatched = [
        i for i, (s, e) in enumerate(paragraphs)
        if by_paragraph.get(i, []) != first_copy[text[s:e]]
    ]  # fmt: skip
    assert len(mismatched) <= len(paragraphs) // 100, mismatched[:10]


# --- linear time ----------------------------------------------------------------------------


def _best_time(func: Callable[[], object], runs: int = 2) -> float:
    """The best CPU time of ``runs`` calls (CPU time: other jobs on the machine don't count)."""
    best = float("inf")
    for _ in range(runs):
        gc.disable()  # no collection pause of the other tests' garbage inside a timing
        try:
            start = time.process_time()
            func()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def _prefix(parsed: ParsedText, length: int) -> ParsedText:
    """The parse of ``parsed.text[:length]`` (``length`` at a paragraph end)."""
    sentences = [s for s in parsed.sentences if s.end <= length]
    words = parsed.words[: sentences[-1].last]
    assert all(w.head < len(words) for w in words)
    return ParsedText(parsed.text[:length], words, sentences)


NAMES = ["Marie Dupont", "le ministre", "Stéphane Séjourné", "la porte-parole", "Jean Martin"]
TOPICS = ["les retraites", "le budget", "l'Ukraine", "la dette", "les salaires", "l'école"]
ADJECTIVES = ["grave", "tendue", "stable", "inquiétante"]


def dense_paragraphs(count: int = 12) -> list[str]:
    """News paragraphs with three quotes and two reported statements each."""
    out = []
    for i in range(count):
        name, other = NAMES[i % len(NAMES)], NAMES[(i + 2) % len(NAMES)]
        topic, adjective = TOPICS[i % len(TOPICS)], ADJECTIVES[i % len(ADJECTIVES)]
        out.append(
            f"« Nous ne céderons pas sur {topic} », a déclaré {name}. "
            f"{other[0].upper() + other[1:]} a affirmé que la situation était {adjective}. "
            f"Selon {name}, « rien n'a changé depuis lundi ». "
            f"« Il faut rétablir la confiance », a-t-il ajouté."
        )
    return out


@pytest.mark.model
def test_attribution_time_is_linear_on_quote_dense_news(nlp: object) -> None:
    """8x the text must not take 64x the time: costs per quote × per quote grow quadratically."""
    paragraphs = dense_paragraphs()
    large = replay_parse(nlp, long_document(MB // 2, paragraphs))
    small = _prefix(large, len(long_document(MB // 16, paragraphs)))
    check_parse(large)
    assert len(large.text) >= 7.9 * len(small.text)
    t_small = _best_time(lambda: attribute(small), runs=3)
    t_large = _best_time(lambda: attribute(large), runs=1)
    assert t_large < 16 * t_small, f"1x: {t_small:.2f}s, 8x: {t_large:.2f}s"


@pytest.mark.parametrize("layer", ["marks", "chunks", "surface-attribution"])
def test_model_free_layers_are_linear_in_the_length(layer: str) -> None:
    small_text, large_text = long_document(MB // 8), long_document(MB // 2)
    if layer == "marks":
        small, large = (lambda: find_quotations(small_text)), (lambda: find_quotations(large_text))
    elif layer == "chunks":
        small, large = (lambda: chunk_text(small_text)), (lambda: chunk_text(large_text))
    else:
        p_small, p_large = surface_parse(small_text), surface_parse(large_text)
        small, large = (lambda: attribute(p_small)), (lambda: attribute(p_large))
    t_small, t_large = _best_time(small), _best_time(large)
    assert t_large < 8 * t_small, f"1x: {t_small:.3f}s, 4x: {t_large:.3f}s"


def test_seed_is_unchanged() -> None:
    assert len(seed_text()) > 2_000 and len(seed_paragraphs()) == 6
