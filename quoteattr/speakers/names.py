"""The name forms of one document: each short form of a name → its longest form.

``Séjourné`` and ``M. Séjourné`` → ``Stéphane Séjourné`` when the article gives the full name;
civil titles are left out, a sentence-initial determiner is lowercased.

Example:
    >>> normalise_name("Le  ministère russe")
    'le ministère russe'
    >>> strip_titles("M. Jean Dupont")
    'Jean Dupont'
"""

from __future__ import annotations

from quoteattr.syntax.mentions import is_capitalised, name_run
from quoteattr.syntax.names import kind_noun
from quoteattr.syntax.parse import ParsedText
from quoteattr.text.french import CIVIL_TITLES, DETERMINERS, normalise

__all__ = ["NameForms", "normalise_name", "strip_titles"]


def normalise_name(name: str) -> str:
    """Collapse whitespace and lowercase a sentence-initial determiner.

    Example:
        >>> normalise_name("Le  ministère russe")
        'le ministère russe'
    """
    name = " ".join(name.split())
    lowered = normalise(name)
    for det in DETERMINERS:
        if lowered.startswith(det):
            return lowered[: len(det)] + name[len(det) :]
    return name


def strip_titles(name: str) -> str:
    """The name without its leading civil titles (``M.``, ``Mme``, ``Maître``).

    Example:
        >>> strip_titles("Mme Agnès Roy"), strip_titles("Monsieur")
        ('Agnès Roy', 'Monsieur')
    """
    tokens = name.split()
    while len(tokens) > 1 and normalise(tokens[0]) in CIVIL_TITLES:
        tokens = tokens[1:]
    return " ".join(tokens)


class NameForms:
    """Every proper-name form of a document mapped to its longest form (same surname).

    Example:
        >>> forms = NameForms(parsed)                     # doctest: +SKIP
        >>> forms.canonical("M. Séjourné")                # doctest: +SKIP
        'Stéphane Séjourné'
    """

    def __init__(self, parsed: ParsedText) -> None:
        self.parsed = parsed
        self._names = self._collect()

    def _collect(self) -> dict[str, str]:
        # In text order, so that among equally long forms the first one in the text wins,
        # whatever the process's string hashing (a set here made names vary between runs).
        forms: dict[str, None] = {}
        words = self.parsed.words
        text = self.parsed.text
        for word in words:
            if word.upos == "PROPN" and is_capitalised(word):
                first, last = name_run(self.parsed, word.index)
                if (
                    last - first >= 2
                    and first > 0
                    and words[first - 1].upos in ("DET", "ADP")
                    and all(is_capitalised(w) for w in words[first : last + 1])
                ):
                    first += 1  # "de la Justice Alberto Ruiz-Gallardón": the complement is no name
                while first < last and kind_noun(words[first]):
                    first += 1  # "l'ONG Oxfam": a kind of organisation, then its name
                forms[strip_titles(text[words[first].start : words[last].end])] = None
        by_last: dict[str, list[str]] = {}
        for form in forms:
            tokens = form.split()
            if tokens:
                by_last.setdefault(tokens[-1], []).append(form)
        canonical: dict[str, str] = {}
        for form in forms:
            tokens = form.split()
            best = form
            for other in by_last.get(tokens[-1], []) if tokens else []:
                if len(other.split()) > len(best.split()) and set(tokens) <= set(other.split()):
                    best = other
            canonical[form] = best
        return canonical

    def canonical(self, form: str) -> str:
        """The longest form of ``form`` in the document, titles left out, a leading
        determiner kept (lowercased)."""
        stripped = strip_titles(" ".join(form.split()))
        lowered = normalise(stripped)
        for det in DETERMINERS:
            rest = stripped[len(det) :]
            if lowered.startswith(det) and rest in self._names:
                return normalise_name(stripped[: len(det)] + self._names[rest])
        return normalise_name(self._names.get(stripped, stripped))
