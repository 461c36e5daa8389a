"""Who a cue's speaker is in its sentence: the grammar behind :class:`~quoteattr.context.Context`.

The subject of a verb cue (the parse first, then the surface: a noun phrase right before the
verb, a name opening the sentence before an apposition, a coordinated or gerund clause's
subject), the inverted subject of an incise past adverbials and media, the source named by
``selon``/``d'après``/``pour`` (or the author of the document it names), and the adverbials
between a verb and its content. One wrong arc of the parse should not lose the speaker: each
function falls back on the words around the cue.

:class:`~quoteattr.context.Context` exposes the public functions as methods
(``ctx.subject(cue)``), which is how the rules call them.

Example:
    >>> "nsubj" in SUBJECT_RELS
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from quoteattr.cues import CueMatch
from quoteattr.french import (
    ADVERBIAL_PREPOSITIONS,
    CIVIL_TITLES,
    CLITICS_BEFORE_VERB,
    DATE_WORDS,
    NOT_SUBJECT_PRONOUNS,
    QUE,
    normalise,
)
from quoteattr.lexicon import LexiconEntry
from quoteattr.mentions import Mention, clitic_pronoun, is_capitalised, mention_at, name_run
from quoteattr.parse import Sentence, Word
from quoteattr.records import CueClass, CueType, MentionKind, Modality, Polarity

if TYPE_CHECKING:
    from quoteattr.context import Context

__all__ = [
    "SUBJECT_RELS",
    "inverted_after",
    "noun_phrase_after",
    "preposition_object",
    "skip_adverbials",
    "skip_prepositional_object",
    "subject",
    "verb_subject",
]

SUBJECT_RELS = ("nsubj", "expl:subj")
"""Dependency relations of a subject."""
_NP_HEAD_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_OBJECT_CLITICS = frozenset({"le", "la", "l'", "les"})
_NOUN_PHRASE_RELS = frozenset({"flat", "nmod", "amod", "appos", "compound", "fixed"})
"""Relations inside a noun phrase, climbed from its last word to its head."""
_CIRCUMSTANCE = frozenset({"devant", "lors", "pendant", "durant", "depuis"})
"""Prepositions of place and time that end an inverted subject (``a dit le candidat pendant …``)."""
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
        _coordinated_clause_subject(ctx, cue)
        or _parse_subject(ctx, words[cue.word], depth=0)
        or _subject_before(ctx, cue)
        or _clause_taken_for_modifier(ctx, cue)
        or _coordinated_subject(ctx, cue)
        or _narrative_infinitive_subject(ctx, cue)
    )
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
    return found


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
        if child.norm in _OBJECT_CLITICS and 0 < verb.index - child.index <= 2:
            continue  # "…, l'interpellent à Paris": an object clitic the parser made subject
        return mention_at(ctx.parsed, child.index)
    if depth < 2 and verb.head >= 0 and _shares_subject(ctx, verb):
        return _parse_subject(ctx, ctx.parsed.words[verb.head], depth + 1)
    return None


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
    participle = words[cue.word].norm.endswith("ant")  # "… un prêt personnel affirmant …"
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
        or (words[i].upos not in _NP_HEAD_UPOS and not is_capitalised(words[i]))
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
        head = parent
    return mention_at(ctx.parsed, head)


def noun_phrase_after(ctx: Context, index: int) -> Mention | None:
    """The noun phrase starting right after word ``index`` (inverted subject)."""
    words = ctx.parsed.words
    nxt = index + 1
    if nxt >= len(words) or words[nxt].sentence != words[index].sentence:
        return None
    word = words[nxt]
    if clitic_pronoun(word) is not None:
        return mention_at(ctx.parsed, nxt)
    if word.norm in DATE_WORDS:
        return None
    if word.upos in ("DET", "ADJ", "NUM") or word.norm in CIVIL_TITLES:
        head = word.head
        if head > nxt and words[head].sentence == word.sentence and head - nxt <= 4:
            return mention_at(ctx.parsed, head)
        for j in range(nxt + 1, min(nxt + 5, len(words))):
            if words[j].upos in ("NOUN", "PROPN") or is_capitalised(words[j]):
                return mention_at(ctx.parsed, j)
        return None
    if word.upos in ("NOUN", "PROPN", "PRON") or is_capitalised(word):
        if word.upos == "PRON" and word.norm not in (
            "il",
            "elle",
            "ils",
            "elles",
            "celui-ci",
            "celle-ci",
            "chacun",
            "tous",
        ):
            return None
        head = nxt
        while (
            words[head].rel in ("flat", "compound")
            and index < words[head].head < head
            and any(c.isalnum() for c in words[words[head].head].text)
        ):
            head = words[head].head
        return mention_at(ctx.parsed, head)
    return None


def preposition_object(ctx: Context, cue: CueMatch) -> Mention | None:
    """The object of ``selon`` / ``d'après``; for a document published by someone, its
    agent (``selon les chiffres publiés lundi par l'Insee`` → ``l'Insee``)."""
    words = ctx.parsed.words
    if cue.last + 1 < len(words) and words[cue.last + 1].norm == "qui":
        return mention_at(ctx.parsed, cue.last + 1)  # "le Medef, pour qui …": the antecedent
    head = words[cue.word].head
    if (
        head > cue.last
        and words[head].sentence == words[cue.word].sentence
        and (words[head].upos in _NP_HEAD_UPOS or is_capitalised(words[head]))
    ):
        found: Mention | None = mention_at(ctx.parsed, head)
    else:
        found = noun_phrase_after(ctx, cue.last)
    if found is None:
        return None
    return _passive_agent_after(ctx, found) or _author_of(ctx, found) or found


def _author_of(ctx: Context, mention: Mention) -> Mention | None:
    """``selon un communiqué de la préfecture``: a speech noun of the lexicon (communiqué,
    déclaration, propos …) names its author in its ``de`` complement."""
    head = ctx.parsed.words[mention.head]
    if head.lemma.lower() not in ctx.lexicon.nouns:
        return None
    for child in ctx.parsed.kids(head.index, "nmod"):
        if child.index > head.index and any(
            c.norm in ("de", "d'", "du", "des") for c in ctx.parsed.kids(child.index, "case")
        ):
            author = mention_at(ctx.parsed, child.index)
            text = normalise(ctx.text[author.start : author.end])
            for contracted in ("du ", "des "):  # "d'une déclaration du ministre"
                if text.startswith(contracted) and author.end - author.start > len(contracted):
                    author = attrs.evolve(author, start=author.start + len(contracted))
            return author
    return None


def _passive_agent_after(ctx: Context, mention: Mention) -> Mention | None:
    """``les chiffres publiés lundi par l'Insee``: the agent of a participle after the
    head noun (a reduced passive), within a few words and before any comma."""
    words = ctx.parsed.words
    head = words[mention.head]
    sentence = ctx.parsed.sentences[head.sentence]
    i = head.index + 1
    while i < sentence.last and words[i].rel in ("amod", "nmod", "case", "det", "flat"):
        if words[i].feats.get("VerbForm") == "Part":
            break
        i += 1
    if i >= sentence.last or words[i].feats.get("VerbForm") != "Part":
        return None
    for j in range(i + 1, min(i + 6, sentence.last)):
        if words[j].norm == "par":
            return noun_phrase_after(ctx, j)
        if words[j].text in (",", ";", ".") or words[j].upos in ("VERB", "AUX"):
            return None
    return None


def inverted_after(ctx: Context, cue: CueMatch) -> Mention | None:
    """Speaker of a cue in an incise: clitic, else the subject after the verb.

    Adverbials between the verb and its inverted subject are skipped: time
    and date phrases (``mardi soir 14 janvier``), prepositional phrases
    (``au micro de RTL``, ``à Libération``), ``pour sa part``, commas. A
    subject the parser found after the verb is taken first.
    """
    if cue.clitic is not None:
        return mention_at(ctx.parsed, cue.clitic)
    if cue.entry.type is not CueType.VERB:
        return preposition_object(ctx, cue)
    words = ctx.parsed.words
    start = skip_adverbials(ctx, cue.last + 1)
    if start is None:
        return None
    if start > cue.last + 1:  # adverbials skipped: a subject the parser found may be surer
        for child in ctx.parsed.kids(cue.word, "nsubj"):
            subject = mention_at(ctx.parsed, child.index)
            between = words[cue.last + 1 : child.index]
            if (
                child.index > cue.last
                and child.norm not in DATE_WORDS
                and child.upos != "NUM"
                and subject.start >= words[cue.last].end
                and ctx.enclosing_quote(subject.start) is None
                and all(w.upos != "PUNCT" or w.text == "," for w in between)
            ):
                return subject
    found = noun_phrase_after(ctx, start - 1)
    if found is not None and found.start < words[start].start:
        # a name run glued to the adverbial ("au Parisien Thomas Girard"): keep the name
        found = attrs.evolve(found, start=words[start].start)
    if found is not None:
        found = _without_medium(ctx, found)
    return found


def _without_medium(ctx: Context, mention: Mention) -> Mention:
    """``a écrit le député sur X``, ``a déclaré le ministre sur France Inter``, ``juge un
    dirigeant sous couvert d'anonymat``: how it was said is not part of the speaker."""
    words = ctx.parsed.words
    for i in ctx.words_between(mention.start, mention.end):
        nxt = words[i + 1] if i + 1 < len(words) else None
        medium = words[i].norm == "sur" and nxt is not None and is_capitalised(nxt)
        anonymous = words[i].norm == "sous" and nxt is not None and nxt.norm == "couvert"
        where = words[i].norm in _CIRCUMSTANCE  # "devant le tribunal", "pendant la campagne"
        if (medium or anonymous or where) and i > mention.head and words[i - 1].end <= mention.end:
            name = mention.name
            if name is not None and name[1] > words[i - 1].end:
                name = None if name[0] >= words[i].start else (name[0], words[i - 1].end)
            return attrs.evolve(mention, end=words[i - 1].end, name=name)
    return mention


def skip_adverbials(ctx: Context, index: int) -> int | None:
    """The first word at or after ``index`` that is not part of an adverbial.

    Returns None when the sentence ends first.

    Example:
        >>> # "a indiqué mardi soir au micro de RTL la ministre" → the index of "la"
    """
    words = ctx.parsed.words
    if index >= len(words):
        return None
    sentence = ctx.parsed.sentences[words[index].sentence]
    i = index
    while i < sentence.last:
        w = words[i]
        if w.norm == "quant" and i + 2 < sentence.last:
            i += 3  # quant à lui, quant à elles
        elif w.text == "," or w.upos == "ADV" or w.norm in DATE_WORDS or w.upos == "NUM":
            i += 1
        elif w.upos == "DET" and i + 1 < sentence.last and words[i + 1].norm in DATE_WORDS:
            i += 2  # ce matin, la veille, cet après-midi
        elif (
            w.norm in ("pour", "de")
            and i + 2 < sentence.last
            and words[i + 2].norm
            in (
                "part",
                "côté",
            )
        ):
            i += 3  # pour sa part, de son côté
        elif w.upos == "ADP" or w.norm in ADVERBIAL_PREPOSITIONS:
            i = skip_prepositional_object(ctx, i + 1, sentence.last)
        else:
            return i if words[i].sentence == words[index].sentence else None
    return None


def skip_prepositional_object(ctx: Context, i: int, stop: int) -> int:
    """The index past the object of a preposition: determiners, then a nominal run with
    its ``de`` complements (``au micro de RTL``, ``lors d'une conférence de presse``)."""
    words = ctx.parsed.words
    while i < stop and words[i].upos == "DET":
        i += 1
    start = i
    while i < stop:
        w = words[i]
        if w.upos in ("NOUN", "PROPN", "ADJ", "NUM") or (is_capitalised(w) and i > start):
            i += 1
        elif w.norm in ("de", "d'", "du", "des") and i > start and i + 1 < stop:
            i += 1
            while i < stop and words[i].upos == "DET":
                i += 1
        elif i == start and is_capitalised(w):
            i += 1
        else:
            break
    # "à Libération Paul Girard": a run of three capitalised words or more holds the
    # medium and the speaker's name; the last two are the name.
    run = [j for j in range(start, i) if is_capitalised(words[j])]
    if len(run) >= 3 and run == list(range(start, i)):
        return i - 2
    return i


def _reflexive(ctx: Context, verb: Word) -> bool:
    """A reflexive clitic on ``verb`` (``s'est montré``): no passive, whatever the parse says."""
    return any(c.norm in ("se", "s'") for c in ctx.parsed.kids(verb.index))
