"""The screening's modules import one way only: none imports, directly or through others, a module
that imports it back. Read from the source with ast, so imports inside functions and under
TYPE_CHECKING count too: a circle is a circle to whoever follows the code, whenever it runs."""

import ast
from pathlib import Path

import tackle.spend.screening

PACKAGE = tackle.spend.screening.__name__
FOLDER = Path(tackle.spend.screening.__file__).parent


def module_name(path: Path) -> str:
    return PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"


def imported(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that the file at `path` imports, anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: `from . import x`, `from .rows import y`
                base = PACKAGE.rsplit(".", node.level - 1)[0] if node.level > 1 else PACKAGE
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            found.add(source)
            found.update(f"{source}.{alias.name}" for alias in node.names)  # `from package import module`
    return found & modules


def import_graph() -> dict[str, set[str]]:
    paths = sorted(FOLDER.glob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): imported(path, modules) - {module_name(path)} for path in paths}


def path_back(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A chain of imports from `start` back to itself, if there is one."""
    routes = {start: [start]}
    waiting = [start]
    while waiting:
        module = waiting.pop()
        for target in sorted(graph[module]):
            if target == start:
                return [*routes[module], start]
            if target not in routes:
                routes[target] = [*routes[module], target]
                waiting.append(target)
    return None


def test_the_import_graph_is_read_from_every_module():
    graph = import_graph()
    assert f"{PACKAGE}.screener" in graph
    assert f"{PACKAGE}.filepass" in graph[f"{PACKAGE}.screener"]
    assert f"{PACKAGE}.headers" in graph[f"{PACKAGE}.filepass"]  # `from package import module as name`


def test_a_circle_is_found_when_there_is_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert path_back(graph, "a") == ["a", "b", "c", "a"]
    assert path_back(graph, "d") is None


def test_no_screening_module_imports_a_module_that_imports_it_back():
    graph = import_graph()
    circles = [" -> ".join(found) for module in sorted(graph) if (found := path_back(graph, module))]
    assert circles == []
