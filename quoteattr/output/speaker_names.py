"""What a speaker name says about who it is, read from the name alone: the keys that merge speakers
across documents and the stable speaker ids.

:func:`parse_name` splits a record's canonical speaker name (see
:attr:`Speaker.name <quoteattr.records.Speaker.name>`) into one of four shapes:

* ``full``: a person's first name and surname (``Hélène Marchetti``, ``Ursula von der Leyen``; a
  description before them is dropped: ``le conseiller fédéral Pierre Lambert``). The first word
  is a known first name (``data/first_names.txt``, compounds read part by part), or the name has
  two or three capitalised words and is not an organisation's;
* ``surname``: a surname alone, the civil title or a bare role noun before it dropped (``M.
  Macron``, ``la ministre Marchetti``, ``Marchetti``), or after an initial (``E. Macron``);
* ``name``: any other proper name, an organisation's (``Amnesty International``, ``l'OMS``);
* ``description``: a description that names no one (``le ministre``, ``la préfecture de
  police``); it only ever means something inside its own document.

Matching keys are folded: case, accents, apostrophes (``'`` and ``’``) and spaces do not count.
:func:`mention_gender` reads the grammatical gender a mention shows (``Mme``, ``elle``, ``la
ministre``), from ``data/gender_markers.tsv``. :func:`speaker_id` turns a key into the stable id
``<slug>-<8 hex digits of the key's SHA-1>``: the same name gives the same id in every run and
every corpus.

Example:
    >>> parse_name("le président Macron", SpeakerType.PERSON)
    NameParts(kind='surname', surname='macron', first=None, display='Macron')
    >>> speaker_id("person:emmanuel macron")
    'emmanuel-macron-7feb2df4'
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from importlib import resources

import attrs

from quoteattr.records import SpeakerType
from quoteattr.syntax.lexicon import word_list
from quoteattr.text.french import CIVIL_TITLES, NAME_PARTICLES

__all__ = ["NameParts", "fold", "mention_gender", "parse_name", "speaker_id", "title_gender"]

_TITLES = CIVIL_TITLES | {"monsieur", "madame", "mademoiselle", "mlle."}
_PREPOSITIONS = frozenset(
    {"de", "d'", "du", "des", "à", "au", "aux", "en", "pour", "sur", "chez", "par", "contre"}
)
"""A description holding one of these names something else than the person after it
(``le maire de Lyon``)."""
_INITIAL = re.compile(r"^(?:\w\.-?)+$")
_ELIDED = re.compile(r"^([ldLD]['’])(?=\w)")
_SLUG = re.compile(r"[^a-z0-9]+")
_TITLE_BEFORE = re.compile(r"(?:^|[\s(«\"“'’])(M\.|Mme\.?|Mlle|Monsieur|Madame|Mademoiselle)\s+$")


def fold(text: str) -> str:
    """The matching form of a name: no accents, lowercase, ``'`` for ``’``, single spaces.

    Example:
        >>> fold("Hélène  MARCHETTI"), fold("Côte d’Ivoire")
        ('helene marchetti', "cote d'ivoire")
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‑", "-"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def speaker_id(key: str, label: str | None = None) -> str:
    """The stable id of a speaker key: a slug of ``label`` (default: the key after its last
    colon) and 8 hex digits of the key's SHA-1.

    Example:
        >>> speaker_id("doc:a1:le ministre")
        'le-ministre-8f7fa79b'
    """
    readable = key.rpartition(":")[2] if label is None else label
    slug = _SLUG.sub("-", fold(readable)).strip("-")[:48].strip("-") or "speaker"
    return f"{slug}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"


@attrs.frozen
class NameParts:
    """The shape of a speaker name: its kind, folded surname (or whole name) and first name.

    ``first`` is the folded first name of a ``full`` name, or the initial of ``E. Macron``
    (``"e"``), else ``None``; ``display`` is the name without what :func:`parse_name` dropped.

    Example:
        >>> parse_name("Jean-Luc Mélenchon", SpeakerType.PERSON).first
        'jean-luc'
    """

    kind: str
    surname: str
    first: str | None
    display: str


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _first_name(token: str) -> bool:
    names = word_list("first_names.txt")
    parts = token.split("-")
    return all(part.lower() in names for part in parts if part)


def _particle(token: str) -> bool:
    return token.lower().replace("’", "'") in NAME_PARTICLES | {"l'"}


def _split(name: str) -> tuple[list[str], list[str], list[str], bool]:
    """``(prefix, titles, run, clean)``: the lower-case words before the name, the civil titles,
    the words from the first capitalised one to the end, and whether those are a proper name
    alone (capitalised words and particles between them: ``Ursula von der Leyen``)."""
    tokens: list[str] = []
    for token in name.split():
        elided = _ELIDED.match(token)
        if elided and _capitalised(token[2:]):
            tokens.extend([elided.group(1), token[2:]])
        else:
            tokens.append(token)
    prefix: list[str] = []
    titles: list[str] = []
    index = 0
    while index < len(tokens) and not _capitalised(tokens[index]):
        prefix.append(tokens[index])
        index += 1
    while index < len(tokens) - 1 and tokens[index].lower().replace("’", "'") in _TITLES:
        titles.append(tokens[index])
        index += 1
    run = tokens[index:]
    clean = True
    for position, token in enumerate(run):
        if _capitalised(token):
            continue
        after = position + 1
        while after < len(run) and _particle(run[after]):
            after += 1
        if not (_particle(token) and after < len(run) and _capitalised(run[after])):
            clean = False
    return prefix, titles, run, clean


def parse_name(name: str, type: SpeakerType = SpeakerType.UNKNOWN) -> NameParts:
    """Read the shape of a canonical speaker name (see the module docstring).

    ``type`` is the speaker's type: an organisation's name is never a person's.

    Example:
        >>> [parse_name(n, SpeakerType.PERSON).kind for n in ("Sophie Lambert", "M. Lambert",
        ...  "le ministre", "le maire de Lyon")]
        ['full', 'surname', 'description', 'description']
        >>> parse_name("l’OMS", SpeakerType.ORGANISATION)
        NameParts(kind='name', surname='oms', first=None, display='l’OMS')
    """
    prefix, titles, run, clean = _split(name)
    description = NameParts("description", fold(name), None, name)
    articles_only = all(fold(word) in ("le", "la", "les", "l'") for word in prefix)
    if not run or (not clean and (titles or not articles_only)):
        return description
    display = " ".join(run)
    folded = [fold(token) for token in run]
    whole = NameParts("name", " ".join(folded), None, " ".join(name.split()))
    if not clean or type is SpeakerType.ORGANISATION:
        return whole if articles_only and not titles else description
    if any(fold(word) in _PREPOSITIONS for word in prefix):
        return description
    if len(run) > 1 and _INITIAL.match(run[0]):
        initial = folded[0].split(".")[0]
        return NameParts("surname", " ".join(folded[1:]), initial, " ".join(run[1:]))
    if len(run) == 1 and prefix and articles_only and type is not SpeakerType.PERSON:
        return whole  # la Russie, l'Élysée
    if len(run) == 1 or folded[0] in NAME_PARTICLES:
        return NameParts("surname", " ".join(folded), None, display)
    if len(run) <= 3 or _first_name(run[0]):
        return NameParts("full", " ".join(folded[1:]), folded[0], display)
    return whole


@functools.cache
def _gender_markers() -> dict[str, str]:
    raw = resources.files("quoteattr").joinpath("data/gender_markers.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in raw.splitlines() if line and not line.startswith("#")]
    return {word.strip(): gender.strip() for word, gender in rows[1:]}


def mention_gender(mention: str) -> str | None:
    """``"m"`` or ``"f"`` when a mention's first word tells a person's gender, else ``None``.

    A title (``M.``, ``Mme``) or a pronoun (``il``, ``-t-elle``) tells it; a determiner only
    before a lower-case noun (``la ministre``, not ``Le Pen``).

    Example:
        >>> [mention_gender(m) for m in ("Mme Marchetti", "-t-il", "la ministre", "Le Pen", "Paul")]
        ['f', 'm', 'f', None, None]
    """
    words = mention.replace("’", "'").split()
    if not words:
        return None
    first = words[0].lower()
    if first.startswith(("l'", "d'")):
        return None
    gender = _gender_markers().get(first)
    if gender is None:
        return None
    if len(words) == 1 or first in _TITLES or not _capitalised(words[1]):
        return gender
    return None


def title_gender(before: str) -> str | None:
    """The gender of a civil title that ends ``before``, the text just before a mention.

    The resolver's mention of ``M. Lambert`` is ``Lambert``: the title is read in the text.

    Example:
        >>> title_gender("À Dakar, M. "), title_gender("selon Mme "), title_gender("la ")
        ('m', 'f', None)
    """
    found = _TITLE_BEFORE.search(before[-16:])
    return None if found is None else _gender_markers().get(found.group(1).lower())
