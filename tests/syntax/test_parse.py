"""The parse layer: Stanza words mapped back to exact offsets, batching, chunking, inputs."""

from __future__ import annotations

import pytest

from quoteattr import extract
from quoteattr.syntax.parse import (
    MAX_JOINED_WORDS,
    Sentence,
    Word,
    chunk_text,
    join_unfinished,
    parse_texts,
)

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


# sentences the tokenizer ended without final punctuation are joined to the next of the line


def _piece(words: list[tuple[str, str]], start: int = 0) -> tuple[str, list[Word]]:
    """Words ``(text, upos)`` separated by spaces, one sentence per ``|`` word."""
    text, out, sentence, pos = "", [], 0, start
    for form, upos in words:
        if form == "|":
            sentence += 1
            continue
        if text:
            text += " "
            pos += 1
        out.append(
            Word(
                len(out), sentence, form, form, upos, {}, -1, "root", pos, pos + len(form), len(out)
            )
        )
        text += form
        pos += len(form)
    return text, out


def _sentences(words: list[Word], paragraph_of: dict[int, int] | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    for w in words:
        if not out or out[-1].index != w.sentence:
            para = (paragraph_of or {}).get(w.sentence, 0)
            out.append(Sentence(w.sentence, w.index, w.index + 1, w.start, w.end, para))
        else:
            out[-1].last, out[-1].end = w.index + 1, w.end
    return out


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        # "« … », raconte" | "Me Marion Roucou." : one sentence
        ([("»", "PUNCT"), (",", "PUNCT"), ("raconte", "VERB"), ("|", ""), ("Me", "PRON"),
          ("Roucou", "PROPN"), (".", "PUNCT")], [(0, 6)]),
        # "a déclaré :" | "« Non . »" : one sentence
        ([("a", "AUX"), ("déclaré", "VERB"), (":", "PUNCT"), ("|", ""), ("«", "PUNCT"),
          ("Non", "INTJ"), (".", "PUNCT"), ("»", "PUNCT")], [(0, 7)]),
        # a full stop, a question mark, a full stop before a closing mark end their sentence
        ([("Oui", "INTJ"), (".", "PUNCT"), ("|", ""), ("Non", "INTJ"), ("?", "PUNCT"), ("|", ""),
          ("«", "PUNCT"), ("Si", "INTJ"), (".", "PUNCT"), ("»", "PUNCT"), ("|", ""),
          ("Fin", "NOUN")], [(0, 2), (2, 4), (4, 8), (8, 9)]),
    ],
)  # fmt: skip
def test_unfinished_sentences_are_joined(
    pieces: list[tuple[str, str]], expected: list[tuple[int, int]]
) -> None:
    text, words = _piece(pieces)
    joined = join_unfinished(text, words, _sentences(words))
    assert [(s.first, s.last) for s in joined] == expected
    assert [s.index for s in joined] == list(range(len(joined)))
    for s in joined:
        assert all(words[i].sentence == s.index for i in range(s.first, s.last))


def test_a_line_break_or_a_new_paragraph_always_ends_a_sentence() -> None:
    text = "Titre sans point\nLe texte commence."
    words = [
        Word(0, 0, "Titre", "titre", "NOUN", {}, -1, "root", 0, 5, 0),
        Word(1, 0, "point", "point", "NOUN", {}, 0, "nmod", 11, 16, 1),
        Word(2, 1, "texte", "texte", "NOUN", {}, -1, "root", 20, 25, 2),
        Word(3, 1, ".", ".", "PUNCT", {}, 2, "punct", 35, 36, 3),
    ]
    sentences = [Sentence(0, 0, 2, 0, 16, 0), Sentence(1, 2, 4, 17, 36, 1)]
    assert [(s.first, s.last) for s in join_unfinished(text, words, sentences)] == [(0, 2), (2, 4)]


def test_a_text_without_full_stops_stays_cut_in_pieces() -> None:
    pieces = [(f"mot{i}", "NOUN") if i % 100 else ("|", "") for i in range(1, 1000)]
    text, words = _piece(pieces)
    joined = join_unfinished(text, words, _sentences(words))
    assert all(s.last - s.first <= MAX_JOINED_WORDS for s in joined)
