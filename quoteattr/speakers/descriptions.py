"""Descriptions the document gave a name: ``Le président français, Emmanuel Macron,``.

A later description with the same head noun and no modifier the named one lacks (``le président
français``, ``le président``) stands for the same name, however far. The table starts with the
parse's appositions and grows as the resolver finds whom a role description stands for.

Example:
    >>> table = Descriptions(parsed, str)                   # doctest: +SKIP
    >>> table.repeated(mention_at(parsed, 12)).name         # doctest: +SKIP
    'Emmanuel Macron'
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from quoteattr.syntax.mentions import Mention, is_capitalised, mention_at
from quoteattr.syntax.parse import ParsedText

__all__ = [
    "DEMONSTRATIVES",
    "POSSESSIVES",
    "Descriptions",
    "NamedDescription",
    "demonstrative_antecedent",
    "owned_description",
]

POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
"""Possessive determiners of a third-person possessor."""
_VOWELS = "aeiouyéèêàâîïôû"


@attrs.define(slots=True, eq=False)
class NamedDescription:
    """One description of the document and the name it stands for."""

    position: int
    lemma: str
    modifiers: frozenset[str]
    number: str | None
    name: str


class Descriptions:
    """The descriptions of one document that stand for a name, by head lemma.

    Example:
        >>> table = Descriptions(parsed, str)                # doctest: +SKIP
        >>> table.add(head=3, name="Claire Dupuis")          # doctest: +SKIP
    """

    def __init__(self, parsed: ParsedText, canonical: Callable[[str], str]) -> None:
        self.parsed = parsed
        self._canonical = canonical
        self._table: dict[str, list[NamedDescription]] = {}
        self._collect()

    def _entry(self, head: int, name: str) -> NamedDescription:
        word = self.parsed.words[head]
        number = word.feats.get("Number")
        return NamedDescription(word.start, word.lemma.lower(), self.modifiers(head), number, name)

    def _collect(self) -> None:
        words = self.parsed.words
        text = self.parsed.text
        for (
            word
        ) in words:  # descriptions whose mention carries a name (parse or surface apposition)
            if word.upos != "NOUN" or word.rel in ("appos", "flat", "det", "amod", "nmod"):
                continue
            nxt = word.index + 1
            if not any(w.text == "," for w in words[nxt : nxt + 8]):
                continue
            mention = mention_at(self.parsed, word.index)
            if mention.name is not None:
                name = self._canonical(text[mention.name[0] : mention.name[1]])
                self._append(self._entry(word.index, name))
        for word in words:
            if word.rel != "appos" or word.head < 0:
                continue
            head = words[word.head]
            for noun, named in ((head, word), (word, head)):
                if noun.upos != "NOUN" or not (named.upos == "PROPN" or is_capitalised(named)):
                    continue
                mention = mention_at(self.parsed, named.index)
                lo, hi = mention.name if mention.name is not None else (mention.start, mention.end)
                self._append(self._entry(noun.index, self._canonical(text[lo:hi])))

    def _append(self, entry: NamedDescription) -> None:
        self._table.setdefault(entry.lemma, []).append(entry)

    def modifiers(self, head: int) -> frozenset[str]:
        """Lemmas of the adjectives, complements and name parts under ``head``."""
        out = set()
        stack = [head]
        while stack:
            for child in self.parsed.kids(stack.pop(), "amod", "nmod", "flat", "compound"):
                out.add(child.lemma.lower())
                stack.append(child.index)
        return frozenset(out)

    def add(self, head: int, name: str) -> None:
        """The description headed by ``head`` was found to stand for ``name``: the same
        description later in the article stands for the same person, however far
        (``la ministre de la Santé`` … ``la ministre``)."""
        self._append(self._entry(head, name))

    def repeated(self, mention: Mention) -> NamedDescription | None:
        """The named description ``mention`` repeats (same head, its modifiers among the
        other's, number compatible): the last one before it, else the first after it."""
        head = self.parsed.words[mention.head]
        modifiers = self.modifiers(head.index)
        best: NamedDescription | None = None
        for entry in self._table.get(head.lemma.lower(), []):
            if entry.position == head.start:
                continue
            if entry.number and mention.number and entry.number != mention.number:
                continue
            if modifiers <= entry.modifiers and (best is None or entry.position < mention.start):
                best = entry
        return best

    def repeated_phrase(self, mention: Mention) -> str | None:
        """The words of the earlier phrase a demonstrative description repeats (``Ces
        associations`` → ``les associations étudiantes``), or None."""
        earlier = demonstrative_antecedent(self.parsed, mention)
        return self.parsed.text[earlier.start : earlier.end] if earlier is not None else None


DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
"""Demonstrative determiners: the phrase points back to one the text gave before."""
_DEMONSTRATIVE_REACH = 300
"""How many words back a demonstrative description looks for the phrase it repeats."""


def demonstrative_antecedent(parsed: ParsedText, mention: Mention) -> Mention | None:
    """``Ces associations`` after ``les associations étudiantes``, ``cet extrait`` after ``un
    extrait des résolutions …``: a description opened by a demonstrative determiner repeats the
    last earlier phrase with the same head noun that is no demonstrative one itself; None when
    there is none, or the description names someone.

    Example:
        >>> demonstrative_antecedent(parsed, mention_at(parsed, 14)).start   # doctest: +SKIP
        27
    """
    words = parsed.words
    head = words[mention.head]
    if mention.name is not None or head.upos != "NOUN":
        return None
    if not any(d.norm in DEMONSTRATIVES for d in parsed.kids(head.index, "det")):
        return None
    lemma = head.lemma.lower()
    first = min(i for i in range(mention.head + 1) if words[i].start >= mention.start)
    for i in range(first - 1, max(-1, first - _DEMONSTRATIVE_REACH), -1):
        word = words[i]
        if word.upos != "NOUN" or word.lemma.lower() != lemma:
            continue
        if any(d.norm in DEMONSTRATIVES for d in parsed.kids(i, "det")):
            continue  # another demonstrative: keep going back to the phrase it repeats
        return mention_at(parsed, i)
    return None


def owned_description(parsed: ParsedText, mention: Mention, owner: str, apostrophe: str) -> str:
    """``son avocate`` of Mouss Diouf → ``l'avocate de Mouss Diouf``, ``leur direction`` →
    ``la direction de France 24``: the description GUIDELINES asks for an unnamed speaker, its
    possessive made a definite article and a ``de`` complement, in the document's apostrophe.

    Example:
        >>> # owned_description(parsed, mention_of("son avocate"), "Mouss Diouf", "'")
        >>> # → "l'avocate de Mouss Diouf"
    """
    words = parsed.words
    head = words[mention.head]
    det = next(d for d in parsed.kids(head.index, "det") if d.norm in POSSESSIVES)
    phrase = parsed.text[words[det.index + 1].start : head.end]
    if det.norm in ("ses", "leurs"):
        article = "les "
    elif phrase[:1].lower() in _VOWELS + "h":
        article = "l" + apostrophe
    else:
        article = "la " if det.norm == "sa" else "le "
    of = "d" + apostrophe if owner[:1].lower() in _VOWELS else "de "
    return f"{article}{phrase} {of}{owner}"
