"""Tests of the HTML rendering (:mod:`quoteattr.output.display`, ``QuoteList._repr_html_``)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from quoteattr.output.display import KIND_LABELS, render_html
from quoteattr.output.results import QuoteList
from quoteattr.records import Cue, MentionKind, Quote, QuoteKind, Span, Speaker

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"}

TEXT = (
    'Le président français, Emmanuel Macron, a dénoncé des "commentaires baroques et '
    "menaçants\". <script>alert('x')</script> & co.\n\n"
    "Il a ajouté que l'attitude de la Russie était le signe que Moscou \"ne souhaitait plus "
    'collaborer avec Paris". "Il y avait une longue tradition", a rappelé Stéphane Séjourné.'
)


def span(needle: str, after: int = 0, text: str = TEXT) -> Span:
    start = text.index(needle, after)
    return Span.of(text, start, start + len(needle))


def build_quotes() -> QuoteList:
    macron = Speaker(span("Emmanuel Macron"), "Emmanuel Macron", MentionKind.NAME)
    denonce = Cue(span("a dénoncé"), "dénoncer", cls="accuse")
    mixed1 = Quote(
        span("commentaires baroques et menaçants"), QuoteKind.MIXED, macron, denonce, 0.8, "mixed"
    )
    il = Speaker(
        span("Il", TEXT.index("\n\n")),
        "Emmanuel Macron",
        MentionKind.PRONOUN,
        span("Emmanuel Macron"),
    )
    ajoute = Cue(span("a ajouté"), "ajouter")
    indirect = Quote(
        span(
            "l'attitude de la Russie était le signe que Moscou \"ne souhaitait plus collaborer "
            'avec Paris"'
        ),
        QuoteKind.INDIRECT,
        il,
        ajoute,
        0.75,
        "que-clause",
        sentence=2,
        paragraph=1,
    )
    mixed2 = Quote(
        span("ne souhaitait plus collaborer avec Paris"),
        QuoteKind.MIXED,
        il,
        ajoute,
        0.7,
        "mixed",
        sentence=2,
        paragraph=1,
    )
    direct = Quote(
        span("Il y avait une longue tradition"),
        QuoteKind.DIRECT,
        Speaker(span("Stéphane Séjourné"), "Stéphane Séjourné"),
        Cue(span("a rappelé"), "rappeler"),
        0.9,
        "incise",
        sentence=3,
        paragraph=1,
    )
    orphan = Quote(span("& co"), QuoteKind.DIRECT, None, None, 0.3, "marks")
    return QuoteList([mixed1, indirect, mixed2, direct, orphan], text=TEXT, doc_id="a<b>.txt")


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def ancestors(self) -> list[Node]:
        out = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out

    def text(self, skip_refs: bool = True) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not (skip_refs and "qa-ref" in child.classes()):
                parts.append(child.text(skip_refs))
        return "".join(parts)

    def walk(self) -> list[Node]:
        out = [self]
        for child in self.children:
            if isinstance(child, Node):
                out.extend(child.walk())
        return out


class TreeBuilder(HTMLParser):
    """Builds a tree and checks that every end tag closes the innermost open tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.current = self.root
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.current.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.current.tag}>")
            return
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.errors == []
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder.root


def find(root: Node, cls: str) -> list[Node]:
    return [n for n in root.walk() if cls in n.classes()]


@pytest.fixture
def quotes() -> QuoteList:
    return build_quotes()


@pytest.fixture
def html(quotes: QuoteList) -> str:
    return quotes._repr_html_()


def test_html_is_well_formed(html: str) -> None:
    root = parse(html)
    (container,) = [n for n in root.children if isinstance(n, Node)]
    assert "quoteattr" in container.classes()


def test_repr_html_is_render_html(quotes: QuoteList, html: str) -> None:
    assert html == render_html(quotes, TEXT, doc_id="a<b>.txt")
    assert html == quotes.to_html()


def test_text_is_escaped(html: str) -> None:
    assert "<script" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "&amp; co" in html
    assert "a&lt;b&gt;.txt" in html  # the doc_id too
    assert " & " not in html.replace("&amp;", "")


def test_body_text_is_the_document(html: str) -> None:
    (body,) = find(parse(html), "qa-text")
    assert body.text() == TEXT
    assert body.text(skip_refs=False) != TEXT  # quote numbers are decorations


def test_paragraph_breaks(html: str) -> None:
    (body,) = find(parse(html), "qa-text")
    assert sum(1 for n in body.walk() if n.tag == "br") == TEXT.count("\n")
    assert "menaçants&quot;" not in html  # text nodes are not attribute-escaped
    assert "<br>" in html


def test_each_highlight_covers_its_span(quotes: QuoteList, html: str) -> None:
    root = parse(html)
    marked = [n for n in root.walk() if "data-mark" in n.attrs]
    # one quote per content, one mention per distinct mention span, one cue per distinct cue
    assert len(find(root, "qa-quote")) == 5
    assert len(find(root, "qa-mention")) == 3
    assert len(find(root, "qa-cue")) == 3
    assert not [n for n in marked if n.attrs.get("data-part") == "continued"]
    for node in marked:
        start, end = int(node.attrs["data-start"]), int(node.attrs["data-end"])
        assert node.text() == TEXT[start:end]
    contents = sorted(
        (int(n.attrs["data-start"]), int(n.attrs["data-end"])) for n in find(root, "qa-quote")
    )
    assert contents == sorted((q.content.start, q.content.end) for q in quotes)


def test_kinds_have_their_class(quotes: QuoteList, html: str) -> None:
    root = parse(html)
    for node in find(root, "qa-quote"):
        index = int(node.attrs["data-quote"])
        assert node.attrs["data-kind"] == quotes[index].kind.value
        assert f"qa-{quotes[index].kind.value}" in node.classes()
        assert node.tag == "mark"
        assert "background" in node.attrs["style"]


def test_mixed_quote_nests_inside_indirect(html: str) -> None:
    root = parse(html)
    (indirect,) = [n for n in find(root, "qa-quote") if n.attrs["data-kind"] == "indirect"]
    inner = [n for n in find(indirect, "qa-quote") if n is not indirect]
    assert len(inner) == 1
    assert inner[0].attrs["data-kind"] == "mixed"
    assert inner[0].text() == "ne souhaitait plus collaborer avec Paris"


def test_quotes_link_to_speaker_mentions(quotes: QuoteList, html: str) -> None:
    root = parse(html)
    ids = {n.attrs["id"]: n for n in root.walk() if "id" in n.attrs}
    refs = find(root, "qa-ref")
    assert len(refs) == len(quotes)
    for ref in refs:
        index = int(ref.attrs["data-quote"])
        quote = quotes[index]
        links = [n for n in ref.walk() if n.tag == "a"]
        if quote.speaker is None:
            assert links == []
            assert "unattributed" in ref.text(skip_refs=False)
            continue
        (link,) = links
        target = ids[link.attrs["href"].removeprefix("#")]
        assert "qa-mention" in target.classes()
        assert str(index) in target.attrs["data-quote"].split()
        assert target.text() == quote.speaker.mention.text  # type: ignore[union-attr]
    pronoun = [n for n in find(root, "qa-mention") if n.text() == "Il"]
    assert pronoun[0].attrs["data-quote"] == "1 2"
    assert "qa-mention-pronoun" in pronoun[0].classes()
    assert "resolved from «Emmanuel Macron»" in pronoun[0].attrs["title"]


def test_tooltips(quotes: QuoteList, html: str) -> None:
    root = parse(html)
    direct = next(n for n in find(root, "qa-quote") if n.attrs["data-quote"] == "3")
    title = direct.attrs["title"]
    assert "Stéphane Séjourné" in title and "incise" in title and "0.90" in title
    (cue,) = [n for n in find(root, "qa-cue") if n.text() == "a dénoncé"]
    assert "dénoncer" in cue.attrs["title"] and "accuse" in cue.attrs["title"]


def test_legend_and_summary(html: str) -> None:
    root = parse(html)
    (legend,) = find(root, "qa-legend")
    legend_text = legend.text()
    for label in KIND_LABELS.values():
        assert label in legend_text
    assert "mixed quote (2)" in legend_text and "according to (0)" in legend_text
    (table,) = find(root, "qa-speakers")
    header = [n.text() for n in table.walk() if n.tag == "th"]
    rows = find(table, "qa-speaker-row")
    cells = [
        dict(zip(header, [c.text() for c in row.children if isinstance(c, Node)], strict=True))
        for row in rows
    ]
    assert [(row["Speaker"], row["Quotes"]) for row in cells] == [
        ("Emmanuel Macron", "3"),
        ("Stéphane Séjourné", "1"),
        ("unattributed", "1"),
    ]
    assert cells[0]["Mentions"] == "Emmanuel Macron; Il"
    assert "mixed 2" in cells[0]["Kinds"] and "indirect 1" in cells[0]["Kinds"]
    ids = {n.attrs["id"] for n in root.walk() if "id" in n.attrs}
    for link in (n for n in table.walk() if n.tag == "a"):
        assert link.attrs["href"].removeprefix("#") in ids


def test_empty_document_and_no_quotes() -> None:
    root = parse(QuoteList(text="")._repr_html_())
    assert "No quotes found." in root.text()
    html = render_html([], "Rien à signaler,\nvraiment.")
    (body,) = find(parse(html), "qa-text")
    assert body.text() == "Rien à signaler,\nvraiment."


def test_crossing_spans_are_split_not_broken() -> None:
    text = "« Je ne céderai pas, a-t-il dit. Jamais. »"
    content = Span.of(text, 2, 20)  # "Je ne céderai pas,"
    cue = Span.of(text, 19, 31)  # ", a-t-il dit" crosses the end of the content
    mention = Span.of(text, 24, 26)  # "il"
    quote = Quote(
        content, "direct", Speaker(mention, "X", "pronoun"), Cue(cue, "dire"), 0.5, "incise"
    )
    root = parse(render_html([quote], text))
    (body,) = find(root, "qa-text")
    assert body.text() == text
    cues = find(root, "qa-cue")
    assert len(cues) == 2
    assert cues[1].attrs.get("data-part") == "continued"
    assert "id" not in cues[1].attrs or cues[1].attrs["id"] != cues[0].attrs.get("id")
    assert "".join(n.text() for n in cues) == cue.text
    for node in find(root, "qa-quote") + find(root, "qa-mention"):
        start, end = int(node.attrs["data-start"]), int(node.attrs["data-end"])
        assert node.text() == text[start:end]


def test_spans_outside_the_text_are_ignored() -> None:
    quote = Quote(Span(50, 53, "Non"), "direct", None, None, 1.0, "marks")
    root = parse(render_html([quote], "court"))
    assert find(root, "qa-quote") == []
    assert find(root, "qa-speakers")


def test_id_prefix() -> None:
    text = "« Oui », dit-elle."
    quote = Quote(
        Span.of(text, 2, 5),
        "direct",
        Speaker(Span.of(text, 13, 17), "Marie"),
        Cue(Span.of(text, 9, 12), "dire"),
        1.0,
        "incise",
    )
    html = render_html([quote], text, id_prefix="doc7")
    assert 'id="doc7-q0"' in html and 'href="#doc7-m0"' in html


def test_quote_number_follows_the_closing_mark() -> None:
    text = "« Non », dit-il. Il a parlé d'« intérêt »."
    quotes = []
    for word, kind in (("Non", "direct"), ("intérêt", "mixed")):
        start = text.index(word)
        quotes.append(
            Quote(
                span(word, text=text),
                kind,
                None,
                None,
                1.0,
                "clause",
                Span.of(text, start - 2, start - 1),
                Span.of(text, start + len(word) + 1, start + len(word) + 2),
            )
        )
    html = render_html(quotes, text)
    (body,) = find(parse(html), "qa-text")
    assert body.text() == text
    for index, quote in enumerate(quotes):
        ref = html.index(f'<sup class="qa-ref" data-quote="{index}"')
        end_of_mark = html.index("</mark>", html.index(f'data-start="{quote.content.start}"'))
        assert html[end_of_mark:ref] == "</mark> »"  # «Non»¹, not «Non¹»


def test_nested_quote_number_stays_inside_the_enclosing_quote() -> None:
    text = 'Il a ajouté que Moscou "ne veut plus" collaborer.'
    inner_start = text.index("ne veut")
    outer = Quote(Span.of(text, 16, len(text) - 1), "indirect", None, None, 0.8, "que_clause")
    inner = Quote(
        Span.of(text, inner_start, inner_start + 12),
        "mixed",
        None,
        None,
        0.8,
        "clause",
        Span.of(text, inner_start - 1, inner_start),
        Span.of(text, inner_start + 12, inner_start + 13),
    )
    root = parse(render_html([outer, inner], text))
    (indirect,) = [n for n in find(root, "qa-quote") if n.attrs["data-kind"] == "indirect"]
    refs = [n.attrs["data-quote"] for n in find(indirect, "qa-ref")]
    assert refs == ["1"]  # the mixed quote's number, after its mark, inside the indirect span
    (body,) = find(root, "qa-text")
    assert body.text() == text


def test_quote_numbers_do_not_wrap(html: str) -> None:
    root = parse(html)
    for ref in find(root, "qa-ref"):
        assert "white-space: nowrap" in ref.attrs["style"]
