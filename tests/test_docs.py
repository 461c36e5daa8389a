"""The documentation runs: every ```python block of README.md and docs/*.md.

The blocks of one file run in order in one shared namespace (a later block may use the names of an
earlier one), in a temporary working directory. A block may end with an ``# Output:`` comment line
followed by comment lines: they must be exactly what the block prints. When the engine or the model
changes on purpose, refresh those comments with::

    STANZA_RESOURCES_DIR=../shared/models/stanza_resources_v2 python tests/test_docs.py --update

then read the diff: an example whose output became wrong should be replaced, not kept.

Shell blocks are not executed, except that README's first ```bash block must hold exactly the two
newcomer commands, the second of which is the test command that ``.ci/run`` ends with.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
OUTPUT_MARK = "# Output:"
LANGUAGES = {"python", "bash", "text"}
"""Fence languages allowed in the docs: an example cannot dodge the test by having no tag."""
WRITTEN_ELSEWHERE = {"accuracy.md", "speed.md"}
"""Pages linked from the docs whose authors may not have written them yet."""

FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.S | re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def doc_files() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def fences(path: Path) -> list[tuple[str, int, str]]:
    """``(language, first line number, code)`` of every fenced block of ``path``."""
    text = path.read_text(encoding="utf-8")
    return [
        (m.group(1).strip(), text.count("\n", 0, m.start()) + 2, m.group(2))
        for m in FENCE.finditer(text)
    ]


def python_blocks(path: Path) -> list[tuple[int, str]]:
    return [(line, code) for lang, line, code in fences(path) if lang == "python"]


def split_output(code: str) -> tuple[str, list[str] | None]:
    """The code to run and the expected output lines (None when the block shows none)."""
    lines = code.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == OUTPUT_MARK]
    if not marks:
        return code, None
    cut = marks[-1]
    expected = []
    for line in lines[cut + 1 :]:
        assert line.startswith("#"), f"non-comment line after {OUTPUT_MARK!r}: {line!r}"
        expected.append(line[2:] if line.startswith("# ") else line[1:])
    return "\n".join(lines[:cut]) + "\n", expected


def run_block(code: str, name: str, namespace: dict[str, Any]) -> list[str]:
    """Execute one block; return the lines it printed (trailing blanks stripped)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(code, name, "exec"), namespace)
    printed = buffer.getvalue().rstrip("\n")
    return [line.rstrip() for line in printed.split("\n")] if printed else []


def files_with_python() -> list[Path]:
    return [path for path in doc_files() if python_blocks(path)]


# --- checks that need no model ------------------------------------------------------------------


def test_docs_exist() -> None:
    for name in ("index", "quickstart", "records", "attribution", "models", "limitations"):
        assert (DOCS / f"{name}.md").is_file(), name
    assert files_with_python(), "no python examples found"


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: p.name)
def test_fences_are_tagged_and_python_compiles(path: Path) -> None:
    for lang, line, code in fences(path):
        assert lang in LANGUAGES, f"{path.name}:{line}: fence language {lang!r}"
        if lang == "python":
            body, expected = split_output(code)
            compile(body, f"{path.name}:{line}", "exec")
            if expected is not None:
                assert expected, f"{path.name}:{line}: empty {OUTPUT_MARK} section"


@pytest.mark.parametrize("path", doc_files(), ids=lambda p: p.name)
def test_relative_links_resolve(path: Path) -> None:
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if "://" in target or target.startswith(("#", "mailto:")):
            continue
        file_part = target.split("#", 1)[0]
        resolved = (path.parent / file_part).resolve()
        if resolved.name in WRITTEN_ELSEWHERE and resolved.parent == DOCS:
            continue
        assert resolved.exists(), f"{path.name}: broken link {target}"


def test_attribution_describes_every_rule_in_order() -> None:
    from quoteattr.rules import quote_rules, reported_rules

    text = (DOCS / "attribution.md").read_text(encoding="utf-8")
    assert re.findall(r"^### \d+\. `(\w+)`$", text, re.M) == [r.name for r in quote_rules()]
    for rule in reported_rules():
        assert f"### `{rule.name}`" in text, f"{rule.name} is not described in docs/attribution.md"


def test_confidence_table_is_the_registry() -> None:
    from quoteattr.rules import UNATTRIBUTED, confidence_of, quote_rules, reported_rules

    text = (DOCS / "attribution.md").read_text(encoding="utf-8")
    table = text[text.index("## Confidence") :]
    rows = re.findall(r"^\| `(\w+)` \| (\w+|-) \| ([0-9.]+) \|", table, re.M)
    names = [r.name for r in quote_rules()] + [r.name for r in reported_rules()] + [UNATTRIBUTED]
    assert [name for name, _stage, _c in rows] == names
    for name, _stage, shown in rows:
        assert float(shown) == confidence_of(name), name


def readme_commands() -> list[str]:
    blocks = [code for lang, _line, code in fences(README) if lang == "bash"]
    assert blocks, "README has no bash block"
    return [line for line in blocks[0].splitlines() if line.strip()]


def test_readme_has_the_two_newcomer_commands() -> None:
    first = next(lang for lang, _line, _code in fences(README))
    assert first == "bash", "README's first code block is the two commands"
    commands = readme_commands()
    assert len(commands) == 2, commands
    assert "pip install" in commands[0] and "quoteattr seeds/" in commands[0]


def test_ci_ends_with_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [
        line.strip()
        for line in script.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert steps[-1] == readme_commands()[1].strip()


def test_quickstart_repeats_the_readme_commands() -> None:
    blocks = [code for lang, _line, code in fences(DOCS / "quickstart.md") if lang == "bash"]
    assert [line for line in blocks[0].splitlines() if line.strip()] == readme_commands()


# --- the examples, with the model ---------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("path", files_with_python(), ids=lambda p: p.name)
def test_python_examples_run_and_print_what_they_show(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # examples may write files (quotes.csv, quotes.html)
    namespace: dict[str, Any] = {"__name__": f"docs_{path.stem}"}
    for line, code in python_blocks(path):
        body, expected = split_output(code)
        printed = run_block(body, f"{path.name}:{line}", namespace)
        if expected is not None:
            assert printed == expected, (
                f"{path.name}:{line}: the output differs from the {OUTPUT_MARK} comments "
                "(see this module's docstring to refresh them)"
            )


# --- refreshing the output comments ---------------------------------------------------------------


def update(path: Path) -> bool:
    """Rewrite the ``# Output:`` sections of ``path`` with what the blocks print now."""
    text = path.read_text(encoding="utf-8")
    namespace: dict[str, Any] = {"__name__": f"docs_{path.stem}"}
    parts: list[str] = []
    position = 0
    for m in FENCE.finditer(text):
        if m.group(1).strip() != "python":
            continue
        body, expected = split_output(m.group(2))
        printed = run_block(body, f"{path.name}:{text.count(chr(10), 0, m.start()) + 2}", namespace)
        if expected is None:
            continue
        shown = "".join(f"# {line}".rstrip() + "\n" for line in printed)
        parts.append(text[position : m.start(2)] + body + OUTPUT_MARK + "\n" + shown)
        position = m.end(2)
    parts.append(text[position:])
    new = "".join(parts)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: python {sys.argv[0]} --update")
    shared = ROOT.parent / "shared" / "models" / "stanza_resources_v2"
    if not os.environ.get("STANZA_RESOURCES_DIR") and shared.is_dir():
        os.environ["STANZA_RESOURCES_DIR"] = str(shared)
    import tempfile

    home = os.getcwd()
    for doc in files_with_python():
        with tempfile.TemporaryDirectory() as scratch:
            os.chdir(scratch)
            try:
                changed = update(doc)
            finally:
                os.chdir(home)
        print(("updated " if changed else "unchanged ") + str(doc.relative_to(ROOT)))
