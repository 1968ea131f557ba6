"""The layers' import contract, read from the source (every import, also ones inside functions).

request -> view (web) -> service -> models; easyread is pure Python the site uses:
- models, services, vocabulary and easyread never import Flask or forum_site.web;
- pdf never imports forum_site.web; easyread never imports forum_site;
- no import cycles in web, services, vocabulary or easyread;
- blueprints are wired in their package: no imports at the bottom of a module.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("forum_site", "easyread", "config")
# Flask itself and the extensions that read the request; models may still use
# flask_sqlalchemy's db.Model and flask_login's UserMixin.
FLASK = ("flask", "flask_babel", "flask_wtf", "flask_limiter", "werkzeug", "jinja2_fragments")
PURE = (
    "forum_site.models",
    "forum_site.services",
    "forum_site.vocabulary",
    "forum_site.words",
    "easyread",
)
# The unbound extension objects (db, babel...): models are made from db.Model.
EXTENSIONS = "forum_site.extensions"
NO_CYCLES = ("forum_site.web", "forum_site.services", "forum_site.vocabulary", "easyread")


@cache
def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _resolve(name: str) -> str | None:
    """The module of ours an import names, or None for other people's packages."""
    while name:
        if name in modules():
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def imports(module: str) -> frozenset[str]:
    """Every module (ours or not, by full dotted name) that ``module`` imports."""
    tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in modules() else node.module)
    return frozenset(found)


def internal_imports(module: str) -> set[str]:
    return {ours for name in imports(module) if (ours := _resolve(name)) and ours != module}


def _within(module: str, prefixes: tuple[str, ...] | str) -> bool:
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _chain_to(start: str, bad) -> list[str] | None:
    """The shortest chain of our imports from ``start`` to a module ``bad`` accepts."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        here = queue.pop(0)
        if bad(here) and here != start:
            return paths[here]
        for there in sorted(internal_imports(here) - {EXTENSIONS}):
            if there not in paths:
                paths[there] = [*paths[here], there]
                queue.append(there)
    return None


def _direct_flask(module: str) -> list[str]:
    return sorted(name for name in imports(module) if _within(name, FLASK))


def test_pure_layers_never_import_flask():
    found = [f"{m} imports {_direct_flask(m)}" for m in modules() if _within(m, PURE)]
    assert not [line for line in found if not line.endswith("[]")]


def test_pure_layers_never_reach_flask_or_the_web_layer_through_our_modules():
    def bad(module):
        return _within(module, "forum_site.web") or bool(_direct_flask(module))

    chains = [_chain_to(m, bad) for m in modules() if _within(m, PURE)]
    assert not [" -> ".join(chain) for chain in chains if chain]


def test_pdf_never_imports_the_web_layer():
    chains = [
        _chain_to(m, lambda other: _within(other, "forum_site.web"))
        for m in modules()
        if _within(m, "forum_site.pdf")
    ]
    assert not [" -> ".join(chain) for chain in chains if chain]


def test_easyread_never_imports_forum_site():
    found = [
        f"{m} imports {name}"
        for m in modules()
        if _within(m, "easyread")
        for name in imports(m)
        if _within(name, ("forum_site", "config"))
    ]
    assert not found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of more than one module that all reach each other (Tarjan's algorithm)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for there in sorted(graph.get(node, ())):
            if there not in index:
                visit(there)
                low[node] = min(low[node], low[there])
            elif there in on_stack:
                low[node] = min(low[node], index[there])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


# Known, and owned by the easy-read engine's work (issue 13): the sentence splitter calls
# the clause and list rules, which use the splitter's small pieces. Nothing may join it.
KNOWN_CYCLES: list[list[str]] = []


def test_no_import_cycles():
    scope = [m for m in modules() if _within(m, NO_CYCLES)]
    graph = {m: {t for t in internal_imports(m) if _within(t, NO_CYCLES)} for m in scope}
    assert [cycle for cycle in _cycles(graph) if cycle not in KNOWN_CYCLES] == []


def test_the_cycle_check_finds_a_cycle():
    """Not vacuous: a package and its submodule importing each other is a cycle."""
    graph = {"web.x": {"web.x.y"}, "web.x.y": {"web.x", "web.z"}, "web.z": set()}
    assert _cycles(graph) == [["web.x", "web.x.y"]]


def test_blueprints_are_wired_in_their_package_not_at_the_bottom_of_a_module():
    late = []
    for module, path in modules().items():
        if not _within(module, "forum_site.web"):
            continue
        started = False
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                if started:
                    late.append(f"{module}:{node.lineno}")
            elif not isinstance(node, ast.Expr | ast.If):
                started = True
    assert not late
