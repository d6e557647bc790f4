"""The house rules that import-linter cannot see: no module reaches for another through a string
or an import guard, and every app keeps the same file names for the same jobs."""

import re
from pathlib import Path

import pytest

TACKLE = Path(__file__).resolve().parents[2]
GUARDS = re.compile(r"import_module\(|apps\.get_model\(|except \(?ImportError|except \(?ModuleNotFoundError")


def _source_files() -> list[Path]:
    return [
        path
        for path in TACKLE.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts and "__pycache__" not in path.parts
    ]


@pytest.mark.parametrize("path", _source_files(), ids=lambda path: str(path.relative_to(TACKLE)))
def test_no_module_reaches_for_another_through_a_string_or_an_import_guard(path):
    found = [
        f"line {number}: {line.strip()}"
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if GUARDS.search(line)
    ]
    assert not found, "import the published selector or figure directly, or register a provider: " + "; ".join(found)


def test_the_guard_pattern_catches_what_it_forbids():
    assert GUARDS.search("    found = import_module(name)")
    assert GUARDS.search("    except ImportError:")
    assert GUARDS.search("    except (ImportError, AttributeError):")
    assert GUARDS.search('    model = apps.get_model("statements", "Statement")')
    assert not GUARDS.search("from django.utils.module_loading import import_string")
