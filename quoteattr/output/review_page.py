"""The review page: every record of a corpus in one table, the ones that need review standing out.

:func:`render_review` writes one self-contained HTML page (``quoteattr --format review``,
``quoteattr corpus ... --review PAGE``, :func:`quoteattr.review_page`):

* a summary line and filters: *all*, *needs review*, *passed review* (radio buttons), and one
  check box per kind of claim signal (*only records with a figure*, …; several combine);
  the filters are pure CSS (``:checked ~ table``), so they work without JavaScript;
* the review table, one row per record: its document, speaker (with the corpus speaker id),
  the words said with their claim signals highlighted, kind, confidence, a badge per signal
  kind and per review reason. A record that needs review has the class ``qa-needs-review``, a
  red left border and a tinted background; the others have ``qa-passed``. Each row carries
  ``data-needs-review``, ``data-reasons``, ``data-signals``, ``data-signal-count``,
  ``data-confidence``, ``data-doc`` and ``data-speaker-id``;
* headers with ``data-sort`` sort the table when clicked (a few lines of JavaScript; the page
  reads the same without it): by document order, confidence, signal count or review;
* the corpus-wide speakers table (:mod:`quoteattr.output.corpus_speakers`);
* each document highlighted as in Jupyter (:func:`quoteattr.output.display.render_html`), when
  its text is known; the number of each row links to its quote there.

Example:
    >>> from quoteattr.records import Quote, Span
    >>> text = "« Nous avons 2 000 agents », a-t-il dit."
    >>> quotes = [Quote(Span.of(text, 2, 25), "direct", None, None, 0.9, "marks")]
    >>> page = render_review([("a.txt", quotes, (None,), text)])
    >>> 'class="qa-record qa-needs-review"' in page, 'data-signals="figure"' in page
    (True, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from quoteattr.output.display import render_html
from quoteattr.output.review import quote_signal_kinds, quote_signals
from quoteattr.output.speaker_table import SpeakerTable, speakers_html
from quoteattr.output.styles import (
    CELL_STYLE,
    CONTAINER_STYLE,
    HEAD_STYLE,
    KIND_COLOURS,
    MUTED_STYLE,
    REASON_LABELS,
    SIGNAL_COLOURS,
)
from quoteattr.records import FLAGS, REVIEW_MIN_CONFIDENCE, Quote
from quoteattr.text.signals import SignalKind

__all__ = ["ReviewDocument", "render_review"]

ReviewDocument = tuple[str, Sequence[Quote], Sequence[str | None], str]
"""One document of the page: ``(doc_id, quotes, speaker ids, text)`` (text may be empty)."""

_CSS = """
.qa-review-page { %(container)s max-width: 80em; }
.qa-review-page .qa-toggle { position: absolute; opacity: 0; pointer-events: none; }
.qa-filters label { display: inline-block; margin: 0.2em 0.6em 0.2em 0; padding: 0.15em 0.6em;
  border: 1px solid #bdbdbd; border-radius: 1em; cursor: pointer; user-select: none; }
table.qa-review { border-collapse: collapse; font-size: 0.92em; width: 100%%; }
table.qa-review th[data-sort] { cursor: pointer; }
table.qa-review tr.qa-needs-review { background: #fff3f3; }
table.qa-review tr.qa-needs-review > td:first-child { border-left: 5px solid #d50000; }
table.qa-review tr.qa-passed > td:first-child { border-left: 5px solid #43a047; }
.qa-badge { display: inline-block; color: #fff; font-size: 0.8em; font-weight: 600;
  padding: 0.05em 0.5em; margin: 0.1em 0.2em 0.1em 0; border-radius: 0.7em; }
.qa-reason { background: #d50000; }
.qa-reason-low_confidence, .qa-reason-continuation { background: #ef6c00; }
mark.qa-signal { background: none; color: inherit; border-bottom: 2px solid; padding: 0; }
%(signals)s
#qa-show-review:checked ~ table.qa-review tr.qa-passed { display: none; }
#qa-show-passed:checked ~ table.qa-review tr.qa-needs-review { display: none; }
%(only)s
%(labels)s
"""

_SCRIPT = """
<script>
document.querySelectorAll("table.qa-review th[data-sort]").forEach(function (th) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0], key = th.dataset.sort;
    var down = th.dataset.order !== "desc";
    th.dataset.order = down ? "desc" : "asc";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = parseFloat(a.dataset[key]), y = parseFloat(b.dataset[key]);
      return (down ? y - x : x - y) || a.dataset.index - b.dataset.index;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
</script>
"""

_HEADS = (
    ("#", "index"),
    ("Document", None),
    ("Speaker", None),
    ("What was said", None),
    ("Kind", None),
    ("Confidence", "confidence"),
    ("Signals", "signalCount"),
    ("Review", "reviewCount"),
)


def _css() -> str:
    kinds = [kind.value for kind in SignalKind]
    signals = "\n".join(
        f".qa-signal-{kind} {{ border-color: {SIGNAL_COLOURS[kind]} !important; }}\n"
        f".qa-badge.qa-signal-{kind} {{ background: {SIGNAL_COLOURS[kind]}; }}"
        for kind in kinds
    )
    only = "\n".join(
        f"#qa-only-{kind}:checked ~ table.qa-review "
        f'tr.qa-record:not([data-signals~="{kind}"]) {{ display: none; }}'
        for kind in kinds
    )
    toggles = ["show-all", "show-review", "show-passed", *(f"only-{kind}" for kind in kinds)]
    labels = "\n".join(
        f'#qa-{name}:checked ~ .qa-filters label[for="qa-{name}"] '
        "{ background: #37474f; color: #fff; border-color: #37474f; }"
        for name in toggles
    )
    return _CSS % {
        "container": CONTAINER_STYLE,
        "signals": signals,
        "only": only,
        "labels": labels,
    }


def _content(quote: Quote) -> str:
    """The words said, each signal underlined in its kind's colour (overlaps: the first)."""
    text, start = quote.content.text, quote.content.start
    out: list[str] = []
    position = 0
    for signal in quote_signals(quote):
        begin, end = signal.start - start, signal.end - start
        if begin < position:
            continue
        out.append(escape(text[position:begin]))
        out.append(
            f'<mark class="qa-signal qa-signal-{signal.kind.value}" '
            f'title="{signal.kind.value}">{escape(text[begin:end])}</mark>'
        )
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


def _badges(names: Iterable[str], cls: str, titles: dict[str, str] | None = None) -> str:
    return "".join(
        f'<span class="qa-badge {cls} {cls}-{name}" data-{cls[3:]}="{name}"'
        + (f' title="{escape(titles[name])}"' if titles else "")
        + f">{escape(name.replace('_', ' '))}</span>"
        for name in names
    )


def _row(index: int, where: tuple[int, int, str], quote: Quote, sid: str | None, link: bool) -> str:
    doc_index, quote_index, doc_id = where
    reasons = quote.review_reasons
    kinds = quote_signal_kinds(quote)
    state = "qa-needs-review" if reasons else "qa-passed"
    speaker = quote.speaker
    who = escape(speaker.name) if speaker is not None and speaker.name else "<em>unknown</em>"
    if speaker is not None and speaker.role:
        who += f'<br><span style="{MUTED_STYLE}">{escape(speaker.role)}</span>'
    if sid is not None:
        who += f'<br><code class="qa-speaker-id" style="{MUTED_STYLE}">{escape(sid)}</code>'
    number = str(index + 1)
    if link:
        number = f'<a href="#d{doc_index}-q{quote_index}">{number}</a>'
    low = quote.confidence < REVIEW_MIN_CONFIDENCE
    confidence = f"{quote.confidence:.2f}" + (" ⚠" if low else "")
    attributes = {
        "class": f"qa-record {state}",
        "data-index": str(index),
        "data-doc": doc_id,
        "data-speaker-id": sid or "",
        "data-needs-review": "true" if reasons else "false",
        "data-reasons": " ".join(reasons),
        "data-review-count": str(len(reasons)),
        "data-signals": " ".join(kinds),
        "data-signal-count": str(len(quote_signals(quote))),
        "data-confidence": f"{quote.confidence:.2f}",
        "data-flags": " ".join(quote.flags),
    }
    opened = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
    colour = KIND_COLOURS[quote.kind]
    return (
        f"<tr{opened}>"
        f'<td style="{CELL_STYLE}">{number}</td>'
        f'<td style="{CELL_STYLE}">{escape(doc_id)}</td>'
        f'<td class="qa-who" style="{CELL_STYLE}">{who}</td>'
        f'<td class="qa-said" style="{CELL_STYLE}">«{_content(quote)}»</td>'
        f'<td style="{CELL_STYLE}"><span style="background: {colour}; padding: 0 0.3em;">'
        f"{quote.kind.value}</span></td>"
        f'<td class="qa-confidence" style="{CELL_STYLE} text-align: right;">{confidence}</td>'
        f'<td class="qa-signals" style="{CELL_STYLE}">{_badges(kinds, "qa-signal")}</td>'
        f'<td class="qa-reasons" style="{CELL_STYLE}">'
        f"{_badges(reasons, 'qa-reason', REASON_LABELS)}</td></tr>"
    )


def _filters(total: int, review: int, signals: Counter[str]) -> str:
    toggles = [
        '<input class="qa-toggle" type="radio" name="qa-show" id="qa-show-all" checked>',
        '<input class="qa-toggle" type="radio" name="qa-show" id="qa-show-review">',
        '<input class="qa-toggle" type="radio" name="qa-show" id="qa-show-passed">',
    ]
    labels = [
        f'<label for="qa-show-all">all ({total})</label>',
        f'<label for="qa-show-review">needs review ({review})</label>',
        f'<label for="qa-show-passed">passed review ({total - review})</label>',
        f'<span style="{MUTED_STYLE} margin: 0 0.4em 0 0.8em;">only with:</span>',
    ]
    for kind in SignalKind:
        toggles.append(f'<input class="qa-toggle" type="checkbox" id="qa-only-{kind.value}">')
        labels.append(
            f'<label for="qa-only-{kind.value}">{kind.value} ({signals.get(kind.value, 0)})</label>'
        )
    return "".join(toggles) + f'<div class="qa-filters">{"".join(labels)}</div>'


def render_review(
    documents: Iterable[ReviewDocument],
    *,
    speakers: SpeakerTable | None = None,
    title: str = "quoteattr: review",
) -> str:
    """The review page of ``(doc_id, quotes, speaker ids, text)`` documents (module docstring).

    ``speakers`` is the corpus speakers table shown under the records.

    Example:
        >>> page = render_review([])
        >>> page.startswith("<!DOCTYPE html>"), "0 records" in page
        (True, True)
    """
    rows: list[str] = []
    renderings: list[str] = []
    review = 0
    signals: Counter[str] = Counter()
    count = documents_seen = 0
    for doc_index, (doc_id, quotes, ids, text) in enumerate(documents):
        documents_seen += 1
        for quote_index, (quote, sid) in enumerate(zip(quotes, ids, strict=True)):
            where = (doc_index, quote_index, doc_id)
            rows.append(_row(count, where, quote, sid, bool(text)))
            review += quote.needs_review
            signals.update(quote_signal_kinds(quote))
            count += 1
        if text:
            rendering = render_html(list(quotes), text, doc_id=doc_id, id_prefix=f"d{doc_index}")
            renderings.append(rendering)
    head = "".join(
        f'<th style="{HEAD_STYLE}"' + (f' data-sort="{key}"' if key else "") + f">{name}</th>"
        for name, key in _HEADS
    )
    flagged = ", ".join(FLAGS)
    summary = (
        f'<p class="qa-review-summary">{count} records in {documents_seen} documents: '
        f"<strong>{review} need review</strong>, {count - review} passed. A record "
        f"needs review when it has no speaker name, a speaker reached through a pronoun or a "
        f"description far away or carried over, a confidence below "
        f"{REVIEW_MIN_CONFIDENCE:.2f}, or a warning flag ({flagged}).</p>"
    )
    table = (
        f'<table class="qa-review" id="qa-review"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    parts = [
        f"<h1>{escape(title)}</h1>",
        summary,
        f'<div class="qa-review-queue">{_filters(count, review, signals)}{table}</div>',
    ]
    if speakers is not None:
        parts.append(f"<h2>Speakers</h2>{speakers_html(speakers)}")
    if renderings:
        parts.append("<h2>Documents</h2>" + "<hr>".join(renderings))
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_css()}</style>\n</head>\n"
        f'<body class="qa-review-page">\n{"".join(parts)}\n{_SCRIPT}</body>\n</html>\n'
    )
