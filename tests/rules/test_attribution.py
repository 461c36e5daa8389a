"""Attribution, specified by example: French news sentences through the real Stanza pipeline.

Each case gives a sentence, a piece of the expected quote content, its kind, the canonical
speaker name and the sieve that must produce it. All sentences are parsed in one batched call.
"""

from __future__ import annotations

import pytest

from quoteattr import Modality, Polarity, Quote, QuoteKind, extract_many

pytestmark = pytest.mark.model

D, M, IND, A = QuoteKind.DIRECT, QuoteKind.MIXED, QuoteKind.INDIRECT, QuoteKind.ACCORDING_TO

CASES = [
    # inverted subject after the quote
    (
        "« Nous ne céderons pas », a déclaré la ministre du Travail, Catherine Vautrin, lundi soir.",
        "Nous ne céderons pas",
        D,
        "Catherine Vautrin",
        "incise_after",
    ),
    (
        "« La situation est grave », estime Jean Dupont.",
        "La situation est grave",
        D,
        "Jean Dupont",
        "incise_after",
    ),
    (
        "« Nous avons été trompés », dénonce l'avocat des familles, Me Jean Martin.",
        "Nous avons été trompés",
        D,
        "Jean Martin",
        "incise_after",
    ),
    (
        "« Il faut que l'Europe se réveille », selon le commissaire européen.",
        "Il faut que l'Europe se réveille",
        D,
        "le commissaire européen",
        "incise_after",
    ),
    # pronoun chains: -t-il / -t-elle resolved to the named person
    (
        "Le Premier ministre, Gabriel Attal, s'est exprimé mardi. « Nous tiendrons nos engagements », "
        "a-t-il assuré.",
        "Nous tiendrons nos engagements",
        D,
        "Gabriel Attal",
        "incise_after",
    ),
    (
        "« Je ne démissionnerai pas », a répété le maire. « Les électeurs jugeront », a-t-il ajouté.",
        "Les électeurs jugeront",
        D,
        "le maire",
        "incise_after",
    ),
    # titles resolved through an earlier apposition
    (
        "La présidente de la Commission, Ursula von der Leyen, est arrivée à Kiev. « L'Europe est à vos "
        "côtés », a déclaré la présidente.",
        "L'Europe est à vos côtés",
        D,
        "Ursula von der Leyen",
        "incise_after",
    ),
    # a quote split by an incise stays one quote
    (
        "« Ce n'est pas une défaite, explique la candidate. C'est un nouveau départ. »",
        "Ce n'est pas une défaite, explique la candidate. C'est un nouveau départ.",
        D,
        "la candidate",
        "incise_inside",
    ),
    (
        "« Nous avons gagné, a-t-elle lancé. Maintenant, il faut gouverner. »",
        "Nous avons gagné, a-t-elle lancé. Maintenant, il faut gouverner.",
        D,
        None,
        "incise_inside",
    ),
    # colon and dash
    (
        "Emmanuel Macron a déclaré : « La France sera au rendez-vous. »",
        "La France sera au rendez-vous.",
        D,
        "Emmanuel Macron",
        "colon_before",
    ),
    (
        "Le porte-parole du gouvernement : « Aucune décision n'a été prise. »",
        "Aucune décision n'a été prise.",
        D,
        "le porte-parole du gouvernement",
        "colon_before",
    ),
    (
        "« Le dialogue reste ouvert » – Olaf Scholz, chancelier allemand.",
        "Le dialogue reste ouvert",
        D,
        "Olaf Scholz",
        "dash_after",
    ),
    # mixed quotes take the speaker of the clause around them, passives their agent
    (
        "Marine Le Pen a dénoncé une « trahison » du gouvernement.",
        "trahison",
        M,
        "Marine Le Pen",
        "clause",
    ),
    (
        "Le texte a été jugé « inacceptable » par les syndicats.",
        "inacceptable",
        M,
        "les syndicats",
        "clause",
    ),
    (
        "La porte-parole a assuré que « rien n'était décidé ».",
        "rien n'était décidé",
        M,
        "la porte-parole",
        "clause",
    ),
    # a quote after a sentence whose main verb reports speech
    (
        "Le gouvernement a annoncé la fermeture du site. « C'est une décision difficile mais nécessaire. »",
        "C'est une décision difficile mais nécessaire.",
        D,
        "le gouvernement",
        "previous_sentence",
    ),
    # indirect speech and according-to
    (
        "Le maire de Lyon, Grégory Doucet, a affirmé que la ville ne renoncerait pas au projet.",
        "la ville ne renoncerait pas au projet",
        IND,
        "Grégory Doucet",
        "que_clause",
    ),
    (
        "La décision a été annoncée par le préfet, qui a précisé que les écoles resteraient fermées.",
        "les écoles resteraient fermées",
        IND,
        "le préfet",
        "que_clause",
    ),
    (
        "Le syndicat dément avoir reçu la moindre proposition.",
        "avoir reçu la moindre proposition",
        IND,
        "le syndicat",
        "infinitive",
    ),
    (
        "Les travaux devraient s'achever en juin, a indiqué le porte-parole de la SNCF.",
        "Les travaux devraient s'achever en juin",
        IND,
        "le porte-parole de la SNCF",
        "unmarked_incise",
    ),
    (
        "Selon le ministère de l'Intérieur, 12 000 policiers seront mobilisés.",
        "12 000 policiers seront mobilisés",
        A,
        "le ministère de l'Intérieur",
        "according_to",
    ),
    (
        "Les négociations sont dans l'impasse, d'après une source diplomatique.",
        "Les négociations sont dans l'impasse",
        A,
        "une source diplomatique",
        "according_to",
    ),
]

NOT_QUOTES = [
    "Le journal « Le Monde » a publié une enquête sur la « Pan Am ».",
    "Il a rejoint l'équipe de « Libération » en 2019.",
]


@pytest.fixture(scope="module")
def results() -> dict[str, list[Quote]]:
    texts = [case[0] for case in CASES] + NOT_QUOTES + [t for t, *_ in CUE_CASES]
    return {
        text: list(found)
        for text, found in zip(texts, extract_many(texts, progress=False), strict=True)
    }


def _find(quotes: list[Quote], content: str) -> Quote:
    for quote in quotes:
        if quote.content.text == content:
            return quote
    raise AssertionError(f"no quote {content!r} in {[q.content.text for q in quotes]}")


@pytest.mark.parametrize(
    ("text", "content", "kind", "speaker", "rule"),
    CASES,
    ids=[c[4] + ":" + c[0][:40] for c in CASES],
)
def test_attribution(
    results: dict[str, list[Quote]],
    text: str,
    content: str,
    kind: QuoteKind,
    speaker: str | None,
    rule: str,
) -> None:
    quote = _find(results[text], content)
    assert quote.kind is kind
    assert quote.rule == rule
    assert quote.speaker_name == speaker
    assert text[quote.content.start : quote.content.end] == quote.content.text
    if quote.speaker is not None and quote.speaker.mention is not None:
        mention = quote.speaker.mention
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_titles_and_names_in_marks_are_not_quotes(
    results: dict[str, list[Quote]], text: str
) -> None:
    assert results[text] == []


CUE_CASES = [
    (
        "Le Premier ministre n'a pas dit que la réforme serait abandonnée.",
        "n'a pas dit",
        "dire",
        Polarity.NEGATED,
        Modality.ASSERTED,
    ),
    (
        "Le suspect aurait déclaré aux enquêteurs qu'il n'était pas sur place.",
        "aurait déclaré",
        "déclarer",
        Polarity.POSITIVE,
        Modality.ALLEGED,
    ),
    (
        "« Je n'ai jamais dit cela », a démenti la ministre.",
        "a démenti",
        "démentir",
        Polarity.POSITIVE,
        Modality.ASSERTED,
    ),
]


@pytest.mark.parametrize(("text", "cue", "lemma", "polarity", "modality"), CUE_CASES)
def test_cue_polarity_and_modality(
    results: dict[str, list[Quote]],
    text: str,
    cue: str,
    lemma: str,
    polarity: Polarity,
    modality: Modality,
) -> None:
    [quote] = results[text]
    assert quote.cue is not None
    assert (quote.cue.span.text, quote.cue.lemma) == (cue, lemma)
    assert (quote.cue.polarity, quote.cue.modality) == (polarity, modality)


def test_denial_verbs_are_classed_as_denials(results: dict[str, list[Quote]]) -> None:
    [quote] = results["« Je n'ai jamais dit cela », a démenti la ministre."]
    assert quote.cue is not None and quote.cue.cls.value == "deny"


MORE_CASES = [
    (
        "Jacques Dominati a défendu ses pratiques, soutenant que la pratique était généralisée.",
        "la pratique était généralisée",
        IND,
        "Jacques Dominati",
        "que_clause",
    ),
    (
        "Le juge devra indiquer s'il maintient les poursuites.",
        "il maintient les poursuites",
        IND,
        "le juge",
        "que_clause",
    ),
    (
        "Selon moi il a joué un rôle de premier plan.",
        "il a joué un rôle de premier plan",
        A,
        None,
        "according_to",
    ),
    (
        "Le ministère a démenti tout lien avec ces personnes.",
        "tout lien avec ces personnes",
        IND,
        "le ministère",
        "noun_object",
    ),
]


@pytest.fixture(scope="module")
def more_results() -> dict[str, list[Quote]]:
    texts = [case[0] for case in MORE_CASES] + [INSIDE_QUOTE]
    return {
        text: list(found)
        for text, found in zip(texts, extract_many(texts, progress=False), strict=True)
    }


@pytest.mark.parametrize(
    ("text", "content", "kind", "speaker", "rule"),
    MORE_CASES,
    ids=[c[4] + ":" + c[0][:40] for c in MORE_CASES],
)
def test_reported_speech(
    more_results: dict[str, list[Quote]],
    text: str,
    content: str,
    kind: QuoteKind,
    speaker: str | None,
    rule: str,
) -> None:
    quote = _find(more_results[text], content)
    assert (quote.kind, quote.rule, quote.speaker_name) == (kind, rule, speaker)


INSIDE_QUOTE = "« Nous affirmons que la loi est injuste », a déclaré la porte-parole."


def test_speech_reported_inside_a_quotation_is_not_a_separate_statement(
    more_results: dict[str, list[Quote]],
) -> None:
    quotes = more_results[INSIDE_QUOTE]
    assert [(q.kind, q.rule) for q in quotes] == [(D, "incise_after")]


DIALOGUE = (
    "— Tu viens, demanda Marie, ou tu restes ?\n"
    "— Je reste ici, répondit Paul.\n"
    "— Tu as tort, dit Marie.\n"
    "— Pourquoi ?\n"
    "— Comme tu veux.\n"
)


def test_dialogue_lines_incises_narration_tails_and_turns() -> None:
    from quoteattr import extract

    quotes = extract(DIALOGUE)
    assert [(q.content.text, q.rule, q.speaker_name) for q in quotes] == [
        ("Tu viens, demanda Marie, ou tu restes ?", "incise_inside", "Marie"),
        ("Je reste ici", "incise_inside", "Paul"),
        ("Tu as tort", "incise_inside", "Marie"),
        ("Pourquoi ?", "dialogue_turn", "Paul"),
        ("Comme tu veux.", "dialogue_turn", "Marie"),
    ]


MULTIWORD_SOURCES = [
    ("À en croire le ministre, la réforme sera votée avant l'été.", "le ministre"),
    ("Aux dires de ses proches, il ne briguera pas de second mandat.", "ses proches"),
    ("Si l'on en croit la police, la manifestation a réuni 3 000 personnes.", "la police"),
    ("La foule a dépassé 3 000 personnes, si l’on en croit la préfecture.", "la préfecture"),
    (
        "Si on en croit les organisateurs, le festival a attiré 50 000 spectateurs.",
        "les organisateurs",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), MULTIWORD_SOURCES)
def test_multiword_source_prepositions(text: str, speaker: str) -> None:
    from quoteattr import extract

    [quote] = extract(text)
    assert (quote.kind, quote.speaker_name) == (A, speaker)


def test_a_time_word_is_not_an_infinitive_complement() -> None:
    from quoteattr import extract

    quotes = extract("Le porte-parole a déclaré hier soir que le gouvernement tiendrait bon.")
    assert [(q.rule, q.content.text) for q in quotes] == [
        ("que_clause", "le gouvernement tiendrait bon")
    ]
