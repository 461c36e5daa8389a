"""The package reads by stages, top to bottom: no import cycle, each stage imports only below it.

text → syntax → rules → speakers → output, with ``records`` (and ``exitcodes``) at the bottom,
``corpus`` and ``evaluate`` above the stages, and ``engine``, ``cli``, ``processor`` and
``distributed`` at the top. Imports inside functions and under ``TYPE_CHECKING`` count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quoteattr"

LAYERS: dict[str, int] = {
    "records": 0,
    "exitcodes": 0,
    "text": 1,
    "syntax": 2,
    "rules": 3,
    "speakers": 4,
    "output": 5,
    "engine": 6,
    "evaluate": 7,
    "corpus": 7,
    "processor": 8,
    "distributed": 8,
    "cli": 9,
    "__main__": 10,
}
"""Each top-level part of the package and its height: a module imports only lower or equal."""

MAX_LINES = 500


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every quoteattr module ``name`` imports, wherever the import stands."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            subs = [f"{module}.{alias.name}" for alias in node.names]
            targets = [t for t in subs if t in modules] or [module]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            targets = [str(node.args[0].value)]
        out.update(t for t in targets if t in modules and t != name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _part(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_every_part_has_a_layer() -> None:
    parts = {_part(name) for name in _modules()} - {""}
    assert parts <= set(LAYERS), sorted(parts - set(LAYERS))


def test_no_import_cycle() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_stages_import_only_what_lies_below() -> None:
    upward = [
        f"{name} -> {target}"
        for name, targets in _graph().items()
        if _part(name)
        for target in targets
        if _part(target) and LAYERS[_part(target)] > LAYERS[_part(name)]
    ]
    assert upward == []


def test_the_package_root_imports_stages_lazily_only() -> None:
    """``import quoteattr`` loads no parser and no rule: the root imports text and records."""
    source = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    top = [n for n in ast.parse(source).body if isinstance(n, (ast.Import, ast.ImportFrom))]
    modules = {n.module for n in top if isinstance(n, ast.ImportFrom)}
    assert {m for m in modules if m and m.startswith("quoteattr")} <= {
        "quoteattr.records",
        "quoteattr.text.language",
        "quoteattr.text.marks",
        "quoteattr.syntax.pipeline",
    }


@pytest.mark.parametrize("name", sorted(_modules()))
def test_no_module_is_over_the_size_limit(name: str) -> None:
    lines = _modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name} has {lines} lines"
