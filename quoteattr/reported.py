"""Reported speech without quotation marks: indirect clauses and ``selon X``.

* ``que_clause``   X a affirmé que … / X a estimé lundi que …
* ``infinitive``   X a revendiqué avoir tué … / X a indiqué « espérer » que …
* ``unmarked_incise``  Les travaux suivent le calendrier, a indiqué le porte-parole.
* ``request_infinitive`` X demande aux pilotes de ne pas suivre … (what is asked for)
* ``noun_object``  X a démenti tout lien avec ces personnes (a noun phrase as the message)
* ``call_object``  X appelle à une journée de mobilisation (what a call asks for)
* ``estimate``     X estime à 75 000 le nombre d'emplois menacés (a figure for a quantity)
* ``reduced_passive`` les mesures évoquées par l'architecte (the agent speaks)
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

from quoteattr.clauses import (
    CLAUSE_BREAKS,
    as_source_opener,
    clause_end,
    impersonal,
    last_content_word,
    narrator_aside,
    object_before,
    one_quote,
    partitive_in,
    passive_cue,
    purpose_adjunct,
    quote_opens_clause,
    respect_quotes,
    restrictive_que,
    sentence_bounds,
)
from quoteattr.context import Context
from quoteattr.cues import CueMatch
from quoteattr.french import (
    DATE_WORDS,
    QUE,
    REFLEXIVE,
    SI,
    SUBORDINATORS_BEFORE_QUE,
    TIME_WORDS,
)
from quoteattr.lexicon import word_list
from quoteattr.mentions import Mention
from quoteattr.messages import names_topic, points_back, tail_start
from quoteattr.parse import Word
from quoteattr.records import CueClass, CueType, MentionKind, Polarity, QuoteKind
from quoteattr.rules import Attribution, Rule, register, reported_rules

__all__ = ["CLAUSE_BREAKS", "Reported", "find_reported", "one_quote"]

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


@register("que_clause", "reported")
def _que_clause(ctx: Context, cue: CueMatch) -> Attribution | None:
    if not _reports_clauses(cue):
        return None
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    i = cue.last + 1
    while i < last and i - cue.last <= _MAX_GAP:
        w = words[i]
        if w.norm in SI and w.upos == "SCONJ" and cue.entry.cls in _ASKING:
            return _build(ctx, cue, i + 1) if i + 1 < last else None
        if w.norm in QUE and w.upos in ("SCONJ", "PRON", "ADV", "CCONJ"):
            tout_de_meme = i >= 3 and [x.norm for x in words[i - 3 : i]] == ["tout", "de", "même"]
            if (words[i - 1].norm in SUBORDINATORS_BEFORE_QUE and not tout_de_meme) or w.feats.get(
                "PronType"
            ) == "Rel":
                return None  # "ce que", "alors que"; "les activités qu'il entend": a relative
            if restrictive_que(ctx, cue):
                return None  # "ne prévoit qu'une intervention": ne … que, not a clause
            if cue.entry.lemma not in word_list("addressee_verbs.txt") and object_before(
                ctx, cue.last + 1, i
            ):
                return None  # "dévoile les activités qu'il entend organiser": a relative
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
    _first, last = sentence_bounds(ctx, cue)
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
    comma = words[cue.first - 1].text == ","
    before = words[cue.first - 2] if comma else words[cue.first - 1]
    if not comma and not (ctx.is_mark(before) and ctx.closes_at(before.start)):
        return None  # "… « pourront atteindre 130 km/h » averti Météo France": no comma needed
    if ctx.is_mark(before) and quote_opens_clause(ctx, before, first):
        return None  # « … », a-t-il dit: a direct quote with its own incise
    mention = ctx.inverted_after(cue)
    if mention is None:
        return None
    i = ctx.word_at(max(mention.end, mention.name[1] if mention.name else 0))
    if i is not None and i < last and words[i].upos == "DET" and mention.kind is MentionKind.NAME:
        i = ctx.skip_prepositional_object(i, last)  # "explique Jean Roy le vice-président de X"
    while i is not None and i < last and words[i].upos == "ADP":
        i = ctx.skip_prepositional_object(i + 1, last)  # "a révélé son avocate à l'AFP"
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
    if cue.entry.incise_only and not inner:
        return None  # "poursuit", "lance": speech verbs only inside an incise
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
    if any(len(q.content) > (end - start) // 2 for q in inside) and len(outside) < 4:
        return None  # the quote is the statement; a few words outside it make no clause
    return _statement(ctx, cue, start, end, QuoteKind.INDIRECT, mention)


@register("as_source", "reported")
def _as_source(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``…, comme le précise l'ambassadeur``, ``…, contrairement à ce qu'a affirmé le site X``:
    a second source for the clause before it, named after its verb."""
    if cue.entry.type is not CueType.VERB:
        return None
    opener = as_source_opener(ctx, cue)
    if opener is None:
        return None
    mention = ctx.inverted_after(cue)
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
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


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
    attitude = cue.entry.lemma in word_list("attitude_objects.txt")
    litotes = cue.entry.lemma in word_list("litotes_verbs.txt")
    if cue.entry.lemma not in word_list("message_objects.txt") and not attitude and not litotes:
        return None
    if (cue.polarity is Polarity.NEGATED) is not litotes:
        return None  # "n'a pas confirmé le lien": no message; "n'a pas exclu un report": one
    if _imperative(ctx, cue):
        return None  # "notons en particulier des œuvres de …": the narrator's aside
    words = ctx.parsed.words
    form = words[cue.word].feats.get("VerbForm")
    bare_participle = (
        form == "Part" and cue.first == cue.word and not words[cue.word].norm.endswith("ant")
    )
    if bare_participle or (form == "Inf" and purpose_adjunct(ctx, cue)):
        return None  # "des résultats confirmés", "pour décrire …": no one states a message
    _first, last = sentence_bounds(ctx, cue)
    start = ctx.skip_adverbials(cue.last + 1)
    if start is None or start >= last or start - cue.last > 10:
        return None
    while start - 1 > cue.last and words[start - 1].upos == "NUM" and words[start].upos == "NOUN":
        start -= 1  # "a requis trois ans de prison": the number opens the phrase, no adverbial
    partitive = False
    if words[start].upos not in ("DET", "NUM", "NOUN"):
        found = partitive_in(ctx, cue.last + 1, start)  # demande au gouvernement des mesures
        partitive, start = found != start, found
    head = words[start]
    adjective_first = head.upos == "ADJ" and start + 1 < last and words[start + 1].upos == "NOUN"
    if head.upos not in ("DET", "NUM", "NOUN") and not partitive and not adjective_first:
        return None  # "fait état de véritables agressions": an adjective may open the phrase
    if head.upos == "DET" and start + 1 < last and words[start + 1].upos == "PROPN":
        return None  # a person or a place, not a message
    if any(
        words[i].upos in ("VERB", "AUX") and words[i].norm not in DATE_WORDS
        for i in range(cue.last + 1, start)
    ):
        return None  # another verb first (a date the parser took for a verb aside)
    if any(words[i].norm in _INTERROGATIVES for i in range(cue.last + 1, start)):
        return None  # "explique pourquoi le pilote a …": a question, not a noun phrase
    if cue.first > 0 and words[cue.first - 1].norm in QUE:
        return None  # "ce qu'a affirmé le site": inverted subject, not an object
    mention = ctx.subject(cue)
    if mention is None or (mention.start > words[cue.first].start and not _gerund(ctx, cue)):
        return None  # an inverted subject is no message's speaker; a gerund's controller may follow
    if words[mention.head].norm == "qui":
        return None  # a relative whose antecedent is unknown: precision first
    if words[mention.head].norm == "on" and any(
        w.lemma in ("pouvoir", "devoir") for w in words[mention.head + 1 : cue.first]
    ):
        return None  # "on peut noter la hausse": the narrator's remark
    end_word = clause_end(ctx, start, last, cue)
    speaker_at = ctx.word_at(mention.start)
    if speaker_at is not None and start < speaker_at <= end_word:  # "En insistant sur X, Y …"
        end_word = last_content_word(ctx, speaker_at - 1, floor=start)
    end_word = last_content_word(ctx, tail_start(ctx, start, end_word) - 1, floor=start)
    if end_word <= start or points_back(ctx, start, end_word) or names_topic(ctx, start, end_word):
        return None  # "a annoncé la nouvelle", "… la composition du jury": no message told
    begin, stop = respect_quotes(ctx, words[start].start, words[end_word].end)
    if attitude and not ctx.outer_quotes_between(begin, stop):
        return None  # "a condamné l'agression": the target of an attitude, no message
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


_INTERROGATIVES = frozenset({"pourquoi", "comment", "combien", "où", "quand", "si", "s'"})


def _imperative(ctx: Context, cue: CueMatch) -> bool:
    """``notons``, ``rappelez``: a first or second person plural with no ``nous``/``vous``
    before it, the narrator speaking to the reader."""
    words = ctx.parsed.words
    verb = words[cue.word]
    if verb.feats.get("Mood") == "Imp":
        return True
    if not verb.norm.endswith(("ons", "ez")) or cue.first != cue.word:
        return False
    return cue.first == 0 or words[cue.first - 1].norm not in ("nous", "vous")


def _gerund(ctx: Context, cue: CueMatch) -> bool:
    """``(tout) en insistant sur …``: a gerund, whose controller is the main clause's subject."""
    words = ctx.parsed.words
    return (
        cue.first > 0 and words[cue.first - 1].norm == "en" and words[cue.word].norm.endswith("ant")
    )


@register("call_object", "reported")
def _call_object(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``La CGT appelle à une nouvelle journée de mobilisation``, ``invite à la prudence``,
    ``exhorte au calme``: what a call asks for, a noun phrase after ``à`` (GUIDELINES: the
    content of a call). For the verbs of ``data/request_verbs.txt``; an infinitive after
    ``à`` is :func:`_request_infinitive`'s."""
    if not _reports_clauses(cue) or cue.entry.lemma not in word_list("request_verbs.txt"):
        return None
    if cue.polarity is Polarity.NEGATED or passive_cue(ctx, cue):
        return None
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    i = cue.last + 1
    while i < last and i - cue.last <= 8 and words[i].norm not in ("à", "au", "aux"):
        if words[i].upos in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ") or words[i].norm in QUE:
            return None  # past the addressee ("invite les automobilistes à …"), nothing else
        i += 1
    if i + 1 >= last or words[i].norm not in ("à", "au", "aux"):
        return None
    start = i + 1
    while start < last - 1 and words[start].token == words[i].token:
        start += 1  # "au calme": the article contracted with à is no word of the content
    if words[start].upos not in ("DET", "NOUN", "ADJ") or words[start].feats.get("VerbForm"):
        return None
    mention = ctx.subject(cue)
    if mention is None or mention.start > words[cue.first].start:
        return None
    end_word = clause_end(ctx, start, last, cue)
    end_word = last_content_word(ctx, tail_start(ctx, start, end_word) - 1, floor=start)
    if end_word < start or points_back(ctx, start, end_word):
        return None
    begin, stop = respect_quotes(ctx, words[start].start, words[end_word].end)
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


@register("estimate", "reported")
def _estimate(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``La CGT estime à 75 000 le nombre d'emplois menacés``: a figure stated for a quantity.

    For the verbs of ``data/estimate_verbs.txt``, followed by ``à``, a number, then a
    definite noun phrase (the quantity measured); the content runs from the figure to the
    end of the clause, the verb has its subject before it.
    """
    if not _reports_clauses(cue) or cue.entry.lemma not in word_list("estimate_verbs.txt"):
        return None
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    at = cue.last + 1
    if at + 2 >= last or words[at].norm not in ("à", "au"):
        return None
    figure = next((i for i in range(at + 1, min(at + 5, last)) if _is_figure(words[i])), None)
    if figure is None:
        return None
    quantity = next(
        (i for i in range(figure + 1, min(figure + 5, last)) if words[i].norm in _DEFINITE),
        None,
    )
    if quantity is None or any(w.upos in ("VERB", "AUX") for w in words[figure + 1 : quantity]):
        return None  # "estime à 40 % les chances …" needs the measured noun phrase
    mention = ctx.subject(cue)
    if mention is None or mention.start > words[cue.first].start:
        return None
    end_word = clause_end(ctx, at + 1, last, cue)
    if end_word <= quantity:
        return None
    begin, stop = respect_quotes(ctx, words[at + 1].start, words[end_word].end)
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)


_DEFINITE = frozenset(
    {"le", "la", "l'", "les", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces"}
)
"""Determiners that open the quantity an estimate measures (``à 4 points son avance``)."""


def _is_figure(word: Word) -> bool:
    """A number, in digits or words (``75 000``, ``3,5``, ``trois``)."""
    return word.upos == "NUM" or word.text[:1].isdigit()


@register("reduced_passive", "reported")
def _reduced_passive(ctx: Context, cue: CueMatch) -> Attribution | None:
    """``la reconstruction du tablier déjà évoquée par l'architecte``: a noun phrase qualified by
    the past participle of a message verb and its agent is what the agent said (GUIDELINES:
    the agent of a reduced passive of a speech verb is the speaker).

    For the verbs of ``data/reduced_passive_verbs.txt``, with no auxiliary; the content is the
    noun phrase before the participle, the speaker the agent after ``par``. Not after ``selon``
    or ``d'après`` (a source, :func:`_according_to`).
    """
    if not _reports_clauses(cue) or cue.entry.lemma not in word_list("reduced_passive_verbs.txt"):
        return None
    words = ctx.parsed.words
    verb = words[cue.word]
    if verb.feats.get("VerbForm") != "Part" or verb.norm.endswith("ant") or cue.first != cue.word:
        return None
    first, last = sentence_bounds(ctx, cue)
    if cue.last + 2 >= last or words[cue.last + 1].norm != "par":
        return None
    if words[cue.last + 2].norm == "rapport":
        return None  # "par rapport à": no agent
    agent = ctx.noun_phrase_after(cue.last + 1)
    if agent is None:
        return None
    end_word = cue.first - 1
    while end_word >= first and (words[end_word].upos == "ADV" or words[end_word].text == ","):
        end_word -= 1  # "déjà évoquée", "Plusieurs attaques contre des chrétiens, revendiquées par
    if end_word < first or words[end_word].upos not in ("NOUN", "ADJ", "PROPN"):
        return None
    start = end_word
    while start - 1 >= first and (
        words[start - 1].upos in ("NOUN", "ADJ", "DET", "NUM", "PROPN")
        or words[start - 1].norm in _NOUN_PHRASE_PREPOSITIONS
        or (
            _noun_participle(words[start - 1])
            and start - 2 >= first
            and words[start - 2].upos == "NOUN"
        )
    ):
        if words[start].upos == "DET" and words[start - 1].upos in ("NOUN", "ADJ", "PROPN"):
            break  # "a confirmé à la presse les mesures …": a new noun phrase opens here
        start -= 1
    while start < end_word and words[start].upos not in ("DET", "NUM"):
        start += 1  # the phrase opens at its determiner or number
    if words[start].upos not in ("DET", "NUM") or start == end_word:
        return None
    if start > first and words[start - 1].norm in ("selon", "après", "d'après", "par"):
        return None  # "selon les chiffres publiés par l'Insee": a source, not a message
    if points_back(ctx, start, end_word) or names_topic(ctx, start, end_word):
        return None
    begin, stop = respect_quotes(ctx, words[start].start, words[end_word].end)
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, agent)


_NOUN_PHRASE_PREPOSITIONS = frozenset(
    {"de", "d'", "du", "des", "à", "au", "aux", "contre", "pour", "sur", "avec", "entre", "envers"}
)
"""Prepositions inside a noun phrase (``des attaques contre des chrétiens``)."""


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


def _noun_participle(word: Word) -> bool:
    """A past participle that may modify the noun before it (``son appartenance supposée``)."""
    return word.feats.get("VerbForm") == "Part" and not word.norm.endswith("ant")


@register("according_to", "reported")
def _according_to(ctx: Context, cue: CueMatch) -> Attribution | None:
    if cue.entry.type is not CueType.PREPOSITION:
        return None
    words = ctx.parsed.words
    first, last = sentence_bounds(ctx, cue)
    mention = ctx.preposition_object(cue)
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
        return _statement(ctx, cue, begin, stop, QuoteKind.ACCORDING_TO, mention)
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
    return _statement(ctx, cue, begin, stop, QuoteKind.ACCORDING_TO, mention)


def _statement(
    ctx: Context, cue: CueMatch, start: int, end: int, kind: QuoteKind, mention: Mention | None
) -> Attribution:
    return Attribution(
        cue, mention, kind, start=start, end=end, sentence=ctx.parsed.words[cue.word].sentence
    )


def _build(ctx: Context, cue: CueMatch, start_word: int) -> Attribution | None:
    words = ctx.parsed.words
    _first, last = sentence_bounds(ctx, cue)
    while start_word < last and words[start_word].text in (",", ";", ":", "—", "–"):
        start_word += 1  # "prévoit que, contrairement à …": the clause starts after the comma
    end_word = clause_end(ctx, start_word, last)
    if end_word < start_word:
        return None
    mention = ctx.subject(cue)
    if impersonal(ctx, cue, mention) or narrator_aside(ctx, cue, mention):
        return None
    begin, stop = respect_quotes(ctx, words[start_word].start, words[end_word].end)
    return _statement(ctx, cue, begin, stop, QuoteKind.INDIRECT, mention)
