"""The rule registry: every attribution rule's name, flags and measured confidence.

A rule is a small function with a name, declared with :func:`register` above it. There are two
stages:

* quote rules (``stage = "quote"``, the sieves of :mod:`quoteattr.rules.sieves` and
  :mod:`quoteattr.rules.dialogue`) look at one quoted span and return an :class:`Attribution`
  or ``None``; the first that answers wins;
* reported rules (``stage = "reported"``, :mod:`quoteattr.rules.reported`,
  :mod:`quoteattr.rules.objects`, :mod:`quoteattr.rules.sources`) look at one reporting cue
  and return the unmarked statement it introduces, or ``None``.

The registry knows rule names, flags and confidences, never the modules that declare rules: the
order in which rules run is declared once, in :mod:`quoteattr.rules.order`.

Both return the same :class:`Attribution` type; the runner stamps it with the rule's name and
confidence, so a rule never writes its own name. Confidences are data
(``quoteattr/data/rule_confidence.tsv``): the precision of each rule measured on the news
development set (``python tools/rule_precision.py --write``), so ``Quote.confidence`` reads as
"how often a record of this rule was right".

Choosing rules: ``extract(text, rules=["incise_after", "colon_before", "que_clause"])`` runs
only those, in that order (see :func:`quoteattr.rules.order.select`).

Example:
    >>> 0.0 < confidence_of("incise_after") <= 1.0
    True
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

import attrs

from quoteattr.records import QuoteKind

__all__ = [
    "UNATTRIBUTED",
    "Attribution",
    "Rule",
    "UnknownRuleError",
    "confidence_of",
    "declared",
    "register",
]

Stage = Literal["quote", "reported"]

UNATTRIBUTED = "unattributed"
"""The rule name of a quote that no quote rule attributed (it still counts as found)."""


@attrs.define(slots=True, eq=False)
class Attribution:
    """What a rule found: the cue, the speaker mention and, for reported speech, the span.

    ``rule`` and ``confidence`` are set by the runner from the registry.
    """

    cue: Any = None
    """The :class:`~quoteattr.syntax.cues.CueMatch` that introduces the statement, if any."""
    mention: Any = None
    """The speaker :class:`~quoteattr.syntax.mentions.Mention`, if any."""
    kind: QuoteKind | None = None
    """The kind the rule decided (None: from the quote's position)."""
    start: int | None = None
    """Reported rules: where the unmarked statement starts (character offset)."""
    end: int | None = None
    """Reported rules: where it ends."""
    sentence: int | None = None
    """Reported rules: the sentence of the cue."""
    follows: Attribution | None = None
    """For quotes inheriting their speaker: the attribution they continue."""
    previous: Attribution | None = None
    """For dialogue turns: the turn just before, whose speaker does not answer himself."""
    others: list[Attribution] = attrs.field(factory=list)
    """For dialogue turns: earlier turns, most recent first, to pick the other speaker from."""
    content_end: int | None = None
    """Where the spoken words stop when a dialogue line ends in narration: ``— Non ! dit-il.``"""
    rule: str = ""
    confidence: float = 0.0


@attrs.frozen(slots=True)
class Rule:
    """One named attribution rule."""

    name: str
    stage: Stage
    function: Callable[..., Attribution | None]
    explicit: bool = False
    """The text states the attribution (an incise, a colon, a preposed source): a quote so
    attributed is speech, never a title or a term in quotes."""
    continues: bool = False
    """The rule carries a speaker over from an earlier quote (no cue of its own)."""
    owns_cue: bool = False
    """The cue reports this quote, so it introduces no reported clause of its own."""
    fallback: bool = False
    """A last-resort rule (no grammatical link to the cue): any surer rule's finding
    replaces it, e.g. the reported clause that the quote fills (``a estimé que « … »``)."""
    prior: float = 0.5
    """The confidence to use until the rule is measured (no row in the data file)."""
    default: bool = True
    """The rule runs when no ``rules=`` list is given (else only when named)."""

    @property
    def confidence(self) -> float:
        """The measured precision of the rule (``data/rule_confidence.tsv``), else its prior."""
        return _confidences().get(self.name, self.prior)

    def run(self, *args: Any) -> Attribution | None:
        """Call the rule and stamp what it found with its name and confidence."""
        found = self.function(*args)
        if found is not None:
            found.rule = self.name
            found.confidence = self.confidence
        return found


class UnknownRuleError(ValueError):
    """A rule name that no registry holds.

    Example:
        >>> str(UnknownRuleError("nope"))
        "unknown rule 'nope'"
    """

    def __init__(self, name: str) -> None:
        super().__init__(f"unknown rule {name!r}")
        self.name = name


_REGISTRY: dict[str, Rule] = {}
_VIEW: Mapping[str, Rule] = MappingProxyType(_REGISTRY)


def register(
    name: str,
    stage: Stage,
    *,
    explicit: bool = False,
    continues: bool = False,
    owns_cue: bool = False,
    fallback: bool = False,
    prior: float = 0.5,
    default: bool = True,
) -> Callable[[Callable[..., Attribution | None]], Callable[..., Attribution | None]]:
    """Declare a rule: ``@register("incise_after", "quote", explicit=True)`` above its function.

    The built-in rules run in the order :mod:`quoteattr.rules.order` declares; a rule declared
    in your own module joins the end of its stage (choose its place with ``rules=``).
    ``fallback=True`` marks a last-resort rule (``continues`` implies it).
    ``default=False`` keeps a rule out of the default list: it runs only when named in
    ``rules=``. Registering a name twice is an error, unless it is the same function
    defined again (a notebook cell run twice), which replaces it in place. ``prior`` is the
    confidence until ``tools/rule_precision.py --write`` measures the rule into
    ``data/rule_confidence.tsv``.

    Example:
        >>> @register("doc_example_rule", "quote", prior=0.3, default=False)
        ... def doc_example_rule(ctx, cand, history):
        ...     return None
        >>> declared()["doc_example_rule"].confidence
        0.3
    """

    def decorate(function: Callable[..., Attribution | None]) -> Callable[..., Attribution | None]:
        old = _REGISTRY.get(name)
        if old is not None and (
            old.function.__module__,
            old.function.__qualname__,
        ) != (function.__module__, function.__qualname__):
            raise ValueError(f"rule {name!r} is registered twice")
        if stage not in ("quote", "reported"):
            raise ValueError(f"a rule's stage is 'quote' or 'reported', not {stage!r}")
        _REGISTRY[name] = Rule(
            name,
            stage,
            function,
            explicit,
            continues,
            owns_cue,
            fallback or continues,
            prior,
            default,
        )
        return function

    return decorate


def declared() -> Mapping[str, Rule]:
    """Every rule registered so far, by name, in the order of registration (read-only view).

    Example:
        >>> import quoteattr.rules.order
        >>> declared()["que_clause"].stage
        'reported'
    """
    return _VIEW


@functools.cache
def _confidences() -> dict[str, float]:
    data = resources.files("quoteattr").joinpath("data/rule_confidence.tsv")
    lines = [
        line
        for line in data.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header, *rows = (line.split("\t") for line in lines)
    at = header.index("confidence")
    return {row[0]: float(row[at]) for row in rows}


def confidence_of(name: str) -> float:
    """The measured confidence of rule ``name`` (also ``unattributed``).

    Example:
        >>> 0.0 <= confidence_of("unattributed") < confidence_of("incise_after")
        True
    """
    try:
        return _confidences()[name]
    except KeyError:
        raise UnknownRuleError(name) from None
