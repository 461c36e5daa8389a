"""Where unmarked reported content starts and ends: clause boundaries and their cues.

The reported-speech rules (:mod:`quoteattr.rules.reported`) find a cue and where its content
starts; the helpers here decide where that content stops (``;``, ``, tandis que``, another
source such as ``, comme l'a dit X``, a new finite clause), keep quoted spans whole, and
recognise the constructions that make a ``que`` or an object no reported content (``ne …
que``, a relative, an impersonal passive, the narrator's ``À noter que``).

Example:
    >>> "tandis que" in CLAUSE_BREAKS
    True
"""

from __future__ import annotations

from quoteattr.records import CueType
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.mentions import Mention
from quoteattr.syntax.parse import Word
from quoteattr.text.french import CLITICS_BEFORE_VERB, DATE_WORDS, NE, NEGATORS, QUE

__all__ = [
    "AS_SOURCE_OPENERS",
    "CLAUSE_BREAKS",
    "addresses_reader",
    "as_source_opener",
    "clause_end",
    "finite_next",
    "impersonal",
    "last_content_word",
    "narrator_aside",
    "object_before",
    "one_quote",
    "opens_as_source",
    "partitive_in",
    "passive_cue",
    "purpose_adjunct",
    "quote_opens_clause",
    "respect_quotes",
    "restrictive_que",
    "sentence_bounds",
]


CLAUSE_BREAKS = (
    "ni",
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


def sentence_bounds(ctx: Context, cue: CueMatch) -> tuple[int, int]:
    """The sentence of the cue, as (first word, one past its last word).

    Example:
        >>> # "X a dit que A. B." with the cue "dit" → the word range of the first sentence
    """
    s = ctx.parsed.sentences[ctx.parsed.words[cue.word].sentence]
    return s.first, s.last


def quote_opens_clause(ctx: Context, mark: Word, first: int) -> bool:
    """The quote closed by ``mark`` opened at the start of its sentence (a direct quote).

    Example:
        >>> # "« … », a-t-il dit" → True; "jusqu'« à 500 millions »," → False
    """
    quote = next(
        (
            q
            for q in ctx.quotations
            if q.close_mark is not None and q.close_mark.start == mark.start
        ),
        None,
    )
    if quote is None:
        return True
    opening = ctx.word_at(quote.open_mark.start)
    return (
        opening is None
        or opening <= first
        or quote.open_mark.start <= ctx.parsed.words[first].start
    )


AS_SOURCE_OPENERS = frozenset({"comme", "ainsi", "contrairement"})


def as_source_opener(ctx: Context, cue: CueMatch) -> int | None:
    """The index of ``comme`` in ``comme l'a précisé X``, ``ainsi que le dit X``,
    ``contrairement à ce qu'a affirmé X``, ``selon ce qu'a déclaré X``; else None.

    Example:
        >>> # "…, comme l'a précisé X" → the index of "comme"
    """
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    i = cue.first - 1
    while i >= sentence.first and words[i].norm in ("le", "l'", "la"):
        i -= 1
    if i >= sentence.first and words[i].norm in QUE:
        i -= 1
        if i >= sentence.first and words[i].norm in ("ce", "c'"):
            i -= 1
            while i >= sentence.first and words[i].norm in ("à", "selon", "de", "d'"):
                i -= 1
    if i >= sentence.first and words[i].norm in AS_SOURCE_OPENERS | {"selon", "d'après"}:
        return i
    return None


def partitive_in(ctx: Context, first: int, stop: int) -> int:
    """In ``au gouvernement des mesures``, the skipped addressee swallowed the object: the
    first ``des``/``du`` token after a noun of ``[first, stop)`` starts it (else ``stop``).

    Example:
        >>> # "demande au gouvernement des mesures" → the index of "des"
    """
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


def one_quote(
    ctx: Context, start: int, end: int, *, apposition: bool = False, determiner: bool = False
) -> bool:
    """``[start, end)`` is quoted words only, outside the marks nothing but punctuation
    (``« … »``): the quote carries the attribution. With ``apposition``, words without a
    verb may stand outside the marks too (``son secrétaire général : « … »``); with
    ``determiner``, determiners may (``a promis un « nouveau départ »``).

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
        if inside or not any(c.isalnum() for c in w.text) or (determiner and w.upos == "DET"):
            continue
        if not apposition or w.upos in ("VERB", "AUX"):
            return False
    return True


def passive_cue(ctx: Context, cue: CueMatch) -> bool:
    """``est prévu``, ``sont appelés``: the cue is a passive participle.

    Example:
        >>> # "il est prévu que" → True
    """
    words = ctx.parsed.words
    return words[cue.word].feats.get("VerbForm") == "Part" and any(
        words[i].lemma == "être" for i in range(cue.first, cue.word)
    )


def impersonal(ctx: Context, cue: CueMatch, mention: Mention | None) -> bool:
    """``Il est prévu que …``, ``il est dit que …``: nobody is named as the source.

    Example:
        >>> # "Il est prévu que …" → True
    """
    return (
        mention is not None
        and ctx.parsed.words[mention.head].norm == "il"
        and passive_cue(ctx, cue)
    )


def narrator_aside(ctx: Context, cue: CueMatch, mention: Mention | None) -> bool:
    """``À noter que …``, ``Rappelons que …``: the narrator's aside to the reader, no source.

    Example:
        >>> # "À noter que …", "Rappelons que …", "Précisons que …" → True
    """
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    a_noter = (
        mention is None
        and words[cue.word].feats.get("VerbForm") == "Inf"
        and cue.first - 1 == sentence.first
        and words[sentence.first].norm == "à"
    )
    return a_noter or addresses_reader(ctx, cue)


def addresses_reader(ctx: Context, cue: CueMatch) -> bool:
    """``notons``, ``rappelons``, ``précisez``: an imperative, or a first or second person
    plural with no ``nous``/``vous`` before it: the writer speaking to the reader. Read from
    the form (any parser may tag ``Rappelons`` as an indicative, an adverb or a name).

    Example:
        >>> # "Rappelons que l'accident avait fait 228 morts." → True
    """
    words = ctx.parsed.words
    verb = words[cue.word]
    if verb.feats.get("Mood") == "Imp":
        return True
    if not verb.norm.endswith(("ons", "ez")) or cue.first != cue.word:
        return False
    return cue.first == 0 or words[cue.first - 1].norm not in ("nous", "vous", "on")


def purpose_adjunct(ctx: Context, cue: CueMatch) -> bool:
    """``pour décrire …``, ``afin de signaler …``, ``après avoir annoncé …``: an infinitive in
    a purpose or time adjunct, whose object is no statement of the sentence's subject.

    Example:
        >>> # "pour décrire …" → True
    """
    words = ctx.parsed.words
    before = [w.norm for w in words[max(0, cue.first - 3) : cue.first]]
    return any(w in ("pour", "afin", "sans", "avant", "après") for w in before)


def object_before(ctx: Context, first: int, que: int) -> bool:
    """A direct object (an article and a noun, no preposition before) between the cue and
    ``que``: then ``que`` opens a relative clause on that noun, not a reported clause.

    Example:
        >>> # "dévoile les activités qu'il entend …" → True
    """
    words = ctx.parsed.words
    for i in range(first, que - 1):
        w = words[i]
        if (
            w.upos == "DET"
            and words[i + 1].norm not in DATE_WORDS
            and words[i + 1].upos in ("NOUN", "ADJ", "NUM", "DET")
            and (i == first or words[i - 1].upos != "ADP")
        ):
            return True
    return False


def restrictive_que(ctx: Context, cue: CueMatch) -> bool:
    """``ne … que``: a ``ne`` in the cue group and no second part of a negation.

    Example:
        >>> # "ne prévoit qu'une amende" → True
    """
    words = ctx.parsed.words
    group = words[cue.first : cue.last + 2]
    return any(w.norm in NE for w in group) and not any(w.norm in NEGATORS for w in group)


def clause_end(ctx: Context, start: int, last: int, cue: CueMatch | None = None) -> int:
    """Last word of a reported clause starting at ``start`` (sentence ``last`` excluded).

    The clause stops at ``;`` or a dash, before ``, tandis que`` and the like, before a
    quote or an incise opening after a comma, before ``, estimant que …`` (a participle
    of the reporter), and, when ``cue`` is given (a noun-phrase message), before a
    coordinated finite verb (``réclament … et indiquent …``).

    Example:
        >>> # "X a dit que A, tandis que B." → the last word of A
    """
    words = ctx.parsed.words
    i = start
    finite = False  # a finite verb seen in the clause
    while i < last:
        w = words[i]
        if (w.text in (";", "—", "–") or _spaced_hyphen(ctx, w)) and i > start:
            break  # a dash, also typed as a hyphen between spaces: "… ces personnes - qu'ils"
        if w.upos == "CCONJ" and i > start and not finite and finite_next(ctx, i + 1, last):
            break  # "promet de suivre l'affaire et dit rester mobilisée": the reporter's verb
        finite = finite or (w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin")
        if (
            w.norm == "selon"
            and i > start
            and (
                i + 1 >= last
                or words[i + 1].norm
                not in ("laquelle", "lequel", "lesquels", "lesquelles", "que", "qu'")
            )
        ):
            break  # "se disent contre le projet selon un sondage": the source is not content
        if w.norm in AS_SOURCE_OPENERS and i > start and opens_as_source(ctx, i, last):
            break  # "…, contrairement à ce qu'a affirmé X": another source, not content
        if w.text == ":" and i > start and i + 1 < last and ctx.opens_at(words[i + 1].start):
            break  # "a insisté sur les dysfonctionnements : « … »": the quote is its own
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
            and i > start
            and words[i - 1].norm not in QUE  # "dire que, sans écarter X, nous devons …"
            and _reporter_adverbial(ctx, i + 1, last)
        ):
            break  # ", sans donner de détails", ", avant de quitter la salle": the reporter's act
        if w.text == "," and _participle_at(ctx, i + 1, last):
            break  # ", estimant que …", ", tout en relevant que …": the reporter's participle
        if cue is not None and w.text == "," and finite_next(ctx, i + 1, last):
            break  # "fait état d'agressions, voire de viols, se sont multipliés": a new clause
        if cue is not None and w.text == "," and _commenting_apposition(ctx, i + 1, last):
            break  # "la fermeture du site, une décision que les syndicats …": the writer's comment
        if w.text == "," and i + 1 < last:
            nxt = words[i + 1]
            pair = f"{nxt.norm} {words[i + 2].norm}" if i + 2 < last else nxt.norm
            if ctx.is_mark(nxt) and ctx.opens_at(nxt.start) and not _quoted_relative(ctx, i + 2):
                break  # not "…, « qui doivent … »": a quoted relative goes on the clause
            if pair in CLAUSE_BREAKS or nxt.norm in CLAUSE_BREAKS:
                break
            incise = ctx.group_at.get(i + 1)
            if incise is not None and incise.first == i + 1 and finite:
                break  # not "que le parquet de Lyon, a ordonné …": the clause's own verb
        i += 1
    return last_content_word(ctx, i - 1 if i < last else last - 1, floor=start)


_RELATIVES = frozenset({"qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels"})


def _spaced_hyphen(ctx: Context, word: Word) -> bool:
    """A hyphen-minus typed as a dash, with a space on each side."""
    text = ctx.text
    return (
        word.text == "-"
        and word.start > 0
        and word.end < len(text)
        and text[word.start - 1].isspace()
        and text[word.end].isspace()
    )


def _commenting_apposition(ctx: Context, i: int, last: int) -> bool:
    """``une décision que …``, ``un projet qui …``: an indefinite noun phrase and a relative
    pronoun, the writer's comment on the phrase before the comma."""
    words = ctx.parsed.words
    return (
        i + 2 < last
        and words[i].norm in ("un", "une")
        and words[i + 1].upos == "NOUN"
        and any(words[j].norm in _RELATIVES for j in range(i + 2, min(i + 4, last)))
    )


def _quoted_relative(ctx: Context, i: int) -> bool:
    """The quoted words opening at word ``i`` start with a relative pronoun."""
    words = ctx.parsed.words
    return i < len(words) and words[i].norm in _RELATIVES


def _reporter_adverbial(ctx: Context, i: int, last: int) -> bool:
    """``sans``, ``avant de``, ``après avoir`` and an infinitive at ``i``: what the reporter did
    while speaking, not the content."""
    words = ctx.parsed.words
    if i >= last or words[i].norm not in ("sans", "avant", "après"):
        return False
    j = i + 1
    if words[i].norm == "avant" and j < last and words[j].norm in ("de", "d'"):
        j += 1
    while j < last and words[j].norm in ("ne", "n'", "pas", "plus", "jamais", "se", "s'"):
        j += 1
    return j < last and words[j].feats.get("VerbForm") == "Inf"


def _participle_at(ctx: Context, i: int, last: int) -> bool:
    """A present participle or gerund at ``i`` (``estimant``, ``en ajoutant``, ``tout en
    relevant``)."""
    words = ctx.parsed.words
    if i < last and words[i].norm == "tout":
        i += 1
    if i < last and words[i].norm == "en":
        i += 1
    return (
        i < last
        and words[i].upos == "VERB"
        and words[i].norm.endswith("ant")
        and words[i].feats.get("VerbForm") == "Part"
    )


def opens_as_source(ctx: Context, i: int, last: int) -> bool:
    """``comme``/``contrairement`` at ``i`` opens ``comme l'a dit X`` (a cue within 5 words).

    Example:
        >>> # ", contrairement à ce qu'a affirmé X" → True at "contrairement"
    """
    for j in range(i + 1, min(i + 6, last)):
        cue = ctx.cue_at.get(j)
        if cue is not None and cue.entry.type is CueType.VERB:
            return as_source_opener(ctx, cue) == i
    return False


def finite_next(ctx: Context, i: int, last: int) -> bool:
    """A finite verb at ``i``, after object or reflexive clitics (also a cue verb's form
    that the parser tagged as a noun: ``…, refuse de négocier``).

    Example:
        >>> # ", se sont multipliés" → True
    """
    words = ctx.parsed.words
    while i < last and words[i].norm in CLITICS_BEFORE_VERB:
        i += 1
    if i >= last:
        return False
    if words[i].upos in ("VERB", "AUX"):
        return words[i].feats.get("VerbForm") == "Fin"
    return i in ctx.cue_at and ctx.cue_at[i].entry.type is CueType.VERB


def last_content_word(ctx: Context, i: int, floor: int = 0) -> int:
    """The last word at or before ``i`` that is not punctuation (closing marks and brackets
    count as content), nor a coordinating conjunction left hanging (``… doivent reprendre et,
    selon elle, …``).

    Example:
        >>> # "… la route ." → the index of "route"
    """
    words = ctx.parsed.words
    while i >= floor and (
        (
            words[i].upos == "PUNCT"
            and not (ctx.is_mark(words[i]) and ctx.closes_at(words[i].start))
            and words[i].text not in (")",)
        )
        or (words[i].upos == "CCONJ" and i > floor)
    ):
        i -= 1
    return i


def respect_quotes(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so that no balanced quoted span is cut in two.

    The widening never leaves the sentence: an unclosed quotation mark earlier
    in the paragraph does not drag a reported clause back over other sentences.

    Example:
        >>> # a span that ends inside « … » is widened to the closing mark
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
