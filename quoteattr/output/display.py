"""HTML rendering of extracted quotes, in the spirit of spaCy's displaCy.

:func:`render_html` shows the whole document with every quote content
highlighted (one colour per :class:`~quoteattr.records.QuoteKind`), speaker
mentions boxed and cues underlined, a numbered link from each quote to its
speaker mention, a legend and a per-speaker summary table. The output is one
self-contained ``<div>`` with inline styles and no JavaScript, suitable for
Jupyter (``QuoteList._repr_html_``) or for saving to a file.

Markup contract (useful for tests and post-processing):

* quote contents are ``<mark class="qa-quote qa-<kind>">``, speaker
  mentions ``<span class="qa-mention">`` and cues ``<span class="qa-cue">``;
  each carries ``data-start``/``data-end`` (offsets into the text),
  ``data-mark`` (one id per highlighted span) and ``data-quote`` (the
  0-based indexes of the quotes it belongs to, space-separated);
* spans nest properly; when two spans cross, the inner one is split in
  several elements with the same ``data-mark``, the later ones having
  ``data-part="continued"``;
* the only text added inside the document is in ``<sup class="qa-ref">``
  decorations (the quote numbers), so the text of the body minus those is
  the original text; line breaks are kept as ``\\n`` preceded by ``<br>``;
* a quote's number comes after its closing quotation mark (``«Non»¹``),
  inside the highlights that enclose that mark;
* every quote carries ``data-signals`` (its kinds of claim signal) and
  ``data-review`` (its review reasons, empty when it passed), also in its tooltip;
* a quote with warning flags (:attr:`Quote.flags
  <quoteattr.records.Quote.flags>`: ``negated``, ``alleged``, ``denial``)
  carries them in ``data-flags`` and ``qa-flag-<flag>`` classes, is
  outlined in the colour of its first flag, and shows one badge per flag
  (``<span class="qa-flag qa-flag-<flag>">``) inside its number's ``<sup>``.

The per-speaker table gives each speaker's role and type
(:mod:`quoteattr.speakers.profiles`) and counts the flagged quotes.

:func:`render_page` wraps one or several renderings in a complete UTF-8 HTML
page, the one ``quoteattr --format html`` writes.

Example:
    >>> from quoteattr.records import Quote, QuoteKind, Span
    >>> text = "Il a dit : « Non. »"
    >>> html = render_html([Quote(Span.of(text, 12, 16), QuoteKind.DIRECT, None, None,
    ...                           0.9, "marks")], text)
    >>> 'data-start="12" data-end="16"' in html
    True
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from quoteattr.output.review import quote_signal_kinds
from quoteattr.output.styles import (
    BODY_STYLE,
    CELL_STYLE,
    CONTAINER_STYLE,
    CUE_STYLE,
    FLAG_COLOURS,
    FLAG_LABELS,
    HEAD_STYLE,
    KIND_COLOURS,
    KIND_LABELS,
    LINK_STYLE,
    MENTION_STYLE,
    MUTED_STYLE,
    REF_STYLE,
    badge,
    quote_style,
)
from quoteattr.output.summary import shorten, summarize_speakers
from quoteattr.records import FLAGS, MentionKind, Quote, QuoteKind

__all__ = [
    "FLAG_COLOURS",
    "FLAG_LABELS",
    "KIND_COLOURS",
    "KIND_LABELS",
    "render_html",
    "render_page",
]


def _attrs(values: dict[str, str]) -> str:
    return "".join(f' {name}="{escape(value, quote=True)}"' for name, value in values.items())


def _text(chunk: str) -> str:
    """Escape document text; line breaks stay as ``\\n`` after a ``<br>``."""
    return escape(chunk, quote=False).replace("\n", "<br>\n")


@dataclass
class _Mark:
    """One highlighted span of the document."""

    start: int
    end: int
    rank: int  # 0 quote, 1 mention, 2 cue: the outer one first when spans coincide
    order: int
    tag: str
    attributes: dict[str, str]
    ident: str | None = None
    after: str = ""  # decoration written once the span has closed
    after_at: int | None = None  # where to write it (default: the end of the span)
    quotes: list[int] = field(default_factory=list)

    def open(self, continued: bool) -> str:
        values = dict(self.attributes)
        values["data-quote"] = " ".join(str(i) for i in self.quotes)
        if continued:
            values["data-part"] = "continued"
        elif self.ident is not None:
            values = {"id": self.ident, **values}
        return f"<{self.tag}{_attrs(values)}>"


def _speaker_label(quote: Quote) -> str:
    speaker = quote.speaker
    if speaker is None:
        return "unattributed"
    if speaker.name is not None:
        return speaker.name
    if speaker.mention is not None:
        return f"? ({speaker.mention.text})"
    return "unattributed"


def _quote_title(number: int, quote: Quote) -> str:
    parts = [f"#{number} {quote.kind.value}", f"speaker: {_speaker_label(quote)}"]
    if quote.speaker is not None and quote.speaker.mention is not None:
        parts.append(f"mention: «{quote.speaker.mention.text}» ({quote.speaker.kind.value})")
    if quote.cue is not None:
        cue = quote.cue
        parts.append(
            f"cue: «{cue.span.text}» ({cue.lemma}; {cue.cls.value}, {cue.polarity.value}, "
            f"{cue.modality.value})"
        )
    if quote.flags:
        parts.append("flags: " + ", ".join(quote.flags))
    parts.append(f"sieve: {quote.rule}, confidence {quote.confidence:.2f}")
    if quote_signal_kinds(quote):
        parts.append("signals: " + ", ".join(quote_signal_kinds(quote)))
    parts.append("review: " + (", ".join(quote.review_reasons) or "passed"))
    return "\n".join(parts)


def _in_text(start: int, end: int, length: int) -> bool:
    return 0 <= start < end <= length


def _build_marks(quotes: Sequence[Quote], text: str, prefix: str) -> list[_Mark]:
    marks: list[_Mark] = []
    mentions: dict[tuple[int, int], _Mark] = {}
    cues: dict[tuple[int, int], _Mark] = {}
    length = len(text)
    for index, quote in enumerate(quotes):
        number = index + 1
        speaker = quote.speaker
        mention = speaker.mention if speaker is not None else None
        mention_mark: _Mark | None = None
        if (
            speaker is not None
            and mention is not None
            and _in_text(mention.start, mention.end, length)
        ):
            key = (mention.start, mention.end)
            mention_mark = mentions.get(key)
            if mention_mark is None:
                line = "solid" if speaker.kind is MentionKind.NAME else "dashed"
                mention_mark = _Mark(
                    mention.start,
                    mention.end,
                    1,
                    len(marks),
                    "span",
                    {
                        "class": f"qa-mention qa-mention-{speaker.kind.value}",
                        "data-start": str(mention.start),
                        "data-end": str(mention.end),
                        "data-mark": f"{prefix}-m{len(mentions)}",
                        "style": MENTION_STYLE.format(line=line),
                    },
                    ident=f"{prefix}-m{len(mentions)}",
                )
                title = f"speaker: {speaker.name or '?'} ({speaker.kind.value})"
                if speaker.role is not None:
                    title += f"\nrole: {speaker.role}"
                if speaker.name is not None:
                    title += f"\ntype: {speaker.type.value}"
                if speaker.resolved_from is not None:
                    title += f"\nresolved from «{speaker.resolved_from.text}»"
                mention_mark.attributes["title"] = title
                mentions[key] = mention_mark
                marks.append(mention_mark)
            mention_mark.quotes.append(index)
        cue = quote.cue
        if cue is not None and _in_text(cue.span.start, cue.span.end, length):
            key = (cue.span.start, cue.span.end)
            cue_mark = cues.get(key)
            if cue_mark is None:
                cue_mark = _Mark(
                    cue.span.start,
                    cue.span.end,
                    2,
                    len(marks),
                    "span",
                    {
                        "class": "qa-cue",
                        "data-start": str(cue.span.start),
                        "data-end": str(cue.span.end),
                        "data-mark": f"{prefix}-c{len(cues)}",
                        "title": (
                            f"cue: {cue.lemma} ({cue.type.value}; {cue.cls.value}, "
                            f"{cue.polarity.value}, {cue.modality.value})"
                        ),
                        "style": CUE_STYLE,
                    },
                )
                cues[key] = cue_mark
                marks.append(cue_mark)
            cue_mark.quotes.append(index)
        content = quote.content
        if not _in_text(content.start, content.end, length):
            continue
        after_at = content.end
        close = quote.close_mark
        if (
            close is not None
            and content.end <= close.start < close.end <= length
            and not text[content.end : close.start].strip()
        ):
            after_at = close.end  # the number goes after the closing mark
        label = escape(shorten(_speaker_label(quote), 28))
        if mention_mark is not None and mention_mark.ident is not None:
            link = (
                f'<a href="#{mention_mark.ident}" style="{LINK_STYLE}" '
                f'title="{escape(_speaker_label(quote))}">{number}&#8239;→&#8239;{label}</a>'
            )
        else:
            link = f"{number}&#8239;→&#8239;{label}"
        link += "".join(badge(flag) for flag in quote.flags)
        attributes = {
            "class": " ".join(
                [f"qa-quote qa-{quote.kind.value}", *(f"qa-flag-{flag}" for flag in quote.flags)]
            ),
            "data-kind": quote.kind.value,
            "data-start": str(content.start),
            "data-end": str(content.end),
            "data-mark": f"{prefix}-q{index}",
            "title": _quote_title(number, quote),
            "style": quote_style(quote.kind, quote.flags),
        }
        if quote.flags:
            attributes["data-flags"] = " ".join(quote.flags)
        attributes["data-signals"] = " ".join(quote_signal_kinds(quote))
        attributes["data-review"] = " ".join(quote.review_reasons)
        marks.append(
            _Mark(
                content.start,
                content.end,
                0,
                len(marks),
                "mark",
                attributes,
                ident=f"{prefix}-q{index}",
                after=(
                    f'<sup class="qa-ref" data-quote="{index}" style="{REF_STYLE}">{link}</sup>'
                ),
                after_at=after_at,
                quotes=[index],
            )
        )
    return marks


def _render_body(text: str, marks: list[_Mark]) -> str:
    """Interleave the text with the marks from a sorted list of boundaries."""
    opening: dict[int, list[_Mark]] = {}
    for mark in marks:
        opening.setdefault(mark.start, []).append(mark)
    points = sorted(
        {0, len(text)}
        | {m.start for m in marks}
        | {m.end for m in marks}
        | {m.after_at for m in marks if m.after_at is not None}
    )
    out: list[str] = []
    stack: list[_Mark] = []
    pending: dict[int, list[str]] = {}  # decorations waiting for a later point
    position = 0
    for point in points:
        if point > position:
            out.append(_text(text[position:point]))
            position = point
        # decorations due here go inside the spans still open (an enclosing quote)
        out.extend(pending.pop(point, []))
        ending = [i for i, mark in enumerate(stack) if mark.end <= point]
        if ending:
            popped = stack[ending[0] :]
            del stack[ending[0] :]
            out.extend(f"</{mark.tag}>" for mark in reversed(popped))
            for mark in reversed(popped):
                if mark.end > point or not mark.after:
                    continue
                at = mark.after_at if mark.after_at is not None else mark.end
                if at <= point:
                    out.append(mark.after)
                else:
                    pending.setdefault(at, []).append(mark.after)
            for mark in sorted(
                (m for m in popped if m.end > point), key=lambda m: (-m.end, m.rank, m.order)
            ):
                out.append(mark.open(continued=True))
                stack.append(mark)
        for mark in sorted(opening.get(point, []), key=lambda m: (-m.end, m.rank, m.order)):
            out.append(mark.open(continued=False))
            stack.append(mark)
    out.extend(f"</{mark.tag}>" for mark in reversed(stack))
    for waiting in pending.values():  # only for points past the end of the text
        out.extend(waiting)
    return "".join(out)


def _legend(quotes: Sequence[Quote]) -> str:
    counts = Counter(q.kind for q in quotes)
    items = [
        f'<span class="qa-legend-item" data-kind="{kind.value}" '
        f'style="{quote_style(kind)} margin-right: 0.6em;">'
        f"{escape(KIND_LABELS[kind])} ({counts.get(kind, 0)})</span>"
        for kind in QuoteKind
    ]
    flagged = Counter(flag for q in quotes for flag in q.flags)
    items.extend(
        f'<span class="qa-legend-item" data-kind="{flag}" style="margin-right: 0.6em;">'
        f"{badge(flag, f'{flag} ({flagged.get(flag, 0)})')}</span>"
        for flag in FLAGS
    )
    items.append(
        '<span class="qa-legend-item" data-kind="mention" '
        f'style="{MENTION_STYLE.format(line="solid")} margin-right: 0.6em;">speaker</span>'
    )
    items.append(
        '<span class="qa-legend-item" data-kind="cue" '
        f'style="{CUE_STYLE} margin-right: 0.6em;">cue</span>'
    )
    return (
        '<div class="qa-legend" style="line-height: 2.2; margin: 0.4em 0;">'
        + "".join(items)
        + "</div>"
    )


_SUMMARY_COLUMNS = (
    "Speaker",
    "Role",
    "Type",
    "Quotes",
    "Kinds",
    "Negated",
    "Alleged",
    "Denials",
    "Mentions",
    "What was said",
)


def _count_cell(flag: str, count: int) -> str:
    shown = badge(flag, str(count)) if count else f'<span style="{MUTED_STYLE}">0</span>'
    return (
        f'<td class="qa-count qa-count-{flag}" data-count="{count}" '
        f'style="{CELL_STYLE} text-align: center;">{shown}</td>'
    )


def _summary(quotes: Sequence[Quote], prefix: str) -> str:
    positions: dict[int, list[int]] = {}
    for index, quote in enumerate(quotes):
        positions.setdefault(id(quote), []).append(index)
    head = "".join(f'<th style="{HEAD_STYLE}">{name}</th>' for name in _SUMMARY_COLUMNS)
    rows = []
    for group in summarize_speakers(quotes):
        kinds = ", ".join(f"{kind.value} {n}" for kind, n in group.kinds.most_common())
        said = []
        for quote in group.quotes:
            index = positions[id(quote)].pop(0)
            said.append(
                f'<a href="#{prefix}-q{index}" style="{LINK_STYLE}" data-quote="{index}">'
                f"{index + 1}. «{escape(shorten(quote.content.text, 90))}»</a>"
                + "".join(badge(flag) for flag in quote.flags)
            )
        name_style = "font-weight: 600;" if group.name is not None else "font-style: italic;"
        kind = group.type.value if group.name is not None else ""
        rows.append(
            f'<tr class="qa-speaker-row">'
            f'<td style="{CELL_STYLE} {name_style}">{escape(group.label)}</td>'
            f'<td class="qa-role" style="{CELL_STYLE}">{escape(group.role or "")}</td>'
            f'<td class="qa-type" data-type="{kind}" style="{CELL_STYLE} {MUTED_STYLE}">'
            f"{kind}</td>"
            f'<td style="{CELL_STYLE} text-align: right;">{group.count}</td>'
            f'<td style="{CELL_STYLE}">{escape(kinds)}</td>'
            f"{_count_cell('negated', group.negated)}"
            f"{_count_cell('alleged', group.alleged)}"
            f"{_count_cell('denial', group.denials)}"
            f'<td style="{CELL_STYLE}">{escape("; ".join(group.mentions))}</td>'
            f'<td style="{CELL_STYLE}">{"<br>".join(said)}</td>'
            "</tr>"
        )
    if not rows:
        rows.append(
            f'<tr><td colspan="{len(_SUMMARY_COLUMNS)}" style="{CELL_STYLE}">'
            "No quotes found.</td></tr>"
        )
    return (
        '<table class="qa-speakers" style="border-collapse: collapse; margin-top: 0.8em; '
        'font-size: 0.9em;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def render_html(
    quotes: Sequence[Quote],
    text: str,
    *,
    doc_id: str | None = None,
    id_prefix: str | None = None,
) -> str:
    """Render ``text`` with its ``quotes`` highlighted, as an HTML fragment.

    ``id_prefix`` prefixes the element ids (anchors) so several renderings
    can share a page; by default it is derived from the document. Spans that
    are empty or fall outside ``text`` are not highlighted.

    Example:
        >>> from quoteattr.records import Quote, QuoteKind, Span
        >>> text = "Selon <b>X</b> & Y, rien."
        >>> html = render_html([], text, doc_id="a")
        >>> "Selon &lt;b&gt;X&lt;/b&gt; &amp; Y, rien." in html
        True
    """
    if id_prefix is None:
        digest = hashlib.sha1(f"{doc_id}\0{text}\0{len(quotes)}".encode()).hexdigest()
        id_prefix = f"qa{digest[:8]}"
    marks = _build_marks(quotes, text, id_prefix)
    speakers = {q.speaker_name for q in quotes if q.speaker_name is not None}
    header_bits = [f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''}"]
    header_bits.append(f"{len(speakers)} speaker{'s' if len(speakers) != 1 else ''}")
    title = f"<strong>{escape(doc_id)}</strong> · " if doc_id is not None else ""
    return (
        f'<div class="quoteattr" style="{CONTAINER_STYLE}">'
        f'<div class="qa-header" style="color: #616161; font-size: 0.9em;">'
        f"{title}{' · '.join(header_bits)}</div>"
        f"{_legend(quotes)}"
        f'<div class="qa-text" style="{BODY_STYLE}">{_render_body(text, marks)}</div>'
        f"{_summary(quotes, id_prefix)}"
        "</div>"
    )


def render_page(fragments: Iterable[str], *, title: str = "quoteattr") -> str:
    """A complete UTF-8 HTML page holding ``fragments`` (renderings), one after another.

    It is what ``quoteattr --format html`` writes: open it in a browser.

    Example:
        >>> page = render_page([render_html([], "Rien.", doc_id="a")], title="a & b")
        >>> page.startswith("<!DOCTYPE html>"), "<title>a &amp; b</title>" in page
        (True, True)
    """
    body = '\n<hr style="border: none; border-top: 1px solid #e0e0e0; margin: 1.5em 0;">\n'.join(
        fragments
    )
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n</head>\n"
        f'<body style="margin: 1.5em;">\n{body}\n</body>\n</html>\n'
    )
