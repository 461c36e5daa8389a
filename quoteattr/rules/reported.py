"""Reported speech without quotation marks: clauses, and the stage that runs every reported rule.

* ``que_clause``   X a affirmé que … / X a estimé lundi que …
* ``infinitive``   X a revendiqué avoir tué … / X a indiqué « espérer » que …
* ``request_infinitive`` X demande aux pilotes de ne pas suivre … (what is asked for)
* ``unmarked_incise``  Les travaux suivent le calendrier, a indiqué le porte-parole.
* ``as_source``    …, comme l'a indiqué X / contrairement à ce qu'a affirmé X
* ``self_description`` X s'est dit satisfait de …

Noun-phrase messages (``noun_object``, ``call_object``, ``estimate``, ``reduced_passive``) are in
:mod:`quoteattr.rules.objects`, ``selon X`` statements (``according_to``) in
:mod:`quoteattr.rules.sources`; they run after the rules here (:mod:`quoteattr.rules.order`).

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

from quoteattr.records import CueClass, CueType, MentionKind, Polarity, QuoteKind
from quoteattr.rules.incises import bare_clause_incise
from quoteattr.rules.registry import Attribution, Rule, register
from quoteattr.syntax.clauses import (
    CLAUSE_BREAKS,
    as_source_opener,
    clause_end,
    impersonal,
    last_content_word,
    narrator_aside,
    object_before,
    one_quote,
    passive_cue,
    quote_opens_clause,
    respect_quotes,
    restrictive_que,
    sentence_bounds,
)
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.mentions import Mention
from quoteattr.syntax.phrases import (
    inverted_after,
    skip_adverbials,
    skip_prepositional_object,
)
from quoteattr.syntax.speaking_nouns import is_abstract_noun, mention_speaks
from quoteattr.syntax.subjects import subject
from quoteattr.syntax.subordinates import aside_end, own_clause_end
from quoteattr.text.french import (
    INTERROGATIVES,
    NE,
    NEGATORS,
    QUE,
    REFLEXIVE,
    SI,
    SUBORDINATORS_BEFORE_QUE,
    TIME_WORDS,
)

__all__ = [
    "CLAUSE_BREAKS",
    "Reported",
    "find_reported",
    "one_quote",
    "reports_clauses",
    "statement",
]

_ASKING = frozenset({CueClass.QUESTION, CueClass.NEUTRAL, CueClass.ANNOUNCE})
_MAX_GAP = 8
_COMPLEMENTS = ("xcomp", "ccomp")
_INFINITIVE_GAP = 4
"""Words between a verb of saying and its infinitive: ``assure ne jamais avoir …``."""


Reported = Attribution
"""A statement found without marks: an :class:`~quoteattr.rules.registry.Attribution` whose
``start``, ``end`` and ``sentence`` are set."""


def find_reported(ctx: Context, used_cues: set[int], rules: Sequence[Rule]) -> list[Attribution]:
    """Indirect clauses and according-to statements of the document.

    Each cue goes through the reported ``rules`` (:func:`quoteattr.rules.order.reported_rules`
    for all, in order) until one answers.
    ``used_cues`` holds the cue words already used by an incise after a quoted span:
    those verbs report the quote, not a clause.

    Example:
        >>> [r.kind.value for r in find_reported(ctx, set(), reported_rules())]   # doctest: +SKIP
        ['indirect', 'indirect']
    """
    out = []
    for cue in ctx.cues:
        enclosing = ctx.enclosing_quote(ctx.parsed.words[cue.word].start)
        if cue.word in used_cues or (enclosing is not None and enclosing.balanced):
            continue  # speech reported inside a quotation belongs to the quoted speaker's words
        for rule in rules:
            found = rule.run(ctx, cue)
            if found is not None:
                assert found.start is not None and found.end is not None
                if found.end > found.start:
                    out.append(found)
                break
    return out


def reports_clauses(cue: CueMatch) -> bool:
    """A verb cue that may head a reported clause (not an incise-only verb).

    Example:
        >>> # the cue of "a déclaré que …" → True; of "« … », poursuit-il" → False
    """
    return cue.entry.type is CueType.VERB and not cue.entry.incise_only


@register("que_clause", "reported")
def _que_clause(ctx: Context, cue: CueMatch) -> Attribution | None:
    if not reports_clauses(cue):
        return None
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    i = cue.last + 1
    aside = 0  # words of an aside between commas, not counted in the gap
    while i < last and i - cue.last - aside <= _MAX_GAP:
        w = words[i]
        elided_si = w.norm == "s'" and i + 1 < last and words[i + 1].norm in ("il", "ils")
        if w.norm in SI and (w.upos == "SCONJ" or elided_si) and cue.entry.cls in _ASKING:
            return _build(ctx, cue, i + 1) if i + 1 < last else None
        if w.norm in INTERROGATIVES and i + 1 < last:
            return _indirect_question(ctx, cue, i)
        if w.norm in QUE and w.upos in ("SCONJ", "PRON", "ADV", "CCONJ"):
            tout_de_meme = i >= 3 and [x.norm for x in words[i - 3 : i]] == ["tout", "de", "même"]
            if words[i - 1].norm in SUBORDINATORS_BEFORE_QUE and not tout_de_meme:
                return None  # "ce que", "alors que"
            if restrictive_que(ctx, cue):
                return None  # "ne prévoit qu'une intervention": ne … que, not a clause
            # A relative "que" needs a noun before it: an object of a verb that tells no one
            # ("dévoile les activités qu'il entend organiser"). Without one, "que" after a cue
            # opens its clause, whatever a parser tagged it ("déclare aux juges que …");
            # "prévenir sa famille que …" tells someone.
            if cue.entry.lemma not in word_list("addressee_verbs.txt") and object_before(
                ctx, cue.last + 1, i
            ):
                return None
            if i + 1 >= last:
                return None
            return _build(ctx, cue, i + 1)
        if w.norm in TIME_WORDS:
            i += 1
            continue
        if w.text == ",":
            closing = aside_end(ctx, i, last)
            if closing is not None:  # "a répété, comme il l'avait fait en mai, que …"
                aside += closing + 1 - i
                i = closing + 1
                continue
        if w.upos in ("VERB", "AUX") or w.text in (".", ";", ":", "?", "!") or ctx.is_mark(w):
            return None
        i += 1
    return None


def _indirect_question(ctx: Context, cue: CueMatch, i: int) -> Attribution | None:
    """``lui a demandé comment il allait``, ``a expliqué où …``: an indirect question opened by
    an interrogative word, which belongs to it. Only an addressee, adverbs and time words stand
    between (``a été averti de l'accident quand …`` is a time clause); ``quand`` asks only
    after a verb of asking; a description that cannot speak asks nothing (``la route explique
    pourquoi …``); a negated verb asks nothing (``n'a pas précisé quand …``): no record."""
    words = ctx.parsed.words
    if cue.entry.cls not in _ASKING or passive_cue(ctx, cue) or cue.polarity is Polarity.NEGATED:
        return None  # "ne s'expliquait pas où il était", "n'a pas précisé quand": nothing asked
    if words[i].norm == "quand" and cue.entry.cls is not CueClass.QUESTION:
        return None
    j = cue.last + 1
    while j < i:
        if words[j].upos == "ADV" or words[j].norm in TIME_WORDS or words[j].text == ",":
            j += 1
        elif words[j].norm in ("à", "au", "aux"):
            j = skip_prepositional_object(ctx, j + 1, i)
        else:
            return None
    built = _build(ctx, cue, i)
    if built is None or (
        built.mention is not None and not mention_speaks(ctx.parsed, built.mention)
    ):
        return None
    return built


@register("infinitive", "reported")
def _infinitive(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``X a revendiqué avoir tué …``: an infinitive complement of a verb of saying.

    Verbs of feeling or of asking (``regretter de``, ``demander de``) do not report a
    statement with an infinitive, and neither do reflexive uses (``se promettre de``).
    """
    if not reports_clauses(cue):
        return None
    words = ctx.parsed.words
    if cue.entry.lemma in word_list("feeling_verbs.txt") or cue.entry.lemma in word_list(
        "request_verbs.txt"
    ):
        return None
    if any(w.norm in REFLEXIVE for w in ctx.parsed.kids(cue.word, "expl", "obj", "iobj")):
        return None
    _first, last = sentence_bounds(ctx, cue)
    i = _past_adverbials(ctx, cue.last + 1)
    gap_end = i + _INFINITIVE_GAP
    negation: int | None = None  # "assure ne pas exercer": the negation is the content's
    while i < last and i < gap_end:
        w = words[i]
        if w.norm in TIME_WORDS:
            i += 1
            continue
        if w.norm in NE and negation is None:
            negation = i
        infinitive = w.feats.get("VerbForm") == "Inf" or w.norm == w.lemma  # "avoir", "être"
        if w.upos in ("VERB", "AUX") and infinitive:
            governor = words[w.head] if w.upos == "AUX" and w.head >= 0 else w
            tagged_verb = words[cue.word].upos == "VERB"  # else the parse's arcs miss the cue
            if tagged_verb and governor.head != cue.word and governor.deprel not in _COMPLEMENTS:
                return None
            return _build(ctx, cue, i if negation is None else negation)
        if not (
            ctx.is_mark(w)
            or w.norm in ("de", "d'", "lui", "leur")
            or w.norm in NE
            or w.norm in NEGATORS
            or w.upos == "ADV"
        ):
            return None
        i += 1
    return None


def _past_adverbials(ctx: Context, start: int) -> int:
    """Where the complement of a verb of saying starts past the adverbials that stand between
    them: ``a annoncé, samedi, vouloir …``, ``a assuré lors d'un point presse ne pas …``,
    ``a déclaré jeudi sur RFI vouloir …``. A negation or ``de`` before the complement stays
    with it."""
    words = ctx.parsed.words
    end = skip_adverbials(ctx, start)
    if end is None or end - start > _ADVERBIAL_WORDS:
        return start
    while end > start and (words[end - 1].norm in NE or words[end - 1].norm in _BEFORE_INFINITIVE):
        end -= 1
    if end > start and words[end - 1].upos == "ADP" and words[end - 1].norm not in ("de", "d'"):
        return start  # "condamnée à verser", "pour dire": the preposition governs the verb
    return end


_ADVERBIAL_WORDS = 10
"""How many words of adverbials may stand between a verb of saying and its complement."""
_BEFORE_INFINITIVE = frozenset({"de", "d'", "pas", "plus", "jamais", "rien"})


@register("request_infinitive", "reported")
def _request_infinitive(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``demande aux pilotes de ne pas suivre …``, ``appelle cet après-midi à voter …``,
    ``invite les Français à boire …``: what a request, call, advice, promise or threat
    asks for, after its addressee and any adverbial."""
    if not reports_clauses(cue):
        return None
    if cue.entry.lemma not in word_list("request_verbs.txt") or passive_cue(ctx, cue):
        return None  # "sont appelés aux urnes afin de …": nobody asks in the sentence
    words = ctx.parsed.words
    if cue.first > 0 and words[cue.first - 1].lemma == "voir":
        return None  # "se verra demander de retirer la page": the subject is asked, not asking
    _first, last = sentence_bounds(ctx, cue)
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
    """``Les travaux suivent le calendrier, a indiqué le porte-parole.`` and, inside the
    sentence, ``Il est, disent-ils, la langue des affaires.`` (then the content is the whole
    sentence, the incise included, as for direct quotes)."""
    if cue.entry.type is not CueType.VERB:
        return None
    words = ctx.parsed.words
    first, last = sentence_bounds(ctx, cue)
    while first < cue.first and words[first].upos == "PUNCT" and not ctx.is_mark(words[first]):
        first += 1  # "- Le comédien …" after a dateline
    if cue.first - 1 <= first or words[cue.word].norm.endswith("ant"):
        return None  # ", répétant ainsi un engagement": a participle has no inverted subject
    if ctx.is_mark(words[first]) and ctx.closes_at(words[first].start):
        if words[first + 1].text == ",":
            return None  # "…comment ? », s'est-il interrogé …": the quote's own incise
        first += 1  # "… plaisanterie. » Une fausse alerte …": the quote ended before
    comma = words[cue.first - 1].text == ","
    before = words[cue.first - 2] if comma else words[cue.first - 1]
    bare = not comma and bare_clause_incise(ctx, cue, first)  # "… lundi précise la mairie."
    if not comma and not (ctx.is_mark(before) and ctx.closes_at(before.start)) and not bare:
        return None  # "… « pourront atteindre 130 km/h » averti Météo France": no comma needed
    if ctx.is_mark(before) and quote_opens_clause(ctx, before, first):
        return None  # « … », a-t-il dit: a direct quote with its own incise
    mention = inverted_after(ctx, cue)
    if mention is None or _abstract(ctx, mention):
        return None  # "…, a ordonné l'ouverture d'une enquête": an object, no inverted subject
    i = ctx.word_at(max(mention.end, mention.name[1] if mention.name else 0))
    if cue.first <= mention.head <= cue.last:
        i = cue.last + 1  # "a-t-il précisé": the subject inside the compound verb
    if i is not None and i < last and words[i].upos == "DET" and mention.kind is MentionKind.NAME:
        i = skip_prepositional_object(ctx, i, last)  # "explique Jean Roy le vice-président de X"
    while (
        i is not None
        and i < last
        and (words[i].upos in ("ADP", "ADV") or words[i].norm in TIME_WORDS)
    ):
        if words[i].upos != "ADP":  # "dit-elle encore.", "a-t-il dit lundi soir à X"
            i += 1
            continue
        i = skip_prepositional_object(ctx, i + 1, last)  # "a révélé son avocate à l'AFP"
    after = words[i] if i is not None and i < last else None
    inner = (  # the statement goes on after the incise, not an adverbial
        after is not None
        and after.text == ","
        and after.index + 1 < last
        and words[after.index + 1].upos not in ("ADP", "ADV", "SCONJ", "CCONJ", "PUNCT")
        and words[after.index + 1].feats.get("VerbForm") not in ("Part", "Ger")
        and (
            mention.kind is MentionKind.PRONOUN  # "Il est, disent-ils, la langue …"
            or any(w.upos in ("VERB", "AUX") for w in words[after.index + 1 : last])
        )  # not an apposition to the speaker ("…, explique Paul Girard, le directeur.")
    )
    if bare and (
        inner
        or (after is not None and after.text not in (".", "!", "?", "…"))
        or mention.kind is MentionKind.PRONOUN
        or not mention_speaks(ctx.parsed, mention)
    ):
        return None  # a bare incise closes its sentence, after its speaker's noun phrase
    closes = after is None or after.text in (".", "!", "?", "…")
    if cue.entry.incise_only and not inner and not (closes and mention_speaks(ctx.parsed, mention)):
        return None  # "poursuit", "lance": speech verbs only in an incise, after a speaker
    if after is not None and not inner and after.text not in (".", "!", "?", ",", ";", "…"):
        return None
    if not any(words[i].upos in ("VERB", "AUX") for i in range(first, cue.first - 1)) and not inner:
        return None
    start = words[first].start
    end_word = last_content_word(ctx, last - 1, floor=first) if inner else cue.first - 1 - comma
    end = words[end_word].end
    inside = ctx.outer_quotes_between(start, end)
    enclosing = ctx.enclosing_quote(start)
    if enclosing is not None:
        inside.append(enclosing)
    if enclosing is not None:
        return None
    outside = [
        w
        for w in (words[i] for i in ctx.words_between(start, end))
        if any(c.isalnum() for c in w.text)
        and not any(q.open_mark.start <= w.start < q.content.end for q in inside)
    ]
    if (
        any(len(q.content) > (end - start) // 2 for q in inside)
        and len(outside) < 4
        and not any(w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin" for w in outside)
    ):
        return None  # the quote is the statement; a few words without a verb make no clause
    return statement(ctx, cue, start, end, QuoteKind.INDIRECT, mention)


def _abstract(ctx: Context, mention: Mention) -> bool:
    """A description headed by an abstract or event noun, or a quantity, that no speaking
    list holds (``l'ouverture d'une enquête``, ``sept ans de prison``): no one who speaks."""
    if mention.kind is not MentionKind.DESCRIPTION or mention_speaks(ctx.parsed, mention):
        return False
    head = ctx.parsed.words[mention.head]
    words = ctx.parsed.words
    counted = head.index > 0 and words[head.index - 1].upos == "NUM"
    return is_abstract_noun(head.lemma) or counted


@register("as_source", "reported")
def _as_source(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``…, comme le précise l'ambassadeur``, ``…, contrairement à ce qu'a affirmé le site X``:
    a second source for the clause before it, named after its verb."""
    if cue.entry.type is not CueType.VERB:
        return None
    opener = as_source_opener(ctx, cue)
    if opener is None:
        return None
    mention = inverted_after(ctx, cue)
    if mention is None:
        return None
    words = ctx.parsed.words
    first, _last = sentence_bounds(ctx, cue)
    end_word = last_content_word(ctx, opener - 1, floor=first)
    start_word = first
    for i in range(end_word, first - 1, -1):
        if words[i].norm in QUE and words[i].upos == "SCONJ":
            start_word = i + 1  # "n'a jamais déclaré que l'enquête était close, contrairement …"
            break
    else:
        if (
            words[first].upos in ("ADV", "CCONJ")
            and first + 1 < end_word
            and words[first + 1].text == ","
        ):
            start_word = first + 2  # "Cependant, …"
    if end_word <= start_word:
        return None
    begin, stop = respect_quotes(ctx, words[start_word].start, words[end_word].end)
    return statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


@register("self_description", "reported")
def _self_description(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``X s'est dit satisfait des résultats``, ``81 % se disent contre le projet``: what the
    speaker says of themselves, the predicate after ``se dire``."""
    words = ctx.parsed.words
    if cue.entry.lemma != "dire" or not any(
        w.norm in REFLEXIVE for w in words[cue.first : cue.word]
    ):
        return None
    _first, last = sentence_bounds(ctx, cue)
    start = cue.last + 1
    while start < last and words[start].upos == "ADV":
        start += 1
    if start >= last:
        return None
    w = words[start]
    predicate = (
        w.upos == "ADJ"
        or (w.upos == "VERB" and w.feats.get("VerbForm") != "Inf")  # "satisfait" tagged finite
        or w.norm in ("contre", "pour")
    )
    if not predicate or ctx.is_mark(w):
        return None
    return _build(ctx, cue, cue.last + 1)


def statement(
    ctx: Context, cue: CueMatch, start: int, end: int, kind: QuoteKind, mention: Mention | None
) -> Attribution:
    """The attribution of a reported statement over ``[start, end)`` of the text.

    Example:
        >>> # statement(ctx, cue, 10, 42, QuoteKind.INDIRECT, mention).kind → indirect
    """
    return Attribution(
        cue, mention, kind, start=start, end=end, sentence=ctx.parsed.words[cue.word].sentence
    )


def _build(ctx: Context, cue: CueMatch, start_word: int) -> Attribution | None:
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    last = own_clause_end(ctx, cue, start_word, last)
    while start_word < last and words[start_word].text in (",", ";", ":", "—", "–"):
        start_word += 1  # "prévoit que, contrairement à …": the clause starts after the comma
    end_word = clause_end(ctx, start_word, last)
    if end_word < start_word:
        return None
    mention = subject(ctx, cue)
    if impersonal(ctx, cue, mention) or narrator_aside(ctx, cue, mention):
        return None
    begin, stop = respect_quotes(ctx, words[start_word].start, words[end_word].end)
    return statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)
