"""Verb forms: whether a word is a verb of speech here, whatever a parser tagged it.

Parsers mis-tag verbs (a finite verb right after its subject tagged as a noun, ``Rappelons``
as an adverb, ``requises`` as an adjective); these functions read the form and the words around
it instead: a mis-tagged finite verb (:func:`verb_in_context`), a past participle
(:func:`is_participle`), speech that did not happen (:func:`unrealized`: ``aurait pu dire``,
``sans pouvoir dire``), ``comme prévu`` (:func:`comme_participle`), and the modality of a verb
group (:func:`modality`: the conditional of hearsay).

Example:
    >>> from quoteattr.syntax.parse import Word
    >>> is_participle(Word(0, 0, "évoquée", "évoquer", "VERB", {}, -1, "acl", 0, 7, 0))
    True
"""

from __future__ import annotations

from quoteattr.records import Modality
from quoteattr.syntax.mentions import clitic_pronoun
from quoteattr.syntax.parse import ParsedText, Word
from quoteattr.text.french import QUE

_FINITE_HINT_PREV = frozenset({"a", "avait", "aurait", "ont", "avaient", "auraient", "aura"})
"""Auxiliaries after which a word is a verb, whatever its tag."""

__all__ = [
    "comme_participle",
    "is_participle",
    "modality",
    "que_follows",
    "shares_auxiliary",
    "unrealized",
    "verb_in_context",
]

_PARTICIPLE_ENDINGS = (
    "é", "ée", "és", "ées", "i", "ie", "is", "ies", "ise", "ises", "it", "ite", "its", "ites",
    "u", "ue", "us", "ues", "t", "te", "ts", "tes",
)  # fmt: skip
"""Endings of French past participles (``annoncé``, ``requise``, ``dit``, ``prévu``, ``écrit``)."""
_NON_FINITE_ENDINGS = ("é", "ée", "és", "ées", "ant", "er", "ir", "re", "is", "ise", "ises", "it")
"""Participle and infinitive endings: such a form after a noun is no finite verb."""
_CLOSING_MARKS = frozenset({"»", "”", '"', "›", "’"})
_OPENING_MARKS = frozenset({"«", "“", '"', "‹"})
_PAST_SIMPLE_ENDINGS = ("a", "èrent", "ut", "urent", "irent")
"""Passé simple endings the small model often tags as nouns (``murmura``, ``reprit`` is kept
out: ``-it`` also ends participles)."""


def verb_in_context(parsed: ParsedText, word: Word) -> bool:
    """A mis-tagged verb: after an auxiliary, before an inverted clitic, or right after a quote."""
    words = parsed.words
    prev = words[word.index - 1] if word.index > 0 else None
    nxt = words[word.index + 1] if word.index + 1 < len(words) else None
    sentence = parsed.sentences[word.sentence]
    if (
        prev is not None
        and prev.sentence == word.sentence
        and prev.upos in ("NOUN", "PROPN", "PRON")
        and not word.norm.endswith(_NON_FINITE_ENDINGS)
        and (
            not any(w.upos in ("VERB", "AUX") for w in words[sentence.first : sentence.last])
            or (
                nxt is not None
                and nxt.sentence == word.sentence
                and nxt.upos not in ("PUNCT", "ADJ", "NOUN")
            )
        )
    ):
        # a finite verb right after its subject, tagged otherwise: "La préfecture recommande
        # aux usagers …" (no other verb), "L'opposition réclame la démission …",
        # "Ces associations réclament quant à elles …"
        return True
    if prev is not None and prev.norm in _FINITE_HINT_PREV and prev.sentence == word.sentence:
        return True
    aux = word.index - 1
    while aux > sentence.first and words[aux].upos == "ADV":
        aux -= 1  # "s'est également plainte"
    if aux > sentence.first and words[aux].lemma == "être" and words[aux - 1].norm in ("s'", "se"):
        return True  # "s'est plainte", "se sont dits": a reflexive verb's participle
    if (
        prev is not None
        and prev.sentence == word.sentence
        and (prev.text == "," or prev.upos in ("NOUN", "PROPN", "PRON", "ADJ"))
        and que_follows(parsed, word)
    ):
        return True  # "X, auteur de l'étude, précise tout de même que …"
    if (
        prev is not None
        and prev.norm in ("le", "l'")
        and word.index >= 2
        and words[word.index - 2].norm in ("comme", "que", "qu'")
        and words[word.index - 2].sentence == word.sentence
    ):
        return True  # "comme le précise X": an object clitic, not an article
    if nxt is not None and nxt.sentence == word.sentence and clitic_pronoun(nxt) is not None:
        return True
    if (
        word.upos == "ADJ"
        and is_participle(word)
        and nxt is not None
        and nxt.norm == "par"
        and nxt.sentence == word.sentence
    ):
        return True  # "les peines requises par le procureur": a passive participle and its agent
    if word.norm.endswith("ant") and _quote_opens_after(parsed, word):
        return True  # "un message disant « … »": a present participle tagged as an adjective
    if word.text[:1].isupper() or prev is None:
        return False
    # an inverted incise: ", demanda Marie", "? reprit le garçon"
    if (
        prev.text in (",", "!", "?", "…")
        and nxt is not None
        and nxt.sentence == word.sentence
        and (nxt.upos == "DET" or (nxt.upos == "PROPN" and nxt.text[:1].isupper()))
    ):
        return True
    if (
        prev.upos in ("VERB", "NOUN", "ADV")
        and word.norm.endswith(_PAST_SIMPLE_ENDINGS)
        and nxt is not None
        and nxt.sentence == word.sentence
        and (nxt.upos == "DET" or (nxt.upos == "PROPN" and nxt.text[:1].isupper()))
    ):
        # an incise without its comma, in the passé simple: "j'ai à dire murmura le moribond"
        return True
    if prev.text == "," and word.index > 1:
        prev = words[word.index - 2]
    return prev.text in _CLOSING_MARKS


def _quote_opens_after(parsed: ParsedText, word: Word) -> bool:
    """An opening quotation mark right after ``word``, or after a colon that follows it."""
    rest = parsed.text[word.end : word.end + 4].lstrip(" \u00a0\u202f")
    if rest.startswith(":"):
        rest = rest[1:].lstrip(" \u00a0\u202f")
    return rest[:1] in _OPENING_MARKS


_MODALS = frozenset({"pouvoir", "devoir", "vouloir", "falloir"})


def comme_participle(parsed: ParsedText, verb: Word) -> bool:
    """``comme prévu``, ``comme annoncé``, ``comme convenu``: a bare participle after
    ``comme`` with no agent is an adverbial ("as planned"), no one's statement; ``comme
    annoncé par le ministère`` keeps its agent.

    Example:
        >>> # "La réunion se tiendra comme prévu." → True
    """
    words = parsed.words
    i = verb.index
    if i == 0 or words[i - 1].norm != "comme" or words[i - 1].sentence != verb.sentence:
        return False
    if not is_participle(verb):
        return False
    return i + 1 >= len(words) or words[i + 1].norm != "par"


def is_participle(word: Word) -> bool:
    """A past participle, however a parser tagged it: ``VerbForm=Part`` (not a present
    participle in ``-ant``), or an adjective with a participle's ending (``requises``,
    ``évoquée``, ``prévu``).

    Example:
        >>> from quoteattr.syntax.parse import Word
        >>> is_participle(Word(0, 0, "requises", "requis", "ADJ", {}, -1, "amod", 0, 8, 0))
        True
    """
    if word.norm.endswith("ant"):
        return False
    if word.feats.get("VerbForm") == "Part":
        return True
    return word.upos in ("ADJ", "VERB") and word.norm.endswith(_PARTICIPLE_ENDINGS)


def shares_auxiliary(parsed: ParsedText, verb: Word) -> bool:
    """A past participle coordinated with a compound verb, whose auxiliary it shares (``Il a
    reconnu les faits mais réfuté toute intention``): a verb in the perfect, no adjective.

    Example:
        >>> # "a reconnu les faits mais réfuté …" → True for "réfuté"
    """
    if verb.rel != "conj" or verb.head < 0 or verb.head > verb.index:
        return False
    if parsed.kids(verb.index, "aux"):
        return False
    head = parsed.words[verb.head]
    return head.upos == "VERB" and any(a.index < head.index for a in parsed.kids(head.index, "aux"))


def unrealized(parsed: ParsedText, verb: Word) -> bool:
    """An infinitive of speech that did not happen: under a conditional modal (``aurait pu
    dire``, ``devrait annoncer``) or after ``sans`` (``sans pouvoir dire``)."""
    if verb.feats.get("VerbForm") != "Inf":
        return False
    words = parsed.words
    before = [w for w in words[max(0, verb.index - 3) : verb.index] if w.sentence == verb.sentence]
    if any(w.norm == "sans" for w in before):
        return True
    if verb.head < 0 or words[verb.head].lemma not in _MODALS:
        return False
    modal = words[verb.head]
    group = [modal, *parsed.kids(modal.index, "aux", "aux:tense")]
    return modality(parsed, group) is Modality.ALLEGED  # a conditional, also "aurait" mis-tagged


def que_follows(parsed: ParsedText, word: Word) -> bool:
    """``que`` within a few words after ``word``, only adverbs or an addressee between
    (``précise tout de même que``, ``affirme aussi que``, ``déclare aux enquêteurs que``,
    ``exige de Google que``)."""
    words = parsed.words
    addressee = False
    for i in range(word.index + 1, min(word.index + 6, len(words))):
        w = words[i]
        if w.norm in QUE:
            return True
        if w.norm in ("à", "au", "aux") or (w.norm in ("de", "d'") and i == word.index + 1):
            addressee = True  # "déclare aux enquêteurs que", "exige de Google que"
        elif not (
            w.upos in ("ADV", "ADP")
            or w.norm in ("tout", "même")
            or (addressee and w.upos in ("DET", "NOUN", "PROPN"))
        ):
            return False
    return False


def modality(parsed: ParsedText, group: list[Word]) -> Modality:
    for w in group:
        if w.feats.get("Mood") == "Cnd":
            return Modality.ALLEGED
        form = w.norm
        if w.lemma in ("avoir", "être") and form.endswith(("rait", "raient")):
            return Modality.ALLEGED
    return Modality.ASSERTED
