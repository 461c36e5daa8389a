"""The rule registry: rules declared once, chosen and ordered by name, confidences from data."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from stored_parses import store, stored

from quoteattr.engine import attribute
from quoteattr.rules import (
    UNATTRIBUTED,
    Attribution,
    UnknownRuleError,
    confidence_of,
    quote_rules,
    register,
    reported_rules,
    rule,
    select,
)
from quoteattr.speakers.confidence import speaker_weight
from quoteattr.syntax.parse import ParsedText, Sentence, Word

QUOTE_ORDER = [
    "interview_turn", "incise_inside", "incise_after", "dash_after", "signature_after", "post_signature", "caption_after",
    "colon_before",
    "source_before", "clause", "source_scope", "sentence_cue", "previous_sentence",
    "narration_before", "previous_speaker", "vocative_answer", "dialogue_turn",
]  # fmt: skip
REPORTED_ORDER = [
    "que_clause", "infinitive", "request_infinitive", "unmarked_incise", "as_source",
    "self_description", "noun_object", "call_object", "estimate", "reduced_passive",
    "frame_object", "according_to",
]  # fmt: skip


def test_default_order() -> None:
    assert [r.name for r in quote_rules()] == QUOTE_ORDER
    assert [r.name for r in reported_rules()] == REPORTED_ORDER


@pytest.mark.parametrize(
    "first",
    [
        "quoteattr.rules.dialogue",
        "quoteattr.rules.reported",
        "quoteattr.rules.objects",
        "quoteattr.rules.sources",
        "quoteattr.rules",
    ],
)
def test_default_order_whatever_module_is_imported_first(first: str) -> None:
    import subprocess
    import sys

    code = (
        f"import {first}\n"
        "from quoteattr.rules import quote_rules, reported_rules\n"
        "print(','.join(r.name for r in quote_rules()))\n"
        "print(','.join(r.name for r in reported_rules()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    quote, reported = out.stdout.strip().splitlines()
    assert quote.split(",") == QUOTE_ORDER
    assert reported.split(",") == REPORTED_ORDER


def test_every_built_in_rule_is_measured_or_has_a_prior_row() -> None:
    data = resources.files("quoteattr").joinpath("data/rule_confidence.tsv").read_text("utf-8")
    rows = [line.split("\t")[0] for line in data.splitlines() if line and line[0] != "#"][1:]
    assert rows == [*QUOTE_ORDER, *REPORTED_ORDER, UNATTRIBUTED]
    for name in rows:
        assert 0.0 < confidence_of(name) < 1.0


@pytest.mark.parametrize(
    ("name", "explicit", "continues", "owns_cue"),
    [
        ("incise_after", True, False, True),
        ("colon_before", True, False, False),
        ("source_before", True, False, False),
        ("clause", False, False, False),
        ("previous_speaker", False, True, False),
        ("que_clause", False, False, False),
    ],
)
def test_rule_flags(name: str, explicit: bool, continues: bool, owns_cue: bool) -> None:
    r = rule(name)
    assert (r.explicit, r.continues, r.owns_cue) == (explicit, continues, owns_cue)


def test_select_keeps_the_given_order_per_stage() -> None:
    quote, reported = select(["according_to", "clause", "incise_after", "que_clause"])
    assert [r.name for r in quote] == ["clause", "incise_after"]
    assert [r.name for r in reported] == ["according_to", "que_clause"]


def test_unknown_rule_and_string_are_errors() -> None:
    with pytest.raises(UnknownRuleError, match="nope"):
        select(["incise_after", "nope"])
    with pytest.raises(TypeError):
        select("incise_after")


def test_records_carry_the_rule_and_its_measured_confidence() -> None:
    """A record's confidence is its rule's measured precision times the measured weight of
    how its speaker was reached (quoteattr.speakers.confidence)."""
    text = "« Nous tiendrons nos engagements jusqu’au bout », a déclaré la ministre. Le maire a affirmé que la route rouvrirait."
    [parsed] = stored([text])
    quotes = attribute(parsed)
    assert [q.rule for q in quotes] == ["incise_after", "que_clause"]
    assert [q.confidence for q in quotes] == [
        confidence_of("incise_after") * speaker_weight(quotes[0].speaker),
        confidence_of("que_clause") * speaker_weight(quotes[1].speaker),
    ]
    assert all(0.0 < speaker_weight(q.speaker) <= 1.0 for q in quotes)


def test_only_the_chosen_rules_run() -> None:
    text = "« Nous tiendrons nos engagements jusqu’au bout », a déclaré la ministre. Le maire a affirmé que la route rouvrirait."
    [parsed] = stored([text])
    only_quotes = attribute(parsed, rules=["colon_before"])
    assert [(q.rule, q.speaker) for q in only_quotes] == [(UNATTRIBUTED, None)]
    assert [q.rule for q in attribute(parsed, rules=["que_clause"])] == [UNATTRIBUTED, "que_clause"]


def test_a_rule_of_ones_own_runs_only_when_named() -> None:
    @register("test_everything_is_the_minister", "quote", prior=0.42, default=False)
    def everything(ctx, cand, history):  # type: ignore[no-untyped-def]
        return Attribution()

    assert "test_everything_is_the_minister" not in [r.name for r in quote_rules()]
    text = "« Nous tiendrons nos engagements jusqu’au bout », a déclaré la ministre. Le maire a affirmé que la route rouvrirait."
    [parsed] = stored([text])
    quotes = attribute(parsed, rules=["test_everything_is_the_minister", "que_clause"])
    assert quotes[0].rule == "test_everything_is_the_minister"
    assert quotes[0].confidence == 0.42 * speaker_weight(quotes[0].speaker)

    # the same function defined again (a notebook cell run twice) replaces it in place
    register("test_everything_is_the_minister", "quote", default=False)(everything)

    def other(ctx, cand, history):  # type: ignore[no-untyped-def]
        return None

    with pytest.raises(ValueError, match="registered twice"):
        register("test_everything_is_the_minister", "quote")(other)
    with pytest.raises(ValueError, match="stage"):
        register("test_bad_stage", "sentence")(other)  # type: ignore[arg-type]


def _hand_parse(text: str, rows: list[tuple[str, str, str, int, str]]) -> ParsedText:
    """A parse built by hand (spaCy-style rule tests): (form, lemma, upos, head, deprel),
    heads as indexes into ``rows`` (-1 for the root), offsets found in ``text`` in order."""
    words, at = [], 0
    for i, (form, lemma, upos, head, deprel) in enumerate(rows):
        start = text.index(form, at)
        at = start + len(form)
        words.append(Word(i, 0, form, lemma, upos, {}, head, deprel, start, at, i))
    return ParsedText(text, words, [Sentence(0, 0, len(words), 0, len(text), 0)])


def test_sentence_cue_when_the_parse_links_the_quote_to_no_cue() -> None:
    # The parser made the quoted noun the root: no chain leads from the quote to the cue,
    # so `clause` cannot answer and the surface fallback takes the cue before the quote.
    text = "Le maire affirme « une catastrophe »."
    rows = [
        ("Le", "le", "DET", 1, "det"),
        ("maire", "maire", "NOUN", 2, "nsubj"),
        ("affirme", "affirmer", "VERB", 5, "dep"),
        ("«", "«", "PUNCT", 5, "punct"),
        ("une", "un", "DET", 5, "det"),
        ("catastrophe", "catastrophe", "NOUN", -1, "root"),
        ("»", "»", "PUNCT", 5, "punct"),
        (".", ".", "PUNCT", 5, "punct"),
    ]
    [quote] = attribute(_hand_parse(text, rows))
    assert (quote.rule, quote.content.text, quote.speaker_name) == (
        "sentence_cue",
        "une catastrophe",
        "le maire",
    )


def test_every_rule_is_specified_by_a_stored_sentence() -> None:
    """Each registered rule produces a record for at least one specification sentence."""
    seen = set()
    for path in store().glob("*.json"):
        parsed = ParsedText.from_dict(json.loads(path.read_text(encoding="utf-8")))
        seen.update(q.rule for q in attribute(parsed))
    names = {r.name for r in quote_rules() + reported_rules()}
    assert names - seen <= {"sentence_cue"}  # sentence_cue: the hand-built parse above
