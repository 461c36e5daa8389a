"""Stage 3, rules: who said what, one named rule at a time.

* :mod:`quoteattr.rules.registry`: :class:`~quoteattr.rules.registry.Attribution` (what a rule
  finds), :class:`~quoteattr.rules.registry.Rule`, ``@register`` and the measured confidences;
* :mod:`quoteattr.rules.order`: the one list that says in which order the rules run;
* quoted-span rules: :mod:`quoteattr.rules.candidates` (quoted spans placed in the parse),
  :mod:`quoteattr.rules.terms` (speech or a term in quotes), :mod:`quoteattr.rules.incises`,
  :mod:`quoteattr.rules.sieves` and the conversation rules of :mod:`quoteattr.rules.dialogue`;
* reported-speech rules: :mod:`quoteattr.rules.reported` (clauses),
  :mod:`quoteattr.rules.objects` (noun-phrase messages), :mod:`quoteattr.rules.sources`
  (``selon X``).

The names users need are importable from here (``from quoteattr.rules import register,
quote_rules``); they load lazily, so importing a rule module never imports the order back.

Example:
    >>> from quoteattr.rules import rule
    >>> rule("incise_after").stage
    'quote'
"""

from __future__ import annotations

import importlib

__all__ = [
    "UNATTRIBUTED",
    "Attribution",
    "Rule",
    "UnknownRuleError",
    "confidence_of",
    "quote_rules",
    "register",
    "reported_rules",
    "rule",
    "select",
]

_FROM_ORDER = frozenset({"quote_rules", "reported_rules", "rule", "select"})


def __getattr__(name: str) -> object:
    """The public rule names, loaded on first use."""
    if name in _FROM_ORDER:
        return getattr(importlib.import_module("quoteattr.rules.order"), name)
    if name in __all__:
        return getattr(importlib.import_module("quoteattr.rules.registry"), name)
    raise AttributeError(f"module 'quoteattr.rules' has no attribute {name!r}")
