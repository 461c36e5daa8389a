"""Noun phrases after a word: an inverted subject, the source of ``selon``, adverbials to skip.

The grammar of what stands *after* a cue: the noun phrase an inverted incise names (``…, a
indiqué le ministre lundi sur France Inter`` → ``le ministre``), the source named by
``selon``/``d'après``/``pour`` (or the author of the document it names: ``selon un communiqué de
la préfecture`` → ``la préfecture``), and the adverbials and prepositional phrases between a verb
and what it introduces. Each function reads the parse first and falls back on the words around
the cue, so that one wrong arc does not lose the speaker.

Example:
    >>> "pendant" in CIRCUMSTANCE
    True
"""

from __future__ import annotations

import attrs

from quoteattr.records import CueType, MentionKind
from quoteattr.syntax.context import Context
from quoteattr.syntax.cues import CueMatch
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.mentions import Mention, clitic_pronoun, is_capitalised, mention_at
from quoteattr.syntax.parse import Word
from quoteattr.syntax.speaking_nouns import speaks
from quoteattr.text.french import ADVERBIAL_PREPOSITIONS, CIVIL_TITLES, DATE_WORDS, normalise

__all__ = [
    "CIRCUMSTANCE",
    "NP_HEAD_UPOS",
    "author_of",
    "inverted_after",
    "noun_phrase_after",
    "object_of_subjected_verb",
    "preposition_object",
    "relayed_source",
    "skip_adverbials",
    "skip_prepositional_object",
    "speaks_itself",
]

NP_HEAD_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
"""Parts of speech that head a noun phrase."""
CIRCUMSTANCE = frozenset({"devant", "lors", "pendant", "durant", "depuis"})
"""Prepositions of place and time that end an inverted subject (``a dit le candidat pendant …``)."""


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
        and (words[head].upos in NP_HEAD_UPOS or is_capitalised(words[head]))
    ):
        found: Mention | None = mention_at(ctx.parsed, head)
    else:
        found = noun_phrase_after(ctx, cue.last)
    if found is None:
        return None
    found = _up_to_comma(ctx, found)
    if cue.entry.lemma.endswith(" de"):  # "aux yeux des experts", not "selon des sources"
        found = _without_contraction(ctx, found)
    return _passive_agent_after(ctx, found) or _author_of(ctx, found) or found


_NOT_APPOSITION = frozenset({"ADP", "NUM", "VERB", "AUX", "SCONJ"})
"""Parts of speech an apposition does not start with."""


def _up_to_comma(ctx: Context, mention: Mention) -> Mention:
    """A source phrase ends at a comma followed by what no apposition starts with: a
    preposition, a number, a verb (``selon la police, 40 000 selon …``, ``d'après le
    quotidien Le Soir, d'une erreur``), a participle with its agent however tagged (``selon le
    porte-parole, joint par téléphone``)."""
    words = ctx.parsed.words
    for i in ctx.words_between(words[mention.head].end, mention.end):
        if words[i].text == "," and i + 1 < len(words):
            following = words[i + 1]
            by = i + 2 < len(words) and words[i + 2].norm == "par"  # ", joint par téléphone"
            if following.upos in _NOT_APPOSITION or following.text[:1].isdigit() or by:
                j = i - 1
                while j > mention.head and words[j].upos == "PUNCT":
                    j -= 1
                end = words[j].end
                name = mention.name
                if name is not None and name[1] > end:
                    name = None if name[0] >= end else (name[0], end)
                return attrs.evolve(mention, end=end, name=name)
    return mention


def _without_contraction(ctx: Context, mention: Mention) -> Mention:
    """``de l'avis du ministre``, ``aux yeux des experts``: the article after the
    preposition's ``de``, not the contraction (``ministre``, ``experts``)."""
    text = normalise(ctx.text[mention.start : mention.end])
    for contracted in ("du ", "des "):
        if text.startswith(contracted) and mention.end - mention.start > len(contracted):
            start = mention.start + len(contracted)
            name = mention.name
            if name is not None and name[0] < start:
                name = (start, name[1])
            return attrs.evolve(mention, start=start, name=name)
    return mention


def _author_of(ctx: Context, mention: Mention) -> Mention | None:
    """``selon un communiqué de la préfecture``: a speech noun of the lexicon (communiqué,
    déclaration, propos …) or a document noun (``data/document_nouns.txt``: chiffres, rapport,
    étude …) names its author in its ``de`` complement."""
    head = ctx.parsed.words[mention.head]
    if head.lemma.lower() in ctx.lexicon.nouns:
        return author_of(ctx, mention)
    if head.lemma.lower() not in word_list("document_nouns.txt"):
        return None
    author = author_of(ctx, mention)  # "selon les chiffres de l'Insee": a document's author,
    if author is None:  # a name or someone who speaks ("le texte de loi" names none)
        return None
    author_head = ctx.parsed.words[author.head]
    return author if author.kind is MentionKind.NAME or speaks_itself(author_head) else None


def author_of(ctx: Context, mention: Mention) -> Mention | None:
    """The ``de`` complement after the head noun of ``mention``: who said or wrote it
    (``un communiqué de la préfecture``, ``les propos du ministre``), if any.

    Example:
        >>> # "l'intervention du Premier ministre" → the mention "Premier ministre"
    """
    head = ctx.parsed.words[mention.head]
    for child in ctx.parsed.kids(head.index, "nmod"):
        if child.index > head.index and any(
            c.norm in ("de", "d'", "du", "des") for c in ctx.parsed.kids(child.index, "case")
        ):
            # "d'une déclaration du ministre": the minister
            return _without_contraction(ctx, mention_at(ctx.parsed, child.index))
    return None


def speaks_itself(head: Word) -> bool:
    """A person, a role, a group or a body: a source that speaks, not a document someone
    published.

    Example:
        >>> # the head "porte-parole" of "le porte-parole du club" → True; "route" → False
    """
    return head.upos == "PROPN" or speaks(head.lemma, documents=False)


def _passive_agent_after(ctx: Context, mention: Mention) -> Mention | None:
    """``les chiffres publiés lundi par l'Insee``: the agent of a participle after the
    head noun (a reduced passive), within a few words and before any comma."""
    words = ctx.parsed.words
    head = words[mention.head]
    if speaks_itself(head):
        return None  # "un proche du dossier cité par l'AFP": the AFP relays, the relative speaks
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
        clitic = mention_at(ctx.parsed, cue.clitic)
        if ctx.parsed.words[cue.clitic].norm.endswith("on"):
            return relayed_source(ctx, cue) or clitic
        return clitic
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


_RELAY_PREPOSITIONS = frozenset({"de", "d'", "du", "des", "auprès", "dans"})


def relayed_source(ctx: Context, cue: CueMatch) -> Mention | None:
    """The source the writer names after ``a-t-on appris`` or ``lit-on``
    (``data/relay_verbs.txt``): ``de source policière``, ``auprès du parquet``, ``dans un
    communiqué de la préfecture`` (the document's author when it names one).

    Example:
        >>> # "…, a-t-on appris de source policière." → the mention "source policière"
    """
    if cue.entry.lemma not in word_list("relay_verbs.txt"):
        return None
    words = ctx.parsed.words
    sentence = ctx.parsed.sentences[words[cue.word].sentence]
    i = cue.last + 1
    while i < sentence.last and (words[i].upos == "ADV" or words[i].text == ","):
        i += 1
    if i >= sentence.last or words[i].norm not in _RELAY_PREPOSITIONS:
        return None
    if words[i].norm == "auprès" and i + 1 < sentence.last and words[i + 1].norm in ("de", "d'"):
        i += 1
    found = noun_phrase_after(ctx, i)
    if found is None:
        return None
    found = _without_contraction(ctx, found)  # "auprès du parquet": the parquet
    return author_of(ctx, found) if _names_document(ctx, found) else found


def _names_document(ctx: Context, mention: Mention) -> bool:
    head = ctx.parsed.words[mention.head]
    return head.lemma.lower() in ctx.lexicon.nouns or head.lemma.lower() in word_list(
        "document_nouns.txt"
    )


def _without_medium(ctx: Context, mention: Mention) -> Mention:
    """``a écrit le député sur X``, ``a déclaré le ministre sur France Inter``, ``juge un
    dirigeant sous couvert d'anonymat``: how it was said is not part of the speaker."""
    words = ctx.parsed.words
    for i in ctx.words_between(mention.start, mention.end):
        nxt = words[i + 1] if i + 1 < len(words) else None
        medium = words[i].norm == "sur" and nxt is not None and is_capitalised(nxt)
        anonymous = words[i].norm == "sous" and nxt is not None and nxt.norm == "couvert"
        where = words[i].norm in CIRCUMSTANCE  # "devant le tribunal", "pendant la campagne"
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
        locution = _adverbial_locution(ctx, i, sentence.last)
        if locution:
            i += locution  # en effet, par ailleurs, d'emblée, à son tour
        elif w.norm == "quant" and i + 2 < sentence.last:
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


_LOCUTION_WORDS = 4
"""The most words a locution of ``data/adverbial_locutions.txt`` holds."""


def _adverbial_locution(ctx: Context, i: int, stop: int) -> int:
    """The length of a fixed adverbial locution starting at word ``i`` (``en effet``, ``par
    ailleurs``, ``à son tour``; ``data/adverbial_locutions.txt``), else 0. A preposition that
    opens one takes no object: ``précise en effet Isabelle Gambu`` names the speaker."""
    words = ctx.parsed.words
    locutions = word_list("adverbial_locutions.txt")
    for j in range(i + 1, min(i + _LOCUTION_WORDS, stop)):
        surface = " ".join(normalise(ctx.text[words[i].start : words[j].end]).split())
        if surface.replace("' ", "'") in locutions:
            return j - i + 1
    return 0


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


def object_of_subjected_verb(ctx: Context, cue: CueMatch, mention: Mention) -> bool:
    """The noun phrase ``mention`` after the verb is its object, and the verb's subject stands
    before it in the sentence: the verb is not inverted (``Le ministre, selon qui …, a défendu
    son texte``), so ``mention`` is no incise speaker.

    Example:
        >>> # "La présidente, pour qui …, a salué les élus" → True for "les élus"
    """
    words = ctx.parsed.words
    head = words[mention.head]
    if head.deprel != "obj" or head.head != cue.word:
        return False
    first = ctx.parsed.sentences[words[cue.word].sentence].first
    return any(
        first <= k.index < cue.first
        and k.upos in ("NOUN", "PROPN", "PRON")
        and any(c.isalpha() for c in k.text)  # not a dialogue dash the parser made a noun
        and ctx.enclosing_quote(k.start) is None
        for k in ctx.parsed.kids(cue.word, "nsubj")
    )
