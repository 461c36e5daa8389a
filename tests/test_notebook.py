"""docs/first-hour.ipynb runs from top to bottom in a real Jupyter kernel, and is stored without outputs.

The notebook is executed with nbclient in an ipykernel kernel (the ``test`` extra installs both), with
this checkout first on the kernel's ``PYTHONPATH``, in a temporary folder (it writes a CSV file). Its
outputs must show what the notebook promises: the HTML display with the warning badges, the speakers
with their roles, the negated and alleged claims set aside, and the corpus table.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "docs" / "first-hour.ipynb"


def read() -> Any:
    nbformat = pytest.importorskip("nbformat")
    return nbformat.read(NOTEBOOK, as_version=4)


def test_the_notebook_is_valid_and_stored_without_outputs() -> None:
    import nbformat

    notebook = read()
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) >= 5
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
    assert notebook.metadata.kernelspec.name == "python3"


def text_of(output: Any) -> str:
    if output.output_type == "stream":
        return str(output.text)
    return str(output.get("data", {}).get("text/plain", ""))


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = read()
    workdir = tmp_path_factory.mktemp("notebook")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.setdefault("OMP_NUM_THREADS", "1")
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute(env=env)  # raises CellExecutionError on the first failing cell
    return notebook, workdir


@pytest.mark.model
def test_the_notebook_runs_in_a_real_kernel(executed: tuple[Any, Path]) -> None:
    notebook, workdir = executed
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    outputs = [output for cell in code for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    printed = "\n".join(text_of(output) for output in outputs)
    # the quotes, then their display: HTML with a badge on each flagged quote
    assert "QuoteList(" in printed
    html = [
        output.data["text/html"]
        for output in outputs
        if output.output_type == "execute_result" and "text/html" in output.get("data", {})
    ]
    quotes_html = next(h for h in html if 'class="quoteattr"' in h)
    assert 'class="qa-flag qa-flag-negated"' in quotes_html
    assert 'class="qa-flag qa-flag-alleged"' in quotes_html
    assert 'class="qa-flag qa-flag-denial"' in quotes_html
    # speakers with their roles; flagged claims set aside; the plain claims to check
    assert "ministre de l'Intérieur" in printed
    assert "negated | Martine Aubry | la ville manquait de policiers" in printed
    assert "CHECK  Gérald Martin (ministre de l'Intérieur)" in printed
    # the corpus table, in the notebook and in the CSV file it wrote
    assert any("dataframe" in h for h in html)
    with open(workdir / "first-hour-quotes.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["doc_id"] for row in rows} == {"interieur", "sante"}
    assert any(row["negated"] == "True" for row in rows)
