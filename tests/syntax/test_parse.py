"""The parse layer: Stanza words mapped back to exact offsets, batching, chunking, inputs."""

from __future__ import annotations

import pytest

from quoteattr import extract
from quoteattr.syntax.parse import chunk_text, parse_texts

MWT_TEXT = "Le ministre du Travail a parlé au président des États-Unis. « Non », a-t-il répondu."


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Un.\n\nDeux.", 5, [(0, 3), (5, 10)]),
        ("Un.\n\nDeux.", 100, [(0, 10)]),
        ("  \n\n  ", 100, []),
        ("Phrase une. Phrase deux. Phrase trois.", 100, [(0, 38)]),
        ("Ligne une.\nLigne deux.", 100, [(0, 10), (11, 22)]),
    ],
)
def test_chunks_follow_paragraphs(text: str, limit: int, expected: list[tuple[int, int]]) -> None:
    assert chunk_text(text, max_chars=limit) == expected


def test_a_paragraph_longer_than_the_limit_is_cut_at_a_sentence_end() -> None:
    text = " ".join(["Le ministre a parlé."] * 400)
    chunks = chunk_text(text)
    assert len(chunks) > 1
    assert all(text[s:e].strip() == text[s:e] for s, e in chunks)
    assert "".join(text[s:e] for s, e in chunks).replace(" ", "") == text.replace(" ", "")
    assert all(text[e - 1] == "." for s, e in chunks[:-1])


@pytest.mark.model
def test_multi_word_tokens_and_clitics_keep_exact_offsets(nlp: object) -> None:
    [parsed] = parse_texts([MWT_TEXT], nlp)
    for word in parsed.words:
        token_text = MWT_TEXT[word.start : word.end]
        assert token_text.strip() == token_text and token_text
    by_token: dict[int, list[str]] = {}
    for word in parsed.words:
        by_token.setdefault(word.token, []).append(word.text)
    spans = {MWT_TEXT[w.start : w.end]: by_token[w.token] for w in parsed.words}
    assert spans["du"] == ["de", "le"]
    assert spans["au"] == ["à", "le"]
    assert spans["des"] == ["de", "les"]
    assert "-t-il" in spans
    heads = [w.head for w in parsed.words]
    assert all(-1 <= h < len(parsed.words) for h in heads)


@pytest.mark.model
def test_chunked_parse_maps_offsets_back(nlp: object) -> None:
    paragraph = "« Nous ne céderons pas », a déclaré la ministre du Travail."
    text = "\n\n".join([paragraph] * 3)
    [parsed] = parse_texts([text], nlp)
    import quoteattr.syntax.parse as parse_module

    original = parse_module.MAX_CHUNK_CHARS
    try:
        parse_module.MAX_CHUNK_CHARS = len(paragraph) + 1
        [small] = parse_texts([text], nlp)
    finally:
        parse_module.MAX_CHUNK_CHARS = original
    assert [(w.text, w.start, w.end) for w in small.words] == [
        (w.text, w.start, w.end) for w in parsed.words
    ]
    assert [s.paragraph for s in small.sentences] == [0, 1, 2]


@pytest.mark.model
def test_an_already_parsed_stanza_document_is_not_parsed_again(nlp: object) -> None:
    import stanza

    doc = nlp("« La situation est grave », estime Jean Dupont.")  # type: ignore[operator]

    class NoPipeline:
        def bulk_process(self, docs: object) -> object:
            raise AssertionError("parsed twice")

    quotes = extract(doc, pipeline=NoPipeline())
    assert isinstance(doc, stanza.Document)
    assert [(q.content.text, q.speaker_name) for q in quotes] == [
        ("La situation est grave", "Jean Dupont")
    ]


@pytest.mark.model
def test_a_callers_own_pipeline_is_used(nlp: object) -> None:
    calls = []

    class Spy:
        def bulk_process(self, docs: list[object]) -> object:
            calls.append(len(docs))
            return nlp.bulk_process(docs)  # type: ignore[attr-defined]

    quotes = extract("« Oui », a répondu la ministre.", pipeline=Spy())
    assert calls == [1]
    assert quotes[0].speaker_name == "la ministre"
