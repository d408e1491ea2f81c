"""The package layout: folders are the flow, no import cycles, `import newskit` stays light."""
from __future__ import annotations

import ast
import subprocess
import sys

from .conftest import ROOT

PACKAGE = ROOT / "newskit"
FLOW = ("read", "pipeline", "extract", "analysis", "view")


def _modules() -> dict[str, object]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(path, modules) -> list[str]:
    """newskit modules a file imports, at the top or inside functions."""
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("newskit"):
            names += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names if alias.name.startswith("newskit")]
    return sorted({name for name in names if name in modules})


def test_no_import_cycles_inside_newskit():
    modules = _modules()
    graph = {name: [m for m in _imports(path, modules) if m != name] for name, path in modules.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for other in graph[name]:
            if state.get(other) == 1:
                cycles.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, [*trail, other])
        state[name] = 2

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert len(modules) > 40 and not cycles, cycles


def test_import_newskit_loads_no_library_until_a_name_is_used():
    code = ("import sys, newskit; print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pandas', 'numpy', 'spacy') or m.startswith(('newskit.extract', 'newskit.pipeline', 'newskit.read'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_every_folder_says_what_it_owns():
    folders = [path.parent for path in PACKAGE.rglob("__init__.py") if path.parent != PACKAGE]
    assert {folder.name for folder in folders} >= set(FLOW)
    for folder in folders:
        doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text()))
        assert doc and len(doc.splitlines()) >= 2, f"{folder}/__init__.py: two lines on what it owns"


def test_top_level_modules_are_few():
    # the flow's stages live in their folders; the top level keeps only the shared contract
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "_version.py", "cli.py", "corpus.py", "frames.py"]


def test_nothing_reads_private_regex_internals():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text()
        assert "re._parser" not in text and "sre_parse" not in text and "re._constants" not in text, path
