"""Property tests: random French-like articles with quotes, incises, nesting, paragraphs.

The generator builds an article and remembers where it put every quoted
span (the oracle). On the marks layer (no model, thousands of cases) the
quoted spans found must be exactly the ones generated; on the full pipeline
(a few batched :func:`quoteattr.extract_many` calls) every record must keep
the offset contract of :func:`invariants.check_invariants` and every quote
with marks must be one of the generated quoted spans.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from invariants import (
    check_invariants,
    check_quoted_spans,
)

from quoteattr.records import QuoteKind
from quoteattr.text.marks import find_quotations, paragraph_spans

NBSP, NNBSP = "\u00a0", "\u202f"

NAMES = [
    "Marie Dupont",
    "Stéphane Séjourné",
    "le ministre",
    "la porte-parole du gouvernement",
    "Emmanuel Macron",
    "l'ambassadeur de France",
    "Mme Lévy",
    "M. Choïgou",
    "la diplomatie russe",
    "Jean-Luc Martin-Lagarde",
]
PLAIN = [
    "Le ton monte entre Paris et Moscou.",
    "La réponse russe ne s'est pas faite attendre.",
    "Ces dernières semaines, les relations se refroidissent.",
    "Sur fond de conflit en Ukraine, les échanges se sont dégradés.",
    "Le communiqué a été publié lundi (vers 18 h).",
    "Aujourd’hui, rien n’a changé à Kharkiv…",
    "Dernier épisode en date : un échange téléphonique.",
    "Il pleuvait sur la capitale.",
]
CONTENT = [
    "Nous ne céderons pas",
    "Il faut d'abord rétablir la confiance",
    "La confiance est rompue. Il faudra des années",
    "C'est inacceptable !",
    "Pourquoi maintenant ?",
    "une manœuvre coordonnée",
    "Nous verrons bien",
    "l’attitude de la Russie est le signe d’un refus",
    "jamais",
]
TERMS = ["intérêt", "mercenaires", "commentaires baroques", "erreur", "opération spéciale"]
INCISES_AFTER = [
    ", a-t-il dit",
    ", a-t-elle affirmé",
    ", selon {name}",
    ", estime {name}",
    ", a déclaré {name}",
    ", a indiqué {name} dans un communiqué",
    ", a rappelé {name}",
    " – {name}",
]
INCISES_INSIDE = [", a dit {name}, ", ", dit-il, ", ", estime {name}, ", ", a-t-elle ajouté, "]
VERBS_BEFORE = ["a déclaré", "a affirmé", "a dénoncé", "a répondu", "a écrit"]

# (open, close, inner padding) of each quote style
STYLES = {
    "guillemets": [("«", "»", " "), ("«", "»", NBSP), ("«", "»", NNBSP), ("«", "»", "")],
    "curly": [("“", "”", "")],
    "straight": [('"', '"', "")],
}

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@dataclass
class Article:
    """A generated text and the quoted spans put in it."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    # (open mark offset, content start, content end, close mark offset or None, level)
    quotes: list[tuple[int, int, int, int | None, int]] = field(default_factory=list)
    # what the attribution keeps of a dialogue line whose incise ends it: (open, start, end)
    spoken: set[tuple[int, int, int]] = field(default_factory=set)

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def quote(
        self, style: tuple[str, str, str], content: list[str | tuple[str, ...]], level: int
    ) -> None:
        """Add ``open pad content pad close``; nested tuples are inner quotes."""
        opener, closer, pad = style
        open_at = self.length
        self.add(opener + pad)
        start = self.length
        for piece in content:
            if isinstance(piece, tuple):
                inner_style = (piece[0], piece[1], "")
                self.quote(inner_style, [piece[2]], level + 1)
            else:
                self.add(piece)
        end = self.length
        self.add(pad + closer)
        self.quotes.append((open_at, start, end, end + len(pad), level))

    def dash_line(self, content: str, spoken: str | None = None) -> None:
        open_at = self.length
        self.add("— ")
        self.quotes.append((open_at, self.length, self.length + len(content), None, 0))
        if spoken is not None:  # "— Tu viens ? demanda-t-il.": the words stop at the incise
            self.spoken.add((open_at, self.length, self.length + len(spoken)))
        self.add(content)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@st.composite
def quote_styles(draw: st.DrawFn) -> tuple[str, str, str]:
    family = draw(st.sampled_from(sorted(STYLES)))
    return draw(st.sampled_from(STYLES[family]))


def _inner_for(outer: str) -> list[tuple[str, str]]:
    """Inner marks that nest unambiguously inside ``outer``."""
    return [pair for pair in (("“", "”"), ('"', '"'), ("«", "»")) if pair[0] != outer]


@st.composite
def quoted_sentence(draw: st.DrawFn, article: Article) -> None:
    """One sentence holding a quote in one of the usual constructions."""
    name = draw(st.sampled_from(NAMES))
    style = draw(quote_styles())
    content = draw(st.sampled_from(CONTENT))
    construction = draw(
        st.sampled_from(["incise_after", "colon_before", "incise_inside", "mixed", "nested"])
    )
    cap_name = name[0].upper() + name[1:]
    if construction == "incise_after":
        article.quote(style, [content], 0)
        article.add(draw(st.sampled_from(INCISES_AFTER)).format(name=name) + ".")
    elif construction == "colon_before":
        article.add(f"{cap_name} {draw(st.sampled_from(VERBS_BEFORE))} : ")
        article.quote(style, [content], 0)
        article.add(".")
    elif construction == "incise_inside":
        second = draw(st.sampled_from(CONTENT))
        incise = draw(st.sampled_from(INCISES_INSIDE)).format(name=name)
        article.quote(style, [content.rstrip(" .!?"), incise, second[0].lower() + second[1:]], 0)
        article.add(".")
    elif construction == "mixed":
        article.add(f"{cap_name} a dénoncé des ")
        article.quote(style, [draw(st.sampled_from(TERMS))], 0)
        article.add(draw(st.sampled_from([".", " et des menaces.", ", puis il est parti."])))
    else:
        inner = draw(st.sampled_from(_inner_for(style[0])))
        term = draw(st.sampled_from(TERMS))
        article.quote(style, ["Il a parlé d'une ", (inner[0], inner[1], term), " de Paris"], 0)
        article.add(draw(st.sampled_from(INCISES_AFTER)).format(name=name) + ".")


@st.composite
def articles(draw: st.DrawFn, max_paragraphs: int = 6) -> Article:
    """A French-like article: paragraphs of plain, quoted and reported sentences."""
    article = Article()
    for p in range(draw(st.integers(1, max_paragraphs))):
        if p:
            article.add(draw(st.sampled_from(["\n\n", "\n", "\r\n", "\n \n", "\n\n\n"])))
        if draw(st.integers(0, 5)) == 0:
            line = draw(st.sampled_from(["Tu viens ? demanda-t-il.", "Oui, tout de suite."]))
            article.dash_line(line, "Tu viens ?" if "demanda" in line else None)
            continue
        for s in range(draw(st.integers(1, 4))):
            if s:
                article.add(draw(st.sampled_from([" ", "  ", NBSP + " "])))
            kind = draw(st.sampled_from(["plain", "quote", "quote", "indirect", "selon"]))
            name = draw(st.sampled_from(NAMES))
            if kind == "plain":
                article.add(draw(st.sampled_from(PLAIN)))
            elif kind == "quote":
                draw(quoted_sentence(article))
            elif kind == "indirect":
                article.add(f"{name[0].upper() + name[1:]} a affirmé que la situation était grave.")
            else:
                article.add(f"Selon {name}, les négociations reprendront en mai.")
    return article


def expected_spans(article: Article) -> list[tuple[int, int, int, int | None, int]]:
    return sorted(article.quotes)


def found_spans(text: str) -> list[tuple[int, int, int, int | None, int]]:
    return [
        (
            q.open_mark.start,
            q.content.start,
            q.content.end,
            q.close_mark.start if q.close_mark is not None else None,
            q.level,
        )
        for q in find_quotations(text)
    ]


# --- the marks layer (fast, no model) ------------------------------------------------------


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_marks_layer_finds_exactly_the_generated_quotes(article: Article) -> None:
    text = article.text
    found = find_quotations(text)
    check_quoted_spans(text, found)
    assert found_spans(text) == expected_spans(article), text
    assert all(q.balanced for q in found)


MESS = [*"«»“”„‘’‹›\"'—–-", NBSP, NNBSP, "\n", "\r", "\t", "\x00", "\x1b", "\u200b", "\ufeff"]
MESS += ["\u0301", "🇫🇷", "👍🏽", "&laquo;", "<br/>", "\u2028", "\x85", "\ud800"]


@st.composite
def messy_texts(draw: st.DrawFn) -> str:
    """A generated article with random junk inserted anywhere (no oracle)."""
    text = draw(articles(max_paragraphs=4)).text
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(MESS)) + text[at:]
    if draw(st.booleans()):
        text = unicodedata.normalize(draw(st.sampled_from(["NFD", "NFKC"])), text)
    return text


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_texts())
def test_marks_layer_keeps_offsets_on_messy_texts(text: str) -> None:
    found = find_quotations(text)
    check_quoted_spans(text, found)
    paragraphs = paragraph_spans(text)
    for q in found:
        if not q.continued:  # a quote never runs over a paragraph break unless reopened
            end = q.close_mark.end if q.close_mark is not None else q.content.end
            assert len(paragraph_spans(text[q.open_mark.start : end])) <= 1
    for start, end in paragraphs:
        assert text[start:end] == text[start:end].strip()


# --- the full pipeline (real model, batched) ------------------------------------------------

NO_SHRINK = [Phase.explicit, Phase.reuse, Phase.generate]
"""Shrinking a failure would rerun the model hundreds of times: report it as found."""


def _check_against_oracle(article: Article, quotes: list) -> None:
    text = article.text
    check_invariants(text, quotes)
    generated = {(o, s, e) for o, s, e, _c, _lvl in article.quotes} | article.spoken
    for q in quotes:
        if q.open_mark is not None:
            assert (q.open_mark.start, q.content.start, q.content.end) in generated, (q, text)
        else:
            assert q.kind in (QuoteKind.INDIRECT, QuoteKind.ACCORDING_TO), q


@pytest.mark.model
@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    phases=NO_SHRINK,
)
@given(st.lists(articles(max_paragraphs=4), min_size=10, max_size=10))
def test_pipeline_keeps_offsets_on_generated_articles(nlp: object, batch: list[Article]) -> None:
    from quoteattr import extract_many

    results = list(extract_many([a.text for a in batch], pipeline=nlp, batch_size=16))
    assert len(results) == len(batch)
    for article, quotes in zip(batch, results, strict=True):
        _check_against_oracle(article, quotes)


@pytest.mark.model
@settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    phases=NO_SHRINK,
)
@given(st.lists(messy_texts(), min_size=10, max_size=10))
def test_pipeline_keeps_offsets_on_messy_texts(nlp: object, texts: list[str]) -> None:
    from quoteattr import extract_many

    results = list(extract_many(texts, pipeline=nlp, batch_size=16))
    for text, quotes in zip(texts, results, strict=True):
        check_invariants(text, quotes)
