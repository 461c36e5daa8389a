"""The one-call entry points: text in, attributed quotes out.

Data flow, top to bottom: text → quotation marks (:mod:`quoteattr.text.marks`) →
Stanza parse (:mod:`quoteattr.syntax.parse`) → reporting cues
(:mod:`quoteattr.syntax.cues`) → attribution sieves (:mod:`quoteattr.rules.sieves`,
:mod:`quoteattr.rules.reported`) → speaker resolution (:mod:`quoteattr.speakers.resolution`)
→ :class:`~quoteattr.records.Quote` records.

Example:
    >>> from quoteattr import extract
    >>> quotes = extract("« Nous ne céderons pas », a déclaré la ministre.")   # doctest: +SKIP
    >>> quotes[0].speaker.name                                               # doctest: +SKIP
    'la ministre'
"""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
import regex

from quoteattr.output.progress import parse_with_progress, progress_bar
from quoteattr.output.results import QuoteList
from quoteattr.records import CueType, MentionKind, Quote, QuoteKind, Span, Speaker, SpeakerVia
from quoteattr.rules.candidates import Candidate
from quoteattr.rules.embedded import inherit_clause_speakers, merge_quoted_clauses
from quoteattr.rules.order import rule, select
from quoteattr.rules.registry import UNATTRIBUTED, Attribution, Rule, confidence_of
from quoteattr.rules.reported import find_reported
from quoteattr.rules.sieves import attribute_quotations
from quoteattr.rules.terms import position_kind
from quoteattr.speakers.confidence import speaker_weight
from quoteattr.speakers.context import context_speakers
from quoteattr.speakers.profiles import apply_profiles
from quoteattr.speakers.resolution import Resolver
from quoteattr.speakers.speaking import speaker_mention
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import find_cues
from quoteattr.syntax.lexicon import Lexicon, default_lexicon, word_list
from quoteattr.syntax.mentions import Mention, mention_at
from quoteattr.syntax.parse import ParsedText, from_stanza, parse_texts
from quoteattr.syntax.pipeline import get_pipeline, torch_threads
from quoteattr.text.language import warn_if_not_french
from quoteattr.text.layouts import quoted_spans
from quoteattr.text.normalise import normalise as clean_typography

__all__ = ["attribute", "extract", "extract_many", "with_original_text"]

Item = Any  # str | stanza.Document | tuple[str, str | stanza.Document]

_DOUBLED_MARKS = frozenset({"<<", ">>", "''", "``", "‘‘", "‘’", "’’"})
"""Quotation marks typed as two characters, that the typography clean-up makes one."""
_FIRST_PERSON = regex.compile(r"(?i)(?<![\p{L}'’])(?:(?:je|moi|me)(?!\p{L})|[jm]['’])")
"""First-person singular words: the quoted words are a person's (an organisation says nous)."""


def extract(
    text: Any,
    *,
    pipeline: Any = None,
    model_dir: str | os.PathLike[str] | None = None,
    lexicon: Lexicon | None = None,
    threads: int | None = None,
    progress: bool = False,
    rules: Sequence[str] | None = None,
) -> QuoteList:
    """Find every quotation and reported statement of a French text.

    ``text`` is a ``str`` or an already parsed ``stanza.Document`` (it is not
    parsed again). ``pipeline`` is a caller's own Stanza pipeline; otherwise
    the shared one for ``model_dir`` is used (see
    :func:`quoteattr.syntax.pipeline.get_pipeline`). ``threads`` is the number of
    torch CPU threads for the parse (default:
    :func:`quoteattr.syntax.pipeline.default_threads`, one on a two-core machine, and
    never more than torch is already set to);
    ``progress=True`` shows a bar over the chunks of the text on standard
    error (for long texts). Empty or blank text gives an empty result;
    anything that is not text raises ``TypeError``; text that is plainly not
    French gives a :class:`~quoteattr.text.language.NotFrenchWarning`. ``rules``
    names the attribution rules to run, in that order (default: all of
    :mod:`quoteattr.rules.registry`); an unknown name raises
    :class:`~quoteattr.rules.registry.UnknownRuleError`.

    Example:
        >>> quotes = extract('"Il faut rétablir la confiance", a indiqué le ministre.')
        >>> [(q.kind.value, q.rule, q.content.text) for q in quotes]
        [('direct', 'incise_after', 'Il faut rétablir la confiance')]
    """
    if isinstance(text, tuple):
        raise TypeError("extract takes one text, not a tuple: use extract_many for (id, text)")
    setup = _Setup(lexicon if lexicon is not None else default_lexicon(), *select(rules))
    [result] = _run_batch(
        [text], pipeline, model_dir, setup, threads, None, chunk_progress=progress
    )
    return result


def extract_many(
    items: Iterable[Item],
    *,
    batch_size: int = 16,
    pipeline: Any = None,
    model_dir: str | os.PathLike[str] | None = None,
    lexicon: Lexicon | None = None,
    progress: bool | None = None,
    threads: int | None = None,
    rules: Sequence[str] | None = None,
) -> Iterator[QuoteList]:
    """Attribute quotes in many documents, streaming, in input order.

    ``items`` yields texts, parsed ``stanza.Document`` objects, or
    ``(doc_id, text)`` pairs whose id is kept on each result. Texts are
    parsed ``batch_size`` documents at a time in one Stanza call; the input
    is consumed lazily, so memory stays flat on long iterables. An item that
    is not text raises ``TypeError`` naming its index and id. ``threads`` and
    the warning on text that is not French and ``rules`` are as in :func:`extract`;
    ``progress`` shows a bar over the documents (default: when standard error
    is a terminal).

    Example:
        >>> for result in extract_many([("a1", "« Oui », dit-il."), ("a2", "Rien.")]):
        ...     print(result.doc_id, len(result))
        a1 1
        a2 0
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    setup = _Setup(lexicon if lexicon is not None else default_lexicon(), *select(rules))
    iterator = iter(items)
    bar = progress_bar(progress)
    done = 0
    try:
        while True:
            batch = list(itertools.islice(iterator, batch_size))
            if not batch:
                return
            for result in _run_batch(batch, pipeline, model_dir, setup, threads, done):
                if bar is not None:
                    bar.update(1)
                yield result
            done += len(batch)
    finally:
        if bar is not None:
            bar.close()


def _unpack(item: Item) -> tuple[str | None, Any]:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        return item[0], item[1]
    return None, item


def _text_of(obj: Any) -> tuple[str, Any]:
    """Return (text, stanza document or None), rejecting what is not text."""
    if isinstance(obj, str):
        return obj, None
    if isinstance(obj, (bytes, bytearray)):
        raise TypeError(
            "quoteattr expects str, not bytes: decode the text first (e.g. data.decode('utf-8'))"
        )
    if obj is None:
        raise TypeError("quoteattr expects a str or a stanza.Document, got None")
    try:
        import stanza
    except ImportError:  # pragma: no cover
        stanza = None
    if stanza is not None and isinstance(obj, stanza.Document):
        if obj.text is None:
            raise TypeError("this stanza.Document has no text: build it from raw text")
        return obj.text, obj
    raise TypeError(f"quoteattr expects a str or a stanza.Document, got {type(obj).__name__}")


def _document(index: int | None, doc_id: str | None) -> str:
    """How messages name a document: its id, or else its index in the input."""
    if doc_id is not None:
        return f"document {doc_id!r}" + (f" (item {index})" if index is not None else "")
    return f"item {index}" if index is not None else "the text"


def _run_batch(
    batch: list[Item],
    pipeline: Any,
    model_dir: Any,
    setup: _Setup,
    threads: int | None,
    offset: int | None,
    *,
    chunk_progress: bool = False,
) -> list[QuoteList]:
    """``offset``: index of the batch's first item in the input (``None`` for ``extract``)."""
    ids: list[str | None] = []
    texts: list[str] = []
    docs: list[Any] = []
    for n, item in enumerate(batch):
        doc_id, obj = _unpack(item)
        try:
            text, doc = _text_of(obj)
        except TypeError as exc:
            if offset is None:
                raise
            raise TypeError(f"{_document(offset + n, doc_id)}: {exc}") from None
        ids.append(doc_id)
        texts.append(text)
        docs.append(doc)
    for n, text in enumerate(texts):
        warn_if_not_french(text, _document(None if offset is None else offset + n, ids[n]))
    to_parse = [
        i for i, (t, d) in enumerate(zip(texts, docs, strict=True)) if d is None and t.strip()
    ]
    parsed: dict[int, ParsedText] = {}
    cleaned = {i: clean_typography(texts[i]) for i in to_parse}  # same length: same offsets
    if to_parse:
        nlp = pipeline if pipeline is not None else get_pipeline(model_dir)
        with torch_threads(threads):
            if chunk_progress and len(to_parse) == 1:
                results = [parse_with_progress(cleaned[to_parse[0]], nlp)]
            else:
                results = parse_texts([cleaned[i] for i in to_parse], nlp)
        for i, result in zip(to_parse, results, strict=True):
            parsed[i] = result
    for i, doc in enumerate(docs):
        if doc is not None:
            parsed[i] = from_stanza(texts[i], [(0, doc)])
    out = []
    for i, text in enumerate(texts):
        quotes = (
            attribute(parsed[i], setup.lexicon, _rules=(setup.quote_rules, setup.reported_rules))
            if i in parsed
            else []
        )
        if cleaned.get(i, text) != text:
            quotes = [with_original_text(q, text) for q in quotes]
        out.append(QuoteList(quotes, text=text, doc_id=ids[i]))
    return out


def with_original_text(quote: Quote, text: str) -> Quote:
    """``quote`` with every span's text read from the user's ``text`` again (the rules ran on
    its typography-cleaned copy, whose offsets are the same: :mod:`quoteattr.text.normalise`).

    Example:
        >>> text = "\ufeff« Non », dit-il."
        >>> q = Quote(Span(3, 6, "Non"), "direct", None, None, 0.9, "incise_after")
        >>> with_original_text(q, text).content.text
        'Non'
    """

    def again(span: Span | None) -> Span | None:
        return None if span is None else Span.of(text, span.start, span.end)

    def mark(span: Span | None, opening: bool) -> Span | None:
        """A quotation mark that the clean-up made of two characters (``<<``, ``''``) spans
        both again in the user's text."""
        if span is None or span.end - span.start != 1:
            return again(span)
        pair = text[span.start - 1 : span.end] if opening else text[span.start : span.end + 1]
        if pair in _DOUBLED_MARKS and text[span.start : span.end] != span.text:
            start, end = (span.start - 1, span.end) if opening else (span.start, span.end + 1)
            return Span.of(text, start, end)
        return again(span)

    speaker = quote.speaker
    if speaker is not None:
        speaker = attrs.evolve(
            speaker, mention=again(speaker.mention), resolved_from=again(speaker.resolved_from)
        )
    cue = quote.cue
    if cue is not None:
        cue = attrs.evolve(cue, span=Span.of(text, cue.span.start, cue.span.end))
    return attrs.evolve(
        quote,
        content=Span.of(text, quote.content.start, quote.content.end),
        open_mark=mark(quote.open_mark, opening=True),
        close_mark=mark(quote.close_mark, opening=False),
        speaker=speaker,
        cue=cue,
    )


@attrs.frozen
class _Setup:
    """What every document of one call shares: the lexicon and the chosen rules."""

    lexicon: Lexicon
    quote_rules: list[Rule]
    reported_rules: list[Rule]


def attribute(
    parsed: ParsedText,
    lexicon: Lexicon | None = None,
    rules: Sequence[str] | None = None,
    *,
    _rules: tuple[list[Rule], list[Rule]] | None = None,
) -> list[Quote]:
    """Run marks, cues, rules, speaker resolution and speaker profiles over a parsed text.

    ``rules`` names the rules to run, in order (default: all; see :func:`extract`).

    Example:
        >>> [p] = parse_texts(["« Non », dit-il."], get_pipeline())   # doctest: +SKIP
        >>> attribute(p)[0].rule                                      # doctest: +SKIP
        'incise_after'
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    quote_rules, reported_rules = _rules if _rules is not None else select(rules)
    ctx = Context(parsed, quoted_spans(parsed.text), find_cues(parsed, lex), lexicon=lex)
    terms: list[Candidate] = []
    quoted = attribute_quotations(ctx, quote_rules, terms)
    used = {  # an incise reports its quote, not a clause, unless the quote sits inside one
        a.cue.word
        for c, a in quoted
        if a is not None
        and a.cue is not None
        and rule(a.rule).owns_cue
        and position_kind(ctx, c) is QuoteKind.DIRECT
    }
    reported = merge_quoted_clauses(ctx, quoted, find_reported(ctx, used, reported_rules))
    inherit_clause_speakers(quoted, reported, terms)

    events: list[tuple[int, int, Any]] = []
    for n, (cand, att) in enumerate(quoted):
        events.append((cand.span.content.start, 0, (cand, att, n)))
    for r in reported:
        assert r.start is not None
        events.append((r.start, 1, r))
    events.sort(key=lambda e: (e[0], e[1]))

    said = frozenset(ctx.lexicon.nouns) | word_list("document_nouns.txt")  # "Sa réponse : « … »"
    resolver = Resolver(parsed, ctx.quotations, said)
    speech = [
        (r.start, r.end)
        for r in reported
        if r.kind is QuoteKind.INDIRECT and r.start is not None and r.end is not None
    ]
    resolver.note_subjects(_named_subjects(ctx, speech))
    resolved: dict[int, Any] = {}
    quotes: list[Quote] = []
    for _start, order, payload in events:
        if order == 0:
            cand, att, n = payload
            quotes.append(_quote_record(ctx, resolver, cand, att, resolved, n))
        else:
            quotes.append(_reported_record(ctx, resolver, payload))
    quotes = context_speakers(quotes)  # sorted; unattributed mixed quotes named by context
    quotes = [  # the rule's precision times how far its speaker can be trusted
        attrs.evolve(q, confidence=q.confidence * speaker_weight(q.speaker)) for q in quotes
    ]
    return apply_profiles(parsed, quotes)  # speakers' roles and types (quoteattr.speakers.profiles)


def _named_subjects(
    ctx: Context, speech: Sequence[tuple[int, int]] = ()
) -> list[tuple[Mention, int]]:
    """Named subjects of every clause: antecedents for later pronouns. ``speech`` holds the
    spans of indirect speech: a name there is the reported speaker's word, as in a quotation
    (``… a mis en garde contre une crise que Madagascar ne pourrait pas supporter. Selon lui,
    …`` is the speaker, not Madagascar)."""
    out = []
    spans = sorted(speech)
    starts = [start for start, _end in spans]
    reach = list(itertools.accumulate((end for _start, end in spans), max))
    for word in ctx.parsed.words:
        if ctx.enclosing_quote(word.end - 1) is not None:
            continue  # names inside a quotation are the quoted speaker's words, no antecedents
            # (by the word's last character: a tokenizer may glue the mark to it, "«Je")
        k = bisect.bisect_right(starts, word.start) - 1
        if k >= 0 and word.start < reach[k]:
            continue  # inside a span of indirect speech (the furthest end of those begun)
        if word.deprel in ("nsubj", "nsubj:pass") and (word.upos == "PROPN" or word.upos == "NOUN"):
            mention = mention_at(ctx.parsed, word.index)
            if mention.kind in (MentionKind.NAME, MentionKind.DESCRIPTION):
                out.append((mention, ctx.parsed.sentences[word.sentence].paragraph))
    return out


def _quote_record(
    ctx: Context,
    resolver: Resolver,
    cand: Candidate,
    att: Attribution | None,
    resolved: dict[int, Any],
    n: int,
) -> Quote:
    kind = position_kind(ctx, cand)
    speaker = None
    cue = None
    confidence = confidence_of(UNATTRIBUTED)
    rule_name = UNATTRIBUTED
    if att is not None:
        rule_name = att.rule
        confidence = att.confidence
        if att.kind is not None:
            kind = att.kind
        if att.cue is not None:
            cue = att.cue.record(ctx.parsed)
        if att.mention is not None:
            source = att.cue is not None and att.cue.entry.type is CueType.PREPOSITION
            mention = speaker_mention(ctx, att.mention, cand.span, source=source)
            person = _FIRST_PERSON.search(cand.span.content.text) is not None
            speaker = resolver.resolve(mention, cand.paragraph, person=person)
        elif att.follows is not None or att.previous is not None:
            prior = resolved.get(id(att.follows))
            if att.previous is not None:  # a dialogue turn: the first earlier speaker not the last
                last = resolved.get(id(att.previous))
                last_name = last.name if last is not None else None
                prior = next(
                    (
                        s
                        for s in (resolved.get(id(o)) for o in att.others)
                        if s is not None and s.name is not None and s.name != last_name
                    ),
                    None,
                )
            if prior is not None and prior.name is not None:
                speaker = Speaker(
                    None, prior.name, prior.kind, prior.mention, via=SpeakerVia.CONTINUATION
                )
            else:
                rule_name, confidence = UNATTRIBUTED, confidence_of(UNATTRIBUTED)
        resolved[id(att)] = speaker
    content = cand.span.content
    if att is not None and att.content_end is not None:
        end = att.content_end
        while end > content.start and ctx.text[end - 1].isspace():
            end -= 1
        if end > content.start:
            content = Span.of(ctx.text, content.start, end)
    return Quote(
        content,
        kind,
        speaker,
        cue,
        confidence,
        rule_name,
        cand.span.open_mark,
        cand.span.close_mark,
        cand.sentence,
        cand.paragraph,
    )


def _reported_record(ctx: Context, resolver: Resolver, r: Attribution) -> Quote:
    assert r.start is not None and r.end is not None and r.sentence is not None
    assert r.kind is not None and r.cue is not None
    first = ctx.word_at(r.start)
    index = ctx.parsed.words[first].sentence if first is not None else r.sentence
    sentence = ctx.parsed.sentences[min(index, r.sentence)]
    mention = speaker_mention(ctx, r.mention, source=r.cue.entry.type is CueType.PREPOSITION)
    speaker = resolver.resolve(mention, sentence.paragraph)
    return Quote(
        Span.of(ctx.text, r.start, r.end),
        r.kind,
        speaker,
        r.cue.record(ctx.parsed),
        r.confidence,
        r.rule,
        None,
        None,
        sentence.index,
        sentence.paragraph,
    )
