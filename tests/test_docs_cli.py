"""The command-line examples of the docs run and print what they show, like the Python ones.

A ```bash block whose lines all start with ``$ `` and that is followed directly by a ```text block is
a checked example: its commands run in order with bash, in a temporary folder shared by the whole file
(so a later example may use a file an earlier one wrote), with this environment's ``quoteattr`` first
on ``PATH``; what they print, standard output and standard error together, must be the text block
(trailing spaces aside). Other shell blocks (install commands, commands on files the reader has) are
not run. When the engine or the model changes on purpose, refresh the text blocks with::

    python tests/test_docs_cli.py --update

then read the diff: an example whose output became wrong should be replaced, not kept.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
MODEL = ROOT.parent / "shared" / "models" / "stanza_resources_v2"
EXAMPLE = re.compile(
    r"^```bash\n((?:\$ [^\n]*\n)+)```[ \t]*\n\n?```text\n(.*?)^```[ \t]*$", re.S | re.M
)
CHECKED = ("quickstart.md",)
"""The pages whose command-line examples must be checked (each must have some)."""


def examples(path: Path) -> list[tuple[int, list[str], str, tuple[int, int]]]:
    """``(line, commands, shown output, span of the output in the file)`` of each checked example."""
    text = path.read_text(encoding="utf-8")
    return [
        (
            text.count("\n", 0, m.start()) + 1,
            [line[2:] for line in m.group(1).splitlines()],
            m.group(2),
            m.span(2),
        )
        for m in EXAMPLE.finditer(text)
    ]


def run(commands: list[str], cwd: Path) -> str:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    if not env.get("STANZA_RESOURCES_DIR") and MODEL.is_dir():
        env["STANZA_RESOURCES_DIR"] = str(MODEL)
    env.setdefault("OMP_NUM_THREADS", "1")
    env["COLUMNS"] = "100"
    out = []
    for command in commands:
        result = subprocess.run(
            ["bash", "-c", command],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, f"$ {command}\n{result.stdout.decode('utf-8', 'replace')}"
        out.append(result.stdout.decode("utf-8"))
    return "".join(out)


def normal(output: str) -> list[str]:
    return [line.rstrip() for line in output.rstrip("\n").split("\n")] if output.strip() else []


@pytest.mark.parametrize("name", CHECKED)
def test_the_pages_have_checked_command_line_examples(name: str) -> None:
    found = examples(DOCS / name)
    assert len(found) >= 4, name
    commands = " ".join(c for _line, cs, _shown, _span in found for c in cs)
    for option in ("--version", "--format csv", "--needs-review", "--passed-review"):
        assert option in commands, option


@pytest.mark.model
@pytest.mark.parametrize("name", CHECKED)
def test_command_line_examples_print_what_they_show(name: str, tmp_path: Path) -> None:
    for line, commands, shown, _span in examples(DOCS / name):
        printed = run(commands, tmp_path)
        assert normal(printed) == normal(shown), (
            f"{name}:{line}: the output differs from the text block after it "
            "(see this module's docstring to refresh it)"
        )


def update(path: Path, workdir: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    parts, position = [], 0
    for _line, commands, _shown, (start, end) in examples(path):
        printed = "\n".join(normal(run(commands, workdir)))
        parts.append(text[position:start] + printed + "\n")
        position = end
    parts.append(text[position:])
    new = "".join(parts)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: python {sys.argv[0]} --update")
    import tempfile

    for name in CHECKED:
        with tempfile.TemporaryDirectory() as scratch:
            changed = update(DOCS / name, Path(scratch))
        print(("updated " if changed else "unchanged ") + f"docs/{name}")
