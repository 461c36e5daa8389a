r"""The entries of the reporting-cue lexicon and the format of its data files.

:class:`LexiconEntry` is one cue (lemma, type, speech-act class, sources); the lexicon's two
tab-separated files (``data/cues.tsv``: ``lemma type class sources incise_only``;
``data/cue_forms.tsv``: ``form lemma``) are read and checked here, line by line, with errors
that name the file and the line. :class:`~quoteattr.syntax.lexicon.Lexicon` holds the entries.

Example:
    >>> normalize_lemma("S’exclamer")
    'exclamer'
    >>> rows = ["\t".join(CUES_HEADER), "\t".join(["nier", "verb", "deny", "news", "0"])]
    >>> [e.lemma for e in parse_cues("\n".join(rows), "mine.tsv")]
    ['nier']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

import attrs
from attrs import field, validators

from quoteattr.records import CueClass, CueType

__all__ = [
    "CUES_HEADER",
    "FORMS_HEADER",
    "SOURCES",
    "TYPE_ORDER",
    "LexiconEntry",
    "normalize_form",
    "normalize_lemma",
    "parse_cues",
    "parse_forms",
]

SOURCES: frozenset[str] = frozenset({"ggt", "verbenet", "textacy", "news"})
"""The allowed values of the ``sources`` column."""

CUES_HEADER = ("lemma", "type", "class", "sources", "incise_only")
FORMS_HEADER = ("form", "lemma")
TYPE_ORDER = (CueType.VERB, CueType.NOUN, CueType.PREPOSITION)
"""The cue types of the lexicon, in the order a lookup prefers them."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2011": "-"})
_REFLEXIVE = re.compile(r"^(?:se\s+|s')(?=\S)")
_INVERTED_SUBJECT = re.compile(r"-(?:t-)?(?:il|elle|on|ils|elles|iel|iels|je|tu|nous|vous)$")


def normalize_lemma(text: str) -> str:
    """Normalise a lemma for lookup: NFC, lowercase, ``'`` for ``’``, single
    spaces, and no leading reflexive pronoun (``se``/``s'``).

    Example:
        >>> normalize_lemma("  S’écrier ")
        'écrier'
        >>> normalize_lemma("se  féliciter"), normalize_lemma("D'après")
        ('féliciter', "d'après")
    """
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    text = " ".join(text.split())
    return _REFLEXIVE.sub("", text, count=1)


def normalize_form(text: str) -> str:
    """Normalise a surface form: as :func:`normalize_lemma`, and drop an
    inverted subject pronoun (``lança-t-il`` → ``lança``)."""
    return _INVERTED_SUBJECT.sub("", normalize_lemma(text))


def _check_sources(
    instance: LexiconEntry, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not value:
        raise ValueError("an entry needs at least one source")
    unknown = [s for s in value if s not in SOURCES]
    if unknown:
        raise ValueError(f"unknown source {unknown[0]!r} (expected one of {_sorted(SOURCES)})")
    if len(set(value)) != len(value):
        raise ValueError(f"repeated source in {','.join(value)!r}")


@attrs.frozen(slots=True)
class LexiconEntry:
    """One reporting cue of the lexicon.

    ``lemma`` is normalised (see :func:`normalize_lemma`); ``cls`` is its
    speech-act class; ``incise_only`` is True for verbs that report speech
    only in an incise attached to a quotation (``fit-il``); ``sources`` names
    where the entry comes from (see :data:`SOURCES`).

    Example:
        >>> e = LexiconEntry("nier", CueType.VERB, CueClass.DENY, False, ("news",))
        >>> e.cls.value, e.multiword
        ('deny', False)
    """

    lemma: str = field(validator=validators.instance_of(str))
    type: CueType = field(converter=CueType)
    cls: CueClass = field(converter=CueClass)
    incise_only: bool = field(validator=validators.instance_of(bool))
    sources: tuple[str, ...] = field(
        validator=[
            validators.deep_iterable(validators.instance_of(str), validators.instance_of(tuple)),
            _check_sources,
        ]
    )

    @lemma.validator
    def _check_lemma(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not value:
            raise ValueError("empty lemma")
        if normalize_lemma(value) != value:
            raise ValueError(
                f"lemma {value!r} is not normalised (expected {normalize_lemma(value)!r})"
            )

    @property
    def multiword(self) -> bool:
        """True for an expression of several words (``mettre en garde``).

        Example:
            >>> LexiconEntry("mettre en garde", "verb", "neutral", False, ("news",)).multiword
            True
        """
        return " " in self.lemma

    @property
    def head(self) -> str:
        """The first word of the lemma, which a matcher looks for first.

        Example:
            >>> LexiconEntry("faire valoir", "verb", "neutral", False, ("news",)).head
            'faire'
        """
        return self.lemma.split(" ", 1)[0]


def _sorted(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


def _rows(text: str, name: str, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each non-blank data row, checking the header."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].lstrip("\ufeff").split("\t")) != header:
        found = lines[0] if lines else "<empty file>"
        expected = "\t".join(header)
        raise ValueError(f"{name}:1: expected header {expected!r}, got {found!r}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise ValueError(
                f"{name}:{number}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), got {len(fields)}: {line!r}"
            )
        yield number, fields


def parse_cues(text: str, name: str) -> list[LexiconEntry]:
    entries: list[LexiconEntry] = []
    seen: dict[tuple[str, CueType], int] = {}
    type_values = [t.value for t in TYPE_ORDER]
    class_values = [c.value for c in CueClass]
    for number, (lemma, type_, cls, sources, incise) in _rows(text, name, CUES_HEADER):
        where = f"{name}:{number}"
        if type_ not in type_values:
            raise ValueError(
                f"{where}: unknown type {type_!r} (expected one of {_sorted(type_values)})"
            )
        if cls not in class_values:
            raise ValueError(
                f"{where}: unknown class {cls!r} (expected one of {_sorted(class_values)})"
            )
        if incise not in ("0", "1"):
            raise ValueError(f"{where}: incise_only must be 0 or 1, got {incise!r}")
        cue_type, cue_class = CueType(type_), CueClass(cls)
        if (cue_type is CueType.PREPOSITION) != (cue_class is CueClass.SOURCE):
            raise ValueError(
                f"{where}: class 'source' goes with type 'preposition' and only with it"
            )
        if incise == "1" and cue_type is not CueType.VERB:
            raise ValueError(f"{where}: incise_only=1 is only for verbs")
        try:
            entry = LexiconEntry(
                lemma, cue_type, cue_class, incise == "1", tuple(sources.split(","))
            )
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        key = (entry.lemma, entry.type)
        if key in seen:
            raise ValueError(
                f"{where}: duplicate entry {lemma!r} ({type_}), first on line {seen[key]}"
            )
        seen[key] = number
        entries.append(entry)
    return entries


def parse_forms(text: str, name: str, verbs: set[str]) -> dict[str, str]:
    forms: dict[str, str] = {}
    seen: dict[str, int] = {}
    for number, (form, lemma) in _rows(text, name, FORMS_HEADER):
        where = f"{name}:{number}"
        if not form or normalize_form(form) != form:
            raise ValueError(f"{where}: form {form!r} is not normalised (lowercase, no pronoun)")
        if lemma not in verbs:
            raise ValueError(
                f"{where}: lemma {lemma!r} of form {form!r} is not a verb of the lexicon"
            )
        if form in seen:
            raise ValueError(f"{where}: form {form!r} listed twice, first on line {seen[form]}")
        seen[form] = number
        forms[form] = lemma
    return forms
