"""French function words and surface forms, named once for every rule.

Every rule compares :attr:`quoteattr.syntax.parse.Word.norm` (see :func:`normalise`)
against these sets, so the typographic apostrophe ``’`` of French news and the
ASCII ``'`` behave the same everywhere (``n’a pas dit`` is negated exactly like
``n'a pas dit``). The sets hold normalised forms only.

Example:
    >>> normalise("N’a")
    "n'a"
    >>> normalise("qu’") in QUE
    True
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "ADVERBIAL_PREPOSITIONS",
    "CIVIL_TITLES",
    "CLITICS_BEFORE_VERB",
    "DATE_WORDS",
    "DETERMINERS",
    "INTERROGATIVES",
    "MONTHS",
    "NAME_PARTICLES",
    "NE",
    "NEGATORS",
    "NOT_SUBJECT_PRONOUNS",
    "QUE",
    "QUOTE_MARK_TOKENS",
    "REFLEXIVE",
    "SI",
    "SPEECH_PERSONS",
    "SUBORDINATORS_BEFORE_QUE",
    "TIME_WORDS",
    "WEEKDAYS",
    "normalise",
]

_SPACES = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2019": "'", "\u02bc": "'", "\u2018": "'"}
)


def normalise(form: str) -> str:
    """The comparison form of a word: NFC, lowercase, ``'`` for ``’``, plain spaces.

    Example:
        >>> normalise("Aujourd’hui"), normalise("L\u2019AFP")
        ("aujourd'hui", "l'afp")
    """
    return unicodedata.normalize("NFC", form).translate(_SPACES).lower()


SPEECH_PERSONS = frozenset(
    {
        *("je", "j'", "me", "m'", "moi", "mon", "ma", "mes", "nous", "notre", "nos"),
        *("tu", "te", "t'", "toi", "ton", "ta", "tes", "vous", "votre", "vos"),
    }
)
"""First and second persons: words of a speaker talking, rare in third-person narration."""

NE = frozenset({"ne", "n'"})
"""The first part of a French negation."""

NEGATORS = frozenset({"pas", "jamais", "point", "guère", "nullement", "aucunement", "plus", "rien"})
"""The second part of a negation (``n'a jamais dit``)."""

QUE = frozenset({"que", "qu'"})
"""The complementiser of a reported clause."""

SI = frozenset({"si", "s'"})
"""The complementiser of an indirect question (``a demandé s'il viendrait``)."""

INTERROGATIVES = frozenset(
    {"comment", "pourquoi", "quand", "où", "combien", "quel", "quelle", "quels", "quelles"}
)
"""Words that open an indirect question and belong to it (``a demandé comment il allait``)."""

REFLEXIVE = frozenset({"se", "s'"})
"""Reflexive clitics (``se dit``, ``s'est félicité``)."""

SUBORDINATORS_BEFORE_QUE = frozenset(
    {
        "ce",
        "c'",
        "tandis",
        "alors",
        "ainsi",
        "bien",
        "avant",
        "après",
        "pendant",
        "plutôt",
        "moins",
        "plus",
        "sans",
        "pour",
        "afin",
        "dès",
        "parce",
        "lorsque",
        "puisque",
        "même",
    }
)
"""Words that make ``que`` part of a conjunction or a relative (``ce que``, ``alors que``),
not the complementiser of a cue verb."""

CLITICS_BEFORE_VERB = frozenset(
    {
        "ne",
        "n'",
        "lui",
        "leur",
        "l'",
        "le",
        "la",
        "les",
        "se",
        "s'",
        "y",
        "en",
        "me",
        "m'",
        "nous",
        "vous",
        "te",
        "t'",
    }
)
"""Clitics that stand between a subject and its verb (``il le lui a dit``)."""

NOT_SUBJECT_PRONOUNS = frozenset({"ce", "c'", "cela", "ça", "que", "qu'"})
"""Pronouns that fill the subject slot without naming a speaker."""

WEEKDAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})
"""The days of the week."""

MONTHS = frozenset(
    {
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    }
)
"""The months."""

TIME_WORDS = WEEKDAYS | frozenset(
    {
        "hier",
        "soir",
        "matin",
        "demain",
        "aujourd'hui",
        "midi",
        "après-midi",
        "encore",
        "aussi",
        "également",
        "déjà",
        "ensuite",
        "enfin",
        "alors",
        "récemment",
        "veille",
        "lendemain",
        "dernier",
        "dernière",
        "prochain",
        "prochaine",
        "nuit",
        "semaine",
        "mois",
        "année",
        "an",
        "soirée",
        "matinée",
        "journée",
        "jour",
        "heure",
        "heures",
        "fois",
        "depuis",
        "cette",
        "ce",
        "cet",
    }
)
"""Words of a time adverbial between a verb and its content (``a annoncé mardi soir``)."""

DATE_WORDS = (
    WEEKDAYS
    | MONTHS
    | frozenset(
        {
            "hier",
            "aujourd'hui",
            "demain",
            "veille",
            "lendemain",
            "matin",
            "soir",
            "midi",
            "après-midi",
            "nuit",
            "soirée",
            "matinée",
            "journée",
        }
    )
)
"""Nouns and adverbs of a date: never a speaker, never a message."""

DETERMINERS = ("le ", "la ", "les ", "l'", "un ", "une ", "des ")
"""Determiners a description may start with (normalised, with their space)."""

CIVIL_TITLES = frozenset(
    {"m.", "m", "mr", "mr.", "mme", "mme.", "mlle", "me", "dr", "pr", "mgr", "maître"}
)
"""Civil titles before a name (``M. Dupont``)."""

NAME_PARTICLES = frozenset(
    {"de", "d'", "du", "von", "van", "der", "den", "ben", "ibn", "el", "al", "da", "di", "le", "la"}
)
"""Particles inside a person's name (``Charles de Gaulle``)."""

QUOTE_MARK_TOKENS = frozenset({'"', "«", "»", "“", "”", "„", "‹", "›", "‘", "’", "<<", ">>"})
"""Tokens that are quotation marks."""

ADVERBIAL_PREPOSITIONS = frozenset(
    {
        "à",
        "au",
        "aux",
        "sur",
        "dans",
        "devant",
        "auprès",
        "lors",
        "chez",
        "pendant",
        "durant",
        "depuis",
        "après",
        "avant",
        "dès",
        "en",
        "par",
        "face",
        "avec",
        "selon",
        "vers",
        "outre",
    }
)
"""Prepositions that open an adverbial between a verb and its inverted subject
(``a déclaré sur RTL le ministre``), also when the parser tagged them otherwise."""
