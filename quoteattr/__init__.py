"""quoteattr: who said what in French text."""

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
)

__version__ = "0.1.0"

__all__ = [
    "Cue",
    "CueClass",
    "CueType",
    "MentionKind",
    "Modality",
    "ModelNotFoundError",
    "Polarity",
    "Quote",
    "QuoteKind",
    "QuoteList",
    "QuotedSpan",
    "Span",
    "Speaker",
    "SpeakerSummary",
    "__version__",
    "extract",
    "extract_many",
    "find_quotations",
    "get_pipeline",
]


def __getattr__(name: str) -> object:
    """Import the Stanza-backed entry points lazily (``import quoteattr`` stays fast)."""
    if name in ("extract", "extract_many"):
        from quoteattr import engine

        return getattr(engine, name)
    if name in ("QuoteList", "SpeakerSummary"):
        from quoteattr import results

        return getattr(results, name)
    if name == "get_pipeline":
        from quoteattr.pipeline import get_pipeline

        return get_pipeline
    raise AttributeError(f"module 'quoteattr' has no attribute {name!r}")
