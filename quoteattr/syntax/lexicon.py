"""The reporting-cue lexicon: French words that introduce reported speech.

The package ships two hand-reviewed tables in ``quoteattr/data`` (licences in
``quoteattr/data/LICENSES.md``):

``cues.tsv``
    One entry per line: ``lemma``, ``type`` (``verb``, ``noun`` or
    ``preposition``), ``class`` (a :class:`~quoteattr.records.CueClass` value),
    ``sources`` (comma-separated: ``ggt`` = GenderGapTracker's French quote-verb
    list, ``verbenet`` = the communication classes of Verb∋Net, ``textacy`` =
    textacy's French reporting verbs, ``news`` = added by us from French news
    usage) and ``incise_only`` (``0``/``1``). Rows are sorted by type (verb,
    noun, preposition) then by lemma, ignoring accents.
``cue_forms.tsv``
    ``form`` → ``lemma`` for every one-word verb of ``cues.tsv``: all simple
    forms (infinitive, participles, indicative, conditional, subjunctive),
    made by a conjugator and checked against the GGT list (which it covers for
    every lemma both share), with the 1990 spellings of ``-aître`` verbs and
    ``enchaîner``. It is a fallback for when the statistical lemmatizer gets
    a rare form wrong (``démentit``, ``rétorqua``, ``écria``). It maps *verb*
    forms only, some of which are also nouns or adjectives (``plainte``,
    ``promis``, ``note``): consult it for tokens tagged as verbs, or pass
    ``type=CueType.VERB``. Left out: ``admirent`` (also *admirer*) and eight
    1st/2nd person plural forms that are common nouns (``relations``,
    ``notions``, ``précisions``, ``objections`` ...).

Conventions:

* Reflexive verbs are stored without their pronoun (``écrier`` for
  *s'écrier*, ``interroger`` for *s'interroger*, ``féliciter`` for *se
  féliciter*); :meth:`Lexicon.lookup` strips a leading ``se``/``s'``.
* ``incise_only = 1`` marks verbs that report speech only when attached to a
  direct quotation, typically in an inverted incise (``« Non », fit-il``,
  ``sourit-elle``, ``reprit-il``, ``lance-t-il``, ``poursuit-il``,
  ``tranche-t-il``, ``s'amuse-t-il``), never as heads of ``X V que …``: their
  ordinary sense is not speech (*faire*, *lancer*, *poursuivre* ...).
* Multiword entries (``mettre en garde``, ``faire valoir``, ``faire savoir``,
  ``laisser entendre``, ``mise en garde``, ``à en croire``, ``aux dires de``,
  ``de l'avis de``) have lemmas with spaces. A matcher finds them from their
  head word (see :meth:`Lexicon.expressions`): the head's lemma (``mettre``)
  followed, inside the same verb group, by the remaining words in order
  (``a mis en garde``, ``fait valoir``). ``cue_forms.tsv`` does not list the
  heads' forms: *mettre*, *faire*, *laisser* are frequent enough for the
  lemmatizer. ``appeler`` is a cue only as ``appeler à``.
* Excluded on purpose: verbs of belief or wish (*croire*, *espérer*,
  *souhaiter*, *craindre*, *redouter*, *trouver*, *savoir*, *vouloir*): they
  report a mental state, not a statement (GUIDELINES.md); verbs that never
  take a statement or quote (*publier*, *prononcer*, *parler*, *discuter*,
  *bavarder*, *téléphoner*, *exprimer*, *citer*, *lire*, *adresser*,
  *inciter*) and VerbNet's sound-emission and animal-noise verbs; the GGT
  list's auxiliaries (*être*, *avoir*) and misspellings.
* Stated opinions are cues (GUIDELINES.md): *penser* and *prévoir* (a
  forecast) report what someone said they think (``Météo France prévoit que
  …``); speech reported inside a quotation (``« je pense que … »``) is the
  quoted speaker's and is never reported separately. *inviter* reports a
  request (``invite les habitants à …``).
* Speech nouns (``communiqué``, ``déclaration``, ``propos`` …) report nothing by
  themselves (GUIDELINES.md: nominal reports are not listed); they name the author of a
  ``selon`` source (``selon un communiqué de la préfecture`` → la préfecture).
* Multiword verbs whose object is the message: ``faire état de``, ``faire part
  de`` (``a fait état de menaces``).
* ``pour`` is a source preposition only as an opinion source at the start of a
  sentence, ``Pour X, …`` with X a person, a role, a group or a pronoun (the
  check is in :mod:`quoteattr.syntax.cues`): ``Pour cette raison, …`` is no source.
* Kept with care: *estimer*, *juger*, *considérer* (class ``assert``) report
  an opinion that was voiced, so they are cues only with a ``que`` clause or a
  quotation; *faire* only in an inverted incise (``incise_only``).

Classes: ``neutral`` (saying, adding, explaining, manner of speaking,
suggesting), ``assert`` (affirming, maintaining, confirming, opinion),
``deny``, ``concede`` (admitting, qualifying), ``claim`` (contested claims,
arguments, demands), ``accuse`` (blame, criticism, complaint), ``question``,
``announce`` (announcing, revealing, warning, promising, threatening),
``source`` (prepositions only).

Example:
    >>> lex = default_lexicon()
    >>> lex.lookup("démentir").cls.value
    'deny'
    >>> lex.lookup("??", form="rétorqua").lemma
    'rétorquer'
    >>> lex.lookup("d’après").type.value
    'preposition'
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from quoteattr.records import CueType
from quoteattr.syntax.lexicon_entries import (
    SOURCES,
    TYPE_ORDER,
    LexiconEntry,
    normalize_form,
    normalize_lemma,
    parse_cues,
    parse_forms,
)

__all__ = [
    "SOURCES",
    "Lexicon",
    "LexiconEntry",
    "default_lexicon",
    "load_lexicon",
    "normalize_lemma",
    "office_nouns",
    "role_nouns",
    "source_nouns",
    "word_list",
]

_CUES_FILE = "cues.tsv"
_FORMS_FILE = "cue_forms.tsv"
_LEXICON_TYPES = frozenset(TYPE_ORDER)


class Lexicon:
    """The set of reporting cues, with a form → lemma fallback for verbs.

    Build one with :func:`load_lexicon` or :func:`default_lexicon`; iterating
    yields the entries in file order.

    Example:
        >>> lex = default_lexicon()
        >>> "démentir" in lex, "manger" in lex
        (True, False)
        >>> lex.lookup("s'écria").lemma, lex.lookup("s'écria").cls.value
        ('écrier', 'neutral')
    """

    __slots__ = ("_by_lemma", "_entries", "_forms", "_heads", "_typed")

    def __init__(
        self, entries: Iterable[LexiconEntry], forms: Mapping[str, str] | None = None
    ) -> None:
        """Index ``entries``; ``forms`` maps verb forms to verb lemmas.

        Raises ValueError for a repeated (lemma, type), an unnormalised form,
        or a form whose lemma is not a verb entry.

        Example:
            >>> e = LexiconEntry("dire", "verb", "neutral", False, ("news",))
            >>> lex = Lexicon([e], {"dit": "dire"})
            >>> len(lex), lex.lookup("??", form="dit-il").lemma
            (1, 'dire')
        """
        self._entries: tuple[LexiconEntry, ...] = tuple(entries)
        by_lemma: dict[str, list[LexiconEntry]] = {}
        typed: dict[CueType, dict[str, LexiconEntry]] = {t: {} for t in CueType}
        heads: dict[str, list[LexiconEntry]] = {}
        for entry in self._entries:
            if not isinstance(entry, LexiconEntry):
                raise TypeError(f"expected LexiconEntry, got {type(entry).__name__}")
            if entry.lemma in typed[entry.type]:
                raise ValueError(f"duplicate entry {entry.lemma!r} ({entry.type.value})")
            typed[entry.type][entry.lemma] = entry
            by_lemma.setdefault(entry.lemma, []).append(entry)
            if entry.multiword:
                heads.setdefault(entry.head, []).append(entry)
        self._by_lemma: dict[str, tuple[LexiconEntry, ...]] = {
            lemma: tuple(sorted(found, key=lambda e: TYPE_ORDER.index(e.type)))
            for lemma, found in by_lemma.items()
        }
        self._typed: dict[CueType, Mapping[str, LexiconEntry]] = {
            t: MappingProxyType(d) for t, d in typed.items()
        }
        self._heads: dict[str, tuple[LexiconEntry, ...]] = {h: tuple(v) for h, v in heads.items()}
        verbs = typed[CueType.VERB]
        checked: dict[str, str] = {}
        for form, lemma in (forms or {}).items():
            if not form or normalize_form(form) != form:
                raise ValueError(f"form {form!r} is not normalised")
            if lemma not in verbs:
                raise ValueError(f"form {form!r} points to {lemma!r}, which is not a verb entry")
            checked[form] = lemma
        self._forms: Mapping[str, str] = MappingProxyType(checked)

    def lookup(
        self, lemma: str, form: str | None = None, type: CueType | None = None
    ) -> LexiconEntry | None:
        """The entry for ``lemma``, else for the verb that ``form`` inflects.

        ``lemma`` is normalised first (lowercase, ``’`` → ``'``, leading
        ``se``/``s'`` stripped). When it is no entry (of ``type``, if given),
        ``form`` and then ``lemma`` itself are looked up in the form table
        (the lemmatizer may return a rare form unchanged), after dropping an
        inverted subject (``rétorqua-t-il``). None when nothing matches.

        Example:
            >>> lex = default_lexicon()
            >>> lex.lookup("Affirmer").cls.value
            'assert'
            >>> lex.lookup("démentit").lemma
            'démentir'
            >>> lex.lookup("annonce").type.value
            'noun'
            >>> lex.lookup("annonce", type=CueType.VERB).lemma
            'annoncer'
            >>> lex.lookup("manger", form="mange") is None
            True
        """
        found = self._get(normalize_lemma(lemma), type)
        if found is not None:
            return found
        for candidate in (form, lemma):
            if candidate is None:
                continue
            target = self._forms.get(normalize_form(candidate))
            if target is not None:
                found = self._get(target, type)
                if found is not None:
                    return found
        return None

    def _get(self, lemma: str, type: CueType | None) -> LexiconEntry | None:
        for entry in self._by_lemma.get(lemma, ()):
            if type is None or entry.type is type:
                return entry
        return None

    def lemma_for_form(self, form: str) -> str | None:
        """The verb lemma that ``form`` inflects, from ``cue_forms.tsv``.

        Example:
            >>> default_lexicon().lemma_for_form("Reconnut")
            'reconnaître'
            >>> default_lexicon().lemma_for_form("mangea") is None
            True
        """
        return self._forms.get(normalize_form(form))

    def expressions(self, head: str) -> tuple[LexiconEntry, ...]:
        """The multiword entries whose first word is ``head`` (a lemma).

        Example:
            >>> [e.lemma for e in default_lexicon().expressions("faire")]
            ['faire état de', 'faire part de', 'faire savoir', 'faire valoir']
        """
        return self._heads.get(normalize_lemma(head), ())

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """All entries, in file order.

        Example:
            >>> default_lexicon().entries[0].type.value
            'verb'
        """
        return self._entries

    @property
    def verbs(self) -> Mapping[str, LexiconEntry]:
        """Verb entries by lemma (read-only).

        Example:
            >>> default_lexicon().verbs["nier"].cls.value
            'deny'
        """
        return self._typed[CueType.VERB]

    @property
    def nouns(self) -> Mapping[str, LexiconEntry]:
        """Noun entries by lemma (read-only).

        Example:
            >>> default_lexicon().nouns["démenti"].cls.value
            'deny'
        """
        return self._typed[CueType.NOUN]

    @property
    def prepositions(self) -> Mapping[str, LexiconEntry]:
        """Preposition entries by lemma (read-only); all of class ``source``.

        Example:
            >>> prepositions = default_lexicon().prepositions
            >>> "selon" in prepositions, {e.cls.value for e in prepositions.values()}
            (True, {'source'})
        """
        return self._typed[CueType.PREPOSITION]

    @property
    def forms(self) -> Mapping[str, str]:
        """The verb form → lemma table (read-only).

        Example:
            >>> default_lexicon().forms["rétorqua"]
            'rétorquer'
        """
        return self._forms

    def __contains__(self, lemma: object) -> bool:
        """True when ``lemma`` (normalised) is an entry; forms do not count.

        Example:
            >>> "se féliciter" in default_lexicon(), "démentit" in default_lexicon()
            (True, False)
        """
        return isinstance(lemma, str) and normalize_lemma(lemma) in self._by_lemma

    def __len__(self) -> int:
        """The number of entries.

        Example:
            >>> len(default_lexicon()) == len(default_lexicon().entries)
            True
        """
        return len(self._entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        """The entries, in file order.

        Example:
            >>> next(iter(default_lexicon())).lemma
            'abonder'
        """
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"<Lexicon: {len(self._entries)} entries, {len(self._forms)} forms>"


def _build(cues_text: str, cues_name: str, forms_text: str | None, forms_name: str) -> Lexicon:
    entries = parse_cues(cues_text, cues_name)
    forms: dict[str, str] = {}
    if forms_text is not None:
        verbs = {e.lemma for e in entries if e.type is CueType.VERB}
        forms = parse_forms(forms_text, forms_name, verbs)
    return Lexicon(entries, forms)


@functools.lru_cache(maxsize=1)
def _load_packaged() -> Lexicon:
    data = resources.files("quoteattr").joinpath("data")
    return _build(
        data.joinpath(_CUES_FILE).read_text(encoding="utf-8"),
        f"quoteattr/data/{_CUES_FILE}",
        data.joinpath(_FORMS_FILE).read_text(encoding="utf-8"),
        f"quoteattr/data/{_FORMS_FILE}",
    )


def load_lexicon(path: str | os.PathLike[str] | None = None) -> Lexicon:
    """Load a lexicon: the packaged one (cached) when ``path`` is None.

    ``path`` is a ``cues.tsv``-style file, whose sibling ``cue_forms.tsv`` is
    read too when it exists, or a folder holding both. Every row is checked;
    a bad one raises ValueError naming the file and line.

    Example:
        >>> load_lexicon() is load_lexicon()
        True
        >>> load_lexicon().lookup("selon").cls.value
        'source'
    """
    if path is None:
        return _load_packaged()
    location = Path(path)
    if location.is_dir():
        cues, forms = location / _CUES_FILE, location / _FORMS_FILE
    else:
        cues, forms = location, location.with_name(_FORMS_FILE)
    forms_text = forms.read_text(encoding="utf-8") if forms.is_file() else None
    return _build(cues.read_text(encoding="utf-8"), str(cues), forms_text, str(forms))


def default_lexicon() -> Lexicon:
    """The packaged lexicon (loaded once, then cached).

    Example:
        >>> lex = default_lexicon()
        >>> lex.lookup("reconnaître").cls.value, lex.lookup("accuser").cls.value
        ('concede', 'accuse')
    """
    return load_lexicon()


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """A one-word-per-line list from the package data (``#`` comments), lowercased.

    Example:
        >>> "ministre" in word_list("roles.txt")
        True
    """
    data = resources.files("quoteattr").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower()
        for line in data.splitlines()
        if line.strip() and not line.startswith("#")
    )


def role_nouns() -> frozenset[str]:
    """Nouns of person roles: offices (``ministre``, ``porte-parole``, ``data/roles.txt``) and
    professions (``chercheur``, ``journaliste``, ``data/professions.txt``).

    Example:
        >>> "porte-parole" in role_nouns(), "chercheur" in role_nouns()
        (True, True)
    """
    return office_nouns() | word_list("professions.txt")


def office_nouns() -> frozenset[str]:
    """Nouns of offices (``ministre``, ``maire``, ``porte-parole``, ``data/roles.txt``): one
    holder in a story, so ``la ministre`` may stand for the person named last; a profession
    (``le médecin``) may not.

    Example:
        >>> "maire" in office_nouns(), "chercheur" in office_nouns()
        (True, False)
    """
    return word_list("roles.txt")


def source_nouns() -> frozenset[str]:
    """Nouns of groups and experts that voice opinions (``syndicat``, ``expert``),
    from ``data/source_nouns.txt``.

    Example:
        >>> "syndicat" in source_nouns()
        True
    """
    return word_list("source_nouns.txt")
