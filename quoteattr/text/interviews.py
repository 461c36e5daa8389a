"""Interview turns: ``Nom : réponse`` paragraphs, quotes without quotation marks.

An interview printed as a transcript gives each turn its own paragraph, opened by the speaker's
label and a colon::

    Le Journal : Pourquoi avoir fermé le parc ?
    Martine Aubry : Parce que la sécurité des enfants passe avant tout.

A turn is a direct quote of the person its label names (GUIDELINES: interviews); the interviewer's
questions are the outlet's own voice and are not listed. The layout is read only where it is
plain: at least three labelled paragraphs and two different labels in the document, labels of a few
capitalised words (a name, a title and a name, ``Question``). The interviewer is the label whose
turns all end with a question mark. A turn whose words are themselves in quotation marks is left to
the marks.

Example:
    >>> text = "Q : Pourquoi ?\\nPaul Roux : Parce que.\\nQ : Et demain ?\\nPaul Roux : On verra."
    >>> [(t.content.text, label) for t, label in interview_turns(text)]
    [('Parce que.', 'Paul Roux'), ('On verra.', 'Paul Roux')]
"""

from __future__ import annotations

from collections import defaultdict

import regex

from quoteattr.records import QuotedSpan, Span
from quoteattr.text.marks import paragraph_spans

__all__ = ["INTERVIEW_STYLE", "interview_turns"]

INTERVIEW_STYLE = "interview"
"""The :attr:`QuotedSpan.style` of an interview turn."""

_LABEL_RE = regex.compile(
    r"(?P<label>(?:(?:M\.|Mme|Me|Dr|Pr)\s+)?\p{Lu}[\p{L}'’.-]*"
    r"(?:\s+(?:de|du|des|d['’]|le|la|van|von|\p{Lu}[\p{L}'’.-]*)){0,4})"
    r"\s*:\s+(?P<answer>\S.*)$"
)
_MIN_TURNS = 3
_MARKS = '«»“”"„'


def interview_turns(text: str) -> list[tuple[QuotedSpan, str]]:
    """The answers of an interview laid out as ``Nom : réponse`` paragraphs, each with its
    label, in text order; an empty list when the document is no such interview.

    Example:
        >>> interview_turns("Mali : la junte annonce des élections.")
        []
    """
    turns: list[tuple[str, int, int, int]] = []  # label, label start, answer start, answer end
    for start, end in paragraph_spans(text):
        match = _LABEL_RE.match(text, start, end)
        if match is None:
            continue
        answer = match.group("answer").rstrip()
        turns.append(
            (
                match.group("label"),
                start,
                match.start("answer"),
                match.start("answer") + len(answer),
            )
        )
    labels = {label for label, *_ in turns}
    if len(turns) < _MIN_TURNS or len(labels) < 2:
        return []
    asks: dict[str, list[bool]] = defaultdict(list)
    for label, _start, a_start, a_end in turns:
        asks[label].append(text[a_start:a_end].rstrip().endswith("?"))
    interviewers = {label for label, questions in asks.items() if all(questions)}
    if not interviewers or interviewers == labels:
        return []  # no one asks, or no one answers: not an interview transcript
    out = []
    for label, _start, a_start, a_end in turns:
        if label in interviewers:
            continue
        answer = text[a_start:a_end]
        if answer[:1] in _MARKS and answer.rstrip()[-1:] in _MARKS:
            continue  # the answer is in marks: a quote of its own, after a colon
        content = Span.of(text, a_start, a_end)
        out.append(
            (
                QuotedSpan(
                    content,
                    Span.of(text, a_start, a_start),
                    None,
                    0,
                    True,
                    style=INTERVIEW_STYLE,
                ),
                label,
            )
        )
    return out
