"""Who a cue's speaker is in its sentence: the subject of a verb cue.

The parse first, then the surface: a noun phrase right before the verb, a name opening the
sentence before an apposition, a coordinated or gerund clause's subject, a passive's agent.
The phrases *after* a cue (inverted subjects, ``selon``'s source, adverbials) are in
:mod:`quoteattr.syntax.phrases`. One wrong arc of the parse should not lose the speaker: each
function falls back on the words around the cue. The rules call them as ``subject(ctx, cue)``.

Example:
    >>> "nsubj" in SUBJECT_RELS
    True
"""

from __future__ import annotations

import attrs

from quoteattr.records import CueClass, CueType, MentionKind, Modality, Polarity
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.lexicon import LexiconEntry
from quoteattr.syntax.mentions import Mention, clitic_pronoun, is_capitalised, mention_at, name_run
from quoteattr.syntax.parse import Sentence, Word
from quoteattr.syntax.phrases import (
    NP_HEAD_UPOS,
    inverted_after,
    noun_phrase_after,
    preposition_object,
)
from quoteattr.syntax.speaking_nouns import mention_speaks, speaks
from quoteattr.text.french import (
    CLITICS_BEFORE_VERB,
    NOT_SUBJECT_PRONOUNS,
    QUE,
)

__all__ = ["SUBJECT_RELS", "subject", "verb_subject"]

SUBJECT_RELS = ("nsubj", "expl:subj")
"""Dependency relations of a subject."""
_OBJECT_CLITICS = frozenset({"le", "la", "l'", "les"})
_NOUN_PHRASE_RELS = frozenset({"flat", "nmod", "amod", "appos", "compound", "fixed"})
"""Relations inside a noun phrase, climbed from its last word to its head."""
_ANY_VERB = LexiconEntry("?", CueType.VERB, CueClass.NEUTRAL, False, ("news",))


def subject(ctx: Context, cue: CueMatch) -> Mention | None:
    """The speaker of a verb cue: clitic, agent, subject, controller.

    A subject before the cue never runs into the cue's own verb group (a parse
    that hangs the verb under the subject noun is cut at the verb).
    """
    words = ctx.parsed.words
    if cue.clitic is not None:
        return mention_at(ctx.parsed, cue.clitic)
    if cue.entry.type is not CueType.VERB:
        return preposition_object(ctx, cue)
    agent = _agent(ctx, cue)
    if agent is not None:
        return agent
    found = (
        _incise_before(ctx, cue)
        or _coordinated_clause_subject(ctx, cue)
        or _parse_subject(ctx, words[cue.word], depth=0)
        or _auxiliary_subject(ctx, cue)
        or _subject_before(ctx, cue)
        or _clause_taken_for_modifier(ctx, cue)
        or _coordinated_subject(ctx, cue)
        or _narrative_infinitive_subject(ctx, cue)
    )
    if found is None or not mention_speaks(
        ctx.parsed, found
    ):  # a gerund's subject is the main verb's
        found = _gerund_main_subject(ctx, cue) or found
    if found is None:
        return None
    found = _left_apposition(ctx, found)
    cue_start = words[cue.first].start
    if found.start < cue_start < found.end:
        end_word = cue.first - 1
        while end_word >= 0 and words[end_word].upos == "PUNCT":
            end_word -= 1
        if end_word < 0 or words[end_word].end <= found.start:
            return None
        name = found.name if found.name is None or found.name[1] <= cue_start else None
        found = attrs.evolve(found, end=words[end_word].end, name=name)
    return _name_before_verb(ctx, cue, found)


def _gerund_main_subject(ctx: Context, cue: CueMatch) -> Mention | None:
    """``a affirmé que la loi serait votée, tout en reconnaissant que …``: a gerund has the
    subject of its sentence's main verb, however deep the parse hung it."""
    words = ctx.parsed.words
    verb = words[cue.word]
    if not (verb.norm.endswith("ant") and cue.first > 0 and words[cue.first - 1].norm == "en"):
        return None
    sentence = ctx.parsed.sentences[verb.sentence]
    root = next((w for w in words[sentence.first : sentence.last] if w.head < 0), None)
    if root is None or root.index == verb.index:
        return None
    found = _parse_subject(ctx, root, depth=2)
    if found is not None and not mention_speaks(ctx.parsed, found):
        return None  # "le procès de 49 prévenus … en relevant": the parse's root is no one's
    return found


def _name_before_verb(ctx: Context, cue: CueMatch, found: Mention) -> Mention:
    """``l'ancien directeur général de Thomson-CSF, Jean-François Briand précisait que``: a
    description followed by a comma and a name that runs up to the verb is that person's; the
    name is the speaker whatever the parse attached it to."""
    if found.kind is not MentionKind.DESCRIPTION or found.name is not None:
        return found
    words = ctx.parsed.words
    last = ctx.word_at(found.end - 1)
    if last is None or last + 2 >= cue.first or words[last + 1].text != ",":
        return found
    if not is_capitalised(words[last + 2]) or words[last + 2].upos not in ("PROPN", "NOUN", "X"):
        return found
    lo, hi = name_run(ctx.parsed, last + 2)
    if lo != last + 2 or hi + 1 != cue.first:
        return found
    name = (words[lo].start, words[hi].end)
    return attrs.evolve(found, end=words[hi].end, name=name, kind=MentionKind.NAME)


def _incise_before(ctx: Context, cue: CueMatch) -> Mention | None:
    """The controller of a participle that follows an incise is the incise's speaker:
    ``…, a indiqué la préfecture, précisant que …``, ``« … », a déclaré M. Lenoir, ajoutant
    que …`` (the preceding clause's subject is someone else, or nothing that speaks)."""
    words = ctx.parsed.words
    if not words[cue.word].norm.endswith("ant") or words[cue.word].upos == "ADJ":
        return None
    i = cue.first - 1
    if i >= 0 and words[i].norm == "en":
        i -= 1
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    if i <= sentence.first or words[i].text != ",":
        return None
    incises = [
        c
        for c in (ctx.cue_at[j] for j in range(sentence.first, i) if j in ctx.cue_at)
        if c.entry.type is CueType.VERB
        and sentence.first < c.first
        and c.last < i
        and (words[c.first - 1].text == "," or ctx.is_mark(words[c.first - 1]))
        and words[c.first].feats.get("VerbForm") == "Fin"
    ]
    if not incises:
        return None
    incise = max(incises, key=lambda c: c.first)
    if any(
        w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin"
        for w in words[incise.last + 1 : i]
    ):
        return None  # another clause stands between the incise and the participle
    speaker = inverted_after(ctx, incise)
    if speaker is None or speaker.end > words[i].start:
        return None
    return speaker


_ADVERBIAL_GAP = 12
"""How many words an adverbial may hold between an auxiliary and its participle."""


def _auxiliary_subject(ctx: Context, cue: CueMatch) -> Mention | None:
    """``La ministre a pour sa part ajouté``: an adverbial between the auxiliary and the
    participle, and a parse that hangs the subject on the auxiliary; the verb group's subject
    is the auxiliary's."""
    words = ctx.parsed.words
    if words[cue.word].feats.get("VerbForm") != "Part" or words[cue.word].norm.endswith("ant"):
        return None
    sentence_first = ctx.parsed.sentences[words[cue.word].sentence].first
    for i in range(cue.word - 1, max(sentence_first, cue.first - _ADVERBIAL_GAP) - 1, -1):
        w = words[i]
        if w.lemma in ("avoir", "être") and w.feats.get("VerbForm") == "Fin":
            if w.head == cue.word and i >= cue.first:
                return None  # an ordinary verb group: the parse found no subject
            return _parse_subject(ctx, w, depth=2) or _subject_before(
                ctx, attrs.evolve(cue, first=i)
            )
        if w.upos in ("VERB", "AUX") or w.text in (".", ";", ":", "!", "?") or ctx.is_mark(w):
            return None
    return None


def _clause_taken_for_modifier(ctx: Context, cue: CueMatch) -> Mention | None:
    """``le juge X, successeur du juge Y, écrit que …`` parsed with ``écrit`` as a participle
    modifying the noun before the comma: that noun phrase, up through its appositions
    and conjuncts, is the subject."""
    words = ctx.parsed.words
    verb = words[cue.word]
    if verb.rel != "acl" or cue.first == 0 or words[cue.first - 1].text != ",":
        return None
    if verb.norm.endswith("ant"):
        return None  # "…, réclamant un panier": a participle of the main clause's subject
    head = verb.head
    if head < 0 or head >= cue.first or words[head].upos not in ("NOUN", "PROPN"):
        return None
    sentence_first = ctx.parsed.sentences[verb.sentence].first
    while (
        words[head].rel in ("appos", "conj", "flat") and sentence_first <= words[head].head < head
    ):
        head = words[head].head
    if words[head].rel not in ("nsubj", "root", "appos", "conj", "nmod"):
        return None
    return mention_at(ctx.parsed, head)


def _coordinated_clause_subject(ctx: Context, cue: CueMatch) -> Mention | None:
    """``huit donnent une avance à X, et la moyenne du site estime …``: a verb parsed as
    sharing the first clause's subject has its own, right before it, after ``et``."""
    words = ctx.parsed.words
    verb = words[cue.word]
    if verb.rel != "conj" or cue.first == 0 or ctx.parsed.kids(verb.index, *SUBJECT_RELS):
        return None
    if words[cue.first - 1].upos not in ("NOUN", "PROPN"):
        return None
    mention = _subject_before(ctx, cue, through_conj=False)
    if mention is None:
        return None
    first = ctx.word_at(mention.start)
    if first is None or first == 0 or words[first - 1].norm not in ("et", "mais", "puis"):
        return None
    return mention


def _opening_name_before_apposition(ctx: Context, sentence: Sentence, comma: int) -> Mention | None:
    """The name that opens the sentence, when an apposition without a finite verb runs from
    it to ``comma`` (``Joji Otaki, auteur de l'étude ayant fourni ces résultats,``)."""
    words = ctx.parsed.words
    opening = sentence.first
    for j in range(sentence.first, min(sentence.first + 8, comma)):
        if words[j].text in (":", "-", "–", "—"):
            opening = j + 1  # "- 8 juillet 2000 : Gérard Merle, ancien …, déclare"
        elif words[j].upos in ("VERB", "AUX"):
            break
    lo, hi = name_run(ctx.parsed, opening)
    if (
        lo != opening
        or not any(w.upos == "PROPN" for w in words[lo : hi + 1])
        or hi + 1 >= comma
        or words[hi + 1].text != ","
        or any(
            w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin"
            for w in words[hi + 2 : comma]
        )
    ):
        return None
    return mention_at(ctx.parsed, hi)


def _narrative_infinitive_subject(ctx: Context, cue: CueMatch) -> Mention | None:
    """``Et Marie Roy de s'interroger : « … »``: the narrative infinitive's subject
    stands before its ``de``."""
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    if (
        words[cue.word].feats.get("VerbForm") != "Inf"
        or cue.first - 2 <= sentence.first
        or words[cue.first - 1].norm not in ("de", "d'")
        or words[sentence.first].norm not in ("et", "puis")
    ):
        return None
    return _subject_before(ctx, attrs.evolve(cue, first=cue.first - 1))


def _left_apposition(ctx: Context, mention: Mention) -> Mention:
    """``Marc Lenoir, le président de la région, se dit …``: a description apposed after
    the name that opens the sentence names that person."""
    if mention.kind is not MentionKind.DESCRIPTION or mention.name is not None:
        return mention
    words = ctx.parsed.words
    first = ctx.word_at(mention.start)
    if first is None or first < 2 or words[first - 1].text != ",":
        return mention
    sentence = ctx.parsed.sentences[words[first].sentence]
    last_name = first - 2
    if last_name < sentence.first or not is_capitalised(words[last_name]):
        return mention
    lo, hi = name_run(ctx.parsed, last_name)
    run = words[lo : hi + 1]
    if (
        hi != last_name
        or lo != sentence.first
        or not any(w.upos == "PROPN" for w in run)
        or any(w.upos not in ("PROPN", "NOUN", "X") for w in run)
    ):
        return mention  # "Inquiète, la maîtresse demanda": no name opens the sentence
    name = (words[lo].start, words[hi].end)
    return attrs.evolve(mention, start=name[0], kind=MentionKind.NAME, name=name)


def _coordinated_subject(ctx: Context, cue: CueMatch) -> Mention | None:
    """``X réclame … et indique …``: the second verb shares the subject of the first."""
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    if cue.first - 1 <= sentence.first or words[cue.first - 1].norm not in ("et", "puis"):
        return None
    for i in range(cue.first - 2, sentence.first - 1, -1):
        other = ctx.group_at.get(i)
        if other is not None and other.entry.type is CueType.VERB and other is not cue:
            return subject(ctx, other)
        if words[i].upos in ("VERB", "AUX") and words[i].feats.get("VerbForm") == "Fin":
            return verb_subject(ctx, words[i])
    return None


def verb_subject(ctx: Context, verb: Word) -> Mention | None:
    """The subject of any verb (parse first, then the noun phrase before it)."""
    found = _parse_subject(ctx, verb, depth=0)
    if found is not None:
        return found
    pseudo = CueMatch(
        verb.index,
        _ANY_VERB,
        verb.index,
        verb.index,
        Polarity.POSITIVE,
        Modality.ASSERTED,
        None,
    )
    return _subject_before(ctx, pseudo)


def _parse_subject(ctx: Context, verb: Word, depth: int) -> Mention | None:
    # Closest subject first, those before the verb before those after it.
    children = sorted(
        ctx.parsed.kids(verb.index, *SUBJECT_RELS),
        key=lambda w: (w.index > verb.index, abs(w.index - verb.index)),
    )
    if len(children) > 1 and _apposed_between_commas(ctx, children[1], children[0], verb):
        children = children[1:]  # "Le rapport de l'ARS, l'Agence régionale de santé, conclut"
    for child in children:
        if child.deprel == "nsubj:pass" and not _reflexive(ctx, verb):
            continue  # a passive's subject is no speaker; "s'est montré" is no passive
        if child.index > verb.index and any(
            w.norm in QUE or w.upos == "SCONJ"
            for w in ctx.parsed.words[verb.index + 1 : child.index]
        ):
            continue  # "X conclut que l'équipe …": the subject of the complement clause
        if (
            child.deprel == "expl:subj"
            and clitic_pronoun(child) is None
            and child.index > verb.index
        ):
            continue
        if child.upos == "PRON" and child.norm in NOT_SUBJECT_PRONOUNS:
            continue
        if child.norm == "il" and verb.lemma == "avoir" and _next_norm(ctx, child) == "y":
            continue  # "il y a", "il y eut": impersonal, no one
        if child.norm in _OBJECT_CLITICS and 0 < verb.index - child.index <= 2:
            continue  # "…, l'interpellent à Paris": an object clitic the parser made subject
        return mention_at(ctx.parsed, child.index)
    if depth < 2 and verb.head >= 0 and _shares_subject(ctx, verb):
        head = ctx.parsed.words[verb.head]
        if verb.norm.endswith("ant") and head.head >= 0 and _in_relative(ctx, head):
            head = ctx.parsed.words[head.head]  # "une crise que X ne pourrait pas supporter,
            # estimant …": a participle after a relative clause is the main clause's
        return _parse_subject(ctx, head, depth + 1)
    return None


def _in_relative(ctx: Context, verb: Word) -> bool:
    """``verb`` heads a relative clause: its ``que`` follows a noun phrase, whatever the parse."""
    words = ctx.parsed.words
    que = next((k for k in ctx.parsed.kids(verb.index, "mark") if k.norm in QUE), None)
    if que is None:
        return False
    i = que.index - 1
    while i >= 0 and words[i].upos == "PUNCT" and words[i].text != ",":
        i -= 1
    return i >= 0 and (
        words[i].upos in ("NOUN", "PROPN", "ADJ") or words[i].feats.get("VerbForm") == "Part"
    )


def _next_norm(ctx: Context, word: Word) -> str:
    """The next word's normalised form ('' at the end of the text)."""
    words = ctx.parsed.words
    return words[word.index + 1].norm if word.index + 1 < len(words) else ""


def _apposed_between_commas(ctx: Context, first: Word, second: Word, verb: Word) -> bool:
    """``second`` is an apposition to ``first``, not a second subject: both stand before the
    verb, ``second`` right after ``first``'s phrase and set off by commas (a parser may call
    both ``nsubj``; French has one subject per verb)."""
    if not first.index < second.index < verb.index:
        return False
    earlier = mention_at(ctx.parsed, first.index)
    later = mention_at(ctx.parsed, second.index)
    words = ctx.parsed.words
    closing = next((w for w in words[second.index + 1 : verb.index] if w.end > later.end), None)
    return (
        ctx.text[earlier.end : later.start].strip() == ","
        and closing is not None
        and closing.text == ","
    )


def _shares_subject(ctx: Context, verb: Word) -> bool:
    """An infinitive, participle or coordinated verb takes its governor's subject.

    ``a tenu à rappeler``, ``… et a ajouté``, ``…, soutenant que``, ``en disant que``.
    """
    head = ctx.parsed.words[verb.head]
    if head.upos not in ("VERB", "AUX", "ADJ"):
        return False
    if head.index > verb.index:  # only "(Tout) en insistant sur …, le républicain poursuit"
        return (
            verb.rel == "advcl"
            and verb.norm.endswith("ant")
            and verb.index > 0
            and ctx.parsed.words[verb.index - 1].norm == "en"
        )
    if verb.rel in ("xcomp", "conj"):
        return True
    form = verb.feats.get("VerbForm")
    return (
        verb.rel in ("advcl", "acl")
        and form in ("Inf", "Part", "Ger")
        and (form != "Part" or verb.norm.endswith("ant"))
    )


def _agent(ctx: Context, cue: CueMatch) -> Mention | None:
    words = ctx.parsed.words
    passive = any(words[i].deprel == "aux:pass" for i in range(cue.first, cue.word))
    if not passive:
        return None
    for child in ctx.parsed.kids(cue.word, "obl:agent"):
        return mention_at(ctx.parsed, child.index)
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    for i in range(cue.last + 1, min(cue.last + 12, sentence.last)):
        if words[i].norm == "par":
            return noun_phrase_after(ctx, i)
        if words[i].upos in ("VERB", "AUX") or words[i].text in (";", ":"):
            break
    return None


def _subject_before(ctx: Context, cue: CueMatch, *, through_conj: bool = True) -> Mention | None:
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    i = cue.first - 1
    while i >= sentence.first and (words[i].norm in CLITICS_BEFORE_VERB or words[i].upos == "ADV"):
        i -= 1
    if (
        i - 1 > sentence.first
        and words[i].text == ","
        and is_capitalised(words[i - 1])
        and not any(w.upos in ("VERB", "AUX") for w in words[sentence.first : i])
    ):
        i -= 1  # "La correspondante de la chaîne, Sonia Dridi, affirme …": past the apposition
    elif i > sentence.first and words[i].text == ",":
        opening = _opening_name_before_apposition(ctx, sentence, i)
        if opening is not None:
            return opening  # "Joji Otaki, auteur de l'étude ayant fourni …, précise …"
    participle = any(  # "… un prêt personnel affirmant …", "… lui ayant demandé …"
        w.norm.endswith("ant") for w in words[cue.first : cue.word + 1]
    )
    while (
        not participle
        and i - 1 >= sentence.first
        and words[i].upos == "ADJ"
        and words[i - 1].upos in ("NOUN", "PROPN", "ADJ")
    ):
        i -= 1  # "La Commission européenne exige …": the noun the adjective follows
    if (
        i < sentence.first
        or words[i].upos in ("ADP", "CCONJ", "SCONJ", "DET", "PUNCT")
        or (words[i].upos not in NP_HEAD_UPOS and not is_capitalised(words[i]))
    ):
        return None  # a capitalised "À" or "Et" opening the sentence is no subject
    if words[i].upos == "PRON" and words[i].norm in NOT_SUBJECT_PRONOUNS:
        return None
    head = i
    while True:
        parent = words[head].head
        if parent < sentence.first or parent >= cue.first:
            break
        if words[head].rel not in _NOUN_PHRASE_RELS and not (
            through_conj and words[head].rel == "conj"
        ):
            break
        if participle and speaks(words[head].lemma) and not speaks(words[parent].lemma):
            break  # "sa réponse à une journaliste lui ayant demandé": the one who can ask
        head = parent
    return mention_at(ctx.parsed, head)


def _reflexive(ctx: Context, verb: Word) -> bool:
    """A reflexive clitic on ``verb`` (``s'est montré``): no passive, whatever the parse says."""
    return any(c.norm in ("se", "s'") for c in ctx.parsed.kids(verb.index))
