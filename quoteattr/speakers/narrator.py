"""The first-person narrator's own name, for ``dis-je`` in fiction and first-person reports.

Example:
    >>> from quoteattr.speakers.narrator import narrator_name   # doctest: +SKIP
    >>> narrator_name(parse("Je m'appelle Jacques et j'ai dix ans."))  # doctest: +SKIP
    'Jacques'
"""

from __future__ import annotations

from quoteattr.syntax.parse import ParsedText

__all__ = ["FIRST_PERSON", "narrator_name"]

FIRST_PERSON = frozenset({"je", "j'"})
"""First-person subject pronouns: the narrator speaks."""
_SELF_NAMING = (("m'", "appelle"), ("m'", "appelais"), ("me", "nomme"), ("me", "nommais"))


def narrator_name(parsed: ParsedText) -> str | None:
    """The name a first-person narrator gives himself: ``je m'appelle Jacques Thibault``,
    ``je me nomme Jacques``, else None.

    Example:
        >>> # "Je m'appelle Jacques et j'ai dix ans." → "Jacques"
    """
    words = parsed.words
    for i, word in enumerate(words):
        if word.norm not in FIRST_PERSON or _in_dialogue(parsed, word.start):
            continue
        for pattern in _SELF_NAMING:
            j = i + 1
            if [w.norm for w in words[j : j + len(pattern)]] != list(pattern):
                continue
            k = j + len(pattern)
            name = []
            while k < len(words) and words[k].upos == "PROPN" and words[k].text[:1].isupper():
                name.append(words[k].text)
                k += 1
            if name:
                return " ".join(name)
    return None


def _in_dialogue(parsed: ParsedText, char: int) -> bool:
    """A character's words rather than the narrator's: the paragraph opens with a dash, or a
    guillemet opens before ``char`` in it and is not closed."""
    text = parsed.text
    start = text.rfind("\n", 0, char) + 1
    before = text[start:char]
    return before.lstrip()[:1] in ("—", "–", "-") or before.count("«") > before.count("»")
