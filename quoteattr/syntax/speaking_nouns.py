"""Nouns that can speak: the head of a description that may be someone's speaker.

A description speaks when its head noun names a person, a role, a group, an organisation, a
medium or a document (``le maire``, ``les riverains``, ``la préfecture``, ``le quotidien``, ``le
communiqué``); ``la situation`` or ``sa route`` do not. The words come from the package's data
files; feminine forms and plurals are read as their masculine singular.

Example:
    >>> speaks("riveraines"), speaks("route")
    (True, False)
"""

from __future__ import annotations

import functools

from quoteattr.records import MentionKind
from quoteattr.syntax.lexicon import word_list
from quoteattr.syntax.mentions import Mention
from quoteattr.syntax.parse import ParsedText
from quoteattr.text.french import normalise

__all__ = ["is_abstract_noun", "speaking_nouns", "speaks"]

_WHO_LISTS = (
    "roles.txt",
    "professions.txt",
    "group_nouns.txt",
    "person_nouns.txt",
    "source_nouns.txt",
    "organisations.txt",
)
"""People, roles, groups and bodies: who speaks in person."""
_WORD_LISTS = (*_WHO_LISTS, "medium_nouns.txt", "document_nouns.txt")
_FEMININE = (("trice", "teur"), ("euse", "eur"), ("ière", "ier"), ("ienne", "ien"), ("e", ""))


@functools.cache
def speaking_nouns(*, documents: bool = True) -> frozenset[str]:
    """Head nouns of descriptions that can speak: roles, groups, people, bodies, and, unless
    ``documents`` is False, media and documents.

    Example:
        >>> "hypothèse" in speaking_nouns(), "syndicat" in speaking_nouns()
        (False, True)
        >>> "communiqué" in speaking_nouns(), "communiqué" in speaking_nouns(documents=False)
        (True, False)
    """
    lists = _WORD_LISTS if documents else _WHO_LISTS
    return frozenset().union(*(word_list(name) for name in lists))


def speaks(word: str, *, documents: bool = True) -> bool:
    """``word`` (a noun, any gender or number) heads a description that can speak;
    ``documents=False``: a person, role, group or body, not a medium or a document.

    Example:
        >>> speaks("porte-parole"), speaks("directrices"), speaks("hypothèse")
        (True, True, False)
        >>> speaks("rapport"), speaks("rapport", documents=False)
        (True, False)
    """
    form = normalise(word)
    nouns = speaking_nouns(documents=documents)
    if form in nouns or form.removesuffix("s") in nouns or form.removesuffix("x") in nouns:
        return True
    singular = form.removesuffix("s")
    return any(
        singular.endswith(fem) and singular[: -len(fem)] + masc in nouns for fem, masc in _FEMININE
    ) or form.startswith(("anti-", "pro-", "ex-"))


_ABSTRACT_ENDINGS = (
    "tion", "sion", "ment", "ité", "ance", "ence", "isme", "ure", "esse", "ise", "èse", "ude",
    "age",
)  # fmt: skip
"""Endings of abstract and event nouns (``hypothèse``, ``situation``, ``rassemblement``,
``sécurité``): a description headed by one, and by no noun of the speaking
lists, names no speaker."""


def mention_speaks(parsed: ParsedText, mention: Mention) -> bool:
    """A name, a pronoun, or a description whose head noun can speak (``le maire``, not
    ``l'usine`` nor ``poursuit sa route``).

    Example:
        >>> mention_speaks(parsed, mention_at(parsed, 1))   # doctest: +SKIP
        True
    """
    if mention.kind is not MentionKind.DESCRIPTION:
        return True
    head = parsed.words[mention.head]
    return speaks(head.lemma) or speaks(head.text)


def is_abstract_noun(word: str) -> bool:
    """A noun with the ending of an abstract or event noun (``situation``, ``hypothèse``).

    Example:
        >>> is_abstract_noun("hypothèses"), is_abstract_noun("ministre")
        (True, False)
    """
    form = normalise(word).removesuffix("s")
    return form.endswith(_ABSTRACT_ENDINGS)
