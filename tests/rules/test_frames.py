"""Complement frames written once per cue class in ``data/frames.tsv`` (issue 18 §1).

``accuse X de INF``, ``à X NP``, ``se plaindre de NP``, ``mettre en garde contre NP``, ``démentir
NP``: the message is the noun phrase or infinitive the frame names, whatever the verb of the
class. What the GUIDELINES exclude stays out: a target that only points back (``nie leur
version``), a complaint about a definite thing (``se plaint de la décision``), a subject that
cannot speak (``des emplois menacés de …``). Our own sentences, several outlets' styles, both
apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of, rows_with_both_apostrophes

from quoteattr.records import QuoteKind
from quoteattr.rules.frames import frames_for

CASES: list[tuple[str, str, str]] = [
    # (text, content, cue)
    ("L'opposition accuse le maire de mentir sur les comptes.", "mentir sur les comptes", "accuse"),
    ("Le parquet accuse l'élu de corruption passive.", "corruption passive", "accuse"),
    (
        "Les ONG reprochent aux gendarmes des violences répétées.",
        "des violences répétées",
        "reprochent",
    ),
    ("Les riverains se plaignent de ne plus dormir.", "ne plus dormir", "se plaignent"),
    ("Le club se plaint d'un arbitrage défavorable.", "un arbitrage défavorable", "se plaint"),
    # a reflexive verb's participle the parser took for a noun ("plainte")
    (
        "La défense s'est également plainte d'un manque de temps.",
        "un manque de temps",
        "s'est également plainte",
    ),
    (
        "Le syndicat menace la direction de poursuites judiciaires.",
        "poursuites judiciaires",
        "menace",
    ),
    (
        "Le Premier ministre a mis en garde contre une crise prolongée.",
        "une crise prolongée",
        "a mis en garde",
    ),
    ("Les médecins alertent sur la pénurie de vaccins.", "la pénurie de vaccins", "alertent"),
    (
        "Le ministre a nié l'existence d'une consigne.",
        "l'existence d'une consigne",
        "a nié",
    ),
    (
        "Les avocats ont plaidé la relaxe de leur client.",
        "la relaxe de leur client",
        "ont plaidé",
    ),
    # a judgement: the attribute with the noun phrase it qualifies, in either order
    ("Le procureur juge la peine trop légère.", "la peine trop légère", "juge"),
    ("L'ONG considère ce texte inacceptable.", "ce texte inacceptable", "considère"),
    (
        "Les élus jugent le projet de loi dangereux pour les libertés.",
        "le projet de loi dangereux pour les libertés",
        "jugent",
    ),
    (
        "Le Conseil d'État a jugé injustifiée la fermeture des bars.",
        "injustifiée la fermeture des bars",
        "a jugé",
    ),
    ("Nous estimons injuste la décision du préfet.", "injuste la décision du préfet", "estimons"),
    # the object clitic before the verb stands for the noun phrase (not "les juge" nor
    # "l'estime", that both parsers may read as an article and a noun)
    (
        "Les juges la considèrent responsable de l'accident.",
        "responsable de l'accident",
        "considèrent",
    ),
]

NOT_MESSAGES = [
    "Le ministre a nié leur version.",
    "La championne se plaint de la décision du jury.",
    "De 1 000 à 4 000 emplois sont menacés de suppression chez le constructeur.",
    "Le ministre n'accuse pas le maire de mentir.",
    # a reflexive verb judges its own subject; an estimate or a trial states no judgement
    "Il s'estime lésé par la décision.",
    "Nous nous estimons trahis par le gouvernement.",
    "Le cabinet estime les dégâts à trois millions d'euros.",
    "Le tribunal jugera les prévenus en mars.",
]


@pytest.mark.parametrize(("text", "content", "cue"), rows_with_both_apostrophes(CASES))
def test_the_frame_gives_the_message(text: str, content: str, cue: str) -> None:
    found = [q for q in quotes_of(text) if q.kind is QuoteKind.INDIRECT]
    assert [(q.content.text, q.cue.span.text if q.cue else None) for q in found] == [(content, cue)]
    assert found[0].speaker is not None


@pytest.mark.parametrize("text", [v for t in NOT_MESSAGES for v in both_apostrophes(t)])
def test_no_message_outside_the_frames(text: str) -> None:
    assert [q.content.text for q in quotes_of(text) if q.kind is QuoteKind.INDIRECT] == []


def test_frames_are_read_once_per_class() -> None:
    accuse = frames_for("accuser", "accuse")
    assert {(f.target, f.preps, f.message) for f in accuse} >= {(True, ("de",), "INF")}
    assert frames_for("fustiger", "accuse")[0].message == "INF"  # the class's, for every verb
    assert frames_for("annoncer", "announce") == ()


PASSIVES = [
    # (text, content, speaker name or None when the agent is not named)
    ("Le maire est accusé par l'opposition de favoritisme.", "favoritisme", "l'opposition"),
    ("Le maire est accusé par l'opposition d'avoir menti sur les comptes.",
     "avoir menti sur les comptes", "l'opposition"),
    ("Le directeur de l'usine est accusé par les syndicats de la région de mentir.", "mentir",
     "les syndicats de la région"),
    ("Il est accusé d'avoir détourné des fonds.", "avoir détourné des fonds", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (v, c.replace("'", "’") if "’" in v else c, n.replace("'", "’") if n and "’" in v else n)
        for t, c, n in PASSIVES
        for v in both_apostrophes(t)
    ],
)
def test_a_passive_accusation_is_its_agents(text: str, content: str, name: str | None) -> None:
    found = [q for q in quotes_of(text) if q.kind is QuoteKind.INDIRECT]
    assert [q.content.text for q in found] == [content]
    assert found[0].speaker_name == (name.replace("’", "'") if name else None)
