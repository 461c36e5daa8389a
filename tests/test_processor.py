"""quoteattr as a Stanza processor: ``processors='tokenize,mwt,pos,lemma,depparse,quoteattr'``."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.model, pytest.mark.usefixtures("one_torch_thread")]

TEXTS = [
    "« Nous ne céderons pas », a déclaré la ministre du Travail, Catherine Vautrin.",
    "Le ministre n'aurait pas dit qu’un accord était proche. Selon l’ONU, la trêve tient.",
    "Rien à signaler ce matin.",
]


@pytest.fixture(scope="module")
def quote_nlp() -> Any:
    import stanza

    import quoteattr.processor  # noqa: F401  (registers the processor)
    from quoteattr.syntax.pipeline import resolve_model_dir

    return stanza.Pipeline(
        "fr",
        dir=resolve_model_dir(),
        processors="tokenize,mwt,pos,lemma,depparse,quoteattr",
        download_method=None,
        logging_level="WARN",
    )


@pytest.mark.parametrize("text", TEXTS)
def test_the_pipeline_stores_the_quotes_on_the_document(quote_nlp: Any, text: str) -> None:
    from quoteattr import extract
    from quoteattr.output.results import QuoteList

    doc = quote_nlp(text)
    assert isinstance(doc.quotes, QuoteList) and doc.quotes.text == text
    # the same records as the extract(doc) path and as extract(text) with the same parser
    assert doc.quotes == extract(doc) == extract(text, pipeline=quote_nlp)


def test_speakers_carry_their_profiles_inside_the_pipeline(quote_nlp: Any) -> None:
    [quote] = quote_nlp(TEXTS[0]).quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role, quote.speaker.type.value) == (
        "Catherine Vautrin",
        "ministre du Travail",
        "person",
    )


def test_bulk_processing_gives_each_document_its_quotes(quote_nlp: Any) -> None:
    import stanza

    docs = quote_nlp.bulk_process([stanza.Document([], text=t) for t in TEXTS])
    assert [len(d.quotes) for d in docs] == [1, 2, 0]
    assert [q.flags for q in docs[1].quotes] == [("negated", "alleged"), ()]


def test_the_quotes_of_a_document_are_read_only(quote_nlp: Any) -> None:
    doc = quote_nlp(TEXTS[2])
    with pytest.raises(ValueError, match="read-only"):
        doc.quotes = []


def test_a_pipeline_without_the_parser_is_refused_when_built() -> None:
    import stanza
    from stanza.pipeline.core import PipelineRequirementsException

    import quoteattr.processor  # noqa: F401
    from quoteattr.syntax.pipeline import resolve_model_dir

    with pytest.raises(PipelineRequirementsException) as info:
        stanza.Pipeline(
            "fr",
            dir=resolve_model_dir(),
            processors="tokenize,quoteattr",
            download_method=None,
            logging_level="ERROR",
        )
    assert "QuoteProcessor" in str(info.value) and "depparse" in str(info.value)


def test_the_lexicon_option_reaches_the_processor(quote_nlp: Any, tmp_path: Any) -> None:
    import stanza

    from quoteattr.syntax.lexicon import load_lexicon
    from quoteattr.syntax.pipeline import resolve_model_dir

    table = tmp_path / "cues.tsv"
    table.write_text(
        "lemma\ttype\tclass\tsources\tincise_only\naffirmer\tverb\tassert\tnews\t0\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon(table)
    nlp = stanza.Pipeline(
        "fr",
        dir=resolve_model_dir(),
        processors="tokenize,mwt,pos,lemma,depparse,quoteattr",
        download_method=None,
        logging_level="WARN",
        quoteattr_lexicon=lexicon,
    )
    assert nlp.processors["quoteattr"].lexicon is lexicon
    [quote] = nlp(
        "La ministre a déclaré que la réforme serait votée. Elle a affirmé que non."
    ).quotes
    assert quote.cue is not None and quote.cue.lemma == "affirmer"


def test_text_that_is_not_french_gets_the_warning(quote_nlp: Any) -> None:
    from quoteattr.text.language import NotFrenchWarning

    with pytest.warns(NotFrenchWarning):
        quote_nlp("The minister said on Monday that the reform would be passed before summer.")
