"""Dependency parses mapped back onto exact character offsets.

Stanza's output is flattened into one :class:`ParsedText`: every syntactic
word (``du`` → ``de`` + ``le``) becomes a :class:`Word` with document-wide
indexes, its head as a document-wide index, and the character span of the
token it belongs to in the caller's string. Long texts are cut into
paragraph-aligned chunks that Stanza parses in one batched call.

Example:
    >>> from quoteattr.syntax.parse import chunk_text
    >>> chunk_text("Un.\\n\\nDeux.", max_chars=5)
    [(0, 3), (5, 10)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from quoteattr.text.french import normalise
from quoteattr.text.marks import paragraph_spans

__all__ = ["ParsedText", "Sentence", "Word", "chunk_text", "from_stanza", "parse_texts"]

MAX_CHUNK_CHARS = 20_000
"""Paragraphs are grouped into chunks of at most this many characters."""
MAX_PARAGRAPH_CHARS = 4_000
"""A paragraph longer than this is cut at a sentence end or a space."""
MAX_PIECE_TOKENS = 500
"""A paragraph with more tokens than this is cut the same way: Stanza's dependency
parser is quadratic in the sentence length, so a paragraph without sentence ends
(a menu, a run of spaced marks) must not reach it as one huge sentence."""
_CUT_SPACES = (" ", "\t", "\u00a0", "\u202f", "\u2009", "\u3000")
"""Where an over-long paragraph without a sentence end may be cut."""
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
"""A rough token: a run of word characters or one other non-space character."""


@attrs.define(slots=True, eq=False)
class Word:
    """One syntactic word of the parse, with offsets into the input text."""

    index: int
    sentence: int
    text: str
    lemma: str
    upos: str
    feats: dict[str, str]
    head: int
    """Document-wide index of the head word, ``-1`` for the root."""
    deprel: str
    start: int
    end: int
    token: int
    """Document-wide index of the token (several words share an MWT token)."""
    norm: str = attrs.field(init=False)
    """The comparison form of :attr:`text` (:func:`quoteattr.text.french.normalise`):
    lowercase, ``'`` for ``’``; every rule compares this, never the raw text."""
    rel: str = attrs.field(init=False)
    """The deprel without its subtype (``nsubj:pass`` → ``nsubj``)."""

    def __attrs_post_init__(self) -> None:
        self.norm = normalise(self.text)
        self.rel = self.deprel.split(":", 1)[0]


@attrs.define(slots=True, eq=False)
class Sentence:
    """A parsed sentence: a contiguous range of :attr:`ParsedText.words`."""

    index: int
    first: int
    last: int
    """Index one past the sentence's last word."""
    start: int
    end: int
    paragraph: int


@attrs.define(slots=True, eq=False)
class ParsedText:
    """The whole parsed document with lookup tables built once."""

    text: str
    words: list[Word]
    sentences: list[Sentence]
    children: list[list[int]] = attrs.field(init=False)
    paragraphs: list[tuple[int, int]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.children = [[] for _ in self.words]
        for word in self.words:
            if word.head >= 0:
                self.children[word.head].append(word.index)
        self.paragraphs = paragraph_spans(self.text)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form of the parse (text, words, sentences), read back by :meth:`from_dict`.

        Example:
            >>> words = [Word(0, 0, "Oui", "oui", "INTJ", {}, -1, "root", 0, 3, 0),
            ...          Word(1, 0, ".", ".", "PUNCT", {}, 0, "punct", 3, 4, 1)]
            >>> p = ParsedText("Oui.", words, [Sentence(0, 0, 2, 0, 4, 0)])
            >>> ParsedText.from_dict(p.to_dict()).words[1].head
            0
        """
        return {
            "text": self.text,
            "words": [
                [
                    w.sentence,
                    w.text,
                    w.lemma,
                    w.upos,
                    w.feats,
                    w.head,
                    w.deprel,
                    w.start,
                    w.end,
                    w.token,
                ]
                for w in self.words
            ],
            "sentences": [[s.first, s.last, s.start, s.end, s.paragraph] for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedText:
        """Rebuild a parse saved by :meth:`to_dict` (no model needed).

        Example:
            >>> ParsedText.from_dict({"text": "", "words": [], "sentences": []}).words
            []
        """
        words = [Word(i, *row) for i, row in enumerate(data["words"])]
        sentences = [Sentence(i, *row) for i, row in enumerate(data["sentences"])]
        return cls(data["text"], words, join_unfinished(data["text"], words, sentences))

    def kids(self, index: int, *rels: str) -> list[Word]:
        """Children of word ``index``, optionally only those with a deprel in ``rels``.

        A rel without subtype (``nsubj``) matches every subtype (``nsubj:pass``).
        """
        out = []
        for child in self.children[index]:
            word = self.words[child]
            if not rels or word.deprel in rels or word.rel in rels:
                out.append(word)
        return out

    def subtree(self, index: int) -> list[int]:
        """Indexes of the words dominated by ``index`` (itself included), sorted."""
        seen = [index]
        stack = [index]
        while stack:
            for child in self.children[stack.pop()]:
                seen.append(child)
                stack.append(child)
        return sorted(seen)


def chunk_text(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into paragraph-aligned ``(start, end)`` chunks.

    Paragraphs separated by a blank line are grouped up to ``max_chars``; lines
    separated by a single line break are kept apart (Stanza would read them as
    one sentence). A single paragraph longer than
    :data:`MAX_PARAGRAPH_CHARS` (or with more than :data:`MAX_PIECE_TOKENS`
    tokens) is cut after a sentence end or at a space, and its pieces are
    parsed apart. Every chunk starts and ends on a visible character (a space or an
    invisible format character at a paragraph's edge is blank: ``paragraph_spans``).

    Example:
        >>> chunk_text("A b.\\nC d.", max_chars=100)
        [(0, 4), (5, 9)]
    """
    limit = min(max_chars, MAX_PARAGRAPH_CHARS)
    chunks: list[tuple[int, int]] = []
    joinable = False  # whether the last chunk may take in the next paragraph
    for start, end in paragraph_spans(text):
        if end - start > limit or _nth_token_end(text, start, end, MAX_PIECE_TOKENS + 1):
            # A very long paragraph is parsed piece by piece, never merged back, so
            # that no Stanza sentence can grow past the limit.
            chunks.extend(_split_long(text, start, end, limit))
            joinable = False
        elif (
            joinable
            and end - chunks[-1][0] <= max_chars
            and _blank_line(text, chunks[-1][1], start)
        ):
            chunks[-1] = (chunks[-1][0], end)
        else:
            chunks.append((start, end))
            joinable = True
    return chunks


def _nth_token_end(text: str, start: int, end: int, n: int) -> int | None:
    """The offset just after the ``n``-th token of ``text[start:end]``, or None."""
    for count, match in enumerate(_TOKEN_RE.finditer(text, start, end), 1):
        if count >= n:
            return match.end()
    return None


def _blank_line(text: str, prev_end: int, start: int) -> bool:
    """Stanza ends sentences at a blank line, not at a single line break: paragraphs
    separated by a single newline (dialogue lines, scraped text) are parsed apart."""
    gap = text[prev_end:start]
    return gap.count("\n") >= 2 and not gap.strip()


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    out = []
    while start < end:
        window_end = min(start + limit, _nth_token_end(text, start, end, MAX_PIECE_TOKENS) or end)
        if window_end >= end:
            out.append((start, end))
            break
        size = window_end - start
        window = text[start:window_end]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        if cut >= size // 4:
            stop = start + cut + 1  # just after the sentence end
        else:
            space = max(window.rfind(c) for c in _CUT_SPACES)
            stop = start + (space if space >= size // 4 else size)
            while stop > start + 1 and text[stop - 1].isspace():
                stop -= 1  # pieces end on a non-space, like paragraphs
        out.append((start, stop))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    return out


def from_stanza(text: str, docs: Sequence[tuple[int, Any]]) -> ParsedText:
    """Flatten Stanza documents parsed from chunks of ``text`` into a :class:`ParsedText`.

    ``docs`` pairs each Stanza ``Document`` with the offset of its chunk in
    ``text``.

    Example:
        >>> parsed = from_stanza("", [])
        >>> parsed.words, parsed.sentences
        ([], [])
    """
    words: list[Word] = []
    sentences: list[Sentence] = []
    paragraphs = paragraph_spans(text)
    token_index = 0
    para = 0
    for offset, doc in docs:
        for sent in doc.sentences:
            base = len(words)
            sent_start: int | None = None
            sent_end = 0
            for token in sent.tokens:
                start, end = _token_offsets(text, offset, token)
                if sent_start is None:
                    sent_start = start
                sent_end = end
                for word in token.words:
                    feats = _parse_feats(word.feats)
                    head = base + word.head - 1 if word.head else -1
                    words.append(
                        Word(
                            index=len(words),
                            sentence=len(sentences),
                            text=word.text,
                            lemma=word.lemma or word.text,
                            upos=word.upos or "X",
                            feats=feats,
                            head=head,
                            deprel=word.deprel or "dep",
                            start=start,
                            end=end,
                            token=token_index,
                        )
                    )
                token_index += 1
            if sent_start is None:
                continue
            while para + 1 < len(paragraphs) and paragraphs[para][1] <= sent_start:
                para += 1
            sentences.append(Sentence(len(sentences), base, len(words), sent_start, sent_end, para))
    return ParsedText(text, words, join_unfinished(text, words, sentences))


_FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "??"})
"""Punctuation that ends a sentence (a closing mark or bracket after it too)."""
_CLOSERS = frozenset({"»", "”", '"', "’", "›", ")", "]"})
MAX_JOINED_WORDS = 160
"""Two pieces are not joined past this many words (a text without any full stop stays cut)."""


def join_unfinished(text: str, words: list[Word], sentences: list[Sentence]) -> list[Sentence]:
    """Join a sentence the tokenizer ended without final punctuation to the next one of the
    same line: ``« … », raconte`` | ``Me Marion Roucou, …`` or ``a déclaré :`` | ``« … »``
    are one sentence. A sentence ends with ``.``, ``!``, ``?`` or ``…`` (a closing mark after
    it), or at a line break. The words keep their dependency heads; only sentence
    membership changes.

    Example:
        >>> ws = [Word(0, 0, "a", "avoir", "AUX", {}, 1, "aux", 0, 1, 0),
        ...       Word(1, 0, "dit", "dire", "VERB", {}, -1, "root", 2, 5, 1),
        ...       Word(2, 1, "Paul", "Paul", "PROPN", {}, -1, "root", 6, 10, 2),
        ...       Word(3, 1, ".", ".", "PUNCT", {}, 2, "punct", 10, 11, 3)]
        >>> ss = [Sentence(0, 0, 2, 0, 5, 0), Sentence(1, 2, 4, 6, 11, 0)]
        >>> [(s.first, s.last) for s in join_unfinished("a dit Paul.", ws, ss)]
        [(0, 4)]
    """
    if len(sentences) < 2:
        return sentences
    out: list[Sentence] = []
    for sentence in sentences:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and "\n" not in text[previous.end : sentence.start]
            and not _finished(words, previous)
            and sentence.last - previous.first <= MAX_JOINED_WORDS
        ):
            out[-1] = Sentence(
                previous.index,
                previous.first,
                sentence.last,
                previous.start,
                sentence.end,
                previous.paragraph,
            )
        else:
            out.append(
                Sentence(
                    len(out),
                    sentence.first,
                    sentence.last,
                    sentence.start,
                    sentence.end,
                    sentence.paragraph,
                )
            )
    if len(out) == len(sentences):
        return sentences
    for s in out:
        for i in range(s.first, s.last):
            words[i].sentence = s.index
    return out


def _finished(words: list[Word], sentence: Sentence) -> bool:
    i = sentence.last - 1
    while i > sentence.first and words[i].text in _CLOSERS:
        i -= 1
    last = words[i].text
    return last in _FINAL or last.endswith((".", "!", "?", "…")) or i == sentence.first


def _token_offsets(text: str, offset: int, token: Any) -> tuple[int, int]:
    start = offset + int(token.start_char)
    end = offset + int(token.end_char)
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"Stanza token {token.text!r} has offsets outside the text")
    return start, end


def _parse_feats(feats: str | None) -> dict[str, str]:
    if not feats:
        return {}
    out = {}
    for pair in feats.split("|"):
        key, _, value = pair.partition("=")
        out[key] = value
    return out


def parse_texts(texts: Sequence[str], nlp: Any) -> list[ParsedText]:
    """Parse several texts with one batched pipeline call.

    Each text is cut into chunks (:func:`chunk_text`); all chunks of all
    texts go through Stanza together, then are put back per text.

    Example:
        >>> from quoteattr.syntax.pipeline import get_pipeline
        >>> [p] = parse_texts(["Il a dit non."], get_pipeline())   # doctest: +SKIP
        >>> [w.text for w in p.words]                               # doctest: +SKIP
        ['Il', 'a', 'dit', 'non', '.']
    """
    import stanza

    from quoteattr.syntax.pipeline import run_lock

    plan: list[tuple[int, int, int]] = []
    inputs = []
    for i, text in enumerate(texts):
        for start, end in chunk_text(text):
            plan.append((i, start, end))
            inputs.append(stanza.Document([], text=text[start:end]))
    if inputs:
        with run_lock(nlp):
            parsed = nlp.bulk_process(inputs)
    else:
        parsed = []
    per_text: list[list[tuple[int, Any]]] = [[] for _ in texts]
    for (i, start, _end), doc in zip(plan, parsed, strict=True):
        per_text[i].append((start, doc))
    return [from_stanza(text, per_text[i]) for i, text in enumerate(texts)]
