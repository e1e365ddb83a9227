"""The package layout keeps its shape: no import cycles, and each package imports only the layers below it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "reportlint"

#: Each package (or top-level module) and its layer: a module may import its own layer and those below.
LAYERS = {
    "version": 0,
    "startup": 0,
    "usercache": 0,
    "text": 0,
    "core": 1,
    "config": 2,
    "sources": 2,
    "loaders": 3,
    "template": 3,
    "places": 4,
    "rules": 5,
    "run": 6,
    "output": 7,
    "cli": 8,
    "testing": 8,
    "__init__": 9,
    "__main__": 9,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in SOURCE.rglob("*.py")}


def imports(path: Path, *, lazy: bool, typing: bool = True) -> Iterator[str]:
    """reportlint modules imported by a file: at module level, in ``TYPE_CHECKING`` blocks if ``typing``, in functions if ``lazy``."""

    own = module_name(path)

    def visit(node: ast.AST) -> Iterator[str]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) and not lazy:
                continue
            if isinstance(child, ast.If) and not typing and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                yield from (alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                submodules = [f"{child.module}.{alias.name}" for alias in child.names if f"{child.module}.{alias.name}" in MODULES]
                # ``from package import submodule`` inside that package runs no more of the package, already importing.
                if not (submodules and own.startswith(child.module + ".")):
                    yield child.module
                yield from submodules
            yield from visit(child)

    return (name for name in visit(ast.parse(path.read_text(encoding="utf-8"))) if name in MODULES)


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    return parts[1]


def test_no_import_cycle():
    """Not at module level, not in TYPE_CHECKING blocks, not in functions: no module imports itself back."""
    graph = {module: set(imports(path, lazy=True)) - {module} for module, path in MODULES.items()}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    cycles = []

    def walk(module: str, trail: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                cycles.append(" → ".join([*trail[trail.index(imported) :], imported]))
            elif imported not in state:
                walk(imported, [*trail, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_packages_import_only_lower_layers():
    """At run time (lazy imports included); annotations may name a higher layer's types (``TYPE_CHECKING``)."""
    assert {layer_of(module) for module in MODULES} <= set(LAYERS), "a new package needs its layer in LAYERS"
    upward = []
    for module, path in MODULES.items():
        own = LAYERS[layer_of(module)]
        for imported in set(imports(path, lazy=True, typing=False)):
            if LAYERS[layer_of(imported)] > own:
                upward.append(f"{module} imports {imported}")
    assert not upward, "imports of a higher layer:\n" + "\n".join(sorted(upward))


def test_rules_depend_only_on_core_text_template_and_places():
    allowed = {"version", "usercache", "core", "text", "template", "places", "rules"}
    found = sorted(
        f"{module} imports {imported}"
        for module, path in MODULES.items()
        if layer_of(module) == "rules"
        for imported in imports(path, lazy=True)
        if layer_of(imported) not in allowed
    )
    assert not found, "\n".join(found)
