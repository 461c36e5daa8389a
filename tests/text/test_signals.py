"""Specification of :mod:`quoteattr.text.signals`: claim signals found in French text.

Every sentence below was written for these tests (no article is copied); rows are grouped by
the style of the outlets they imitate (France, Belgium, Switzerland, Québec, Africa) and then by
kind. A row gives the sentence and the ``(kind, text)`` of the signals expected, in order.
"""

from __future__ import annotations

import doctest
import time
from collections.abc import Callable
from importlib import resources

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr.text import signals
from quoteattr.text.signals import Signal, SignalKind, find_signals, signal_kinds

NBSP, NNBSP = "\u00a0", "\u202f"

F, P, M, D = "figure", "percentage", "money", "date"
C, CA, E = "comparison", "causal", "entity"


def described(text: str) -> list[tuple[str, str]]:
    return [(s.kind.value, s.text) for s in find_signals(text)]


def of_kind(text: str, kind: str) -> list[str]:
    return [s.text for s in find_signals(text) if s.kind.value == kind]


def check_invariants(text: str, found: tuple[Signal, ...]) -> None:
    assert list(found) == sorted(found, key=lambda s: (s.start, s.end))
    for s in found:
        assert isinstance(s.kind, SignalKind)
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
    covers = [s for s in found if s.kind in {SignalKind.MONEY, SignalKind.PERCENTAGE}]
    for s in found:
        if s.kind is SignalKind.FIGURE:
            assert not any(c.start <= s.start and s.end <= c.end for c in covers), s


# --- whole sentences, by outlet style -------------------------------------------------------

FRANCE = [
    (
        "« Le chômage a baissé de 2 points de pourcentage depuis 2017 », a affirmé le ministre.",
        [(C, "a baissé de"), (P, "2 points de pourcentage"), (D, "depuis 2017")],
    ),
    (
        "Nous avons créé 1 200 emplois l’an dernier, deux fois plus qu’en 2022.",
        [(F, "1 200"), (D, "l’an dernier"), (F, "deux"), (C, "deux fois plus"), (D, "en 2022")],
    ),
    (
        "La dette publique dépasse 3 000 milliards d’euros, un record.",
        [(M, "3 000 milliards d’euros"), (C, "record")],
    ),
    (
        "Le prix de l'essence a augmenté de 15 % en un an à cause de la guerre.",
        [(C, "a augmenté de"), (P, "15 %"), (D, "en un an"), (CA, "à cause de")],
    ),
    (
        "Selon l'Insee, l'inflation a atteint 5,2 % en 2023, son plus haut niveau depuis 1985.",
        [(E, "Insee"), (P, "5,2 %"), (D, "en 2023"), (C, "son plus"), (D, "depuis 1985")],
    ),
    (
        "La Banque centrale européenne a relevé ses taux le 3 mars 2024.",
        [(E, "Banque centrale européenne"), (D, "le 3 mars 2024")],
    ),
    (
        "Selon l’OMS, les cas ont doublé à cause de la chaleur.",
        [(E, "OMS"), (C, "ont doublé"), (CA, "à cause de")],
    ),
    (
        "La Cour des comptes juge que le déficit est plus élevé qu’en 2019.",
        [(E, "Cour des comptes"), (C, "plus élevé qu’"), (D, "en 2019")],
    ),
    (
        "Emmanuel Macron a promis une dizaine de réformes d'ici 2027.",
        [(E, "Emmanuel Macron"), (F, "une dizaine"), (D, "d'ici 2027")],
    ),
]

BELGIUM = [
    (
        "Nonante pour cent des Belges paient plus d’impôts qu’il y a dix ans.",
        [(P, "Nonante pour cent"), (E, "Belges"), (C, "plus d’impôts qu’"), (D, "il y a dix ans")],
    ),
    (
        "La Région wallonne consacre 300 millions d'euros à la rénovation d'ici 2030.",
        [(E, "Région wallonne"), (M, "300 millions d'euros"), (D, "d'ici 2030")],
    ),
    (
        "Nous avons recruté septante-cinq agents depuis le 1er janvier, grâce au plan de relance.",
        [(F, "septante-cinq"), (D, "depuis le 1er janvier"), (CA, "grâce au")],
    ),
    (
        "À Bruxelles, les loyers sont en hausse de 4 % cette année.",
        [(E, "Bruxelles"), (C, "en hausse de"), (P, "4 %"), (D, "cette année")],
    ),
]

SWITZERLAND = [
    (
        "Le canton de Genève compte 12’000 chômeurs, soit 5,1 % de la population active.",
        [(E, "Genève"), (F, "12’000"), (P, "5,1 %")],
    ),
    (
        "Le canton a versé 12'000 francs, soit 1 200 francs par habitant, en nonante jours.",
        [(M, "12'000 francs"), (M, "1 200 francs"), (D, "en nonante jours")],
    ),
    (
        "La Banque nationale suisse a vendu pour CHF 40 milliards de devises au premier trimestre.",
        [(E, "Banque nationale suisse"), (M, "CHF 40 milliards"), (D, "au premier trimestre")],
    ),
    (
        "Un abonnement coûte 50 francs suisses, le prix le plus bas depuis 2015.",
        [(M, "50 francs suisses"), (C, "le plus"), (D, "depuis 2015")],
    ),
]

QUEBEC = [
    (
        "Le gouvernement fédéral a investi 2 milliards de dollars canadiens au Québec depuis 2019.",
        [(M, "2 milliards de dollars canadiens"), (E, "Québec"), (D, "depuis 2019")],
    ),
    (
        "À Montréal, le loyer moyen est passé à 1 800 $ par mois, le plus élevé du pays.",
        [(E, "Montréal"), (M, "1 800 $"), (D, "par mois"), (C, "le plus")],
    ),
    (
        "La facture atteint 5 000 $ CA, contre 100 $ l’an dernier.",
        [(M, "5 000 $ CA"), (M, "100 $"), (D, "l’an dernier")],
    ),
    (
        "Hydro-Québec a annoncé des milliers de mises à pied en raison de la sécheresse.",
        [(E, "Hydro-Québec"), (F, "des milliers"), (CA, "en raison de")],
    ),
]

AFRICA = [
    (
        "Au Sénégal, le budget atteint 6 000 milliards de francs CFA pour l’exercice 2024.",
        [(E, "Sénégal"), (M, "6 000 milliards de francs CFA"), (D, "l’exercice 2024")],
    ),
    (
        "La Côte d’Ivoire est le premier producteur de cacao, grâce à ses paysans.",
        [(E, "Côte d’Ivoire"), (C, "premier producteur"), (CA, "grâce à")],
    ),
    (
        "Le prix du sac de riz est passé de 15 000 à 20 000 FCFA en trois mois.",
        [(C, "passé de"), (M, "15 000 à 20 000 FCFA"), (D, "en trois mois")],
    ),
    (
        "Les inondations ont fait une centaine de morts, dues à des pluies sans précédent.",
        [(F, "une centaine"), (CA, "dues à"), (C, "sans précédent")],
    ),
    (
        "Le Cameroun a perdu la moitié de ses forêts en raison de l’exploitation illégale.",
        [(E, "Cameroun"), (P, "la moitié"), (CA, "en raison de")],
    ),
    (
        "Près d’un jeune sur quatre est au chômage parce qu’il n’y a pas assez d’offres.",
        [(P, "un jeune sur quatre"), (CA, "parce qu’")],
    ),
    (
        "Le budget s’élève à 450 milliards de FCFA, une hausse de 7,5 % par rapport à 2022.",
        [
            (M, "450 milliards de FCFA"),
            (C, "une hausse de"),
            (P, "7,5 %"),
            (C, "par rapport à"),
            (D, "par rapport à 2022"),
        ],
    ),
]


def _rows(name: str, rows: list[tuple[str, list[tuple[str, str]]]]) -> list[object]:
    return [
        pytest.param(text, expected, id=f"{name}-{i}") for i, (text, expected) in enumerate(rows)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    _rows("france", FRANCE)
    + _rows("belgium", BELGIUM)
    + _rows("switzerland", SWITZERLAND)
    + _rows("quebec", QUEBEC)
    + _rows("africa", AFRICA),
)
def test_sentences_give_their_signals(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_signals(text)
    assert described(text) == expected
    check_invariants(text, found)


# --- one kind at a time -----------------------------------------------------------------------

KIND_ROWS: list[tuple[str, str, list[str]]] = [
    # figures: French separators (space, no-break, narrow no-break), decimals, number words
    (F, "Il y a 1 200 inscrits.", ["1 200"]),
    (F, f"Il y a 1{NBSP}200 inscrits.", [f"1{NBSP}200"]),
    (F, f"Il y a 1{NNBSP}200 inscrits.", [f"1{NNBSP}200"]),
    (F, "Le taux de natalité est de 3,5 enfants.", ["3,5"]),
    (F, "On compte 12.000 bénévoles et 3,5 millions de visiteurs.", ["12.000", "3,5 millions"]),
    (
        F,
        "Deux millions de foyers et trois cents communes sont touchés.",
        ["Deux millions", "trois cents"],
    ),
    (
        F,
        "Une dizaine d’élus et des milliers de manifestants étaient là.",
        ["Une dizaine", "des milliers"],
    ),
    (F, "Il y a quatre-vingt-dix élus et vingt et un maires.", ["quatre-vingt-dix", "vingt et un"]),
    (F, "Des dizaines de milliers de personnes ont défilé.", ["Des dizaines de milliers"]),
    (F, "Il a reçu un message d'une collègue.", []),
    (F, "Un appartement neuf à Paris, c’est un luxe.", []),
    (F, "Neuf élèves sur dix ont réussi, mais neuf ont échoué ailleurs.", ["neuf"]),
    # percentages
    (P, "Le chômage touche 12 % des jeunes.", ["12 %"]),
    (P, "Le chômage touche 12% des jeunes.", ["12%"]),
    (P, f"Le chômage touche 12{NNBSP}% des jeunes.", [f"12{NNBSP}%"]),
    (P, "Le chômage touche 12 pour cent des jeunes.", ["12 pour cent"]),
    (P, "Le chômage touche douze pour cent des jeunes.", ["douze pour cent"]),
    (P, "Le taux a perdu 0,3 point de pourcentage.", ["0,3 point de pourcentage"]),
    (P, "Il parle en points de pourcentage.", ["points de pourcentage"]),
    (P, "La moitié des communes et un tiers des départements.", ["La moitié", "un tiers"]),
    (
        P,
        "Les deux tiers des sondés et les trois quarts des élus.",
        ["Les deux tiers", "les trois quarts"],
    ),
    (P, "Un Français sur trois renonce aux soins.", ["Un Français sur trois"]),
    (P, "Il a signé un accord sur deux points.", []),
    (P, "Il est parti un quart d’heure.", []),
    # money
    (M, "Le projet coûte 3 millions d'euros.", ["3 millions d'euros"]),
    (M, "Le projet coûte 3 millions d’euros.", ["3 millions d’euros"]),
    (M, "Le ticket vaut 15 € ou 15€, et €15 en ligne.", ["15 €", "15€", "€15"]),
    (M, "Le sac coûte 200 000 francs CFA.", ["200 000 francs CFA"]),
    (M, "La dette atteint 2 milliards de dollars.", ["2 milliards de dollars"]),
    (M, "Le repas coûte CHF 40 ou 100 $.", ["CHF 40", "100 $"]),
    (M, "Les dollars canadiens ont perdu de la valeur.", ["dollars canadiens"]),
    (M, "Il a reçu des milliers d’euros.", ["des milliers d’euros"]),
    (M, "Le budget est de 3 M€ et de 2 Md$.", ["3 M€", "2 Md$"]),
    (M, "Il a été franc avec nous, sans détour.", []),
    # dates and periods
    (D, "Le décret est paru le 3 mars 2024.", ["le 3 mars 2024"]),
    (D, "Le texte a été voté en 2023.", ["en 2023"]),
    (D, "Les prix montent depuis 2019.", ["depuis 2019"]),
    (D, "L’objectif est fixé d’ici 2030.", ["d’ici 2030"]),
    (D, "La loi entre en vigueur en mars.", ["en mars"]),
    (D, "Les ventes ont baissé l'an dernier et cette année.", ["l'an dernier", "cette année"]),
    (D, "Les ventes ont reculé au premier trimestre.", ["au premier trimestre"]),
    (D, "Le réseau a été rénové en dix ans.", ["en dix ans"]),
    (D, "Le rapport paraît chaque année.", ["chaque année"]),
    (
        D,
        "Les années 1990 ont vu la réforme, entre 2019 et 2023 aussi.",
        ["Les années 1990", "entre 2019 et 2023"],
    ),
    (
        D,
        "Les réunions du 12/03/2024 et du 2024-03-15 ont eu lieu au printemps.",
        ["12/03/2024", "2024-03-15", "au printemps"],
    ),
    (D, "Le chômage a baissé ces dix dernières années.", ["ces dix dernières années"]),
    (D, "Elle a vu Mars dans le ciel.", []),
    # comparisons
    (C, "Il y a plus de médecins que d’infirmiers.", ["plus de médecins que"]),
    (C, "Le loyer coûte plus que le salaire et moins que l’an passé.", ["plus que", "moins que"]),
    (C, "Les dépenses augmentent davantage.", ["davantage"]),
    (C, "Le prix est deux fois plus élevé.", ["deux fois plus"]),
    (C, "C’est la ville la plus chère et le quartier le moins cher.", ["la plus", "le moins"]),
    (C, "Ce sont les moins bien payés et les meilleurs élèves.", ["les moins", "les meilleurs"]),
    (C, "C’est le meilleur résultat et le pire bilan.", ["le meilleur", "le pire"]),
    (
        C,
        "Un record jamais vu, une crise sans précédent.",
        ["record", "jamais vu", "sans précédent"],
    ),
    (C, "La France est le premier pays touché.", ["premier pays"]),
    (
        C,
        "Les prix sont en hausse de 3 %, les salaires en baisse de 1 %.",
        ["en hausse de", "en baisse de"],
    ),
    (C, "Le nombre de cas a doublé, celui des décès a triplé.", ["a doublé", "a triplé"]),
    (C, "Il ne reste plus que trois jours.", []),
    (C, "Il faut plus de moyens pour que l'hôpital tienne.", []),
    # causal claims
    (CA, "Les prix montent à cause de la guerre.", ["à cause de"]),
    (CA, "Les prix montent à cause d’une pénurie.", ["à cause d’"]),
    (CA, "Grâce à la réforme et en raison du froid, tout a changé.", ["Grâce à", "en raison du"]),
    (CA, "Il a démissionné parce que le budget a été coupé.", ["parce que"]),
    (CA, "Il a démissionné parce qu'il était épuisé.", ["parce qu'"]),
    (CA, "Il est parti, car le budget a été coupé.", ["car"]),
    (CA, "Le car est parti en retard.", []),
    (CA, "La crise vient du fait de la sécheresse.", ["du fait de"]),
    (CA, "L'usine est à l'origine de la pollution.", ["à l'origine de"]),
    (
        CA,
        "La panne a été provoquée par un orage et a entraîné des coupures.",
        ["provoquée par", "entraîné"],
    ),
    (CA, "Elle s’entraîne chaque matin.", []),
    (
        CA,
        "C’est la conséquence de la guerre, due à une erreur, dû à la crise.",
        ["conséquence de", "due à", "dû à"],
    ),
    (CA, "À CAUSE DE LA PLUIE, TOUT EST ANNULÉ.", ["À CAUSE DE"]),
    # named entities
    (
        E,
        "Le président Emmanuel Macron a reçu la Banque centrale européenne.",
        ["Emmanuel Macron", "Banque centrale européenne"],
    ),
    (E, "Selon l'OMS, la Côte d'Ivoire progresse.", ["OMS", "Côte d'Ivoire"]),
    (E, "Selon l’OMS, la Côte d’Ivoire progresse.", ["OMS", "Côte d’Ivoire"]),
    (
        E,
        "Il a cité Charles de Gaulle et Jean-Luc Mélenchon à Saint-Denis.",
        ["Charles de Gaulle", "Jean-Luc Mélenchon", "Saint-Denis"],
    ),
    (
        E,
        "M. Dupont et Mme Martin ont vu la Cour des comptes.",
        ["Dupont", "Martin", "Cour des comptes"],
    ),
    (
        E,
        "L’Organisation mondiale de la santé (OMS) alerte.",
        ["Organisation mondiale de la santé", "OMS"],
    ),
    (E, "Le PIB de la France a progressé.", ["PIB", "France"]),
    (E, "Macron l'a dit. Plus tard, Macron est parti.", ["Macron", "Macron"]),
    (E, "Rejoindre l'Europe était notre but.", ["Europe"]),
    (E, "Hier, les ministres ont parlé. Demain aussi.", []),
    (E, "LE GOUVERNEMENT A MENTI AUX FRANÇAIS.", []),
    (E, "Le franc CFA et le CHF ne sont pas des noms propres.", []),
]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [pytest.param(*row, id=f"{row[0]}-{i}") for i, row in enumerate(KIND_ROWS)],
)
def test_signals_of_one_kind(kind: str, text: str, expected: list[str]) -> None:
    assert of_kind(text, kind) == expected


NO_SIGNAL = [
    "Il faut rétablir la confiance.",
    "Nous devons écouter les habitants.",
    "C’est une question de dignité, pas de communication.",
    "Il a été franc avec nous.",
    "Elle s'entraîne tous les matins.",
    "Je ne sais pas ce qu’ils veulent.",
    "Quoi de neuf ?",
    "Mars est une planète rouge.",
    "Il ne reste plus que des miettes.",
    "",
    "   ",
]


@pytest.mark.parametrize("text", NO_SIGNAL)
def test_sentences_without_a_claim_give_no_signal(text: str) -> None:
    assert find_signals(text) == ()
    assert signal_kinds(text) == ()


# --- apostrophes, spaces, case --------------------------------------------------------------

APOSTROPHE_SENTENCES = [
    "Le projet coûte 3 millions d'euros d'ici 2030, à cause de l'inflation.",
    "La Côte d'Ivoire l'a dit : l'an dernier, c'est parce qu'il pleuvait.",
    "L'OMS estime qu'un jeune sur quatre est touché, plus qu'en 2019.",
]


@pytest.mark.parametrize("text", APOSTROPHE_SENTENCES)
def test_both_apostrophes_give_the_same_signals(text: str) -> None:
    curly = text.replace("'", "’")
    straight = [(s.kind, s.start, s.end) for s in find_signals(text)]
    assert straight
    assert [(s.kind, s.start, s.end) for s in find_signals(curly)] == straight


@pytest.mark.parametrize("space", [" ", NBSP, NNBSP, "\u2009"])
def test_spaces_inside_numbers_and_units(space: str) -> None:
    text = f"Il a payé 1{space}200{space}€, soit 12{space}% de plus, pour 3{space}000 habitants."
    assert described(text) == [
        (M, f"1{space}200{space}€"),
        (P, f"12{space}%"),
        (F, f"3{space}000"),
    ]


def test_a_line_break_ends_a_number() -> None:
    assert of_kind("Il y a 1\n200 personnes.", F) == ["1", "200"]


def test_a_long_run_of_spaces_is_not_inside_a_signal() -> None:
    text = "Il a payé 15" + " " * 50 + "€ à cause" + " " * 10 + "de tout."
    assert described(text) == [(F, "15")]


def test_case_does_not_matter_for_phrases() -> None:
    lower = "le prix a doublé en 2022 à cause de la crise, soit 3 millions d'euros."
    for text in (lower, lower.upper(), lower.capitalize()):
        kinds = [s.kind.value for s in find_signals(text) if s.kind is not SignalKind.ENTITY]
        assert kinds == [C, D, CA, M], text


# --- what a signal holds ----------------------------------------------------------------------


def test_a_money_amount_or_a_percentage_is_not_also_a_figure() -> None:
    text = "Il a gagné 3 millions d'euros, soit 12 % de plus, en 2023, pour 40 salariés."
    assert described(text) == [
        (M, "3 millions d'euros"),
        (P, "12 %"),
        (D, "en 2023"),
        (F, "40"),
    ]


def test_signals_of_different_kinds_may_overlap() -> None:
    found = find_signals("Le taux est passé de 5 % à 8 % par rapport à 2022.")
    spans = {(s.kind.value, s.text) for s in found}
    assert {(C, "par rapport à"), (D, "par rapport à 2022")} <= spans


def test_signal_is_a_frozen_record() -> None:
    [signal] = find_signals("Il coûte 15 €.")
    assert signal == Signal(SignalKind.MONEY, 9, 13, "15 €")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        signal.start = 0  # type: ignore[misc]
    assert not hasattr(signal, "__dict__")


def test_signal_kinds_are_distinct_and_in_enum_order() -> None:
    text = "Grâce à l’OMS, 12 % des cas ont doublé en 2023, soit 3 000 € et 40 lits."
    assert [k.value for k in signal_kinds(text)] == [F, P, M, D, C, CA, E]
    assert [k.value for k in SignalKind] == [F, P, M, D, C, CA, E]
    assert all(isinstance(k, str) for k in SignalKind)


# --- the word lists ---------------------------------------------------------------------------


def _data_rows() -> list[list[str]]:
    raw = resources.files("quoteattr").joinpath(signals.DATA_FILE).read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0] == "kind\tphrase"
    return [line.split("\t") for line in lines[1:]]


def test_word_lists_are_a_packaged_two_column_table_without_duplicates() -> None:
    rows = _data_rows()
    assert all(len(row) == 2 and row[0] and row[1] == row[1].strip() for row in rows)
    assert len({tuple(row) for row in rows}) == len(rows)
    names = {row[0] for row in rows}
    for needed in ("currency", "causal", "comparison", "month", "number", "function_word"):
        assert needed in names
    assert not any("’" in row[1] for row in rows)


def test_word_lists_are_read_once() -> None:
    assert signals._lists() is signals._lists()
    assert signals._rules() is signals._rules()


# --- robustness -------------------------------------------------------------------------------

FRAGMENTS = [
    "le 3 mars 2024",
    "1 200",
    f"3{NNBSP}000",
    "12 %",
    "d’euros",
    "3 millions d'euros",
    "€15",
    "CHF 40",
    "francs CFA",
    "plus de",
    "que",
    "qu’",
    "à cause de",
    "car",
    "Emmanuel Macron",
    "l'OMS",
    "Côte d’Ivoire",
    "la moitié",
    "sur",
    "deux",
    "fois",
    "en",
    "2023",
    ",",
    ".",
    " ",
    "\n",
    "«",
    "»",
    "M.",
    "Banque",
    "centrale",
    "neuf",
    "un",
]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join))
def test_fragments_keep_the_invariants(text: str) -> None:
    found = find_signals(text)
    check_invariants(text, found)
    assert signal_kinds(text) == tuple(k for k in SignalKind if k in {s.kind for s in found})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_keeps_the_invariants(text: str) -> None:
    check_invariants(text, find_signals(text))


def test_offsets_index_the_string_given() -> None:
    text = "« Selon l’OMS, 12 % des cas », a-t-il dit le 3 mars 2024 à Genève."
    for s in find_signals(text):
        assert text[s.start : s.end] == s.text


def _best_time(text: str, runs: int = 2) -> tuple[float, tuple[Signal, ...]]:
    times: list[float] = []
    found: tuple[Signal, ...] = ()
    for _ in range(runs):
        start = time.perf_counter()
        found = find_signals(text)
        times.append(time.perf_counter() - start)
    return min(times), found


NEWS = (
    "Selon l’OMS, les cas ont doublé à cause de la chaleur : 3 millions d'euros, 12 %, "
    "le 3 mars 2024, plus de médecins que la Belgique, Emmanuel Macron et la Banque "
    "centrale européenne. "
)


# Each input is built at size n and 4n: linear work takes about 4 times as long, a quadratic
# pass 16 times (a ratio says more than an absolute limit on a loaded machine).
@pytest.mark.parametrize(
    "build",
    [
        pytest.param(lambda n: NEWS * (n // len(NEWS)), id="news"),
        pytest.param(lambda n: "vingt-deux et " * (n // 14), id="number-words"),
        pytest.param(lambda n: "1 000 " * (n // 6), id="thousands"),
        pytest.param(lambda n: "plus " * (n // 5), id="comparatives"),
        pytest.param(lambda n: "1" + " " * n + "€", id="spaces"),
        pytest.param(lambda n: "Abc Def de Ghi " * (n // 15), id="capitalised"),
        pytest.param(lambda n: "des milliers de " * (n // 16), id="approximate"),
    ],
)
def test_large_inputs_take_linear_time(build: Callable[[int], str]) -> None:
    small, _ = _best_time(build(5_000))
    text = build(20_000)
    large, found = _best_time(text)
    assert large < 10.0, f"{large:.2f}s for {len(text)} characters"
    assert large < 8 * small + 0.05, f"{small:.3f}s for n, {large:.3f}s for 4n"
    check_invariants(text, found[:1000])


def test_docstring_examples() -> None:
    assert doctest.testmod(signals).failed == 0
