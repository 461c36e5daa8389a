"""Specification of :mod:`quoteattr.text.marks`: quoted spans found from the marks alone."""

from __future__ import annotations

import doctest
import gc
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr.records import QuotedSpan, Span
from quoteattr.text import marks
from quoteattr.text.marks import find_quotations, paragraph_spans

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_edc37f481cdcf508.txt"
LITBANK = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "litbank.jsonl"

NBSP, NNBSP = "\u00a0", "\u202f"


def contents(text: str) -> list[str]:
    return [q.content.text for q in find_quotations(text)]


def described(text: str) -> list[tuple[str, int, str]]:
    return [(q.content.text, q.level, q.style) for q in find_quotations(text)]


def extent(q: QuotedSpan) -> tuple[int, int]:
    """From the opening mark to the closing mark (or the end of the content)."""
    return q.open_mark.start, q.close_mark.end if q.close_mark else q.content.end


def check_invariants(text: str, found: list[QuotedSpan]) -> None:
    assert found == sorted(found, key=lambda q: q.open_mark.start)
    for q in found:
        for span in (q.content, q.open_mark, q.close_mark):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(text)
                assert text[span.start : span.end] == span.text
        assert q.open_mark.end <= q.content.start
        if q.close_mark is not None:
            assert q.content.end <= q.close_mark.start
        assert q.content.text == q.content.text.strip()
        if q.style == "dash":
            assert (q.level, q.close_mark, q.balanced) == (0, None, True)
        if not q.continued:
            start, end = extent(q)
            assert len(paragraph_spans(text[start:end])) <= 1
    open_spans: list[QuotedSpan] = []
    for q in found:
        start, end = extent(q)
        while open_spans and extent(open_spans[-1])[1] <= start:
            open_spans.pop()
        if open_spans:
            parent = open_spans[-1]
            assert end <= extent(parent)[1], (parent, q)
            assert q.level == parent.level + 1, (parent, q)
        else:
            assert q.level == 0, q
        open_spans.append(q)


# paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("   \n\n \t ", []),
        ("Une seule ligne.", ["Une seule ligne."]),
        ("  Le ton monte.  \n\nLa réponse russe.\n", ["Le ton monte.", "La réponse russe."]),
        ("Titre\r\nPremier.\r\n\r\nSecond.", ["Titre", "Premier.", "Second."]),
        (f"{NBSP}« Bonjour »{NNBSP}\u2028Fin", ["« Bonjour »", "Fin"]),
        # a line holding only invisible format characters is blank, as normalise makes it
        ("Premier.\n\ufeff\nSecond.", ["Premier.", "Second."]),
        ("\ufeffPremier.\u200b\n\u2060 Second.", ["Premier.", "Second."]),
        ("Mot\u200bcollé.", ["Mot\u200bcollé."]),
    ],
)
def test_paragraphs_are_trimmed_non_empty_lines(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in paragraph_spans(text)] == expected


# guillemets


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a déclaré : « Nous ne céderons pas », avant de partir.",
        f"Le ministre a déclaré{NBSP}: «{NBSP}Nous ne céderons pas{NBSP}», avant de partir.",
        f"Le ministre a déclaré{NNBSP}: «{NNBSP}Nous ne céderons pas{NNBSP}», avant de partir.",
        "Le ministre a déclaré : «Nous ne céderons pas», avant de partir.",
        "Le ministre a déclaré : «  Nous ne céderons pas\t», avant de partir.",
    ],
)
def test_guillemets_content_excludes_marks_and_inner_spaces(text: str) -> None:
    [quote] = find_quotations(text)
    assert quote.content.text == "Nous ne céderons pas"
    assert (quote.open_mark.text, quote.close_mark and quote.close_mark.text) == ("«", "»")
    assert (quote.level, quote.balanced, quote.style, quote.continued) == (
        0,
        True,
        "guillemets",
        False,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "« Nous irons à Moscou », a dit le ministre, « mais pas avant l'été ».",
            ["Nous irons à Moscou", "mais pas avant l'été"],
        ),
        (
            "Il a dénoncé des « commentaires baroques » et une « manœuvre coordonnée ».",
            ["commentaires baroques", "manœuvre coordonnée"],
        ),
        (
            "« La confiance est rompue. Il faudra des années pour la rétablir », a-t-il estimé.",
            ["La confiance est rompue. Il faudra des années pour la rétablir"],
        ),
        ("Elle a répondu : « Non. » Puis : « Jamais ! »", ["Non.", "Jamais !"]),
        ("Un titre vide : « » ne casse rien.", [""]),
    ],
)
def test_several_quotes_and_quotes_over_sentences(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


# inner quotes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "« Le président m’a dit : “ jamais ” et il est parti », raconte-t-elle.",
            [
                ("Le président m’a dit : “ jamais ” et il est parti", 0, "guillemets"),
                ("jamais", 1, "curly"),
            ],
        ),
        (
            "« Il parle de „réforme“ depuis un an », ironise le député.",
            [("Il parle de „réforme“ depuis un an", 0, "guillemets"), ("réforme", 1, "low")],
        ),
        (
            "« Ils appellent cela une ‹ opération spéciale › », a dénoncé Kiev.",
            [
                ("Ils appellent cela une ‹ opération spéciale ›", 0, "guillemets"),
                ("opération spéciale", 1, "single"),
            ],
        ),
        (
            "« Le mot ‘sécurité’ revient sans cesse », note l’ambassadeur.",
            [("Le mot ‘sécurité’ revient sans cesse", 0, "guillemets"), ("sécurité", 1, "single")],
        ),
        (
            '« Il a parlé d\'une "erreur" de Paris », selon Moscou.',
            [('Il a parlé d\'une "erreur" de Paris', 0, "guillemets"), ("erreur", 1, "straight")],
        ),
        (
            "« A “ B ‹ C › ” »",
            [("A “ B ‹ C › ”", 0, "guillemets"), ("B ‹ C ›", 1, "curly"), ("C", 2, "single")],
        ),
        (
            "“Nous resterons”, a affirmé la porte-parole.",
            [("Nous resterons", 0, "curly")],
        ),
    ],
)
def test_nested_quotes_get_levels_and_styles(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    assert described(text) == expected


# straight quotes and apostrophes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('la Russie a indiqué "espérer" que les services', ["espérer"]),
        ('Paris ne voyait plus l\'"intérêt" de discuter avec Moscou', ["intérêt"]),
        ('Paris ne voyait plus l’"intérêt" de discuter', ["intérêt"]),
        (
            'de discuter avec Moscou, "puisque les communiqués sont mensongers".',
            ["puisque les communiqués sont mensongers"],
        ),
        (
            '"Il faut d\'abord rétablir la confiance", a indiqué le ministre.',
            ["Il faut d'abord rétablir la confiance"],
        ),
        (
            'Il a tué 60 "mercenaires" (selon Moscou) et "saboté" le dialogue.',
            ["mercenaires", "saboté"],
        ),
        ('Le communiqué ("un tissu de mensonges") a été publié.', ["un tissu de mensonges"]),
        ('Il a dit:"Non".', ["Non"]),
        ('Il a dit "Je viens "demain" soir" hier.', ['Je viens "demain" soir', "demain"]),
    ],
)
def test_straight_quotes_open_and_close_from_context(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Il a acheté un écran de 15" de diagonale.', []),
        ('Un écran de 15" et, dit-il, une "bonne affaire".', ["bonne affaire"]),
        ("L’ambassadeur est convoqué aujourd’hui, jusqu’à nouvel ordre.", []),
        ("Il n’a pas parlé d’‘ingérence’ mais d’un ‘malentendu’.", ["ingérence", "malentendu"]),
        ("Les prud’hommes l’ont dit : ‘aujourd’hui’ est trop tôt.", ["aujourd’hui"]),
        ("Il l’a dit’ sans guillemet ouvrant.", []),
    ],
)
def test_inch_marks_and_apostrophes_are_not_quotes(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


# quotes continued over paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il raconte : « La nuit est tombée vite.\n\n« Personne n'a rien vu.\n\n"
            "« Puis la sirène a retenti. » Il se tait.",
            "La nuit est tombée vite.\n\n« Personne n'a rien vu.\n\n« Puis la sirène a retenti.",
        ),
        (
            "« La nuit est tombée vite.\n» Personne n'a rien vu. »",
            "La nuit est tombée vite.\n» Personne n'a rien vu.",
        ),
    ],
)
def test_long_quote_reopened_at_each_paragraph_is_one_span(text: str, expected: str) -> None:
    [quote] = find_quotations(text)
    assert quote.content.text == expected
    assert (quote.continued, quote.balanced, quote.level) == (True, True, 0)
    assert quote.open_mark.start == text.index("«")
    assert quote.close_mark is not None and quote.close_mark.start == text.rindex("»")


def test_continued_quote_keeps_its_inner_quotes_at_level_one() -> None:
    text = "« Ils parlent de “paix”.\n« Mais la “trêve” est rompue. »"
    assert described(text) == [
        ("Ils parlent de “paix”.\n« Mais la “trêve” est rompue.", 0, "guillemets"),
        ("paix", 1, "curly"),
        ("trêve", 1, "curly"),
    ]


def test_new_paragraph_without_reopening_mark_ends_the_quote() -> None:
    text = "Il a dit : « Nous verrons bien\n\nLe lendemain, rien n'avait changé."
    [quote] = find_quotations(text)
    assert quote.content.text == "Nous verrons bien"
    assert (quote.close_mark, quote.balanced, quote.continued) == (None, False, False)


# dialogue lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "— Tu viens ? demanda-t-il.\n– Oui, tout de suite.",
            [("Tu viens ? demanda-t-il.", 0, "dash"), ("Oui, tout de suite.", 0, "dash")],
        ),
        (
            f"Elle hésita.\n\n  —{NBSP}Je ne sais pas …  \n",
            [("Je ne sais pas …", 0, "dash")],
        ),
        (
            "— Il m’a dit « attends » et il est parti.",
            [
                ("Il m’a dit « attends » et il est parti.", 0, "dash"),
                ("attends", 1, "guillemets"),
            ],
        ),
        (
            "— Il m’a dit « attends ».",
            [("Il m’a dit « attends ».", 0, "dash"), ("attends", 1, "guillemets")],
        ),
    ],
)
def test_dialogue_dash_lines_are_quotes(text: str, expected: list[tuple[str, int, str]]) -> None:
    found = find_quotations(text)
    assert [(q.content.text, q.level, q.style) for q in found] == expected
    dash = found[0]
    assert dash.open_mark.text in "—–" and dash.close_mark is None and dash.balanced


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris – Le ministre a démenti toute ingérence.", []),
        ("« Nous resterons » – a insisté le ministre.", ["Nous resterons"]),
        ("Le bilan — provisoire — reste lourd.", []),
        ("—Pas d’espace après le tiret.", []),
        ("- Un tiret court n’ouvre pas de dialogue.", []),
    ],
)
def test_dashes_inside_a_line_are_not_dialogue(text: str, expected: list[str]) -> None:
    assert contents(text) == expected


# unbalanced and stray marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il a dit : « Nous verrons bien. Et il est parti.",
            [("Nous verrons bien. Et il est parti.", False)],
        ),
        ("Il a protesté » sans guillemet ouvrant.", []),
        (
            "« Ils ont dit “non, puis ont fui », dit-il.",
            [("Ils ont dit “non, puis ont fui", True), ("non, puis ont fui", False)],
        ),
        ('Il a dit "non et il est parti.', [("non et il est parti.", False)]),
        ("« « «", [("« «", False), ("«", False), ("", False)]),
        ("» » “ ’ ‹", [("’ ‹", False), ("", False)]),
    ],
)
def test_unbalanced_marks_give_best_effort_spans(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    found = find_quotations(text)
    assert [(q.content.text, q.balanced) for q in found] == expected
    check_invariants(text, found)


# typing slips: ASCII guillemets, mismatched closing marks, lost opening marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "<< Nous ne céderons pas >>, a déclaré la ministre.",
            [("Nous ne céderons pas", "<<", ">>")],
        ),
        ("Il a dit : <<l'heure est grave>>.", [("l'heure est grave", "<<", ">>")]),
        (
            "« Elle parle d’<<ingérence>> », note l’ambassadeur.",
            [("Elle parle d’<<ingérence>>", "«", "»"), ("ingérence", "<<", ">>")],
        ),
        ("Une flèche <<< ici >>> ne cite rien.", []),
    ],
)
def test_ascii_double_angle_brackets_are_guillemets(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = find_quotations(text)
    assert [
        (q.content.text, q.open_mark.text, q.close_mark and q.close_mark.text) for q in found
    ] == expected
    assert all(q.balanced and q.style == "guillemets" for q in found)
    check_invariants(text, found)


def test_ascii_guillemets_carry_a_long_quote_over_paragraphs() -> None:
    text = "<< La nuit est tombée vite.\n<< Personne n'a rien vu. >>, raconte-t-il."
    [quote] = find_quotations(text)
    assert quote.content.text == "La nuit est tombée vite.\n<< Personne n'a rien vu."
    assert (quote.continued, quote.balanced, quote.close_mark and quote.close_mark.text) == (
        True,
        True,
        ">>",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« Nous ne céderons pas ”, a déclaré la ministre.", ("Nous ne céderons pas", "«", "”")),
        ('« Nous ne céderons pas ", a déclaré la ministre.', ("Nous ne céderons pas", "«", '"')),
        ("“Nous ne céderons pas », a dit M. Dupont.", ("Nous ne céderons pas", "“", "»")),
        ("Le ministre l’a dit : « c'est non ”.", ("c'est non", "«", "”")),
    ],
)
def test_a_closing_mark_of_the_other_family_ends_the_quote(
    text: str, expected: tuple[str, str, str]
) -> None:
    [quote] = find_quotations(text)
    assert (
        quote.content.text,
        quote.open_mark.text,
        quote.close_mark and quote.close_mark.text,
    ) == expected
    assert not quote.balanced and quote.level == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nous ne céderons pas », a déclaré la ministre.", "Nous ne céderons pas"),
        ("Nous ne céderons pas”, a déclaré la ministre.", "Nous ne céderons pas"),
        ("C’est inacceptable. Nous ne céderons pas », a-t-elle ajouté.", "Nous ne céderons pas"),
        ("Le ministre était clair. Nous ne céderons pas », a-t-il dit.", "Nous ne céderons pas"),
        ("M. Dupont l'a répété : rien n’est joué ».", "rien n’est joué"),
        ("M. Dupont n'a rien dit de plus. Rien n'est joué » – Jean Dupont.", "Rien n'est joué"),
        ("« Oui », a-t-il dit, puis non », a-t-il ajouté.", "a-t-il dit, puis non"),
        ("Selon lui, « tout va bien ». Tout va mal ».", "Tout va mal"),
    ],
)
def test_a_quote_whose_opening_mark_was_lost_is_recovered_unbalanced(
    text: str, expected: str
) -> None:
    found = find_quotations(text)
    recovered = found[-1]
    assert recovered.content.text == expected
    assert recovered.open_mark == Span(recovered.content.start, recovered.content.start, "")
    assert recovered.close_mark is not None and recovered.close_mark.text in "»”"
    assert not recovered.balanced and recovered.level == 0
    check_invariants(text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Il a protesté » sans guillemet ouvrant.",
        "Un écran de 15” de diagonale, dit-il.",
        "» Personne.",
        "Il l’a dit : » , rien de plus.",
    ],
)
def test_a_stray_closing_mark_not_followed_by_punctuation_is_ignored(text: str) -> None:
    assert find_quotations(text) == []


def test_a_lost_opening_mark_on_a_dialogue_line_nests_in_the_line() -> None:
    text = "— Nous ne céderons pas », dit-il."
    assert described(text) == [
        ("Nous ne céderons pas », dit-il.", 0, "dash"),
        ("Nous ne céderons pas", 1, "guillemets"),
    ]


# the seed article

SEED_CONTENTS = [
    "espérer",
    "commentaires baroques et menaçants",
    "intérêt",
    "puisque les communiqués qui sortent, les compte-rendus qui en sont faits sont mensongers",
    "Il faut d'abord peut-être rétablir la confiance pour que les relations puissent se renouer",
    "Il y avait une longue tradition dans le domaine du terrorisme entre les deux pays",
    "ne souhaitait plus collaborer avec Paris",
    "a été informé du caractère inacceptable de telles déclarations, "
    "qui n'ont rien à voir avec la réalité",
    "Nous considérons ces déclarations du ministre français des Affaires étrangères comme une "
    "action consciente et délibérée de la partie française visant à saper la possibilité même "
    "de tout dialogue entre les deux pays",
    "mercenaires",
    "une manoeuvre coordonnée",
]


def test_seed_article_gives_its_eleven_quotes() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = find_quotations(text)
    assert [q.content.text for q in found] == SEED_CONTENTS
    assert all(q.style == "straight" and q.balanced and q.level == 0 for q in found)
    check_invariants(text, found)


# the fr-litbank dev set


def test_litbank_direct_quotes_are_found() -> None:
    if not LITBANK.exists():
        pytest.skip(f"{LITBANK} is absent")
    matched = total = 0
    for line in LITBANK.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found = find_quotations(doc["text"])
        check_invariants(doc["text"], found)
        for gold in doc["quotes"]:
            if gold["kind"] != "direct":
                continue
            start, end = gold["content"]
            total += 1
            gold_span = Span.of(doc["text"], start, end)
            best = max((q.content.overlap(gold_span) for q in found), default=0)
            matched += best * 2 >= end - start
    assert total > 500
    assert matched / total >= 0.90, f"{matched}/{total}"


# invariants on random texts

WORDS = [
    "Le", "ministre", "a", "déclaré", "que", "Paris", "l’ambassadeur", "aujourd’hui", "l'",
    "d’", "15", "60", "Moscou", ",", ".", ":", "?", "!", "(", ")", "…", "—", "–", "-",
]  # fmt: skip
MARKS = [*"«»“”„‘’‹›\"'", "<<", ">>"]
SPACES = [" ", " ", NBSP, NNBSP, "\n", "\n\n", "\t", "\r\n"]
french_like = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(SPACES)),
    max_size=120,
).map("".join)
mark_dense = st.text(alphabet="«»“”„‘’‹›\"'<> \n\t\u00a0a9—–.,:", max_size=80)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(french_like)
def test_invariants_hold_on_french_like_texts(text: str) -> None:
    check_invariants(text, find_quotations(text))


@settings(max_examples=2000, deadline=None)
@given(mark_dense)
def test_invariants_hold_on_mark_dense_texts(text: str) -> None:
    check_invariants(text, find_quotations(text))


@settings(max_examples=1000, deadline=None)
@given(st.text())
def test_invariants_hold_on_arbitrary_unicode(text: str) -> None:
    check_invariants(text, find_quotations(text))


@given(st.one_of(french_like, st.text()))
def test_paragraphs_cover_every_non_space_character(text: str) -> None:
    spans = paragraph_spans(text)
    assert "".join(text[s:e] for s, e in spans) == "".join(
        t for line in text.splitlines() if (t := line.strip())
    )


# performance and docs


def _best_time(text: str, runs: int = 3) -> tuple[float, list[QuotedSpan]]:
    """The best of ``runs`` timings, the garbage collector held off: its pauses depend on
    what the rest of the suite left in memory, not on the work timed."""
    times, found = [], []
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            found = find_quotations(text)
            times.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return min(times), found


# Each input is built at size n and 4n: linear work takes about 4 times as long,
# a quadratic pass 16 times. A ratio says more than an absolute limit, which a
# loaded CI machine can miss (the 4n sizes are the sizes once tested against 2 s).
@pytest.mark.parametrize(
    "build",
    [
        pytest.param(
            lambda n: ' « un "deux" “trois” » l’a\n— quatre ‘cinq’ ' * (n // 4), id="marks"
        ),
        pytest.param(lambda n: "«" * (n * 2) + "»" * (n * 2), id="deep-nesting"),
        pytest.param(lambda n: "a » " * (n * 10) + "b », c.", id="stray-closing-marks"),
        pytest.param(
            lambda n: "a" * (n * 100) + " », " + "b ”." * (n * 10), id="lost-opening-marks"
        ),
        pytest.param(lambda n: "<< a >> " * (n * 4) + "<<" * n, id="ascii-guillemets"),
        pytest.param(lambda n: "«“" * n + " " * (n * 200) + "»", id="spaces"),
        pytest.param(lambda n: SEED.read_text(encoding="utf-8") * (n // 4), id="news"),
    ],
)
def test_large_inputs_take_linear_time(build: Callable[[int], str]) -> None:
    small, _ = _best_time(build(1_250))
    text = build(5_000)
    large, found = _best_time(text)
    assert large < 10.0, f"{large:.2f}s for {len(text)} characters"
    assert large < 8 * small + 0.05, f"{small:.3f}s for n, {large:.3f}s for 4n"
    check_invariants(text, found[:1000])


def test_docstring_examples() -> None:
    assert doctest.testmod(marks).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("— « Est-ce bien l’abbé Bernard ? »", ["Est-ce bien l’abbé Bernard ?"]),
        ("— « Partons », dit Roger en se levant.", ["Partons"]),
        ("— « Je vous écoute, dit le prêtre. »", ["Je vous écoute, dit le prêtre."]),
        ("– “Qui est là ?” demanda-t-elle.", ["Qui est là ?"]),
    ],
)
def test_a_dash_before_guillemets_leaves_the_guillemets_to_mark_the_words(
    text: str, expected: list[str]
) -> None:
    # Some novels open a dialogue line with a dash and still put the words in guillemets: the
    # narration after the closing mark (", dit Roger en se levant") is not part of the line.
    found = find_quotations(text)
    assert [(q.content.text, q.level) for q in found] == [(e, 0) for e in expected]
