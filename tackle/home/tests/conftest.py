from collections.abc import Callable

import pytest

from tackle.home.tests.importers import Reader, reader_for


@pytest.fixture
def reader(tmp_path, make_user, council_a) -> Callable[[str], Reader]:
    """An importer's reader by its name (see importers.py), made once a test: a hypothesis test
    asks for it on every example."""
    made: dict[str, Reader] = {}

    def choose(importer: str) -> Reader:
        if importer not in made:
            made[importer] = reader_for(importer, tmp_path, make_user, council_a)
        return made[importer]

    return choose
