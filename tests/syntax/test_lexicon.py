"""Tests for the reporting-cue lexicon (quoteattr/syntax/lexicon.py and quoteattr/data)."""

from __future__ import annotations

import doctest
import unicodedata
from importlib import resources
from pathlib import Path

import attrs
import pytest

import quoteattr.syntax.lexicon as lexicon_module
from quoteattr.records import CueClass, CueType
from quoteattr.syntax.lexicon import (
    SOURCES,
    Lexicon,
    LexiconEntry,
    default_lexicon,
    load_lexicon,
    normalize_lemma,
)

N, A, D, C = CueClass.NEUTRAL, CueClass.ASSERT, CueClass.DENY, CueClass.CONCEDE
CL, AC, Q, AN = CueClass.CLAIM, CueClass.ACCUSE, CueClass.QUESTION, CueClass.ANNOUNCE

HEADER = "lemma\ttype\tclass\tsources\tincise_only\n"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return default_lexicon()


def _data(name: str) -> str:
    return resources.files("quoteattr").joinpath("data").joinpath(name).read_text(encoding="utf-8")


# --- classes of the news verbs ----------------------------------------------------------------

EXPECTED_CLASSES = {
    "dire": N, "déclarer": N, "indiquer": N, "ajouter": N, "préciser": N, "expliquer": N,
    "poursuivre": N, "commenter": N, "raconter": N, "répondre": N, "répliquer": N,
    "rétorquer": N, "rappeler": N, "noter": N, "observer": N, "relever": N, "écrire": N,
    "tweeter": N, "confier": N, "témoigner": N, "lancer": N, "reprendre": N, "faire": N,
    "sourire": N, "murmurer": N, "crier": N, "hurler": N, "chuchoter": N, "soupirer": N,
    "exclamer": N, "écrier": N, "ironiser": N, "plaisanter": N, "conclure": N, "résumer": N,
    "détailler": N, "expliciter": N, "mentionner": N, "évoquer": N, "signaler": N,
    "communiquer": AN, "proposer": N, "suggérer": N, "regretter": N, "saluer": N,
    "féliciter": N, "inquiéter": N, "alarmer": N, "continuer": N, "enchaîner": N,
    "affirmer": A, "assurer": A, "estimer": A, "juger": A, "considérer": A, "souligner": A,
    "soutenir": A, "maintenir": A, "insister": A, "marteler": A, "confirmer": A,
    "certifier": A, "attester": A, "garantir": A, "jurer": A, "constater": A, "trancher": A,
    "démentir": D, "nier": D, "contester": D, "réfuter": D, "infirmer": D, "objecter": D,
    "protester": D,
    "reconnaître": C, "admettre": C, "concéder": C, "avouer": C, "convenir": C, "nuancer": C,
    "tempérer": C,
    "revendiquer": CL, "prétendre": CL, "justifier": CL, "argumenter": CL, "plaider": CL,
    "exiger": CL, "réclamer": CL, "appeler": CL, "faire valoir": CL,
    "accuser": AC, "dénoncer": AC, "reprocher": AC, "fustiger": AC, "critiquer": AC,
    "déplorer": AC, "insurger": AC, "indigner": AC,
    "interroger": Q, "demander": Q, "questionner": Q, "étonner": Q,
    "annoncer": AN, "révéler": AN, "dévoiler": AN, "informer": AN, "avertir": AN,
    "prévenir": AN, "alerter": AN, "promettre": AN, "menacer": AN, "prédire": AN,
    "mettre en garde": AN,
}  # fmt: skip


@pytest.mark.parametrize(("lemma", "cls"), sorted(EXPECTED_CLASSES.items()))
def test_news_verbs_have_expected_class(lex: Lexicon, lemma: str, cls: CueClass) -> None:
    entry = lex.lookup(lemma, type=CueType.VERB)
    assert entry is not None, lemma
    assert entry.cls is cls
    assert entry.type is CueType.VERB


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("s'interroger", "interroger"),
        ("s’interroger", "interroger"),
        ("se féliciter", "féliciter"),
        ("s'exclamer", "exclamer"),
        ("s'écrier", "écrier"),
        ("s'insurger", "insurger"),
        ("s'indigner", "indigner"),
        ("s'étonner", "étonner"),
        ("s'alarmer", "alarmer"),
        ("s'inquiéter", "inquiéter"),
        ("s'emporter", "emporter"),
        ("s'amuser", "amuser"),
        ("  DIRE ", "dire"),
        (unicodedata.normalize("NFD", "Démentir"), "démentir"),
    ],
)
def test_lemma_normalisation(lex: Lexicon, lemma: str, expected: str) -> None:
    entry = lex.lookup(lemma)
    assert entry is not None
    assert entry.lemma == expected


@pytest.mark.parametrize(
    ("lemma", "type_", "cls"),
    [
        ("selon", CueType.PREPOSITION, CueClass.SOURCE),
        ("d'après", CueType.PREPOSITION, CueClass.SOURCE),
        ("d’après", CueType.PREPOSITION, CueClass.SOURCE),
        ("à en croire", CueType.PREPOSITION, CueClass.SOURCE),
        ("déclaration", CueType.NOUN, N),
        ("communiqué", CueType.NOUN, N),
        ("propos", CueType.NOUN, N),
        ("annonce", CueType.NOUN, AN),
        ("affirmation", CueType.NOUN, A),
        ("aveu", CueType.NOUN, C),
        ("démenti", CueType.NOUN, D),
        ("réponse", CueType.NOUN, N),
        ("message", CueType.NOUN, N),
        ("tweet", CueType.NOUN, N),
        ("interview", CueType.NOUN, N),
        ("entretien", CueType.NOUN, N),
        ("discours", CueType.NOUN, N),
        ("lettre", CueType.NOUN, N),
        ("critique", CueType.NOUN, AC),
        ("accusation", CueType.NOUN, AC),
        ("promesse", CueType.NOUN, AN),
        ("appel", CueType.NOUN, CL),
        ("mise en garde", CueType.NOUN, AN),
    ],
)
def test_nouns_and_prepositions(lex: Lexicon, lemma: str, type_: CueType, cls: CueClass) -> None:
    entry = lex.lookup(lemma, type=type_)
    assert entry is not None
    assert (entry.type, entry.cls) == (type_, cls)


# --- inflected forms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("démentit", "démentir"),
        ("dément", "démentir"),
        ("rétorqua", "rétorquer"),
        ("rétorqua-t-il", "rétorquer"),
        ("s'écria", "écrier"),
        ("écria", "écrier"),
        ("s’exclama", "exclamer"),
        ("réfuta", "réfuter"),
        ("fit", "faire"),
        ("fit-il", "faire"),
        ("sourit", "sourire"),
        ("reprit", "reprendre"),
        ("lança-t-elle", "lancer"),
        ("poursuit", "poursuivre"),
        ("enchaîna", "enchaîner"),
        ("enchaina", "enchaîner"),
        ("reconnut", "reconnaître"),
        ("reconnait", "reconnaître"),
        ("admit", "admettre"),
        ("promit", "promettre"),
        ("soutint", "soutenir"),
        ("maintiennent", "maintenir"),
        ("convint", "convenir"),
        ("prévint", "prévenir"),
        ("conclut", "conclure"),
        ("écrivit", "écrire"),
        ("décrivait", "décrire"),
        ("dites", "dire"),
        ("prédisez", "prédire"),
        ("répondit", "répondre"),
        ("interrompit", "interrompre"),
        ("s'enquit", "enquérir"),
        ("se plaignit", "plaindre"),
        ("martèle", "marteler"),
        ("martèlera", "marteler"),
        ("appelle", "appeler"),
        ("rappellera", "rappeler"),
        ("grommelle", "grommeler"),
        ("répète", "répéter"),
        ("répétera", "répéter"),
        ("répètera", "répéter"),
        ("allègue", "alléguer"),
        ("annonça", "annoncer"),
        ("exigeait", "exiger"),
        ("avertit", "avertir"),
        ("garantissent", "garantir"),
        ("demanda", "demander"),
        ("murmura", "murmurer"),
        ("interrogeant", "interroger"),
        ("affirmées", "affirmer"),
        ("estimerait", "estimer"),
        ("concédât", "concéder"),
    ],
)
def test_forms_resolve_through_cue_forms(lex: Lexicon, form: str, lemma: str) -> None:
    entry = lex.lookup("<unknown>", form=form, type=CueType.VERB)
    assert entry is not None, form
    assert entry.lemma == lemma
    # a lemmatizer that returns the surface form unchanged is caught too
    again = lex.lookup(form)
    assert again is not None
    assert again.lemma == lemma


def test_lemma_wins_over_form(lex: Lexicon) -> None:
    entry = lex.lookup("rétorquer", form="dit")
    assert entry is not None
    assert entry.lemma == "rétorquer"


def test_type_filter(lex: Lexicon) -> None:
    noun = lex.lookup("annonce")
    assert noun is not None and noun.type is CueType.NOUN
    verb = lex.lookup("annonce", type=CueType.VERB)
    assert verb is not None and verb.lemma == "annoncer"
    assert lex.lookup("selon", type=CueType.VERB) is None
    assert lex.lookup("dire", type=CueType.PUNCTUATION) is None
    démenti = lex.lookup("démenti", form="démenti", type=CueType.VERB)
    assert démenti is not None and démenti.lemma == "démentir"


def test_lemma_for_form(lex: Lexicon) -> None:
    assert lex.lemma_for_form("Rétorqua") == "rétorquer"
    assert lex.lemma_for_form("s'écria-t-il") == "écrier"
    assert lex.lemma_for_form("mange") is None


# --- what is left out -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lemma",
    [
        "manger", "voir", "aller", "être", "avoir", "espérer", "croire", "souhaiter",
        "publier", "savoir", "vouloir", "craindre", "trouver", "parler", "prononcer",
        "téléphoner", "bavarder", "aboyer",
    ],
)  # fmt: skip
def test_non_speech_words_are_absent(lex: Lexicon, lemma: str) -> None:
    assert lemma not in lex
    assert lex.lookup(lemma) is None


@pytest.mark.parametrize(
    "form", ["mange", "croit", "espère", "va", "voit", "admirent", "relations"]
)
def test_non_speech_forms_are_absent(lex: Lexicon, form: str) -> None:
    assert lex.lemma_for_form(form) is None
    assert lex.lookup("<unknown>", form=form) is None


# --- flags and structure ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "lemma",
    ["faire", "sourire", "reprendre", "lancer", "poursuivre", "continuer", "enchaîner",
     "glisser", "trancher", "amuser"],
)  # fmt: skip
def test_incise_only_verbs(lex: Lexicon, lemma: str) -> None:
    entry = lex.verbs[lemma]
    assert entry.incise_only


@pytest.mark.parametrize(
    "lemma", ["dire", "affirmer", "démentir", "estimer", "ajouter", "répondre", "demander"]
)
def test_ordinary_verbs_are_not_incise_only(lex: Lexicon, lemma: str) -> None:
    assert not lex.verbs[lemma].incise_only


def test_partition_and_counts(lex: Lexicon) -> None:
    assert len(lex) == len(lex.verbs) + len(lex.nouns) + len(lex.prepositions)
    assert len(lex) == len(list(lex)) == len(lex.entries)
    assert 150 <= len(lex) <= 300
    assert all(e.type is CueType.VERB for e in lex.verbs.values())
    assert all(e.type is CueType.NOUN for e in lex.nouns.values())
    assert {e.cls for e in lex.prepositions.values()} == {CueClass.SOURCE}
    assert not any(e.incise_only for e in lex if e.type is not CueType.VERB)
    assert {"selon", "d'après"} <= set(lex.prepositions)
    assert all(set(e.sources) <= SOURCES for e in lex)
    assert repr(lex).startswith("<Lexicon: ")


def test_multiword_entries(lex: Lexicon) -> None:
    assert [e.lemma for e in lex.expressions("mettre")] == ["mettre en garde"]
    assert {e.lemma for e in lex.expressions("faire")} == {
        "faire valoir",
        "faire savoir",
        "faire état de",
        "faire part de",
    }
    assert lex.expressions("dire") == ()
    entry = lex.lookup("Mettre  en garde")
    assert entry is not None and entry.multiword and entry.head == "mettre"


def test_every_verb_has_forms(lex: Lexicon) -> None:
    for entry in lex.verbs.values():
        if entry.multiword:
            continue
        assert lex.forms.get(entry.lemma) == entry.lemma, entry.lemma
    assert set(lex.forms.values()) == {e.lemma for e in lex.verbs.values() if not e.multiword}


def test_sources_credit_the_raw_lists(lex: Lexicon) -> None:
    assert "textacy" in lex.verbs["rétorquer"].sources
    assert "verbenet" in lex.verbs["murmurer"].sources
    assert "ggt" in lex.verbs["indiquer"].sources
    assert lex.verbs["démentir"].sources == ("news",)


def test_entry_is_frozen(lex: Lexicon) -> None:
    entry = lex.verbs["dire"]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entry.cls = CueClass.DENY  # type: ignore[misc]


def test_normalize_lemma() -> None:
    assert normalize_lemma("S’Écrier") == "écrier"
    assert normalize_lemma("se") == "se"
    assert normalize_lemma("selon") == "selon"


# --- packaged data files ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["cues.tsv", "cue_forms.tsv", "LICENSES.md"])
def test_data_files_are_package_resources(name: str) -> None:
    resource = resources.files("quoteattr").joinpath("data").joinpath(name)
    assert resource.is_file()
    assert resource.read_text(encoding="utf-8").strip()


def test_default_lexicon_is_cached() -> None:
    assert default_lexicon() is load_lexicon() is default_lexicon()


def test_cues_file_is_sorted_without_duplicates() -> None:
    lines = _data("cues.tsv").splitlines()
    assert lines[0] == HEADER.rstrip("\n")
    rows = [line.split("\t") for line in lines[1:]]
    order = {"verb": 0, "noun": 1, "preposition": 2}

    def key(row: list[str]) -> tuple[int, str, str]:
        bare = "".join(
            c for c in unicodedata.normalize("NFD", row[0]) if not unicodedata.combining(c)
        )
        return order[row[1]], bare, row[0]

    assert rows == sorted(rows, key=key)
    assert len({(r[0], r[1]) for r in rows}) == len(rows)


def test_licences_name_each_source() -> None:
    text = _data("LICENSES.md")
    for needle in ("MIT", "GenderGapTracker", "CC BY-SA 4.0", "Verb∋Net", "Apache", "textacy"):
        assert needle in text


def test_load_from_folder_and_file(tmp_path: Path) -> None:
    (tmp_path / "cues.tsv").write_text(
        HEADER + "dire\tverb\tneutral\tnews\t0\nselon\tpreposition\tsource\tnews\t0\n",
        encoding="utf-8",
    )
    (tmp_path / "cue_forms.tsv").write_text("form\tlemma\ndit\tdire\n", encoding="utf-8")
    for path in (tmp_path, tmp_path / "cues.tsv", str(tmp_path / "cues.tsv")):
        lex = load_lexicon(path)
        assert len(lex) == 2
        entry = lex.lookup("?", form="dit")
        assert entry is not None and entry.lemma == "dire"


def test_load_without_forms_file(tmp_path: Path) -> None:
    path = tmp_path / "my_cues.tsv"
    path.write_text(HEADER + "dire\tverb\tneutral\tnews\t0\n\n", encoding="utf-8")
    lex = load_lexicon(path)
    assert "dire" in lex and lex.forms == {}


# --- validation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("dire\tverb\tneutral\tnews", "expected 5 tab-separated columns"),
        ("dire verb neutral news 0", "expected 5 tab-separated columns"),
        ("dire\tadverb\tneutral\tnews\t0", "unknown type 'adverb'"),
        ("dire\tpunctuation\tneutral\tnews\t0", "unknown type 'punctuation'"),
        ("dire\tverb\tloud\tnews\t0", "unknown class 'loud'"),
        ("dire\tverb\tneutral\tnews\tyes", "incise_only must be 0 or 1"),
        ("dire\tverb\tneutral\twikipedia\t0", "unknown source 'wikipedia'"),
        ("dire\tverb\tneutral\t\t0", "unknown source ''"),
        ("dire\tverb\tneutral\tnews,news\t0", "repeated source"),
        ("Dire\tverb\tneutral\tnews\t0", "not normalised"),
        ("se dire\tverb\tneutral\tnews\t0", "not normalised"),
        ("\tverb\tneutral\tnews\t0", "empty lemma"),
        ("selon\tpreposition\tneutral\tnews\t0", "class 'source' goes with type 'preposition'"),
        ("dire\tverb\tsource\tnews\t0", "class 'source' goes with type 'preposition'"),
        ("propos\tnoun\tneutral\tnews\t1", "incise_only=1 is only for verbs"),
    ],
)
def test_bad_cue_rows_are_reported(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text(HEADER + "ajouter\tverb\tneutral\tnews\t0\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_lexicon(path)
    assert f"{path}:3:" in str(info.value)


def test_duplicate_entry_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    row = "dire\tverb\tneutral\tnews\t0\n"
    path.write_text(HEADER + row + "nier\tverb\tdeny\tnews\t0\n" + row, encoding="utf-8")
    with pytest.raises(ValueError, match=r":4: duplicate entry 'dire' \(verb\), first on line 2"):
        load_lexicon(path)


@pytest.mark.parametrize(
    "header", ["", "lemma\ttype\tclass\tsources\n", "lemma,type,class,sources,incise_only\n"]
)
def test_bad_header_is_reported(tmp_path: Path, header: str) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text(header + "dire\tverb\tneutral\tnews\t0\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues\.tsv:1: expected header"):
        load_lexicon(path)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("dit", "expected 2 tab-separated columns"),
        ("dit\tmanger", "lemma 'manger' of form 'dit' is not a verb of the lexicon"),
        ("dit\tselon", "is not a verb of the lexicon"),
        ("Dit\tdire", "form 'Dit' is not normalised"),
        ("dit-il\tdire", "form 'dit-il' is not normalised"),
        ("dis\tdire", "form 'dis' listed twice, first on line 2"),
    ],
)
def test_bad_form_rows_are_reported(tmp_path: Path, row: str, message: str) -> None:
    (tmp_path / "cues.tsv").write_text(
        HEADER + "dire\tverb\tneutral\tnews\t0\nselon\tpreposition\tsource\tnews\t0\n",
        encoding="utf-8",
    )
    forms = tmp_path / "cue_forms.tsv"
    forms.write_text("form\tlemma\ndis\tdire\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_lexicon(tmp_path)
    assert f"{forms}:3:" in str(info.value)


def test_lexicon_constructor_checks() -> None:
    dire = LexiconEntry("dire", CueType.VERB, CueClass.NEUTRAL, False, ("news",))
    with pytest.raises(ValueError, match="duplicate entry 'dire'"):
        Lexicon([dire, dire])
    with pytest.raises(ValueError, match="not a verb entry"):
        Lexicon([dire], {"mange": "manger"})
    with pytest.raises(ValueError, match="at least one source"):
        LexiconEntry("dire", CueType.VERB, CueClass.NEUTRAL, False, ())


def test_module_doctests() -> None:
    result = doctest.testmod(lexicon_module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 10
    assert result.failed == 0
