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
from quoteattr.syntax.parse import Word
from quoteattr.syntax.phrases import preposition_object

__all__: list[str] = []


def _source_phrase_end(ctx: Context, after: Word, last: int) -> Word:
    """The comma that closes a preposed source phrase when the mention stopped short of it
    (``Selon un sondage Elabe publié jeudi, …``): a few words without a finite verb."""
    words = ctx.parsed.words
    for w in words[after.index : min(after.index + 6, last)]:
        if w.text == ",":
            return w
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin":
            break
    return after


def _clause_follows(ctx: Context, i: int, last: int) -> bool:
    """A finite verb comes before the next comma: a clause, not an apposition, starts at ``i``."""
    for w in ctx.parsed.words[i:last]:
        if w.text == ",":
            return False
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin":
            return True
    return False


@register("according_to", "reported")
def _according_to(ctx: Context, cue: CueMatch) -> Attribution | None:
    if cue.entry.type is not CueType.PREPOSITION:
        return None
    words = ctx.parsed.words
    first, last = sentence_bounds(ctx, cue)
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
    if (
        cue.first == first
        or (cue.first - 1 >= first and words[cue.first - 1].upos == "CCONJ")
        or (cue.first - 1 >= first and words[cue.first - 1].text in (".", "!", "?"))
    ):
        if after is None or after.sentence != words[cue.word].sentence:
            return None
        if after.text != ",":
            after = _source_phrase_end(ctx, after, last)  # "Selon un sondage X publié jeudi, …"
        start = ctx.next_word(after.end) if after.text == "," else after
        if start is None or start.start >= sentence_end:
            return None
        semicolon = next((w for w in words[start.index : last] if w.text == ";"), None)
        if semicolon is not None:  # "Selon X, A ; cependant, B": the source covers A
            sentence_end = words[last_content_word(ctx, semicolon.index - 1, start.index)].end
        begin, stop = start.start, sentence_end
    elif (
        words[cue.first - 1].text == ","
        and after is not None
        and after.text == ","
        and after.sentence == words[cue.word].sentence
        and after.index + 1 < last
        and after.index + 2 < last
        and (
            any(w.upos in ("VERB", "AUX") for w in words[after.index + 1 : last])
            or (
                words[after.index + 1].upos in ("DET", "PRON")
                and mention.kind is not MentionKind.NAME  # "selon X, le président de …"
            )
        )
    ):  # "Pour X, selon ses sources, les États-Unis ont …": the clause after the incise
        begin_word = after.index + 1
        end_word = clause_end(ctx, begin_word, last)
        begin, stop = words[begin_word].start, words[end_word].end
    elif not any(w.text in (",", ";", ":") for w in words[cue.last + 1 : last]) and not (
        words[cue.first - 1].upos == "AUX"
        and any(w.upos == "VERB" for w in words[cue.last + 1 : last])
    ):  # not "aurait selon plusieurs sources payé …", where selon sits inside the clause
        # "… se disent contre le projet(,) selon un sondage.": the source closes the sentence
        begin, stop = sentence_start, words[last_content_word(ctx, cue.first - 1, first)].end
    else:
        begin, stop = sentence_start, sentence_end
    begin, stop = respect_quotes(ctx, begin, stop)
    if one_quote(ctx, begin, stop, apposition=True):
        return None  # Selon X, « … »: the quote itself carries the source (source_before)
    return statement(ctx, cue, begin, stop, QuoteKind.ACCORDING_TO, mention)
