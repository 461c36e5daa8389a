"""quoteattr: who said what in French text."""

from quoteattr.language import NotFrenchWarning
from quoteattr.marks import find_quotations
from quoteattr.pipeline import ModelNotFoundError
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
)

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
    "__version__",
    "extract",
    "extract_many",
    "find_quotations",
    "get_pipeline",
    "read_corpus",
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
        from quoteattr import results

        return getattr(results, name)
    if name in ("read_corpus", "to_csv", "to_dataframe", "to_jsonl"):
        from quoteattr import tables

        return getattr(tables, name)
    if name == "get_pipeline":
        from quoteattr.pipeline import get_pipeline

        return get_pipeline
    raise AttributeError(f"module 'quoteattr' has no attribute {name!r}")
