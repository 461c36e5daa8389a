"""An unmarked statement with its incise after it (issue 18 §1, §5).

``…, analyse le politologue X.``: verbs that report speech only in an incise count there, after
a noun phrase that can speak; an incise may come without its comma (``… jusqu'à lundi précise la
mairie.``) when two finite verbs meet with nothing between them; a clause that holds quoted
words is the reporter's clause (one ``indirect`` record) with its fragment (one ``mixed``).
Our own sentences, several outlets' styles, both apostrophes, both stored parsers.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of, rows_with_both_apostrophes

from quoteattr.records import QuoteKind

CASES: list[tuple[str, str, str, str]] = [
    # (text, indirect content, speaker mention, cue)
    (
        "La situation se dégrade de semaine en semaine, analyse le politologue Jean Morel.",
        "La situation se dégrade de semaine en semaine",
        "Jean Morel",
        "analyse",
    ),
    (
        "Il faut agir vite, lance le maire de la commune.",
        "Il faut agir vite",
        "le maire de la commune",
        "lance",
    ),
    (
        "Les écoles resteront fermées jusqu'à lundi précise le service communication de la mairie.",
        "Les écoles resteront fermées jusqu'à lundi",
        "le service communication de la mairie",
        "précise",
    ),
    (
        "Le vote aura lieu mardi annonce le parti dans un communiqué.",
        "Le vote aura lieu mardi",
        "le parti",
        "annonce",
    ),
    (
        "Les policiers patrouillent « de manière plus visible », a expliqué mercredi la ministre.",
        "Les policiers patrouillent « de manière plus visible »",
        "la ministre",
        "a expliqué",
    ),
    (
        "Cela se traduit « par une présence accrue dans les gares », a souligné le commissaire "
        "Paul Weber.",
        "Cela se traduit « par une présence accrue dans les gares »",
        "Paul Weber",
        "a souligné",
    ),
    (  # quoted words opening with a relative pronoun go on the reporter's sentence
        "Depuis des mois, le quartier vit dans la peur, « qui grandit chaque semaine », analyse "
        "la sociologue Claire Vidal dans Le Temps.",
        "Depuis des mois, le quartier vit dans la peur, « qui grandit chaque semaine »",
        "Claire Vidal",
        "analyse",
    ),
    (  # an adverb after the inverted subject
        "Les fraudeurs d'une part « trichent », d'autre part « volent leurs voisins », dit-il "
        "encore.",
        "Les fraudeurs d'une part « trichent », d'autre part « volent leurs voisins »",
        "-il",
        "dit-il",
    ),
    (
        "Les prix « ont flambé » depuis janvier, note aussi l'économiste Marc Favre.",
        "Les prix « ont flambé » depuis janvier",
        "Marc Favre",
        "note",
    ),
    (  # the subject pronoun inside a compound verb, then a time and a medium
        "Le projet sera présenté lundi, a-t-il précisé à l'AFP.",
        "Le projet sera présenté lundi",
        "-t-il",
        "a-t-il précisé",
    ),
    (
        "Les discussions avancent lentement, a-t-elle ajouté mardi soir.",
        "Les discussions avancent lentement",
        "-t-elle",
        "a-t-elle ajouté",
    ),
    (  # the parse may start the sentence with the mark that closed the quote before it
        "« Nous verrons. » Une décision qui sera rendue en juin, indique le tribunal dans un "
        "communiqué.",
        "Une décision qui sera rendue en juin",
        "le tribunal",
        "indique",
    ),
]

MIXED_INSIDE: list[tuple[str, list[str], str]] = [
    # (text, quoted fragments of the clause before the incise, the incise's speaker)
    (
        "Les fraudeurs d'une part « trichent », d'autre part « volent leurs voisins », dit-il "
        "encore.",
        ["trichent", "volent leurs voisins"],
        "-il",
    ),
    (
        "Depuis des mois, le quartier vit dans la peur, « qui grandit chaque semaine », analyse "
        "la sociologue Claire Vidal dans Le Temps.",
        ["qui grandit chaque semaine"],
        "Claire Vidal",
    ),
    (
        "Les prix « ont flambé » depuis janvier, note aussi l'économiste Marc Favre.",
        ["ont flambé"],
        "Marc Favre",
    ),
    (
        "Le chantier a pris « un retard considérable », reconnaît-on à la mairie.",
        ["un retard considérable"],
        "-on",
    ),
]

NOT_INCISES = [
    "Le cortège a traversé la ville, poursuit sa route vers la préfecture.",
    "L'avortement était un droit acquis en Espagne… pensait-on.",
    "Le rapport que publie l'Insee montre une hausse des loyers.",
    "Les électeurs qui votent dimanche choisiront leur maire.",
    # the incise of a quote that the parse put in the next sentence reports that quote only
    "« Pourquoi attendre ? », s'est interrogé le maire avant d'ajouter que « rien ne presse "
    "vraiment », a-t-il insisté.",
]


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), rows_with_both_apostrophes(CASES))
def test_the_clause_before_an_incise_is_reported(
    text: str, content: str, speaker: str, cue: str
) -> None:
    found = [
        q for q in quotes_of(text) if q.kind is QuoteKind.INDIRECT and q.content.text == content
    ]
    assert found, [(q.kind.value, q.content.text) for q in quotes_of(text)]
    assert found[0].speaker is not None and found[0].speaker.mention.text == speaker
    assert found[0].cue is not None and found[0].cue.span.text == cue


@pytest.mark.parametrize("text", [v for t in NOT_INCISES for v in both_apostrophes(t)])
def test_no_incise_without_a_speaker_or_between_clauses(text: str) -> None:
    assert [q.content.text for q in quotes_of(text) if q.kind is QuoteKind.INDIRECT] == []


# an abstract noun after the verb is its object, not an inverted speaker
NO_THING_SPEAKS = [
    "Le porte-parole a déclaré que le parquet de la Cour de Tunis, a ordonné l'ouverture d'une "
    "enquête contre deux avocats.",
    "Selon la police, les manifestants, ont exigé la libération immédiate des militants.",
    "Le procureur, qui l'estime coupable, a requis sept ans de prison.",  # a quantity
]


@pytest.mark.parametrize("text", [v for t in NO_THING_SPEAKS for v in both_apostrophes(t)])
def test_an_abstract_noun_after_the_verb_is_no_incise_speaker(text: str) -> None:
    assert [q.content.text for q in quotes_of(text) if q.rule == "unmarked_incise"] == []


@pytest.mark.parametrize(("text", "fragments", "speaker"), rows_with_both_apostrophes(MIXED_INSIDE))
def test_quoted_words_in_the_clause_are_the_incise_speakers(
    text: str, fragments: list[str], speaker: str
) -> None:
    found = {q.content.text: q for q in quotes_of(text) if q.kind is QuoteKind.MIXED}
    assert sorted(found) == sorted(fragments), [
        (q.kind.value, q.content.text) for q in quotes_of(text)
    ]
    for fragment in fragments:
        said = found[fragment]
        assert said.speaker is not None and said.speaker.mention.text == speaker
