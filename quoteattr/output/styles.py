"""Colours, labels and inline styles of the HTML display, named once.

The page and the Jupyter view (:mod:`quoteattr.output.display`) colour each quote kind, outline
the flagged ones and show a badge for each warning flag; every style is inline so that the HTML
renders the same in a notebook, a browser or an e-mail.

Example:
    >>> KIND_LABELS[QuoteKind.ACCORDING_TO]
    'according to'
    >>> 'data-flag="negated"' in badge("negated")
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from quoteattr.records import QuoteKind

__all__ = [
    "BODY_STYLE",
    "CELL_STYLE",
    "CONTAINER_STYLE",
    "CUE_STYLE",
    "FLAG_COLOURS",
    "FLAG_LABELS",
    "FLAG_STYLE",
    "HEAD_STYLE",
    "KIND_BORDERS",
    "KIND_COLOURS",
    "KIND_LABELS",
    "LINK_STYLE",
    "MENTION_STYLE",
    "MUTED_STYLE",
    "REASON_LABELS",
    "REF_STYLE",
    "SIGNAL_COLOURS",
    "badge",
    "quote_style",
]


KIND_COLOURS: dict[QuoteKind, str] = {
    QuoteKind.DIRECT: "#ffe082",
    QuoteKind.MIXED: "#c5e1a5",
    QuoteKind.INDIRECT: "#b3e5fc",
    QuoteKind.ACCORDING_TO: "#e1bee7",
}
"""Background colour of each quote kind."""

KIND_BORDERS: dict[QuoteKind, str] = {
    QuoteKind.DIRECT: "#ffa000",
    QuoteKind.MIXED: "#689f38",
    QuoteKind.INDIRECT: "#0288d1",
    QuoteKind.ACCORDING_TO: "#8e24aa",
}

KIND_LABELS: dict[QuoteKind, str] = {
    QuoteKind.DIRECT: "direct quote",
    QuoteKind.MIXED: "mixed quote",
    QuoteKind.INDIRECT: "indirect speech",
    QuoteKind.ACCORDING_TO: "according to",
}
"""Legend label of each quote kind."""

FLAG_COLOURS: dict[str, str] = {"negated": "#d50000", "alleged": "#ff6d00", "denial": "#6200ea"}
"""Badge and outline colour of each warning flag (white text on it)."""

FLAG_LABELS: dict[str, str] = {
    "negated": "negated: the cue is negated, the speaker did not say this",
    "alleged": "alleged: reported in the conditional, the newspaper does not vouch for it",
    "denial": "denial: the speaker denies this",
}
"""Tooltip of each warning flag's badge."""

SIGNAL_COLOURS: dict[str, str] = {
    "figure": "#1565c0",
    "percentage": "#00838f",
    "money": "#2e7d32",
    "date": "#6d4c41",
    "comparison": "#ad1457",
    "causal": "#ef6c00",
    "entity": "#546e7a",
}
"""Badge colour of each kind of claim signal (:class:`quoteattr.text.signals.SignalKind`)."""

REASON_LABELS: dict[str, str] = {
    "no_speaker": "no speaker found",
    "unresolved": "the speaker's name was not found",
    "far_pronoun": "speaker reached through a pronoun several sentences away",
    "far_description": "speaker reached through a description several sentences away",
    "continuation": "speaker carried over from an earlier quote",
    "low_confidence": "the rule that attributed it is often wrong",
    "negated": "negated: the speaker did not say this",
    "alleged": "alleged: reported in the conditional",
    "denial": "denial: the speaker denies this",
}
"""Tooltip of each review reason (:data:`quoteattr.records.REVIEW_REASONS`)."""

CONTAINER_STYLE = (
    "font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; "
    "font-size: 15px; color: #212121; max-width: 60em;"
)
BODY_STYLE = "line-height: 2.3; padding: 0.5em 0; direction: ltr;"
MENTION_STYLE = (
    "font-weight: 600; border: 2px {line} #37474f; border-radius: 0.3em; "
    "padding: 0 0.15em; background: rgba(255, 255, 255, 0.55);"
)
CUE_STYLE = (
    "font-style: italic; text-decoration: underline wavy #c62828; "
    "text-decoration-skip-ink: none; text-underline-offset: 0.25em;"
)
REF_STYLE = (
    "font-size: 0.68em; font-weight: 600; margin: 0 0.2em 0 0.1em; color: #37474f; "
    "white-space: nowrap;"
)
LINK_STYLE = "color: #37474f; text-decoration: none;"
FLAG_STYLE = (
    "background: {colour}; color: #ffffff; font-weight: 700; font-style: normal; "
    "padding: 0.1em 0.45em; margin-left: 0.3em; border-radius: 0.7em; letter-spacing: 0.02em;"
)
MUTED_STYLE = "color: #757575;"
CELL_STYLE = "border-bottom: 1px solid #e0e0e0; padding: 0.3em 0.6em; vertical-align: top;"
HEAD_STYLE = (
    "border-bottom: 2px solid #9e9e9e; padding: 0.3em 0.6em; text-align: left; "
    "vertical-align: bottom;"
)


def quote_style(kind: QuoteKind, flags: Sequence[str] = ()) -> str:
    """The inline style of a quote of ``kind``, outlined in its first flag's colour.

    Example:
        >>> "outline" in quote_style(QuoteKind.DIRECT, ["negated"])
        True
    """
    style = (
        f"background: {KIND_COLOURS[kind]}; border-bottom: 2px solid {KIND_BORDERS[kind]}; "
        "padding: 0.2em 0.1em; border-radius: 0.25em; color: inherit; "
        "-webkit-box-decoration-break: clone; box-decoration-break: clone;"
    )
    if flags:
        style += f" outline: 2px dashed {FLAG_COLOURS[flags[0]]}; outline-offset: 1px;"
    return style


def badge(flag: str, text: str | None = None) -> str:
    """The coloured badge of a warning flag.

    Example:
        >>> badge("alleged", "conditionnel").endswith("conditionnel</span>")
        True
    """
    return (
        f'<span class="qa-flag qa-flag-{flag}" data-flag="{flag}" '
        f'title="{escape(FLAG_LABELS[flag])}" '
        f'style="{FLAG_STYLE.format(colour=FLAG_COLOURS[flag])}">{escape(text or flag)}</span>'
    )
