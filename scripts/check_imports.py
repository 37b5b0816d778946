"""Import circles in the `streams` package: prints each one and exits 1 if there is any.

The graph is read with `ast` (nothing is imported): an edge A -> B for every `import B` or
`from B import x` in module A, at module level or inside a function, a class or an
`if TYPE_CHECKING:` block alike (a function-level import still ties the two modules together).
`from streams.pkg import name` counts as an edge to `streams.pkg.name` when that is a module,
else to the package `streams.pkg`. A package's `__init__` is the package's module.

    python scripts/check_imports.py [--package streams] [--root .]
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_files(root: Path, package: str) -> dict[str, Path]:
    """Module name -> file, for every .py file of the package."""
    out: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, *([target] if target else [])])


def imports_of(module: str, path: Path, modules: set[str]) -> set[str]:
    """Modules of the package that `module` imports anywhere in its file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def add(name: str) -> None:
        # the longest prefix that is a module of the package ("streams.a.b.func" -> "streams.a.b")
        parts = name.split(".")
        while parts:
            candidate = ".".join(parts)
            if candidate in modules:
                if candidate != module:
                    found.add(candidate)
                return
            parts.pop()

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = (_resolve_relative(module, is_package, node.level, node.module) if node.level
                    else node.module or "")
            for alias in node.names:
                add(f"{base}.{alias.name}" if alias.name != "*" else base)
    return found


def import_graph(root: Path = ROOT, package: str = "streams") -> dict[str, set[str]]:
    files = module_files(root, package)
    names = set(files)
    return {module: imports_of(module, path, names) for module, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one module (Tarjan), each as
    a closed path through the component, starting at its smallest module name."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[set[str]] = []
    counter = 0

    def strongconnect(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strongconnect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                components.append(comp)

    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))
    for v in sorted(graph):
        if v not in index:
            strongconnect(v)
    return [_path_through(comp, graph) for comp in sorted(components, key=min)]


def _path_through(comp: set[str], graph: dict[str, set[str]]) -> list[str]:
    """The shortest cycle through the component's smallest module (breadth-first)."""
    start = min(comp)
    previous: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & comp):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return [*reversed(path), start]
            if w not in previous:
                previous[w] = v
                queue.append(w)
    return sorted(comp)  # not reached: every component of two or more modules has a cycle


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--package", default="streams")
    ap.add_argument("--root", type=Path, default=ROOT)
    args = ap.parse_args(argv)
    graph = import_graph(args.root, args.package)
    found = cycles(graph)
    for cycle in found:
        print("import circle: " + " -> ".join(cycle))
    if found:
        return 1
    print(f"no import circles among the {len(graph)} modules of {args.package}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
