"""A fact-checker's corpus, end to end with the model: six short articles written for this test, in
the styles of outlets in France, Belgium, Switzerland, Québec, Côte d'Ivoire and Senegal (both
apostrophes), where the same people appear under different forms (``Hélène Marchetti``, ``Mme
Marchetti``, ``la ministre Marchetti``; ``Luc Vandenberghe``, ``M. Vandenberghe``) and two
namesakes (``Pierre Lambert`` in Bern, ``Sophie Lambert`` in Québec) must stay apart, while ``M.
Lambert`` in Dakar is Pierre.

* ``quoteattr.corpus_speakers`` gives the right corpus-wide speakers table, and every export
  carries the same speaker id;
* the review page (``quoteattr.review_page``) is rendered by headless Chromium: the records that
  need review stand out (their row's colour and border, read from the computed style), and the
  CSS filters and the sort by signals work (a script clicks them and notes what is shown).

Skipped without a Chromium binary (as ``tests/output/test_browser.py``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.output.results import QuoteList

pytestmark = pytest.mark.model

ARTICLES = [
    (
        "france-sante",
        "La ministre de la Santé, Hélène Marchetti, a affirmé mardi que les urgences avaient "
        "accueilli 12 % de patients de plus qu'en 2023. « Nous avons recruté 2 000 infirmiers "
        "depuis janvier », a-t-elle déclaré à Lyon. Le député Paul Girard a estimé que ces "
        "chiffres étaient « trompeurs ».",
    ),
    (
        "belgique-energie",
        "Interrogée à Bruxelles, Mme Marchetti a assuré que la France n’abandonnerait pas le "
        "projet. Selon le ministre belge de l’Énergie, Luc Vandenberghe, le coût du chantier a "
        "doublé en deux ans. « C’est le plus grand chantier du pays », a-t-il ajouté.",
    ),
    (
        "suisse-recherche",
        "Pierre Lambert, conseiller fédéral chargé de la recherche, a annoncé que la "
        "Confédération y consacrerait 40 millions de francs. « Nous devons agir parce que le "
        "climat change plus vite que prévu », a déclaré M. Lambert à Berne. Selon M. "
        "Vandenberghe, la Belgique suivra l'exemple suisse.",
    ),
    (
        "quebec-hydro",
        "La ministre québécoise de l’Économie, Sophie Lambert, a affirmé que le réseau "
        "d’Hydro-Québec était le plus fiable d’Amérique du Nord. « Les tarifs n’augmenteront pas "
        "en 2025 », a-t-elle assuré. De passage à Montréal, la ministre Marchetti a dit que la "
        "France s’en inspirerait.",
    ),
    (
        "cote-divoire-cacao",
        "Le ministre ivoirien de l'Économie, Koffi Adjoumani, a déclaré que la croissance "
        "atteindrait 7 % cette année grâce au cacao. « Nous n'avons jamais autant investi », "
        "a-t-il affirmé à Abidjan. Selon M. Adjoumani, la dette publique a baissé depuis 2022. "
        "Selon la Banque mondiale, le pays reste vulnérable aux prix des matières premières.",
    ),
    (
        "senegal-climat",
        "À Dakar, M. Lambert a assuré que la Suisse tiendrait ses engagements climatiques. "
        "D’après la Banque mondiale, la région a perdu 15 % de ses terres cultivables en vingt "
        "ans. La ministre sénégalaise de l’Environnement, Aïssatou Sow, n’a pas dit que le projet "
        "serait abandonné. « Il est déjà trop tard », a lancé un délégué.",
    ),
]

EXPECTED = [
    # name, type, documents, quotes, roles
    (
        "Hélène Marchetti",
        "person",
        ("france-sante", "belgique-energie", "quebec-hydro"),
        4,
        (("ministre de la Santé", ("france-sante",)), ("ministre", ("quebec-hydro",))),
    ),
    (
        "Luc Vandenberghe",
        "person",
        ("belgique-energie", "suisse-recherche"),
        3,
        (("ministre belge de l’Énergie", ("belgique-energie",)),),
    ),
    (
        "Pierre Lambert",
        "person",
        ("suisse-recherche", "senegal-climat"),
        3,
        (("conseiller fédéral chargé de la recherche", ("suisse-recherche",)),),
    ),
    (
        "Koffi Adjoumani",
        "person",
        ("cote-divoire-cacao",),
        3,
        (("ministre ivoirien de l'Économie", ("cote-divoire-cacao",)),),
    ),
    ("Paul Girard", "person", ("france-sante",), 2, (("député", ("france-sante",)),)),
    (
        "Sophie Lambert",
        "person",
        ("quebec-hydro",),
        2,
        (("ministre québécoise de l’Économie", ("quebec-hydro",)),),
    ),
    ("la Banque mondiale", "organisation", ("cote-divoire-cacao", "senegal-climat"), 2, ()),
    (
        "Aïssatou Sow",
        "person",
        ("senegal-climat",),
        1,
        (("ministre sénégalaise de l’Environnement", ("senegal-climat",)),),
    ),
    ("un délégué", "person", ("senegal-climat",), 1, (("délégué", ("senegal-climat",)),)),
]


@pytest.fixture(scope="module")
def results(nlp: object) -> list[QuoteList]:
    return list(quoteattr.extract_many(ARTICLES, progress=False, pipeline=nlp))


def test_the_corpus_speakers_table(results: list[QuoteList]) -> None:
    table = quoteattr.corpus_speakers(results)
    assert [(s.name, s.type.value, s.documents, s.quotes, s.roles) for s in table] == EXPECTED
    by_name = {s.name: s for s in table}
    assert by_name["Hélène Marchetti"].id == "helene-marchetti-934e3aa0"
    assert by_name["Hélène Marchetti"].names == ("Hélène Marchetti", "Marchetti")
    assert by_name["Pierre Lambert"].id != by_name["Sophie Lambert"].id
    assert (by_name["Aïssatou Sow"].negated, by_name["Aïssatou Sow"].review) == (1, 1)
    assert by_name["un délégué"].review == 1 and table.unattributed == 0
    # the same ids in the flat table of every quote
    rows = list(quoteattr.output.tables.to_rows(results))
    marchetti = [r for r in rows if r["speaker_id"] == "helene-marchetti-934e3aa0"]
    assert sorted({str(r["speaker_name"]) for r in marchetti}) == ["Hélène Marchetti", "Marchetti"]
    assert [r["content_text"] for r in rows if r["needs_review"]] == [
        "le projet serait abandonné",
        "Il est déjà trop tard",
    ]


def test_signals_of_the_corpus_records(results: list[QuoteList]) -> None:
    rows = list(quoteattr.output.tables.to_rows(results))
    kinds = {str(r["content_text"]): r["signal_kinds"] for r in rows}
    assert kinds["Nous avons recruté 2 000 infirmiers depuis janvier"] == "figure;date"
    assert kinds["la Confédération y consacrerait 40 millions de francs"] == "money;entity"
    assert kinds["la croissance atteindrait 7 % cette année grâce au cacao"] == (
        "percentage;date;causal"
    )
    assert kinds["Il est déjà trop tard"] == ""


# --- the review page in a browser ---------------------------------------------------------------

PROBE = """
<script>
(function () {
  var body = document.body;
  function shown() {
    return Array.prototype.filter.call(document.querySelectorAll("tr.qa-record"), function (r) {
      return getComputedStyle(r).display !== "none";
    }).map(function (r) { return r.dataset.index; }).join(" ");
  }
  function click(id) { document.querySelector('label[for="' + id + '"]').click(); }
  body.dataset.all = shown();
  click("qa-show-review"); body.dataset.review = shown();
  click("qa-show-passed"); body.dataset.passed = shown();
  click("qa-show-all"); click("qa-only-percentage"); body.dataset.percentage = shown();
  click("qa-only-percentage");
  document.querySelector('th[data-sort="signalCount"]').click(); body.dataset.sorted = shown();
  var flagged = document.querySelector("tr.qa-needs-review");
  var passed = document.querySelector("tr.qa-passed");
  body.dataset.flaggedBackground = getComputedStyle(flagged).backgroundColor;
  body.dataset.passedBackground = getComputedStyle(passed).backgroundColor;
  body.dataset.flaggedBorder = getComputedStyle(flagged.cells[0]).borderLeftColor;
})();
</script>
"""


def test_the_review_page_in_chromium(
    results: list[QuoteList], chromium: str, tmp_path: Path
) -> None:
    page = quoteattr.review_page(results, title="Revue du corpus")
    rows = list(quoteattr.output.tables.to_rows(results))
    review = [str(i) for i, r in enumerate(rows) if r["needs_review"]]
    percentage = [str(i) for i, r in enumerate(rows) if "percentage" in str(r["signal_kinds"])]
    counts = [int(r["signal_count"]) for r in rows]  # type: ignore[call-overload]
    path = tmp_path / "review.html"
    path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-2000:]
    dom = result.stdout.decode("utf-8")
    body = re.search(r"<body([^>]*)>", dom)
    assert body is not None
    data: dict[str, Any] = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', body.group(1)))
    everything = [str(i) for i in range(len(rows))]
    assert data["all"].split() == everything
    assert data["review"].split() == review and len(review) == 2
    assert data["passed"].split() == [i for i in everything if i not in review]
    assert data["percentage"].split() == percentage and len(percentage) == 3
    order = [int(i) for i in data["sorted"].split()]
    assert [counts[i] for i in order] == sorted(counts, reverse=True)
    assert data["flagged-background"] == "rgb(255, 243, 243)"
    assert data["passed-background"] != data["flagged-background"]
    assert data["flagged-border"] == "rgb(213, 0, 0)"
    assert "Revue du corpus" in dom and 'class="qa-corpus-speakers"' in dom
    assert dom.count('class="quoteattr"') == len(ARTICLES)  # each document, highlighted


@pytest.fixture(scope="module")
def chromium() -> str:
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no Chromium binary on PATH (install it: apt-get install -y chromium)")
