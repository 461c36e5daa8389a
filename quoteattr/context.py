"""One document's analysis state, shared by all sieves.

:class:`Context` holds the parse, the quoted spans, the cues, and lookup
tables built once per document (character → word, word → cue), plus the
grammatical helpers every sieve needs: the subject of a cue, the noun phrase
after an inverted verb, the object of ``selon``.

Example:
    >>> from quoteattr.context import INCISE_BOUNDARY
    >>> "," in INCISE_BOUNDARY
    True
"""

from __future__ import annotations

import bisect

import attrs

from quoteattr.cues import CueMatch
from quoteattr.french import (
    ADVERBIAL_PREPOSITIONS,
    CIVIL_TITLES,
    CLITICS_BEFORE_VERB,
    DATE_WORDS,
    NOT_SUBJECT_PRONOUNS,
    QUE,
    QUOTE_MARK_TOKENS,
    normalise,
)
from quoteattr.lexicon import Lexicon, LexiconEntry, default_lexicon
from quoteattr.mentions import Mention, clitic_pronoun, is_capitalised, mention_at, name_run
from quoteattr.parse import ParsedText, Sentence, Word
from quoteattr.records import CueClass, CueType, MentionKind, Modality, Polarity, QuotedSpan

__all__ = ["INCISE_BOUNDARY", "Context"]

INCISE_BOUNDARY = frozenset({",", ".", "!", "?", ";", ":", "…", ")", "»", "”", '"', "—", "–"})
_SUBJECT_RELS = ("nsubj", "expl:subj")
_NP_HEAD_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_OBJECT_CLITICS = frozenset({"le", "la", "l'", "les"})
_NOUN_PHRASE_RELS = frozenset({"flat", "nmod", "amod", "appos", "compound", "fixed"})
"""Relations inside a noun phrase, climbed from its last word to its head."""
_ANY_VERB = LexiconEntry("?", CueType.VERB, CueClass.NEUTRAL, False, ("news",))


@attrs.define(slots=True, eq=False)
class Context:
    """Everything known about one document while its quotes are attributed."""

    parsed: ParsedText
    quotations: list[QuotedSpan]
    cues: list[CueMatch]
    lexicon: Lexicon = attrs.field(factory=default_lexicon, kw_only=True)
    """The cue lexicon (its speech nouns name the author of a ``selon`` document)."""
    cue_at: dict[int, CueMatch] = attrs.field(init=False)
    """Cue by the index of its cue word."""
    group_at: dict[int, CueMatch] = attrs.field(init=False)
    """Cue by the index of any word of its verb group."""
    _starts: list[int] = attrs.field(init=False)
    _open_starts: list[int] = attrs.field(init=False)
    _outer: list[QuotedSpan] = attrs.field(init=False)
    _outer_starts: list[int] = attrs.field(init=False)
    _open_marks: set[int] = attrs.field(init=False)
    _close_marks: set[int] = attrs.field(init=False)
    _close_ends: set[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.cue_at = {c.word: c for c in self.cues}
        self.group_at = {}
        for cue in self.cues:
            for i in range(cue.first, cue.last + 1):
                self.group_at.setdefault(i, cue)
        self._starts = [w.start for w in self.parsed.words]
        self._open_starts = [q.open_mark.start for q in self.quotations]
        self._outer = [q for q in self.quotations if q.level == 0]
        self._open_marks = {q.open_mark.start for q in self.quotations}
        self._close_marks = {
            q.close_mark.start for q in self.quotations if q.close_mark is not None
        }
        self._close_ends = {q.close_mark.end for q in self.quotations if q.close_mark is not None}
        self._outer_starts = [q.content.start for q in self._outer]

    @property
    def text(self) -> str:
        """The document text."""
        return self.parsed.text

    # --- positions -------------------------------------------------------------------------

    def word_at(self, char: int) -> int | None:
        """Index of the word covering or starting right after ``char``, or None."""
        i = bisect.bisect_right(self._starts, char) - 1
        words = self.parsed.words
        if i >= 0 and words[i].end > char:
            return i
        return i + 1 if i + 1 < len(words) else None

    def words_between(self, start: int, end: int) -> range:
        """Indexes of the words lying inside ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        while hi > lo and self.parsed.words[hi - 1].end > end:
            hi -= 1
        return range(lo, hi)

    def next_word(self, char: int) -> Word | None:
        """The first word starting at or after ``char``."""
        i = bisect.bisect_left(self._starts, char)
        return self.parsed.words[i] if i < len(self.parsed.words) else None

    def prev_word(self, char: int) -> Word | None:
        """The last word ending at or before ``char``."""
        i = bisect.bisect_right(self._starts, char) - 1
        words = self.parsed.words
        while i >= 0 and words[i].end > char:
            i -= 1
        return words[i] if i >= 0 else None

    def quotations_in(self, sentence: Sentence) -> list[QuotedSpan]:
        """The quoted spans that open inside ``sentence``."""
        lo = bisect.bisect_left(self._open_starts, sentence.start)
        hi = bisect.bisect_left(self._open_starts, sentence.end)
        return self.quotations[lo:hi]

    def outer_quotes_between(self, start: int, end: int) -> list[QuotedSpan]:
        """Outermost quoted spans whose content starts inside ``[start, end)``."""
        lo = bisect.bisect_left(self._outer_starts, start)
        hi = bisect.bisect_left(self._outer_starts, end)
        return self._outer[lo:hi]

    def opens_at(self, char: int) -> bool:
        """True when a quotation mark opening a quoted span stands at ``char``."""
        return char in self._open_marks

    def closes_at(self, char: int) -> bool:
        """True when a quotation mark closing a quoted span stands at ``char``."""
        return char in self._close_marks

    def closed_just_before(self, char: int, gap: int = 3) -> bool:
        """True when a quoted span closes at most ``gap`` characters before ``char``, with
        only spaces and commas between (``« … », selon X``; not ``« … ». Selon X``)."""
        return any(
            c in self._close_ends and not self.text[c:char].replace(",", "").strip()
            for c in range(char - gap, char + 1)
        )

    def enclosing_quote(self, char: int) -> QuotedSpan | None:
        """The outermost quoted span whose content holds ``char``, if any."""
        i = bisect.bisect_right(self._outer_starts, char) - 1
        if i >= 0:
            quote = self._outer[i]
            if quote.content.start <= char < quote.content.end:
                return quote
        return None

    def is_mark(self, word: Word) -> bool:
        """True for a quotation-mark token."""
        return word.text in QUOTE_MARK_TOKENS

    # --- grammar helpers -------------------------------------------------------------------

    def subject(self, cue: CueMatch) -> Mention | None:
        """The speaker of a verb cue: clitic, agent, subject, controller.

        A subject before the cue never runs into the cue's own verb group (a parse
        that hangs the verb under the subject noun is cut at the verb).
        """
        words = self.parsed.words
        if cue.clitic is not None:
            return mention_at(self.parsed, cue.clitic)
        if cue.entry.type is not CueType.VERB:
            return self.preposition_object(cue)
        agent = self._agent(cue)
        if agent is not None:
            return agent
        found = (
            self._coordinated_clause_subject(cue)
            or self._parse_subject(words[cue.word], depth=0)
            or self._subject_before(cue)
            or self._clause_taken_for_modifier(cue)
            or self._coordinated_subject(cue)
            or self._narrative_infinitive_subject(cue)
        )
        if found is None:
            return None
        found = self._left_apposition(found)
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

    def _clause_taken_for_modifier(self, cue: CueMatch) -> Mention | None:
        """``le juge X, successeur du juge Y, écrit que …`` parsed with ``écrit`` as a participle
        modifying the noun before the comma: that noun phrase, up through its appositions
        and conjuncts, is the subject."""
        words = self.parsed.words
        verb = words[cue.word]
        if verb.rel != "acl" or cue.first == 0 or words[cue.first - 1].text != ",":
            return None
        if verb.norm.endswith("ant"):
            return None  # "…, réclamant un panier": a participle of the main clause's subject
        head = verb.head
        if head < 0 or head >= cue.first or words[head].upos not in ("NOUN", "PROPN"):
            return None
        sentence_first = self.parsed.sentences[verb.sentence].first
        while (
            words[head].rel in ("appos", "conj", "flat")
            and sentence_first <= words[head].head < head
        ):
            head = words[head].head
        if words[head].rel not in ("nsubj", "root", "appos", "conj", "nmod"):
            return None
        return mention_at(self.parsed, head)

    def _coordinated_clause_subject(self, cue: CueMatch) -> Mention | None:
        """``huit donnent une avance à X, et la moyenne du site estime …``: a verb parsed as
        sharing the first clause's subject has its own, right before it, after ``et``."""
        words = self.parsed.words
        verb = words[cue.word]
        if verb.rel != "conj" or cue.first == 0 or self.parsed.kids(verb.index, *_SUBJECT_RELS):
            return None
        if words[cue.first - 1].upos not in ("NOUN", "PROPN"):
            return None
        mention = self._subject_before(cue, through_conj=False)
        if mention is None:
            return None
        first = self.word_at(mention.start)
        if first is None or first == 0 or words[first - 1].norm not in ("et", "mais", "puis"):
            return None
        return mention

    def _opening_name_before_apposition(self, sentence: Sentence, comma: int) -> Mention | None:
        """The name that opens the sentence, when an apposition without a finite verb runs from
        it to ``comma`` (``Joji Otaki, auteur de l'étude ayant fourni ces résultats,``)."""
        words = self.parsed.words
        opening = sentence.first
        for j in range(sentence.first, min(sentence.first + 8, comma)):
            if words[j].text in (":", "-", "–", "—"):
                opening = j + 1  # "- 8 juillet 2000 : Gérard Merle, ancien …, déclare"
            elif words[j].upos in ("VERB", "AUX"):
                break
        lo, hi = name_run(self.parsed, opening)
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
        return mention_at(self.parsed, hi)

    def _narrative_infinitive_subject(self, cue: CueMatch) -> Mention | None:
        """``Et Marie Roy de s'interroger : « … »``: the narrative infinitive's subject
        stands before its ``de``."""
        words = self.parsed.words
        sentence = self.parsed.sentences[words[cue.word].sentence]
        if (
            words[cue.word].feats.get("VerbForm") != "Inf"
            or cue.first - 2 <= sentence.first
            or words[cue.first - 1].norm not in ("de", "d'")
            or words[sentence.first].norm not in ("et", "puis")
        ):
            return None
        return self._subject_before(attrs.evolve(cue, first=cue.first - 1))

    def _left_apposition(self, mention: Mention) -> Mention:
        """``Marc Lenoir, le président de la région, se dit …``: a description apposed after
        the name that opens the sentence names that person."""
        if mention.kind is not MentionKind.DESCRIPTION or mention.name is not None:
            return mention
        words = self.parsed.words
        first = self.word_at(mention.start)
        if first is None or first < 2 or words[first - 1].text != ",":
            return mention
        sentence = self.parsed.sentences[words[first].sentence]
        last_name = first - 2
        if last_name < sentence.first or not is_capitalised(words[last_name]):
            return mention
        lo, hi = name_run(self.parsed, last_name)
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

    def _coordinated_subject(self, cue: CueMatch) -> Mention | None:
        """``X réclame … et indique …``: the second verb shares the subject of the first."""
        words = self.parsed.words
        sentence = self.parsed.sentences[words[cue.word].sentence]
        if cue.first - 1 <= sentence.first or words[cue.first - 1].norm not in ("et", "puis"):
            return None
        for i in range(cue.first - 2, sentence.first - 1, -1):
            other = self.group_at.get(i)
            if other is not None and other.entry.type is CueType.VERB and other is not cue:
                return self.subject(other)
            if words[i].upos in ("VERB", "AUX") and words[i].feats.get("VerbForm") == "Fin":
                return self.verb_subject(words[i])
        return None

    def verb_subject(self, verb: Word) -> Mention | None:
        """The subject of any verb (parse first, then the noun phrase before it)."""
        found = self._parse_subject(verb, depth=0)
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
        return self._subject_before(pseudo)

    def _parse_subject(self, verb: Word, depth: int) -> Mention | None:
        # Closest subject first, those before the verb before those after it.
        children = sorted(
            self.parsed.kids(verb.index, *_SUBJECT_RELS),
            key=lambda w: (w.index > verb.index, abs(w.index - verb.index)),
        )
        for child in children:
            if child.deprel == "nsubj:pass":
                continue
            if child.index > verb.index and any(
                w.norm in QUE or w.upos == "SCONJ"
                for w in self.parsed.words[verb.index + 1 : child.index]
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
            return mention_at(self.parsed, child.index)
        if depth < 2 and verb.head >= 0 and self._shares_subject(verb):
            return self._parse_subject(self.parsed.words[verb.head], depth + 1)
        return None

    def _shares_subject(self, verb: Word) -> bool:
        """An infinitive, participle or coordinated verb takes its governor's subject.

        ``a tenu à rappeler``, ``… et a ajouté``, ``…, soutenant que``, ``en disant que``.
        """
        head = self.parsed.words[verb.head]
        if head.upos not in ("VERB", "AUX", "ADJ"):
            return False
        if head.index > verb.index:  # only "(Tout) en insistant sur …, le républicain poursuit"
            return (
                verb.rel == "advcl"
                and verb.norm.endswith("ant")
                and verb.index > 0
                and self.parsed.words[verb.index - 1].norm == "en"
            )
        if verb.rel in ("xcomp", "conj"):
            return True
        form = verb.feats.get("VerbForm")
        return (
            verb.rel in ("advcl", "acl")
            and form in ("Inf", "Part", "Ger")
            and (form != "Part" or verb.norm.endswith("ant"))
        )

    def _agent(self, cue: CueMatch) -> Mention | None:
        words = self.parsed.words
        passive = any(words[i].deprel == "aux:pass" for i in range(cue.first, cue.word))
        if not passive:
            return None
        for child in self.parsed.kids(cue.word, "obl:agent"):
            return mention_at(self.parsed, child.index)
        sentence = self.parsed.sentences[words[cue.word].sentence]
        for i in range(cue.last + 1, min(cue.last + 12, sentence.last)):
            if words[i].norm == "par":
                return self.noun_phrase_after(i)
            if words[i].upos in ("VERB", "AUX") or words[i].text in (";", ":"):
                break
        return None

    def _subject_before(self, cue: CueMatch, *, through_conj: bool = True) -> Mention | None:
        words = self.parsed.words
        sentence = self.parsed.sentences[words[cue.word].sentence]
        i = cue.first - 1
        while i >= sentence.first and (
            words[i].norm in CLITICS_BEFORE_VERB or words[i].upos == "ADV"
        ):
            i -= 1
        if (
            i - 1 > sentence.first
            and words[i].text == ","
            and is_capitalised(words[i - 1])
            and not any(w.upos in ("VERB", "AUX") for w in words[sentence.first : i])
        ):
            i -= 1  # "La correspondante de la chaîne, Sonia Dridi, affirme …": past the apposition
        elif i > sentence.first and words[i].text == ",":
            opening = self._opening_name_before_apposition(sentence, i)
            if opening is not None:
                return opening  # "Joji Otaki, auteur de l'étude ayant fourni …, précise …"
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
        return mention_at(self.parsed, head)

    def noun_phrase_after(self, index: int) -> Mention | None:
        """The noun phrase starting right after word ``index`` (inverted subject)."""
        words = self.parsed.words
        nxt = index + 1
        if nxt >= len(words) or words[nxt].sentence != words[index].sentence:
            return None
        word = words[nxt]
        if clitic_pronoun(word) is not None:
            return mention_at(self.parsed, nxt)
        if word.norm in DATE_WORDS:
            return None
        if word.upos in ("DET", "ADJ", "NUM") or word.norm in CIVIL_TITLES:
            head = word.head
            if head > nxt and words[head].sentence == word.sentence and head - nxt <= 4:
                return mention_at(self.parsed, head)
            for j in range(nxt + 1, min(nxt + 5, len(words))):
                if words[j].upos in ("NOUN", "PROPN") or is_capitalised(words[j]):
                    return mention_at(self.parsed, j)
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
            return mention_at(self.parsed, head)
        return None

    def preposition_object(self, cue: CueMatch) -> Mention | None:
        """The object of ``selon`` / ``d'après``; for a document published by someone, its
        agent (``selon les chiffres publiés lundi par l'Insee`` → ``l'Insee``)."""
        words = self.parsed.words
        if cue.last + 1 < len(words) and words[cue.last + 1].norm == "qui":
            return mention_at(self.parsed, cue.last + 1)  # "le Medef, pour qui …": the antecedent
        head = words[cue.word].head
        if (
            head > cue.last
            and words[head].sentence == words[cue.word].sentence
            and (words[head].upos in _NP_HEAD_UPOS or is_capitalised(words[head]))
        ):
            found: Mention | None = mention_at(self.parsed, head)
        else:
            found = self.noun_phrase_after(cue.last)
        if found is None:
            return None
        return self._passive_agent_after(found) or self._author_of(found) or found

    def _author_of(self, mention: Mention) -> Mention | None:
        """``selon un communiqué de la préfecture``: a speech noun of the lexicon (communiqué,
        déclaration, propos …) names its author in its ``de`` complement."""
        head = self.parsed.words[mention.head]
        if head.lemma.lower() not in self.lexicon.nouns:
            return None
        for child in self.parsed.kids(head.index, "nmod"):
            if child.index > head.index and any(
                c.norm in ("de", "d'", "du", "des") for c in self.parsed.kids(child.index, "case")
            ):
                author = mention_at(self.parsed, child.index)
                text = normalise(self.text[author.start : author.end])
                for contracted in ("du ", "des "):  # "d'une déclaration du ministre"
                    if text.startswith(contracted) and author.end - author.start > len(contracted):
                        author = attrs.evolve(author, start=author.start + len(contracted))
                return author
        return None

    def _passive_agent_after(self, mention: Mention) -> Mention | None:
        """``les chiffres publiés lundi par l'Insee``: the agent of a participle after the
        head noun (a reduced passive), within a few words and before any comma."""
        words = self.parsed.words
        head = words[mention.head]
        sentence = self.parsed.sentences[head.sentence]
        i = head.index + 1
        while i < sentence.last and words[i].rel in ("amod", "nmod", "case", "det", "flat"):
            if words[i].feats.get("VerbForm") == "Part":
                break
            i += 1
        if i >= sentence.last or words[i].feats.get("VerbForm") != "Part":
            return None
        for j in range(i + 1, min(i + 6, sentence.last)):
            if words[j].norm == "par":
                return self.noun_phrase_after(j)
            if words[j].text in (",", ";", ".") or words[j].upos in ("VERB", "AUX"):
                return None
        return None

    def inverted_after(self, cue: CueMatch) -> Mention | None:
        """Speaker of a cue in an incise: clitic, else the subject after the verb.

        Adverbials between the verb and its inverted subject are skipped: time
        and date phrases (``mardi soir 14 janvier``), prepositional phrases
        (``au micro de RTL``, ``à Libération``), ``pour sa part``, commas. A
        subject the parser found after the verb is taken first.
        """
        if cue.clitic is not None:
            return mention_at(self.parsed, cue.clitic)
        if cue.entry.type is not CueType.VERB:
            return self.preposition_object(cue)
        words = self.parsed.words
        start = self.skip_adverbials(cue.last + 1)
        if start is None:
            return None
        if start > cue.last + 1:  # adverbials skipped: a subject the parser found may be surer
            for child in self.parsed.kids(cue.word, "nsubj"):
                subject = mention_at(self.parsed, child.index)
                between = words[cue.last + 1 : child.index]
                if (
                    child.index > cue.last
                    and child.norm not in DATE_WORDS
                    and child.upos != "NUM"
                    and subject.start >= words[cue.last].end
                    and self.enclosing_quote(subject.start) is None
                    and all(w.upos != "PUNCT" or w.text == "," for w in between)
                ):
                    return subject
        found = self.noun_phrase_after(start - 1)
        if found is not None and found.start < words[start].start:
            # a name run glued to the adverbial ("au Parisien Thomas Girard"): keep the name
            found = attrs.evolve(found, start=words[start].start)
        if found is not None:
            found = self._without_medium(found)
        return found

    def _without_medium(self, mention: Mention) -> Mention:
        """``a écrit le député sur X``, ``a déclaré le ministre sur France Inter``, ``juge un
        dirigeant sous couvert d'anonymat``: how it was said is not part of the speaker."""
        words = self.parsed.words
        for i in self.words_between(mention.start, mention.end):
            nxt = words[i + 1] if i + 1 < len(words) else None
            medium = words[i].norm == "sur" and nxt is not None and is_capitalised(nxt)
            anonymous = words[i].norm == "sous" and nxt is not None and nxt.norm == "couvert"
            if (medium or anonymous) and i > mention.head and words[i - 1].end <= mention.end:
                name = mention.name
                if name is not None and name[1] > words[i - 1].end:
                    name = None if name[0] >= words[i].start else (name[0], words[i - 1].end)
                return attrs.evolve(mention, end=words[i - 1].end, name=name)
        return mention

    def skip_adverbials(self, index: int) -> int | None:
        """The first word at or after ``index`` that is not part of an adverbial.

        Returns None when the sentence ends first.

        Example:
            >>> # "a indiqué mardi soir au micro de RTL la ministre" → the index of "la"
        """
        words = self.parsed.words
        if index >= len(words):
            return None
        sentence = self.parsed.sentences[words[index].sentence]
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
                i = self.skip_prepositional_object(i + 1, sentence.last)
            else:
                return i if words[i].sentence == words[index].sentence else None
        return None

    def skip_prepositional_object(self, i: int, stop: int) -> int:
        """The index past the object of a preposition: determiners, then a nominal run with
        its ``de`` complements (``au micro de RTL``, ``lors d'une conférence de presse``)."""
        words = self.parsed.words
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
