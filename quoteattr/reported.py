"""Reported speech without quotation marks: indirect clauses and ``selon X``.

* ``que_clause``   X a affirmé que … / X a estimé lundi que …
* ``infinitive``   X a revendiqué avoir tué … / X a indiqué « espérer » que …
* ``unmarked_incise``  Les travaux suivent le calendrier, a indiqué le porte-parole.
* ``request_infinitive`` X demande aux pilotes de ne pas suivre … (what is asked for)
* ``noun_object``  X a démenti tout lien avec ces personnes (a noun phrase as the message)
* ``according_to`` Selon X, … / …, d'après X.

The content runs from the start of the complement to the end of the
sentence, cut at the first clause boundary (``;``, ``, tandis que``, a
direct quote that opens after a comma, an incise), and never cuts a quoted
span in two.

Example:
    >>> "tandis que" in CLAUSE_BREAKS
    True
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteattr.context import Context
from quoteattr.cues import CueMatch
from quoteattr.french import DATE_WORDS, QUE, REFLEXIVE, SI, SUBORDINATORS_BEFORE_QUE, TIME_WORDS
from quoteattr.lexicon import word_list
from quoteattr.mentions import Mention
from quoteattr.records import CueClass, CueType, QuoteKind
from quoteattr.rules import Attribution, Rule, register, reported_rules

__all__ = ["CLAUSE_BREAKS", "Reported", "find_reported", "one_quote"]

CLAUSE_BREAKS = (
    "tandis que",
    "alors que",
    "mais",
    "selon",
    "d'après",
    "a-t-il",
    "a-t-elle",
    "ont-ils",
    "ont-elles",
)
_ASKING = frozenset({CueClass.QUESTION, CueClass.NEUTRAL, CueClass.ANNOUNCE})
_MAX_GAP = 8


Reported = Attribution
"""A statement found without marks: an :class:`~quoteattr.rules.Attribution` whose
``start``, ``end`` and ``sentence`` are set."""


def find_reported(
    ctx: Context, used_cues: set[int], rules: Sequence[Rule] | None = None
) -> list[Attribution]:
    """Indirect clauses and according-to statements of the document.

    Each cue goes through the reported rules (default: all, in order) until one answers.
    ``used_cues`` holds the cue words already used by an incise after a quoted span:
    those verbs report the quote, not a clause.

    Example:
        >>> [r.kind.value for r in find_reported(ctx, set())]   # doctest: +SKIP
        ['indirect', 'indirect']
    """
    chosen = reported_rules() if rules is None else list(rules)
    out = []
    for cue in ctx.cues:
        enclosing = ctx.enclosing_quote(ctx.parsed.words[cue.word].start)
        if cue.word in used_cues or (enclosing is not None and enclosing.balanced):
            continue  # speech reported inside a quotation belongs to the quoted speaker's words
        for rule in chosen:
            found = rule.run(ctx, cue)
            if found is not None:
                assert found.start is not None and found.end is not None
                if found.end > found.start:
                    out.append(found)
                break
    return out


def _reports_clauses(cue: CueMatch) -> bool:
    """A verb cue that may head a reported clause (not an incise-only verb)."""
    return cue.entry.type is CueType.VERB and not cue.entry.incise_only


def _sentence_bounds(ctx: Context, cue: CueMatch) -> tuple[int, int]:
    s = ctx.parsed.sentences[ctx.parsed.words[cue.word].sentence]
    return s.first, s.last


@register("que_clause", "reported")
def _que_clause(ctx: Context, cue: CueMatch) -> Attribution | None:
    if not _reports_clauses(cue):
        return None
    words = ctx.parsed.words
    _first, last = _sentence_bounds(ctx, cue)
    i = cue.last + 1
    while i < last and i - cue.last <= _MAX_GAP:
        w = words[i]
        if w.norm in SI and w.upos == "SCONJ" and cue.entry.cls in _ASKING:
            return _build(ctx, cue, i + 1) if i + 1 < last else None
        if w.norm in QUE and w.upos in ("SCONJ", "PRON", "ADV", "CCONJ"):
            if words[i - 1].norm in SUBORDINATORS_BEFORE_QUE:
                return None
            if i + 1 >= last:
                return None
            return _build(ctx, cue, i + 1)
        if w.norm in TIME_WORDS:
            i += 1
            continue
        if w.upos in ("VERB", "AUX") or w.text in (".", ";", ":", "?", "!") or ctx.is_mark(w):
            return None
        i += 1
    return None


@register("infinitive", "reported")
def _infinitive(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``X a revendiqué avoir tué …``: an infinitive complement of a verb of saying.

    Verbs of feeling or of asking (``regretter de``, ``demander de``) do not report a
    statement with an infinitive, and neither do reflexive uses (``se promettre de``).
    """
    if not _reports_clauses(cue):
        return None
    words = ctx.parsed.words
    if cue.entry.lemma in word_list("feeling_verbs.txt") or cue.entry.lemma in word_list(
        "request_verbs.txt"
    ):
        return None
    if any(w.norm in REFLEXIVE for w in ctx.parsed.kids(cue.word, "expl", "obj", "iobj")):
        return None
    _first, last = _sentence_bounds(ctx, cue)
    i = cue.last + 1
    while i < last and i - cue.last <= 3:
        w = words[i]
        if w.norm in TIME_WORDS:
            i += 1
            continue
        if w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Inf":
            governor = words[w.head] if w.upos == "AUX" and w.head >= 0 else w
            if governor.head != cue.word and governor.deprel not in ("xcomp", "ccomp"):
                return None
            return _build(ctx, cue, i)
        if not (
            ctx.is_mark(w)
            or w.norm in ("de", "d'", "ne", "n'", "pas", "lui", "leur")
            or w.upos == "ADV"
        ):
            return None
        i += 1
    return None


@register("request_infinitive", "reported")
def _request_infinitive(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``demande aux pilotes de ne pas suivre …``, ``appelle cet après-midi à voter …``,
    ``invite les Français à boire …``: what a request, call, advice, promise or threat
    asks for, after its addressee and any adverbial."""
    if not _reports_clauses(cue):
        return None
    if cue.entry.lemma not in word_list("request_verbs.txt"):
        return None
    words = ctx.parsed.words
    _first, last = _sentence_bounds(ctx, cue)
    i = cue.last + 1
    while i < last and i - cue.last <= 12:
        w = words[i]
        if w.norm in ("de", "d'", "à") and i + 1 < last:
            j = i + 1
            while j < last and words[j].norm in ("ne", "n'", "pas", "plus", "jamais", "se", "s'"):
                j += 1
            if j < last and words[j].feats.get("VerbForm") == "Inf":
                return _build(ctx, cue, i + 1)
            if w.norm != "à":
                return None
        if w.upos in ("VERB", "AUX") or w.text in (".", ";", ":", "?", "!") or ctx.is_mark(w):
            return None
        i += 1
    return None


@register("unmarked_incise", "reported")
def _unmarked_incise(ctx: Context, cue: CueMatch) -> Attribution | None:
    """Les travaux suivent le calendrier, a indiqué le porte-parole."""
    if not _reports_clauses(cue):
        return None
    words = ctx.parsed.words
    first, _last = _sentence_bounds(ctx, cue)
    if cue.first - 1 <= first or words[cue.first - 1].text != ",":
        return None
    before = words[cue.first - 2]
    if ctx.is_mark(before):
        return None
    mention = ctx.inverted_after(cue)
    if mention is None:
        return None
    after = ctx.next_word(mention.end)
    if (
        after is not None
        and after.sentence == words[cue.word].sentence
        and after.text not in (".", "!", "?", ",", ";", "…")
    ):
        return None
    if not any(words[i].upos in ("VERB", "AUX") for i in range(first, cue.first - 1)):
        return None
    start = words[first].start
    end = words[cue.first - 2].end
    inside = ctx.outer_quotes_between(start, end)
    enclosing = ctx.enclosing_quote(start)
    if enclosing is not None:
        inside.append(enclosing)
    if any(len(q.content) > (end - start) // 2 for q in inside):
        return None
    return _statement(ctx, cue, start, end, QuoteKind.INDIRECT, mention)


@register("noun_object", "reported")
def _noun_object(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``La direction a annoncé la fermeture du site``: a noun phrase as the message.

    Only for the verbs of ``data/message_objects.txt`` (announcing, asking, confirming …),
    whose object is what was said; the object comes after adverbials and an addressee
    (``recommande aux usagers la plus grande prudence``), a time phrase is never the
    message (``a annoncé ce matin son départ``), and the verb has its subject before it,
    so an inverted subject is never read as a message.
    """
    if not _reports_clauses(cue):
        return None
    if cue.entry.lemma not in word_list("message_objects.txt"):
        return None
    words = ctx.parsed.words
    _first, last = _sentence_bounds(ctx, cue)
    start = ctx.skip_adverbials(cue.last + 1)
    if start is None or start >= last or start - cue.last > 10:
        return None
    partitive = False
    if words[start].upos not in ("DET", "NUM", "NOUN"):
        found = _partitive_in(ctx, cue.last + 1, start)  # demande au gouvernement des mesures
        partitive, start = found != start, found
    head = words[start]
    if head.upos not in ("DET", "NUM", "NOUN") and not partitive:
        return None
    if head.upos == "DET" and start + 1 < last and words[start + 1].upos == "PROPN":
        return None  # a person or a place, not a message
    if any(
        words[i].upos in ("VERB", "AUX") and words[i].norm not in DATE_WORDS
        for i in range(cue.last + 1, start)
    ):
        return None  # another verb first (a date the parser took for a verb aside)
    if cue.first > 0 and words[cue.first - 1].norm in QUE:
        return None  # "ce qu'a affirmé le site": inverted subject, not an object
    mention = ctx.subject(cue)
    if mention is None or mention.start > words[cue.first].start:
        return None
    if words[mention.head].norm == "qui":
        return None  # a relative whose antecedent is unknown: precision first
    end_word = _clause_end(ctx, start, last, cue)
    if end_word <= start:
        return None
    begin, stop = _respect_quotes(ctx, words[start].start, words[end_word].end)
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


def _partitive_in(ctx: Context, first: int, stop: int) -> int:
    """In ``au gouvernement des mesures``, the skipped addressee swallowed the object: the
    first ``des``/``du`` token after a noun of ``[first, stop)`` starts it (else ``stop``)."""
    words = ctx.parsed.words
    seen_noun = False
    for i in range(first, stop):
        w = words[i]
        if w.upos in ("NOUN", "PROPN"):
            seen_noun = True
        elif seen_noun and w.norm == "de" and i + 1 < stop and words[i + 1].token == w.token:
            token = ctx.text[w.start : w.end].lower()
            if token in ("des", "du"):
                return i
    return stop


@register("according_to", "reported")
def _according_to(ctx: Context, cue: CueMatch) -> Attribution | None:
    if cue.entry.type is not CueType.PREPOSITION:
        return None
    words = ctx.parsed.words
    first, last = _sentence_bounds(ctx, cue)
    mention = ctx.preposition_object(cue)
    if mention is None:
        return None
    if ctx.closed_just_before(words[cue.first].start):  # « … », selon X: the quote's own source
        return None
    sentence_start = words[first].start
    end_index = _last_content_word(ctx, last - 1, floor=first)
    sentence_end = words[end_index].end if end_index >= first else words[first].end
    after = ctx.next_word(max(mention.end, mention.name[1] if mention.name else 0))
    if cue.first == first or (cue.first - 1 >= first and words[cue.first - 1].upos == "CCONJ"):
        if after is None or after.sentence != words[cue.word].sentence:
            return None
        start = ctx.next_word(after.end) if after.text == "," else after
        if start is None or start.start >= sentence_end:
            return None
        begin, stop = start.start, sentence_end
    elif words[cue.first - 1].text == "," and not any(
        w.text in (",", ";", ":") for w in words[cue.last + 1 : last]
    ):
        begin, stop = sentence_start, words[_last_content_word(ctx, cue.first - 2, first)].end
    else:
        begin, stop = sentence_start, sentence_end
    begin, stop = _respect_quotes(ctx, begin, stop)
    if one_quote(ctx, begin, stop, apposition=True):
        return None  # Selon X, « … »: the quote itself carries the source (source_before)
    return _statement(ctx, cue, begin, stop, QuoteKind.ACCORDING_TO, mention)


def one_quote(ctx: Context, start: int, end: int, *, apposition: bool = False) -> bool:
    """``[start, end)`` is quoted words only, outside the marks nothing but punctuation
    (``« … »``): the quote carries the attribution. With ``apposition``, words without a
    verb may stand outside the marks too (``son secrétaire général : « … »``).

    Example:
        >>> one_quote(ctx, r.start, r.end)      # doctest: +SKIP
        True
    """
    quotes = [q for q in ctx.outer_quotes_between(start, end + 1) if q.close_mark is not None]
    if not quotes:
        return False
    words = ctx.parsed.words
    for i in ctx.words_between(start, end):
        w = words[i]
        inside = any(q.open_mark.start <= w.start < q.close_mark.end for q in quotes)  # type: ignore[union-attr]
        if inside or not any(c.isalnum() for c in w.text):
            continue
        if not apposition or w.upos in ("VERB", "AUX"):
            return False
    return True


def _statement(
    ctx: Context, cue: CueMatch, start: int, end: int, kind: QuoteKind, mention: Mention | None
) -> Attribution:
    return Attribution(
        cue, mention, kind, start=start, end=end, sentence=ctx.parsed.words[cue.word].sentence
    )


def _build(ctx: Context, cue: CueMatch, start_word: int) -> Attribution | None:
    words = ctx.parsed.words
    _first, last = _sentence_bounds(ctx, cue)
    end_word = _clause_end(ctx, start_word, last)
    if end_word < start_word:
        return None
    mention = ctx.subject(cue)
    begin, stop = _respect_quotes(ctx, words[start_word].start, words[end_word].end)
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


def _clause_end(ctx: Context, start: int, last: int, cue: CueMatch | None = None) -> int:
    """Last word of a reported clause starting at ``start`` (sentence ``last`` excluded).

    The clause stops at ``;`` or a dash, before ``, tandis que`` and the like, before a
    quote or an incise opening after a comma, before ``, estimant que …`` (a participle
    of the reporter), and, when ``cue`` is given (a noun-phrase message), before a
    coordinated finite verb (``réclament … et indiquent …``).
    """
    words = ctx.parsed.words
    i = start
    while i < last:
        w = words[i]
        if w.text in (";", "—", "–") and i > start:
            break
        if (
            cue is not None
            and w.upos == "CCONJ"
            and i + 1 < last
            and words[i + 1].upos in ("VERB", "AUX")
            and (words[i + 1].head == cue.word or words[i + 1].feats.get("VerbForm") == "Fin")
        ):
            break
        if (
            w.text == ","
            and i + 1 < last
            and words[i + 1].upos == "VERB"
            and words[i + 1].norm.endswith("ant")
            and words[i + 1].feats.get("VerbForm") == "Part"
        ):
            break
        if w.text == "," and i + 1 < last:
            nxt = words[i + 1]
            pair = f"{nxt.norm} {words[i + 2].norm}" if i + 2 < last else nxt.norm
            if ctx.is_mark(nxt) and ctx.opens_at(nxt.start):
                break
            if pair in CLAUSE_BREAKS or nxt.norm in CLAUSE_BREAKS:
                break
            cue = ctx.group_at.get(i + 1)
            if cue is not None and cue.first == i + 1:
                break
        i += 1
    return _last_content_word(ctx, i - 1 if i < last else last - 1, floor=start)


def _last_content_word(ctx: Context, i: int, floor: int = 0) -> int:
    words = ctx.parsed.words
    while (
        i >= floor
        and words[i].upos == "PUNCT"
        and not (ctx.is_mark(words[i]) and ctx.closes_at(words[i].start))
        and words[i].text not in (")",)
    ):
        i -= 1
    return i


def _respect_quotes(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so that no balanced quoted span is cut in two.

    The widening never leaves the sentence: an unclosed quotation mark earlier
    in the paragraph does not drag a reported clause back over other sentences.
    """
    sentence = ctx.parsed.sentences[ctx.parsed.words[ctx.word_at(start) or 0].sentence]
    candidates = ctx.outer_quotes_between(sentence.start, end)
    enclosing = ctx.enclosing_quote(start)
    if enclosing is not None:
        candidates.append(enclosing)
    for q in candidates:
        if not q.balanced or q.close_mark is None:
            continue
        q_start, q_end = q.open_mark.start, q.close_mark.end
        if q_start < start < q_end and q_start >= sentence.start:
            start = q_start
        if q_start < end < q_end:
            end = q_end
        if q.content.start == start and q.open_mark.end == start:
            start = q.open_mark.start
    return start, end
