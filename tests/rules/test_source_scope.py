"""What a ``selon X`` / ``d'après X`` / ``aux yeux de X`` source covers (issue 18 §4).

The content of an ``according_to`` record is the clause in the grammatical scope of the
source: the clause it opens, the clause around it when it is set between commas, the clause
it closes, the clause after the comma when it stands in brackets, and only the figure when the
source gives an estimate of its own (``12 000 selon la police, 40 000 selon les syndicats``).
The source phrase stops at a comma that no apposition follows. Our own sentences, several
outlets' styles, both apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of

from quoteattr.records import QuoteKind

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # estimates: each source covers its own figure
    (
        "Ils étaient 12 000 selon la police, 40 000 selon les syndicats, à défiler samedi à Nantes.",
        [("12 000", "la police"), ("40 000", "les syndicats")],
    ),
    (
        "Sous haute protection, 30 000 personnes selon les organisateurs, 6 000 à 8 000 selon "
        "les autorités, avaient défilé dans la ville.",
        [("30 000 personnes", "les organisateurs"), ("6 000 à 8 000", "les autorités")],
    ),
    (
        "Les manifestants, 4 000 selon la police, ont rejoint la place de la République.",
        [("4 000", "la police")],
    ),
    (
        "La grève touche de nombreux hôpitaux – 120 d'après le syndicat, 80 selon la direction.",
        [("120", "le syndicat"), ("80", "la direction")],
    ),
    (
        "Entre 15 000 (selon la police) et 50 000 personnes (selon la CGT) ont manifesté jeudi.",
        [("Entre 15 000", "la police"), ("50 000 personnes", "la CGT")],
    ),
    (
        "Ils étaient des milliers selon les syndicats, quelques centaines selon la préfecture.",
        [("des milliers", "les syndicats"), ("quelques centaines", "la préfecture")],
    ),
    # a figure that is the object of the clause: the source covers the clause
    (
        "Les pompiers ont évacué 230 personnes, d'après la préfecture du Var.",
        [("Les pompiers ont évacué 230 personnes", "la préfecture du Var")],
    ),
    (
        "La manifestation a rassemblé 2 500 personnes selon la préfecture.",
        [("La manifestation a rassemblé 2 500 personnes", "la préfecture")],
    ),
    # set between commas inside a clause: the whole clause, the insertion included
    (
        "Le texte, selon nos informations, sera présenté en conseil des ministres mercredi.",
        [
            (
                "Le texte, selon nos informations, sera présenté en conseil des ministres mercredi",
                "nos informations",
            )
        ],
    ),
    (
        "En 2023, selon l'Insee, l'inflation a atteint 4,9 %.",
        [("En 2023, selon l'Insee, l'inflation a atteint 4,9 %", "l'Insee")],
    ),
    (
        "Il s'agirait, d'après le quotidien Le Soir, d'une erreur de procédure.",
        [
            (
                "Il s'agirait, d'après le quotidien Le Soir, d'une erreur de procédure",
                "le quotidien Le Soir",
            )
        ],
    ),
    (
        "Le gouvernement a reculé mardi, mais, selon la CGT, rien n'est réglé.",
        [("rien n'est réglé", "la CGT")],
    ),
    # in brackets, opening a clause of its own
    (
        "Le déficit atteindra 5,1 % du PIB (selon Bercy, il sera ramené à 3 % en 2027) malgré "
        "les économies.",
        [("il sera ramené à 3 % en 2027", "Bercy")],
    ),
    # opening the clause, after adverbs, a conjunction, or past the source's own apposition
    (
        "Toujours selon le parquet, le suspect était connu des services de police.",
        [("le suspect était connu des services de police", "le parquet")],
    ),
    (
        "Les enquêteurs ont ciblé ce local car selon eux, il servait de dépôt.",
        [("il servait de dépôt", "eux")],
    ),
    (
        "Selon le rapport, rendu public jeudi, 40 % des écoles sont vétustes.",
        [("40 % des écoles sont vétustes", "le rapport")],
    ),
    (
        "Selon l'enquête, publiée lundi, qui porte sur 2 000 foyers, les loyers ont augmenté.",
        [("les loyers ont augmenté", "l'enquête")],
    ),
    # "Pour X," with X a group of people; a source's own long phrase; "mais" ends the scope
    (
        "Pour les riverains, la situation n'est plus tenable.",
        [("la situation n'est plus tenable", "les riverains")],
    ),
    (
        "Pour les habitants du quartier, rien n'a changé depuis l'été.",
        [("rien n'a changé depuis l'été", "les habitants du quartier")],
    ),
    (
        "Selon un proche du dossier cité par l'AFP, les négociations sont suspendues.",
        [("les négociations sont suspendues", "un proche du dossier")],
    ),
    (
        "D'après la mairie, les travaux ont pris du retard, mais le chantier reste ouvert.",
        [("les travaux ont pris du retard", "la mairie")],
    ),
    # a document's author speaks (a name or someone who speaks)
    (
        "Selon les chiffres de l'Insee, le chômage a baissé.",
        [("le chômage a baissé", "l'Insee")],
    ),
    (
        "Selon un rapport de la Cour des comptes, la dette a encore augmenté.",
        [("la dette a encore augmenté", "la Cour des comptes")],
    ),
    # multiword sources, contracted articles
    (
        "Aux yeux de l'opposition, ce budget est insincère.",
        [("ce budget est insincère", "l'opposition")],
    ),
    (
        "De l'avis des experts, la digue n'aurait pas tenu.",
        [("la digue n'aurait pas tenu", "experts")],
    ),
    (
        "Ce budget, aux yeux des syndicats, reste insuffisant.",
        [("Ce budget, aux yeux des syndicats, reste insuffisant", "syndicats")],
    ),
    # a source closing the sentence with words about itself: a relative, a participle
    (
        "Le suspect a été interpellé mardi, selon une source proche de l'enquête, citée par l'AFP.",
        [("Le suspect a été interpellé mardi", "une source proche de l'enquête")],
    ),
    (
        "Une centaine de manifestants sont attendus, selon une source policière qui fait état "
        "d'une forte mobilisation.",
        [("Une centaine de manifestants sont attendus", "une source policière")],
    ),
    (
        "Le chômage a reculé, selon l'Insee, qui publie ses chiffres chaque trimestre.",
        [("Le chômage a reculé", "l'Insee")],
    ),
    # a superlative belongs to the source's phrase
    (
        "Selon le bilan le plus récent, douze personnes sont mortes.",
        [("douze personnes sont mortes", "le bilan le plus récent")],
    ),
    # a second source after the comma: the first one closes its clause
    (
        "Plus de 3 000 personnes ont défilé à Lyon selon la préfecture, 10 000 selon les "
        "organisateurs.",
        [
            ("Plus de 3 000 personnes ont défilé à Lyon", "la préfecture"),
            ("10 000", "les organisateurs"),
        ],
    ),
    (
        "Selon lui, les négociations doivent reprendre et, selon elle, rien n'est perdu.",
        [("les négociations doivent reprendre", "lui"), ("rien n'est perdu", "elle")],
    ),
    # a participle with its agent set after the source, however the parser tagged it
    (
        "Selon le porte-parole de la préfecture, joint par téléphone, aucun blessé n'est à déplorer.",
        [("aucun blessé n'est à déplorer", "le porte-parole de la préfecture")],
    ),
    (
        "Aucun blessé n'est à déplorer, selon le porte-parole des pompiers, joint par téléphone.",
        [("Aucun blessé n'est à déplorer", "le porte-parole des pompiers")],
    ),
    (
        "Les violences ont doublé en un an, selon Amnistie Plus, une ONG fondée en 2001.",
        [("Les violences ont doublé en un an", "Amnistie Plus")],
    ),
    # quoted words inside the clause: the clause is the source's, the words a mixed quote
    (
        "Le chômage a encore baissé, « une première depuis 2008 », selon l'Insee.",
        [("Le chômage a encore baissé, « une première depuis 2008 »", "l'Insee")],
    ),
    (
        "Selon le syndicat, les salaires « n'ont pas suivi l'inflation ».",
        [("les salaires « n'ont pas suivi l'inflation »", "le syndicat")],
    ),
    # an adjunct of the statement after the source: the clause around it
    (
        "Des négociations sont en cours, selon lui, pour sortir de la crise.",
        [("Des négociations sont en cours, selon lui, pour sortir de la crise", "lui")],
    ),
]

NOT_SOURCES = [
    "Il parle de l'avis du Conseil d'État sur le projet.",
    # the quote carries the source (a direct record), nothing unmarked is left in scope
    "Selon Mme Martin, « rien n'est décidé », mais les discussions continuent.",
    "Pour Paul Lenoir, son porte-parole : « C'est un moment important pour nous. »",
    "Pour cette raison, le match est reporté.",
    # fixed adverbials and rules followed: "in accordance with", no one's statement
    "Le suspect a, selon toute vraisemblance, quitté le pays.",
    "Selon toute apparence, le suspect a quitté le pays.",
    "La mesure sera appliquée selon un calendrier précis.",
    "Pour 2025, le budget prévoit une hausse des dépenses.",
    "Néanmoins, neuf civils ont péri lors de l'assaut des forces internationales.",
    "Les tarifs varient selon que le client est abonné ou non.",
]


def _variants() -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for text, expected in CASES:
        for variant in both_apostrophes(text):
            curly = "’" in variant
            out.append(
                (
                    variant,
                    [
                        (c.replace("'", "’") if curly else c, s.replace("'", "’") if curly else s)
                        for c, s in expected
                    ],
                )
            )
    return out


@pytest.mark.parametrize(("text", "expected"), _variants())
def test_a_source_covers_the_clause_or_figure_in_its_scope(
    text: str, expected: list[tuple[str, str]]
) -> None:
    found = [
        (q.content.text, q.speaker.mention.text if q.speaker else None)
        for q in quotes_of(text)
        if q.kind is QuoteKind.ACCORDING_TO
    ]
    assert found == expected


@pytest.mark.parametrize("text", [v for t in NOT_SOURCES for v in both_apostrophes(t)])
def test_a_complement_is_no_source(text: str) -> None:
    assert [q.content.text for q in quotes_of(text) if q.kind is QuoteKind.ACCORDING_TO] == []
