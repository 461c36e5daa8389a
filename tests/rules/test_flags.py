"""Negation, conditional (alleged) and denial made visible: on the quote, in the HTML, per speaker,
in the CSV and data frames."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import pytest

from quoteattr.output.display import FLAG_COLOURS
from quoteattr.output.results import QuoteList
from quoteattr.records import FLAGS, Cue, Quote, QuoteKind, Span, Speaker

TEXT = (
    "Le ministre n'a pas dit que la réforme serait votée. "
    "Il aurait affirmé que tout allait bien. "
    "Le ministère a démenti qu'un accord soit proche. "
    "Jean Dupont n'aurait pas démenti qu'il viendrait. "
    "Marie Curie a dit que non."
)


def span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span.of(TEXT, start, start + len(needle))


def make(cue_text: str, content: str, who: str, **cue: str) -> Quote:
    lemma = cue.pop("lemma", "dire")
    return Quote(
        span(content),
        QuoteKind.INDIRECT,
        Speaker(None, who),
        Cue(span(cue_text), lemma, **cue),  # type: ignore[arg-type]
        0.85,
        "que_clause",
    )


QUOTES = QuoteList(
    [
        make("n'a pas dit", "la réforme serait votée", "le ministre", polarity="negated"),
        make(
            "aurait affirmé",
            "tout allait bien",
            "le ministre",
            modality="alleged",
            lemma="affirmer",
        ),
        make("a démenti", "un accord soit proche", "le ministère", cls="deny", lemma="démentir"),
        make(
            "n'aurait pas démenti",
            "il viendrait",
            "Jean Dupont",
            cls="deny",
            polarity="negated",
            modality="alleged",
            lemma="démentir",
        ),
        make("a dit", "non", "Marie Curie"),
    ],
    text=TEXT,
    doc_id="flags",
)
EXPECTED_FLAGS = [("negated",), ("alleged",), ("denial",), ("negated", "alleged", "denial"), ()]


def test_each_quote_says_which_flags_hold() -> None:
    assert [q.flags for q in QUOTES] == EXPECTED_FLAGS
    assert [(q.negated, q.alleged, q.denial) for q in QUOTES][3] == (True, True, True)
    no_cue = Quote(span("non"), "direct", None, None, 0.3, "unattributed")
    assert no_cue.flags == () and not (no_cue.negated or no_cue.alleged or no_cue.denial)


def test_filtering_the_claims_to_check() -> None:
    negated = [q.content.text for q in QUOTES if q.negated]
    assert negated == ["la réforme serait votée", "il viendrait"]
    plain = [q.content.text for q in QUOTES if not q.flags]
    assert plain == ["non"]


def test_speakers_count_the_flags() -> None:
    groups = {g.label: g for g in QUOTES.speakers()}
    assert (groups["le ministre"].negated, groups["le ministre"].alleged) == (1, 1)
    assert groups["le ministère"].denials == 1
    assert (groups["Jean Dupont"].negated, groups["Jean Dupont"].alleged) == (1, 1)
    assert groups["Jean Dupont"].denials == 1
    assert (groups["Marie Curie"].negated, groups["Marie Curie"].alleged) == (0, 0)


def test_csv_and_rows_carry_the_flags_as_booleans() -> None:
    rows = QUOTES.to_rows()
    assert [tuple(f for f in FLAGS if row[f]) for row in rows] == EXPECTED_FLAGS
    assert all(isinstance(row[f], bool) for row in rows for f in FLAGS)
    parsed = list(csv.DictReader(io.StringIO(QUOTES.to_csv())))
    assert [row["negated"] for row in parsed] == ["True", "False", "False", "True", "False"]


def test_data_frame_flags_are_boolean_columns() -> None:
    pytest.importorskip("pandas")
    frame = QUOTES.to_dataframe()
    assert str(frame["negated"].dtype) == "bool"
    assert frame.loc[frame["denial"], "speaker_name"].tolist() == ["le ministère", "Jean Dupont"]


class Flagged(HTMLParser):
    """The flags of every quote highlight, the badges shown after each quote, the table counts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.quote_flags: dict[str, str] = {}
        self.badges: dict[str, list[str]] = {}
        self.counts: list[dict[str, str]] = []
        self.ref: str | None = None
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        if "qa-quote" in classes and values.get("data-part") != "continued":
            self.quote_flags[values["data-quote"]] = values.get("data-flags", "")
        if "qa-ref" in classes:
            self.ref = values["data-quote"]
        if "qa-flag" in classes and self.ref is not None:
            self.badges.setdefault(self.ref, []).append(values["data-flag"])
        if tag == "tr" and "qa-speaker-row" in classes:
            self.counts.append({})
        if "qa-count" in classes:
            flag = classes[-1].removeprefix("qa-count-")
            self.counts[-1][flag] = values["data-count"]
        if tag == "sup":
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup":
            self.depth -= 1
            if self.depth == 0:
                self.ref = None


def test_html_shows_the_flags_on_the_quote_itself_and_counts_them_per_speaker() -> None:
    html = QUOTES.to_html()
    parser = Flagged()
    parser.feed(html)
    expected = {str(i): " ".join(flags) for i, flags in enumerate(EXPECTED_FLAGS)}
    assert parser.quote_flags == expected
    # a badge per flag, right after the quote (in its number), not only in a tooltip
    assert {k: " ".join(v) for k, v in parser.badges.items()} == {
        k: v for k, v in expected.items() if v
    }
    # the flagged highlights are outlined in the colour of their first flag
    assert f"outline: 2px dashed {FLAG_COLOURS['negated']}" in html
    counts = {tuple(sorted(c.items())) for c in parser.counts}
    assert (("alleged", "1"), ("denial", "0"), ("negated", "1")) in counts  # le ministre
    assert (("alleged", "1"), ("denial", "1"), ("negated", "1")) in counts  # Jean Dupont
    assert "negated (2)" in html and "denial (2)" in html  # the legend


def test_a_document_without_flags_shows_no_badge_on_its_quotes() -> None:
    plain = QuoteList([QUOTES[4]], text=TEXT)
    parser = Flagged()
    parser.feed(plain.to_html())
    assert parser.badges == {} and parser.quote_flags == {"0": ""}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("Jean Dupont n'a pas dit que la réforme serait votée.", ("negated",)),
        ("Le ministre aurait déclaré que la réforme serait votée.", ("alleged",)),
        ("Le ministère a démenti qu’un accord soit proche.", ("denial",)),
        (
            "La ministre n'aurait jamais nié qu’un accord était proche.",
            ("negated", "alleged", "denial"),
        ),
        ("Jean Dupont n’a pas dit que la réforme serait votée.", ("negated",)),
        (
            "La ministre n’aurait jamais nié qu’un accord était proche.",
            ("negated", "alleged", "denial"),
        ),
        ("« Nous ne céderons pas », a déclaré la ministre.", ()),
    ],
)
def test_flags_from_real_sentences(
    one_torch_thread: None, text: str, flags: tuple[str, ...]
) -> None:
    from quoteattr import extract

    [quote] = extract(text)
    assert quote.flags == flags
