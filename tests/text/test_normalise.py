"""Specification of :func:`quoteattr.text.normalise.normalise`: web typography cleaned in place.

Every row gives a French sentence as some outlet might type it and the exact text expected
back. The contract checked on every row, and by the properties below on any text: the
result has the length of the input, so every offset found on it indexes the original string.
The sentences are invented for these tests.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.text.marks import find_quotations
from quoteattr.text.normalise import normalise

Row = tuple[str, str]


def _changed(original: str, cleaned: str) -> list[int]:
    return [i for i, (a, b) in enumerate(zip(original, cleaned, strict=True)) if a != b]


def _check(text: str, expected: str) -> None:
    result = normalise(text)
    assert len(result) == len(text)
    assert result == expected


# --- rules 1 and 2: format characters and special spaces ------------------------------------

INVISIBLE_AND_SPACES: dict[str, Row] = {
    "byte-order mark at the start of a press release": (
        "\ufeffLe maire a déclaré : « Les travaux reprendront lundi. »",
        " Le maire a déclaré : « Les travaux reprendront lundi. »",
    ),
    "byte-order mark in the middle (two files pasted together)": (
        "Fin du premier texte.\ufeffDébut du second.",
        "Fin du premier texte. Début du second.",
    ),
    "zero-width space left by a content management system": (
        "La ministre\u200b a répondu sèchement.",
        "La ministre  a répondu sèchement.",
    ),
    "word joiner": (
        "Il l\u2060’a confirmé jeudi.",
        "Il l ’a confirmé jeudi.",
    ),
    "wire style: no-break spaces inside guillemets and before colons": (
        "Le syndicat prévient\u00a0: «\u00a0Nous ne céderons pas\u00a0».",
        "Le syndicat prévient : « Nous ne céderons pas ».",
    ),
    "narrow no-break spaces before ; ! ?": (
        "Qui paiera\u202f? Personne\u202f! dit-il\u202f; puis il part.",
        "Qui paiera ? Personne ! dit-il ; puis il part.",
    ),
    "thin, figure, punctuation and hair spaces": (
        "Un budget de 3\u2009400\u2007000 euros\u2008voté\u200aen mars.",
        "Un budget de 3 400 000 euros voté en mars.",
    ),
    "ideographic and em spaces": (
        "Titre\u3000: la séance\u2003est levée.",
        "Titre : la séance est levée.",
    ),
}

# --- rule 3: backtick and acute accent typed for an apostrophe ------------------------------

APOSTROPHES: dict[str, Row] = {
    "forum style backtick": (
        "Il n`avait jamais vu ça, a-t-il écrit.",
        "Il n'avait jamais vu ça, a-t-il écrit.",
    ),
    "acute accent after an article": (
        "Le chef d´état-major de l´armée s´est exprimé.",
        "Le chef d'état-major de l'armée s'est exprimé.",
    ),
    "inside aujourd'hui": (
        "Aujourd`hui comme aujourd´hui.",
        "Aujourd'hui comme aujourd'hui.",
    ),
    "capital letters and accented letters": (
        "L´Élysée et l`Union européenne, qu´Éric cite.",
        "L'Élysée et l'Union européenne, qu'Éric cite.",
    ),
    "not between letters: code, a lone accent, a digit": (
        "Tapez `make` puis ´ seul, ou 3`4 et a´ .",
        "Tapez `make` puis ´ seul, ou 3`4 et a´ .",
    ),
}

# --- rule 4: doubled single marks -------------------------------------------------------------

DOUBLED: dict[str, Row] = {
    "blog style: two ASCII apostrophes, ASCII apostrophe inside": (
        "Le maire a lancé ''C'est une victoire'' devant la foule.",
        'Le maire a lancé  "C\'est une victoire"  devant la foule.',
    ),
    "two ASCII apostrophes, typographic apostrophe inside": (
        "Le maire a lancé ''C’est une victoire'' devant la foule.",
        'Le maire a lancé  "C’est une victoire"  devant la foule.',
    ),
    "closing pair before a comma and an incise": (
        "''Nous n'irons pas'', a-t-elle prévenu.",
        ' "Nous n\'irons pas" , a-t-elle prévenu.',
    ),
    "after a colon, closing before a period": (
        "Le porte-parole a résumé :''rien n'est décidé''.",
        'Le porte-parole a résumé : "rien n\'est décidé" .',
    ),
    "two pairs in one sentence": (
        "Il a dit ''oui'' puis ''non''.",
        'Il a dit  "oui"  puis  "non" .',
    ),
    "closing after an exclamation mark": (
        "Elle a crié ''Au secours !'' dans la rue.",
        'Elle a crié  "Au secours !"  dans la rue.',
    ),
    "LaTeX style opening backticks": (
        "Il parle d'une ``erreur de calcul'' dans le rapport.",
        'Il parle d\'une  "erreur de calcul"  dans le rapport.',
    ),
    "word-processor style ‘‘…’’ with typographic apostrophe inside": (
        "La députée a répondu ‘‘Je n’ai rien à cacher’’, jeudi.",
        "La députée a répondu  “Je n’ai rien à cacher” , jeudi.",
    ),
    "word-processor style ‘’…’’": (
        "Selon l’entraîneur, ‘’l’équipe a tout donné’’.",
        "Selon l’entraîneur,  “l’équipe a tout donné” .",
    ),
    "’’…’’ after a dash": (
        "Réponse du ministre —’’aucun commentaire’’.",
        "Réponse du ministre — “aucun commentaire” .",
    ),
    "the start and the end of the text": (
        "''Tout va bien''",
        ' "Tout va bien" ',
    ),
    "doubled mark inside a word is a typo, not a quote": (
        "Il l''a dit aujourd''hui et aujourd’’hui.",
        "Il l''a dit aujourd''hui et aujourd’’hui.",
    ),
    "seconds and inches with no opening pair": (
        "Il a couru en 9'58'' sur un écran de 15''.",
        "Il a couru en 9'58'' sur un écran de 15''.",
    ),
    "a pair does not cross a line break": (
        "Il a dit ''oui\net puis non'' ensuite.",
        "Il a dit ''oui\net puis non'' ensuite.",
    ),
    "three apostrophes or more are left alone": (
        "Le mot '''gras''' et ''''rien''''.",
        "Le mot '''gras''' et ''''rien''''.",
    ),
    "an empty pair is left alone": (
        "Une chaîne vide '' ici.",
        "Une chaîne vide '' ici.",
    ),
    "single quotation marks stay single": (
        "Le terme ‘résilience’ et le mot 'crise' reviennent souvent.",
        "Le terme ‘résilience’ et le mot 'crise' reviennent souvent.",
    ),
    "an unclosed opener stays as typed, the later pair is read": (
        "Il a lancé ''bon et ''merci'' au public.",
        "Il a lancé ''bon et  \"merci\"  au public.",
    ),
    "ASCII and curly pairs do not close each other": (
        "Il a dit ''oui’’ hier.",
        "Il a dit ''oui’’ hier.",
    ),
}

# --- rule 5: ASCII guillemets ------------------------------------------------------------------

ASCII_GUILLEMETS: dict[str, Row] = {
    "web copy style with inner spaces": (
        "Le préfet a assuré : << La situation est sous contrôle >>.",
        "Le préfet a assuré :  « La situation est sous contrôle » .",
    ),
    "Swiss style with no inner spaces": (
        "La conseillère fédérale a parlé de <<recul>> et de <<prudence>>.",
        "La conseillère fédérale a parlé de  «recul»  et de  «prudence» .",
    ),
    "closing before an incise": (
        "<<On ne lâchera rien>>, a martelé la secrétaire générale.",
        " «On ne lâchera rien» , a martelé la secrétaire générale.",
    ),
    "a lone shift operator is code": (
        "Le programme calcule x << 2 puis cout << total.",
        "Le programme calcule x << 2 puis cout << total.",
    ),
    "a lone >> marks a link": (
        ">> Lire aussi : la réforme des retraites en cinq questions",
        ">> Lire aussi : la réforme des retraites en cinq questions",
    ),
    "glued to a letter or digit: code": (
        "La valeur 1<<4 vaut seize, et a<<b>>c rien.",
        "La valeur 1<<4 vaut seize, et a<<b>>c rien.",
    ),
    "runs of three are left alone": (
        "Voir <<< ici >>> et <<<là>>>.",
        "Voir <<< ici >>> et <<<là>>>.",
    ),
    "no text between them": (
        "Un champ vide << >> dans le formulaire.",
        "Un champ vide << >> dans le formulaire.",
    ),
    "a pair does not cross a line break": (
        "Il a dit << je reviens\ndemain >> en partant.",
        "Il a dit << je reviens\ndemain >> en partant.",
    ),
    "one line of code with both operators is read as guillemets (documented)": (
        "On écrit a << b >> c.",
        "On écrit a  « b »  c.",
    ),
}

# --- rule 6: marks of the wrong family --------------------------------------------------------

MIXED: dict[str, Row] = {
    "wire style: « closed by ” before an incise": (
        "« Nous ne signerons pas ”, a déclaré le délégué.",
        "« Nous ne signerons pas », a déclaré le délégué.",
    ),
    "« closed by ” at the end of the paragraph": (
        "Le juge a conclu : « L’affaire est close ”",
        "Le juge a conclu : « L’affaire est close »",
    ),
    "a nested curly pair inside the « quote": (
        "« Il a parlé de “trahison” devant nous ”, raconte-t-elle.",
        "« Il a parlé de “trahison” devant nous », raconte-t-elle.",
    ),
    "regional daily style: “ closed by »": (
        "“ Le marché couvert rouvrira en juin », promet l’adjointe.",
        "« Le marché couvert rouvrira en juin », promet l’adjointe.",
    ),
    "both slips in one paragraph": (
        "« Non ”, a-t-il dit. “ Peut-être », a-t-elle corrigé.",
        "« Non », a-t-il dit. « Peut-être », a-t-elle corrigé.",
    ),
    "each paragraph on its own": (
        "« Premier point ”, dit-il.\n“ Second point », ajoute-t-il.",
        "« Premier point », dit-il.\n« Second point », ajoute-t-il.",
    ),
    "a ” glued to the next word opens, it does not close": (
        "« Le mot ”oui” a été prononcé, assure-t-il.",
        "« Le mot ”oui” a été prononcé, assure-t-il.",
    ),
    "a later » is the real closer": (
        "« J’ai dit ” non ”, voilà tout », insiste-t-il.",
        "« J’ai dit ” non ”, voilà tout », insiste-t-il.",
    ),
    "a later ” is the real closer of the “": (
        "“ Un mot » glissé puis la fin ”, dit-elle.",
        "“ Un mot » glissé puis la fin ”, dit-elle.",
    ),
    "a « closed in the next paragraph is not repaired across it": (
        "« Début de la citation\nsuite ”, conclut-il.",
        "« Début de la citation\nsuite ”, conclut-il.",
    ),
    "a » inside an open « quote closes the «": (
        "« Il a dit “ oui », puis il est parti.",
        "« Il a dit “ oui », puis il est parti.",
    ),
    "a “ glued to a word is not repaired": (
        "Le sigle X“ est faux », dit-il.",
        "Le sigle X“ est faux », dit-il.",
    ),
    "an unpaired << is not a « for this rule": (
        "Il a répondu <<sans doute ”, puis s’est tu.",
        "Il a répondu <<sans doute ”, puis s’est tu.",
    ),
    "curly doubled marks become “ ”, then are read here": (
        "« Il faut ‘‘tenir’’ ”, dit le coach.",
        "« Il faut  “tenir”  », dit le coach.",
    ),
}

# --- texts with nothing to clean --------------------------------------------------------------

UNCHANGED: list[str] = [
    "L’État a annoncé aujourd’hui qu’il n’y aurait pas de report.",
    "L'État a annoncé aujourd'hui qu'il n'y aurait pas de report.",
    "« Nous serons prêts », a assuré la présidente de région.",
    "«Nous serons prêts», a assuré la conseillère d’État genevoise.",
    "“Nous serons prêts”, a assuré le ministre, cité par l’agence.",
    'Le "plan de relance" sera présenté demain.',
    "Elle parle d’un ‘malentendu’ et d’une 'erreur'.",
    "— Tu viens ? demanda-t-il.\n— Non, répondit-elle.",
    "Le score final est de 3-1, à 22 h 30.",
    "Les ventes ont augmenté de 5 % (source : Insee).",
    "",
]


def _rows(table: dict[str, Row]) -> list[object]:
    return [pytest.param(text, expected, id=name) for name, (text, expected) in table.items()]


@pytest.mark.parametrize(("text", "expected"), _rows(INVISIBLE_AND_SPACES))
def test_invisible_characters_and_special_spaces(text: str, expected: str) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _rows(APOSTROPHES))
def test_backtick_and_acute_apostrophes(text: str, expected: str) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _rows(DOUBLED))
def test_doubled_single_marks(text: str, expected: str) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _rows(ASCII_GUILLEMETS))
def test_ascii_guillemets(text: str, expected: str) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _rows(MIXED))
def test_mixed_mark_families(text: str, expected: str) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text", UNCHANGED)
def test_clean_text_comes_back_identical(text: str) -> None:
    assert normalise(text) == text


def test_space_lies_outside_the_quote() -> None:
    text = "Il a dit ''oui'' et <<non>>."
    result = normalise(text)
    assert _changed(text, result) == [9, 10, 14, 15, 20, 21, 25, 26]
    assert result[9:11] == ' "' and result[14:16] == '" '
    assert result[20:22] == " «" and result[25:27] == "» "


QUOTED_CONTENT: dict[str, tuple[str, list[str]]] = {
    "ASCII doubled": ("Il a dit ''Bonjour'', puis ''Au revoir''.", ["Bonjour", "Au revoir"]),
    "curly doubled": ("Il a dit ‘’Bonjour’’, puis ‘‘Au revoir’’.", ["Bonjour", "Au revoir"]),
    "ASCII guillemets": ("Il a dit <<Bonjour>>, puis << Au revoir >>.", ["Bonjour", "Au revoir"]),
    "mixed families": ("« Non ”, dit-il. “ Oui », dit-elle.", ["Non", "Oui"]),
}


@pytest.mark.parametrize(
    ("text", "contents"),
    [pytest.param(text, contents, id=name) for name, (text, contents) in QUOTED_CONTENT.items()],
)
def test_offsets_found_on_the_result_index_the_original(text: str, contents: list[str]) -> None:
    quotes = find_quotations(normalise(text))
    assert all(q.balanced for q in quotes)
    assert [text[q.content.start : q.content.end] for q in quotes] == contents


# --- properties ---------------------------------------------------------------------------------

_TRICKY = list("aéZ9 .,:;!?-—()\n\t'’‘`´\"«»“”<>\ufeff\u200b\u2060\u00a0\u202f\u2009\u3000")
_ANY_TEXT = st.text(st.sampled_from(_TRICKY) | st.characters(), max_size=80)
_CHANGEABLE = frozenset(
    "\ufeff\u200b\u2060\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000`´'‘’<>“”"
)
_OUTPUTS = frozenset(" '\"“”«»")


@settings(max_examples=400, deadline=None)
@given(_ANY_TEXT)
def test_length_is_always_preserved(text: str) -> None:
    assert len(normalise(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_only_known_characters_change_and_only_into_known_ones(text: str) -> None:
    result = normalise(text)
    for i in _changed(text, result):
        assert text[i] in _CHANGEABLE and result[i] in _OUTPUTS, (text, result, i)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


_WORD = st.text(st.sampled_from(list("abcdéèàçôEÉLqu")), min_size=1, max_size=8)
_ELIDED = st.builds(lambda a, mark, b: f"{a}{mark}{b}", _WORD, st.sampled_from("'’"), _WORD)
_CLEAN_TOKEN = _WORD | _ELIDED | st.sampled_from([",", ".", " :", " ?", " !", "3", "42", "-"])
_QUOTE = st.builds(lambda words: f"« {' '.join(words)} »", st.lists(_WORD, min_size=1, max_size=4))
_CLEAN_TEXT = st.lists(_CLEAN_TOKEN | _QUOTE, max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_CLEAN_TEXT)
def test_text_with_nothing_to_clean_comes_back_identical(text: str) -> None:
    assert normalise(text) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(_ELIDED, min_size=1, max_size=10).map(" ".join), _ANY_TEXT)
def test_single_apostrophes_inside_words_never_change(words: str, noise: str) -> None:
    text = f"{noise} {words} "
    start = len(noise) + 1
    assert normalise(text)[start : start + len(words)] == words


# --- linear time ----------------------------------------------------------------------------------

_PARAGRAPH = (
    "\ufeffLe maire a lancé ''C'est une victoire'', puis << merci >> à l´équipe. "
    "« Nous ne signerons pas ”, a dit le délégué. “ Rendez-vous en juin », a-t-il ajouté. "
    "Tapez x << 2 et ‘‘vous verrez’’ aujourd’hui\u00a0! Il n`avait rien dit.\n"
)


def _best_time(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        normalise(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    "unit",
    [
        pytest.param(_PARAGRAPH, id="paragraphs"),
        pytest.param(_PARAGRAPH.replace("\n", " "), id="one-long-line"),
        pytest.param("« a ” ‘‘b << c ''d “ e ", id="unclosed-marks-one-line"),
    ],
)
def test_linear_time_on_a_megabyte(unit: str) -> None:
    small = unit * (250_000 // len(unit) + 1)
    large = small * 4
    assert len(large) >= 1_000_000
    assert len(normalise(large)) == len(large)
    assert _best_time(large) < 8 * _best_time(small)
