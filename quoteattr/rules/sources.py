"""``selon X``, ``d'après X``, ``pour X``: statements attributed to a source without a verb.

* ``according_to`` Selon X, … / …, d'après X. / Pour X, … / X, pour qui …

The source is the preposition's object (or the author or agent of the document it names:
:func:`quoteattr.syntax.subjects.preposition_object`); the content is the clause in its scope. This
rule registers after those of :mod:`quoteattr.rules.objects`.

Example:
    >>> from quoteattr.rules.order import rule
    >>> rule("according_to").stage
    'reported'
"""

from __future__ import annotations

from quoteattr.records import CueType, MentionKind, QuoteKind
from quoteattr.rules.registry import Attribution, register
from quoteattr.rules.reported import statement
from quoteattr.syntax.clauses import (
    clause_end,
    last_content_word,
    one_quote,
    quote_opens_clause,
    respect_quotes,
    sentence_bounds,
)
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.figures import Figure, FigureEdge, figure_before
from quoteattr.syntax.mentions import Mention
from quoteattr.syntax.parse import Word
from quoteattr.syntax.phrases import preposition_object
from quoteattr.text.french import QUE

__all__: list[str] = []


def _source_phrase_end(ctx: Context, after: Word, last: int) -> Word:
    """The comma that closes a preposed source phrase when the mention stopped short of it
    (``Selon un sondage Elabe publié jeudi, …``): a few words without a finite verb."""
    words = ctx.parsed.words
    for w in words[after.index : min(after.index + 10, last)]:
        if w.text == ",":
            return w
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin":
            break
    return after


def _finite_before(ctx: Context, first: int, end: int) -> bool:
    """A finite verb among the words ``[first, end)``: a clause of its own."""
    return any(
        w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin"
        for w in ctx.parsed.words[first:end]
    )


def _clause_follows(ctx: Context, i: int, last: int) -> bool:
    """A finite verb comes before the next comma: a clause, not an apposition, starts at ``i``."""
    for w in ctx.parsed.words[i:last]:
        if w.text == ",":
            return False
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin":
            return True
    return False


def _parenthesised(ctx: Context, cue: CueMatch) -> bool:
    """``(selon la police)``: the source phrase stands in brackets."""
    words = ctx.parsed.words
    return cue.first > 0 and words[cue.first - 1].text == "("


_OPENING_WORDS = frozenset({"ADV", "CCONJ"})
"""What may stand before a source that opens its clause (``Mais toujours selon X, …``)."""


def _opens_clause(ctx: Context, cue: CueMatch, first: int) -> bool:
    """The source opens its clause: after nothing but adverbs and coordinators (``Toujours
    selon le parquet, …``, ``Mais, d'après X, …``), after a conjunction (``car selon eux,
    …``) or after a sentence's end."""
    words = ctx.parsed.words
    before = cue.first - 1
    if before >= first and words[before].text in (".", "!", "?"):
        return True
    if before > first and words[before].text == ",":
        before -= 1  # "mais, selon X, …"
    if before >= first and words[before].upos in ("CCONJ", "SCONJ"):
        return True  # "car selon eux, …", "parce que, d'après X, …": the clause it opens
    return all(
        w.upos in _OPENING_WORDS or (w.text == "," and i > first)
        for i, w in enumerate(words[first : cue.first], start=first)
    )


def _past_source_apposition(ctx: Context, start: Word, last: int) -> Word:
    """The clause after a participle or relative set between commas after the source
    (``Selon le rapport, rendu public jeudi, 40 % …``, ``Selon X, qui cite …, l'accord …``),
    also a word followed by ``par`` that a parser did not read as a participle (``Selon X,
    joint par téléphone, …``)."""
    words = ctx.parsed.words
    while (
        start.feats.get("VerbForm") == "Part"
        or start.norm in ("qui", "dont")
        or (start.index + 1 < last and words[start.index + 1].norm == "par")  # "joint par X,"
    ):
        comma = next((w for w in words[start.index : last] if w.text in (",", ";")), None)
        if comma is None or comma.text != "," or not _clause_follows(ctx, comma.index + 1, last):
            break
        start = words[comma.index + 1]
    return start


def _closes_clause(ctx: Context, cue: CueMatch, mention: Mention, last: int) -> bool:
    """The source phrase ends its clause: nothing follows it in the sentence, or only a
    comma and a coordinated clause (``… selon un sondage publié dans El País, et beaucoup
    …``)."""
    words = ctx.parsed.words
    if not any(w.text in (",", ";", ":") for w in words[cue.last + 1 : last]):
        return True
    after = ctx.next_word(max(mention.end, mention.name[1] if mention.name else 0))
    if after is None or after.index >= last:
        return True
    if after.norm in _RELATIVE_ON_SOURCE or after.text in (".", "!", "?", "…"):
        return True  # "…, selon une source policière qui fait état de …": about the source
    if after.text != ",":
        after = _source_phrase_end(ctx, after, last)
    return (
        after.text == ","
        and after.index + 1 < last
        and words[after.index + 1].upos == "CCONJ"
        and words[after.index + 1].norm in ("et", "mais", "or")
    ) or (
        after.text == ","
        and (
            _apposition_to_end(ctx, after, last)
            or any(  # "… à Lyon selon la préfecture, 10 000 selon les organisateurs"
                c.entry.type is CueType.PREPOSITION for c in _cues_in(ctx, after.index + 1, last)
            )
        )
    )


_RELATIVE_ON_SOURCE = frozenset({"qui"})


def _apposition_to_end(ctx: Context, comma: Word, last: int) -> bool:
    """After the source's comma, up to the sentence's end, only words about the source: a
    relative on it, or a participle, adjective or noun phrase without a finite verb (``…, selon
    une source proche de l'enquête, citée par l'AFP.``, ``…, selon X, une ONG fondée en
    2001.``); not an adjunct of the statement (``…, selon lui, pour initier un dialogue``)."""
    words = ctx.parsed.words
    rest = words[comma.index + 1 : last]
    if not rest:
        return False
    if rest[0].norm in _RELATIVE_ON_SOURCE:
        return True
    participle = rest[0].upos == "VERB" and rest[0].feats.get("VerbForm") == "Part"
    by = len(rest) > 1 and rest[1].norm == "par"  # "joint par téléphone", however tagged
    noun_phrase = (  # "…, selon X, une ONG fondée en 2001.", not a subject "…, la ministre …"
        rest[0].upos == "DET" and rest[0].feats.get("Definite") == "Ind"
    )
    return (participle or by or noun_phrase or rest[0].upos == "ADJ") and not any(
        w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin" for w in rest
    )


def _introduces_quote(ctx: Context, start: int, end: int, last: int) -> bool:
    """Words without a verb that end at a colon opening a quote: an apposition to the
    source, the quote being what it said."""
    words = ctx.parsed.words
    colon = end + 1
    while colon < last and words[colon].upos == "PUNCT" and words[colon].text != ":":
        colon += 1
    return (
        colon + 1 < last
        and words[colon].text == ":"
        and ctx.opens_at(words[colon + 1].start)
        and not any(w.upos in ("VERB", "AUX") for w in words[start : end + 1])
    )


def _figure_of(ctx: Context, cue: CueMatch, first: int) -> Figure | None:
    """The quantity phrase right before the source (``30 000 personnes selon X``)."""
    end = cue.first - 1 - _parenthesised(ctx, cue)
    if end < first:
        return None
    return figure_before(ctx, end, first)


def _source_closes(ctx: Context, mention: Mention, cue: CueMatch, last: int) -> bool:
    """The source phrase ends where a figure's apposition would: a comma, a bracket, a dash,
    a coordinator or the end of the sentence."""
    after = ctx.next_word(max(mention.end, mention.name[1] if mention.name else 0))
    if _parenthesised(ctx, cue):  # "(selon la police)", not "(selon X, une clause …)"
        return after is not None and after.text == ")"
    if (
        after is None
        or after.index >= last
        or after.sentence != ctx.parsed.words[cue.word].sentence
    ):
        return True
    return after.text in (",", ")", "–", "—", "-", ";", ".") or after.upos == "CCONJ"


def _figure_scope(
    ctx: Context, cue: CueMatch, mention: Mention, first: int, last: int
) -> tuple[int, int] | None:
    """The figure a source vouches for, when the source covers only it: the figure is set
    apart (``Les manifestants, 4 000 selon la police, ont …``), the source is in brackets,
    or another source gives another figure in the sentence (``12 000 selon la police,
    40 000 selon les syndicats``)."""
    figure = _figure_of(ctx, cue, first)
    if figure is None or not _source_closes(ctx, mention, cue, last):
        return None
    paired = any(
        other.word != cue.word
        and other.entry.type is CueType.PREPOSITION
        and first <= other.first < last
        and _figure_of(ctx, other, first) is not None
        for other in _cues_in(ctx, first, last)
    )
    if not (paired or _parenthesised(ctx, cue) or figure.edge is FigureEdge.APPOSED):
        return None
    words = ctx.parsed.words
    return words[figure.first].start, words[figure.last].end


def _cues_in(ctx: Context, first: int, last: int) -> list[CueMatch]:
    """The cues whose word lies in ``[first, last)`` (one sentence: no pass over all cues)."""
    return [ctx.cue_at[i] for i in range(first, last) if i in ctx.cue_at]


def _inserted_scope(
    ctx: Context, cue: CueMatch, after: Word, first: int, last: int
) -> tuple[int, int] | None:
    """``…, selon X, …`` inside a clause: the clause around the insertion, from its start
    (``Le texte, selon nos informations, sera présenté …``), or the clause after it when
    what stands before is a clause of its own or another source (``Pour X, selon ses
    sources, les États-Unis ont …``)."""
    words = ctx.parsed.words
    start = first
    for i in range(first, cue.first):
        if words[i].text == ";" or (words[i].norm in QUE and words[i].upos == "SCONJ"):
            start = i + 1  # "Rappelons qu'au Congrès, selon …": the clause after que
    while start < cue.first and words[start].text in (",", ":"):
        start += 1
    following = after.index + 1
    before_source = any(
        other.word != cue.word
        and other.entry.type is CueType.PREPOSITION
        and start <= other.first < cue.first
        for other in _cues_in(ctx, start, cue.last + 1)
    )
    finite_before = any(
        w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin"
        for w in words[start : cue.first]
    )
    if (
        before_source
        or start >= cue.first - 1
        or (finite_before and _clause_follows(ctx, following, last))
    ):
        start = following
    end = clause_end(ctx, following, last)
    if end < following:
        return None
    return words[start].start, words[end].end


def _bracketed_scope(ctx: Context, comma: Word, last: int) -> tuple[int, int] | None:
    """``(selon X, …)``: the clause after the comma, up to the closing bracket."""
    words = ctx.parsed.words
    start = comma.index + 1
    close = next((w.index for w in words[start:last] if w.text == ")"), last)
    end = last_content_word(ctx, close - 1, floor=start)
    if end < start:
        return None
    return words[start].start, words[end].end


@register("according_to", "reported")
def _according_to(ctx: Context, cue: CueMatch) -> Attribution | None:
    if cue.entry.type is not CueType.PREPOSITION:
        return None
    words = ctx.parsed.words
    first, last = sentence_bounds(ctx, cue)
    if " " in cue.entry.lemma and not (
        _opens_clause(ctx, cue, first) or words[cue.first - 1].text in (",", "(", "–", "—")
    ):
        return None  # "il parle de l'avis du Conseil d'État": a complement, not a source
    mention = preposition_object(ctx, cue)
    if mention is None:
        return None
    if ctx.closed_just_before(words[cue.first].start):  # « … », selon X: the quote's own source
        mark = ctx.prev_word(words[cue.first].start)
        while mark is not None and mark.text == ",":
            mark = ctx.prev_word(mark.start)
        # unless the quote ends the reporter's clause: "Les loyers augmentent « … » selon X"
        if mark is None or not ctx.is_mark(mark) or quote_opens_clause(ctx, mark, first):
            return None
        quote = ctx.enclosing_quote(mark.start - 1) if mark.start > 0 else None
        opener = ctx.prev_word(quote.open_mark.start) if quote is not None else None
        if opener is not None and opener.text in (",", "–", "—", "-", "(", ":"):
            return None  # "80 d'après X, « une cinquantaine » selon Y": the quote stands apart
    sentence_start = words[first].start
    end_index = last_content_word(ctx, last - 1, floor=first)
    sentence_end = words[end_index].end if end_index >= first else words[first].end
    after = ctx.next_word(max(mention.end, mention.name[1] if mention.name else 0))
    if mention.name is not None:
        name_end = ctx.next_word(mention.name[1])
        if (
            name_end is not None
            and name_end.text == ","
            and (after is None or name_end.start < after.start)
            and _clause_follows(ctx, name_end.index + 1, last)
        ):
            after = name_end  # "Pour X, Arnaud Rousseau, les agriculteurs sont …": the parse
            # hung the clause's subject on the name
    if cue.last + 1 < last and words[cue.last + 1].norm == "qui":  # "X, pour qui …"
        begin_word = cue.last + 2
        while begin_word < last and words[begin_word].text == ",":
            begin_word += 1
        if begin_word >= last:
            return None
        end_word = clause_end(ctx, begin_word, last, cue)  # up to ", refuse de …"
        begin, stop = respect_quotes(ctx, words[begin_word].start, words[end_word].end)
        return statement(ctx, cue, begin, stop, QuoteKind.ACCORDING_TO, mention)
    figure = _figure_scope(ctx, cue, mention, first, last)
    if figure is not None:  # "12 000 selon la police, 40 000 selon les syndicats"
        begin, stop = figure
    elif _parenthesised(ctx, cue) and after is not None and after.text == ",":
        scope = _bracketed_scope(ctx, after, last)  # "(selon Bercy, il sera ramené …)"
        if scope is None:
            return None
        begin, stop = scope
    elif _opens_clause(ctx, cue, first):
        if after is None or after.sentence != words[cue.word].sentence:
            return None
        if after.text != ",":
            after = _source_phrase_end(ctx, after, last)  # "Selon un sondage X publié jeudi, …"
        start = ctx.next_word(after.end) if after.text == "," else after
        if start is None or start.start >= sentence_end:
            return None
        start = _past_source_apposition(ctx, start, last)  # "Selon le rapport, rendu public …,"
        semicolon = next((w for w in words[start.index : last] if w.text == ";"), None)
        if semicolon is not None:  # "Selon X, A ; cependant, B": the source covers A
            sentence_end = words[last_content_word(ctx, semicolon.index - 1, start.index)].end
        end_word = clause_end(ctx, start.index, last)  # "Selon X, A, mais B": A
        if _introduces_quote(ctx, start.index, end_word, last):
            return None  # "Pour X, son secrétaire général : « … »": the quote's own source
        begin, stop = start.start, min(sentence_end, words[max(end_word, start.index)].end)
    elif (
        words[cue.first - 1].text == ","
        and after is not None
        and after.text == ","
        and after.sentence == words[cue.word].sentence
        and after.index + 1 < last
        and after.index + 2 < last
        and not (
            words[cue.first - 2].upos != "PUNCT"
            and _apposition_to_end(ctx, after, last)
            and _finite_before(ctx, first, cue.first)
        )
        and (
            any(w.upos in ("VERB", "AUX") for w in words[after.index + 1 : last])
            or (
                words[after.index + 1].upos in ("DET", "PRON")
                and mention.kind is not MentionKind.NAME  # "selon X, le président de …"
            )
        )
    ):  # "Le texte, selon nos informations, sera …": the clause around the insertion
        scope = _inserted_scope(ctx, cue, after, first, last)
        if scope is None:
            return None
        begin, stop = scope
    elif _closes_clause(ctx, cue, mention, last) and not (
        words[cue.first - 1].feats.get("VerbForm") == "Fin"
        and any(w.feats.get("VerbForm") in ("Part", "Inf") for w in words[cue.last + 1 : last])
    ):  # not "aurait selon plusieurs sources payé …", where selon sits inside the clause
        # "… se disent contre le projet(,) selon un sondage.": the source closes the sentence
        begin, stop = sentence_start, words[last_content_word(ctx, cue.first - 1, first)].end
    else:
        begin, stop = sentence_start, sentence_end
    begin, stop = respect_quotes(ctx, begin, stop)
    if one_quote(ctx, begin, stop, apposition=_colon_before_quote(ctx, begin, stop)):
        return None  # Selon X, « … », Pour X, son porte-parole : « … »: the quote carries it
    return statement(ctx, cue, begin, stop, QuoteKind.ACCORDING_TO, mention)


def _colon_before_quote(ctx: Context, begin: int, stop: int) -> bool:
    """A colon before the first quote of ``[begin, stop)``: the words before it are an
    apposition to the source (``Pour X, son porte-parole : « … »``), not a clause's subject
    (``Selon X, les salaires « n'ont pas suivi »``)."""
    quotes = ctx.outer_quotes_between(begin, stop + 1)
    return bool(quotes) and ":" in ctx.text[begin : quotes[0].open_mark.start]
