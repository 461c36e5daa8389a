"""Who speaks each line of a dialogue (fiction, interviews), specified by example.

Every text is attributed from its stored parse (tests/stored_parses.py), written with ' and
with ’. Each row names one line of the text (its content), the speaker the library gives it
(``None``: left unattributed, better than a poor guess) and the rule that decided. A new text
needs ``python -m pytest tests/rules/test_dialogue.py --update-parses`` once, with the model.
"""

from __future__ import annotations

import pytest
from stored_parses import both_apostrophes, quotes_of

from quoteattr.records import Quote


def _variants(rows: list[tuple[str, str, str | None, str]]) -> list[tuple[str, ...]]:
    out = []
    for text, content, speaker, rule in rows:
        for variant in both_apostrophes(text):
            swap = variant != text
            out.append(
                (
                    variant,
                    content.replace("'", "’") if swap else content,
                    speaker.replace("'", "’") if swap and speaker else speaker,
                    rule,
                )
            )
    return out


def _line(text: str, content: str) -> Quote:
    quotes = quotes_of(text)
    found = [q for q in quotes if q.content.text == content]
    assert found, f"no line {content!r} in {[q.content.text for q in quotes]}"
    return found[0]


def _check(text: str, content: str, speaker: str | None, rule: str) -> None:
    quote = _line(text, content)
    name = None if quote.speaker_name is None else quote.speaker_name.replace("’", "'")
    assert (name, quote.rule) == (None if speaker is None else speaker.replace("’", "'"), rule)


# --- incises the dialogue line carries itself -----------------------------------------------

INCISES = [
    # after ? or ! instead of a comma; the narration after the incise is not spoken
    ("— Qui vient dîner ? demanda Lucie.", "Qui vient dîner ?", "Lucie", "incise_inside"),
    ("— Assez ! s'écria le comte en se levant.", "Assez !", "le comte", "incise_inside"),
    ("— Les papiers vont s'envoler ! s'écria Hubert, qui craignait les courants d'air.",
     "Les papiers vont s'envoler !", "Hubert", "incise_inside"),
    ("— N'oubliez pas le pain ! cria Germaine dans l'escalier.",
     "N'oubliez pas le pain !", "Germaine", "incise_inside"),
    # the line speaks again after the incise: the whole line is the quote
    ("— Viens ! disait Noémie. Laisse le chien, je t'attends !",
     "Viens ! disait Noémie. Laisse le chien, je t'attends !", "Noémie", "incise_inside"),
    # a clitic before the incise verb; a first-person narrator
    ("— Il ne faut pas rester là, lui dit Odette, vous allez prendre froid.",
     "Il ne faut pas rester là, lui dit Odette, vous allez prendre froid.", "Odette",
     "incise_inside"),
    ("— Je crois, lui dis-je, que tu te trompes de route.",
     "Je crois, lui dis-je, que tu te trompes de route.", "je", "incise_inside"),
    # the narrator named himself
    ("Je m'appelle Jacques Morel et je répare les montres.\n\n— Entrez donc, lui dis-je.",
     "Entrez donc", "Jacques Morel", "incise_inside"),
    # a gerund between the incise verb and its subject
    ("— Quand on aime, reprit en souriant M. Duflot, on pardonne tout.",
     "Quand on aime, reprit en souriant M. Duflot, on pardonne tout.", "Duflot",
     "incise_inside"),
    # an incise the writer left without a comma (the parser tags "murmura" as a noun)
    ("— J'ai tant de choses à dire murmura le vieillard, et si peu de temps !",
     "J'ai tant de choses à dire murmura le vieillard, et si peu de temps !", "le vieillard",
     "incise_inside"),
    # a relative with an inverted subject is no incise
    ("— Je crois ce que disait ta mère.", "Je crois ce que disait ta mère.", None, "unattributed"),
    # a dash before guillemets: the guillemets mark the words
    ("— « Partons », dit Roger en se levant.", "Partons", "Roger", "incise_after"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "speaker", "rule"), _variants(INCISES))
def test_incises_of_dialogue_lines(text: str, content: str, speaker: str | None, rule: str) -> None:
    _check(text, content, speaker, rule)


# --- narration naming who speaks next -------------------------------------------------------

NARRATION = [
    ("Mon cousin demanda : « Tu as vu l'heure ? »", "Tu as vu l'heure ?", "Mon cousin",
     "colon_before"),
    ("Paul se leva lentement.\n\n— Je pars demain matin.", "Je pars demain matin.", "Paul",
     "narration_before"),
    ("Le paysan haussa les épaules. « Ça ne regarde que moi. »", "Ça ne regarde que moi.",
     "le paysan", "narration_before"),
    ("Ce fut Léon qui répondit le premier.\n\n— Je n'en sais rien.", "Je n'en sais rien.", "Léon",
     "narration_before"),
    # no person to name: the line stays unattributed
    ("La pluie redoubla.\n\n— Quel temps de chien !", "Quel temps de chien !", None,
     "unattributed"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "speaker", "rule"), _variants(NARRATION))
def test_narration_names_the_next_speaker(
    text: str, content: str, speaker: str | None, rule: str
) -> None:
    _check(text, content, speaker, rule)


# --- turns of a conversation ----------------------------------------------------------------

TWO = (
    "— Tu viens demain ? demanda Marie.\n\n"
    "— Je ne sais pas, répondit Paul.\n\n"
    "— Il faudra bien te décider.\n\n"
    "— Demain matin, alors.\n\n"
    "— Sans faute ?"
)
THIRD = TWO + "\n\nLéa entra dans la cuisine.\n\n— Vous parlez de quoi ?\n\n— De rien."
SAME = "— Je reste ici, dit Paul.\n\nIl regarda longtemps par la fenêtre.\n\n— Il pleut encore."

TURNS = [
    # cue-less alternation, restarted at each attributed line
    (TWO, "Il faudra bien te décider.", "Marie", "dialogue_turn"),
    (TWO, "Demain matin, alors.", "Paul", "dialogue_turn"),
    (TWO, "Sans faute ?", "Marie", "dialogue_turn"),
    # a third speaker joins: the narration names her; the answer has no earlier turn to copy
    (THIRD, "Vous parlez de quoi ?", "Léa", "narration_before"),
    (THIRD, "De rien.", None, "unattributed"),
    # two lines in a row by one speaker, narration between them
    (SAME, "Il pleut encore.", "Paul", "narration_before"),
]


@pytest.mark.parametrize(("text", "content", "speaker", "rule"), _variants(TURNS))
def test_turns_of_a_conversation(text: str, content: str, speaker: str | None, rule: str) -> None:
    _check(text, content, speaker, rule)


# --- vocatives: the addressee is not the speaker --------------------------------------------

VOCATIVES = [
    ("— Tu viens avec nous, Thierry ?\n\n— Non, je reste ici.", "Non, je reste ici.",
     "Thierry", "vocative_answer"),
    ("— Tout à fait, Thierry ! dit Anne.", "Tout à fait, Thierry !", "Anne", "incise_inside"),
    # an interjection opening the line is no name
    ("— Tiens, tu es là ?\n\n— Oui, depuis midi.", "Oui, depuis midi.", None, "unattributed"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "content", "speaker", "rule"), _variants(VOCATIVES))
def test_vocatives(text: str, content: str, speaker: str | None, rule: str) -> None:
    _check(text, content, speaker, rule)


# --- an interview in a news article ---------------------------------------------------------

INTERVIEW = (
    "Nous avons rencontré la maire de Lille à la sortie du conseil.\n\n"
    "— Vous démissionnez ?\n\n"
    "— Non. Je finirai mon mandat, a répondu Martine Aubry.\n\n"
    "— Et après ?\n\n"
    "— Je ne sais pas encore."
)

INTERVIEWS = [
    (INTERVIEW, "Non. Je finirai mon mandat", "Martine Aubry", "incise_inside"),
    (INTERVIEW, "Je ne sais pas encore.", "Martine Aubry", "dialogue_turn"),
    # the journalist's questions: nobody named them
    (INTERVIEW, "Vous démissionnez ?", None, "unattributed"),
    (INTERVIEW, "Et après ?", None, "unattributed"),
]


@pytest.mark.parametrize(("text", "content", "speaker", "rule"), _variants(INTERVIEWS))
def test_an_interview_in_a_news_article(
    text: str, content: str, speaker: str | None, rule: str
) -> None:
    _check(text, content, speaker, rule)
