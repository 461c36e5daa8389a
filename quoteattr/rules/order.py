"""The order in which the attribution rules run, declared once (CoreNLP's sieve list).

Quote rules look at one quoted span, most reliable first: the explicit sieves of
:mod:`quoteattr.rules.sieves` and :mod:`quoteattr.rules.layouts`, then the conversation rules
of :mod:`quoteattr.rules.dialogue`.
Reported rules look at one reporting cue: the clause rules of :mod:`quoteattr.rules.reported`,
the noun-phrase messages of :mod:`quoteattr.rules.objects`, the complement frames of
:mod:`quoteattr.rules.frames`, then ``selon X``
(:mod:`quoteattr.rules.sources`). The first rule that answers wins.

This is the only module that imports the rule modules; none of them imports it back. A rule
registered in your own code (:func:`quoteattr.rules.registry.register`) joins the end of its
stage; ``extract(text, rules=[...])`` runs the rules named, in the order named.

Example:
    >>> [r.name for r in quote_rules()][:3]
    ['interview_turn', 'incise_inside', 'incise_after']
    >>> rule("que_clause").stage
    'reported'
"""

from __future__ import annotations

from collections.abc import Iterable

from quoteattr.rules import dialogue, frames, layouts, objects, reported, sieves, sources
from quoteattr.rules.registry import Rule, UnknownRuleError, declared

__all__ = ["QUOTE_RULES", "REPORTED_RULES", "quote_rules", "reported_rules", "rule", "select"]

_MODULES = (
    sieves,
    layouts,
    dialogue,
    reported,
    objects,
    frames,
    sources,
)  # they declare the rules below

QUOTE_RULES: tuple[str, ...] = (
    "interview_turn",  # Martine Aubry : Parce que … (an interview's answer, no marks)
    # explicit sieves (quoteattr.rules.sieves)
    "incise_inside",  # « Tiens, dit-il, nous avons eu la même idée. »
    "incise_after",  # « … », a indiqué le ministre.
    "dash_after",  # « … » – Jean Dupont.
    "signature_after",  # « … » ¶ — Luc Bernard, directeur de l'école
    "post_signature",  # Texte du message. — Nom (@compte) date (an embedded post)
    "caption_after",  # « … », Philippe Martinez. / « … » (Antonio Guterres, ONU)
    "colon_before",  # Jean Dupont a déclaré : « … »
    "source_before",  # Selon le maire, « … »
    "clause",  # Il a ajouté que Moscou « ne souhaitait plus … »
    "source_scope",  # Selon X, la loi serait « un recul »
    "sentence_cue",  # a cue earlier in the sentence (surface fallback)
    "previous_sentence",  # Le ministre a réagi lundi. « … »
    # conversation rules (quoteattr.rules.dialogue)
    "narration_before",  # Paul se leva. — Je pars.
    "previous_speaker",  # a floating quote continues the previous speaker
    "vocative_answer",  # — Oui, Paul. (the one addressed answers next)
    "dialogue_turn",  # cue-less lines alternate between two speakers
)
"""The quote rules, in the order they run."""

REPORTED_RULES: tuple[str, ...] = (
    # clauses (quoteattr.rules.reported)
    "que_clause",  # X a affirmé que …
    "infinitive",  # X a revendiqué avoir tué …
    "request_infinitive",  # X demande aux pilotes de …
    "unmarked_incise",  # Les travaux suivent le calendrier, a indiqué X.
    "as_source",  # comme l'a indiqué X
    "self_description",  # X s'est dit satisfait de …
    # noun-phrase messages (quoteattr.rules.objects)
    "noun_object",  # X a annoncé sa démission
    "call_object",  # La CGT appelle à une journée de mobilisation
    "estimate",  # X estime à 75 000 le nombre de …
    "reduced_passive",  # les mesures évoquées par X
    # complement frames (quoteattr.rules.frames)
    "frame_object",  # X accuse le maire de mentir, reproche aux gendarmes des violences
    # sources (quoteattr.rules.sources)
    "according_to",  # selon X, …
)
"""The reported rules, in the order they run."""


def _stage(names: tuple[str, ...], stage: str) -> list[Rule]:
    rules = declared()
    own = [rules[n] for n in names]
    added = [r for n, r in rules.items() if r.stage == stage and n not in names]
    return [r for r in own + added if r.default]


def quote_rules() -> list[Rule]:
    """The quote rules (sieves), in their default order.

    Example:
        >>> quote_rules()[-1].name
        'dialogue_turn'
    """
    return _stage(QUOTE_RULES, "quote")


def reported_rules() -> list[Rule]:
    """The reported-speech rules, in their default order.

    Example:
        >>> reported_rules()[0].name
        'que_clause'
    """
    return _stage(REPORTED_RULES, "reported")


def rule(name: str) -> Rule:
    """The rule called ``name`` (built in or registered by you).

    Example:
        >>> rule("colon_before").explicit
        True
    """
    try:
        return declared()[name]
    except KeyError:
        raise UnknownRuleError(name) from None


def select(names: Iterable[str] | None) -> tuple[list[Rule], list[Rule]]:
    """The quote rules and reported rules named in ``names``, in the order given.

    ``None`` means every rule in its default order.

    Example:
        >>> quote, reported = select(["que_clause", "incise_after"])
        >>> [r.name for r in quote], [r.name for r in reported]
        (['incise_after'], ['que_clause'])
    """
    if names is None:
        return quote_rules(), reported_rules()
    if isinstance(names, str):
        raise TypeError("rules takes a list of rule names, not one string")
    chosen = [rule(n) for n in names]
    return [r for r in chosen if r.stage == "quote"], [r for r in chosen if r.stage == "reported"]
