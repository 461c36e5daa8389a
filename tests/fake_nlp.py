"""Stand-ins for a Stanza pipeline, for inputs too big to parse on CPU in a test.

Both return real ``stanza.Document`` objects from ``bulk_process`` with
token offsets into each chunk, so :func:`quoteattr.syntax.parse.parse_texts`,
:func:`quoteattr.syntax.parse.from_stanza` and the whole attribution layer run
exactly as with the real model.

* :class:`ReplayPipeline` parses each distinct paragraph once with the real
  pipeline and replays that parse, shifted, wherever the paragraph occurs:
  a 1 MB article made of repeated paragraphs costs the parse of one copy.
* :class:`SurfacePipeline` needs no model: tokens from a regular
  expression, sentences cut at ``.!?`` (or every 40 tokens), a flat tree.
  :func:`surface_parse` builds the same parse as a
  :class:`~quoteattr.syntax.parse.ParsedText` directly (no ``stanza.Document``), to
  time the attribution layer alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from stanza.models.common.doc import Document

from quoteattr.syntax.parse import ParsedText, Sentence, Word
from quoteattr.text.marks import paragraph_spans

_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def _shift(entry: dict[str, Any], offset: int) -> dict[str, Any]:
    entry = dict(entry)
    for key in ("start_char", "end_char"):
        if entry.get(key) is not None:
            entry[key] += offset
    entry.pop("misc", None)
    return entry


class ReplayPipeline:
    """Parse every distinct paragraph once with ``nlp``; replay it elsewhere."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.cache: dict[str, list[list[dict[str, Any]]]] = {}
        self.chunks: list[str] = []
        self.docs: list[Document] = []

    def bulk_process(self, docs: Sequence[Any]) -> list[Document]:
        wanted = {doc.text[s:e] for doc in docs for s, e in paragraph_spans(doc.text)}
        missing = sorted(wanted - self.cache.keys())
        if missing:
            parsed = self.nlp.bulk_process([Document([], text=p) for p in missing])
            for paragraph, doc in zip(missing, parsed, strict=True):
                self.cache[paragraph] = doc.to_dict()
        out = []
        for doc in docs:
            self.chunks.append(doc.text)
            sentences = []
            for start, end in paragraph_spans(doc.text):
                for sentence in self.cache[doc.text[start:end]]:
                    sentences.append([_shift(entry, start) for entry in sentence])
            out.append(Document(sentences, text=doc.text))
        self.docs.extend(out)
        return out


class SurfacePipeline:
    """A model-free parser: regex tokens, punctuation-cut sentences, a flat tree."""

    def __init__(self, max_sentence: int = 40) -> None:
        self.max_sentence = max_sentence
        self.chunks: list[str] = []

    def bulk_process(self, docs: Sequence[Any]) -> list[Document]:
        out = []
        for doc in docs:
            self.chunks.append(doc.text)
            out.append(Document(self._sentences(doc.text), text=doc.text))
        return out

    def _sentences(self, text: str) -> list[list[dict[str, Any]]]:
        return surface_sentences(text, self.max_sentence)


def surface_sentences(text: str, max_sentence: int = 40) -> list[list[dict[str, Any]]]:
    """CoNLL-U style token dicts of a model-free parse of ``text``."""
    sentences: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    for match in _TOKEN_RE.finditer(text):
        form = match.group()
        punct = not (form[0].isalnum() or form[0] == "_")
        current.append(
            {
                "id": len(current) + 1,
                "text": form,
                "lemma": form.lower(),
                "upos": "PUNCT" if punct else ("PROPN" if form[0].isupper() else "X"),
                "head": 0 if not current else 1,
                "deprel": "root" if not current else ("punct" if punct else "dep"),
                "start_char": match.start(),
                "end_char": match.end(),
            }
        )
        if form in ".!?" or len(current) >= max_sentence:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def surface_parse(text: str, max_sentence: int = 40) -> ParsedText:
    """The :class:`SurfacePipeline` parse of ``text`` as a ``ParsedText``, built directly."""
    words: list[Word] = []
    sentences: list[Sentence] = []
    paragraphs = paragraph_spans(text)
    para = 0
    for sentence in surface_sentences(text, max_sentence):
        base = len(words)
        for entry in sentence:
            words.append(
                Word(
                    index=len(words),
                    sentence=len(sentences),
                    text=entry["text"],
                    lemma=entry["lemma"],
                    upos=entry["upos"],
                    feats={},
                    head=base + entry["head"] - 1 if entry["head"] else -1,
                    deprel=entry["deprel"],
                    start=entry["start_char"],
                    end=entry["end_char"],
                    token=len(words),
                )
            )
        start, end = sentence[0]["start_char"], sentence[-1]["end_char"]
        while para + 1 < len(paragraphs) and paragraphs[para][1] <= start:
            para += 1
        sentences.append(Sentence(len(sentences), base, len(words), start, end, para))
    return ParsedText(text, words, sentences)


def replay_parse(nlp: Any, text: str) -> ParsedText:
    """The parse :class:`ReplayPipeline` would give ``text``, assembled directly.

    Each distinct paragraph is parsed once by ``nlp``; its words and sentences
    are then copied, shifted, wherever the paragraph occurs (no
    ``stanza.Document`` is built: fast enough to time the attribution layer on
    large documents).
    """
    from quoteattr.syntax.parse import parse_texts

    spans = paragraph_spans(text)
    distinct = sorted({text[s:e] for s, e in spans})
    parsed = dict(zip(distinct, parse_texts(distinct, nlp), strict=True))
    words: list[Word] = []
    sentences: list[Sentence] = []
    tokens = 0
    for number, (start, end) in enumerate(spans):
        piece = parsed[text[start:end]]
        base, first_sentence = len(words), len(sentences)
        for w in piece.words:
            words.append(
                Word(
                    index=base + w.index,
                    sentence=first_sentence + w.sentence,
                    text=w.text,
                    lemma=w.lemma,
                    upos=w.upos,
                    feats=w.feats,
                    head=base + w.head if w.head >= 0 else -1,
                    deprel=w.deprel,
                    start=start + w.start,
                    end=start + w.end,
                    token=tokens + w.token,
                )
            )
        tokens += (piece.words[-1].token + 1) if piece.words else 0
        for s in piece.sentences:
            sentences.append(
                Sentence(
                    first_sentence + s.index,
                    base + s.first,
                    base + s.last,
                    start + s.start,
                    start + s.end,
                    number,
                )
            )
    return ParsedText(text, words, sentences)
