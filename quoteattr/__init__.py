"""quoteattr: who said what in French text."""

from quoteattr.records import (
    Cue,
    CueClass,
    CueType,
    MentionKind,
    Modality,
    Polarity,
    Quote,
    QuotedSpan,
    QuoteKind,
    Span,
    Speaker,
    SpeakerType,
    SpeakerVia,
)
from quoteattr.syntax.pipeline import ModelNotFoundError
from quoteattr.text.language import NotFrenchWarning
from quoteattr.text.marks import find_quotations

__version__ = "0.1.0"

__all__ = [
    "Cue",
    "CueClass",
    "CueType",
    "MentionKind",
    "Modality",
    "ModelNotFoundError",
    "NotFrenchWarning",
    "Polarity",
    "Quote",
    "QuoteKind",
    "QuoteList",
    "QuotedSpan",
    "Span",
    "Speaker",
    "SpeakerSummary",
    "SpeakerType",
    "SpeakerVia",
    "__version__",
    "corpus_speakers",
    "extract",
    "extract_many",
    "find_quotations",
    "get_pipeline",
    "quote_signals",
    "read_corpus",
    "review_page",
    "to_csv",
    "to_dataframe",
    "to_jsonl",
]


def __getattr__(name: str) -> object:
    """Import the Stanza-backed entry points lazily (``import quoteattr`` stays fast)."""
    if name in ("extract", "extract_many"):
        from quoteattr import engine

        return getattr(engine, name)
    if name in ("QuoteList", "SpeakerSummary"):
        from quoteattr.output import results

        return getattr(results, name)
    if name in (
        "corpus_speakers",
        "read_corpus",
        "review_page",
        "to_csv",
        "to_dataframe",
        "to_jsonl",
    ):
        from quoteattr.output import tables

        return getattr(tables, name)
    if name == "quote_signals":
        from quoteattr.output.review import quote_signals

        return quote_signals
    if name == "get_pipeline":
        from quoteattr.syntax.pipeline import get_pipeline

        return get_pipeline
    raise AttributeError(f"module 'quoteattr' has no attribute {name!r}")
