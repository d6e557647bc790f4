"""Any bytes, and any table of any text, given to each importer's reader give rows or one clear
error, never an exception (issue 16, section 7): long unbroken values, Unicode, control
characters, numbers where names belong, in UTF-8, Windows-1252 or Latin-1."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tackle.home.tests.importers import CLEAR_ERRORS, IMPORTERS

SOME = settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
CELL = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["x" * 5_000, "\x00", "\u202e", "1e309", "-0", "NaN", "31/02/2026", "£1,000.00", '"', ""]),
    st.integers().map(str),
)


def _written(header: list[str], rows: list[list[str]], encoding: str, delimiter: str) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    return buffer.getvalue().encode(encoding, errors="replace")


@pytest.mark.django_db
@pytest.mark.parametrize("importer", list(IMPORTERS))
@SOME
@given(data=st.data())
def test_any_table_gives_rows_or_one_clear_error(reader, importer, data):
    header = IMPORTERS[importer][0]
    width = len(header)
    rows = data.draw(st.lists(st.lists(CELL, min_size=width - 1, max_size=width + 1), max_size=5))
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1"]))
    delimiter = data.draw(st.sampled_from([",", ";", "\t"]))
    _read_or_refuse(reader(importer), _written(header, rows, encoding, delimiter))


@pytest.mark.django_db
@pytest.mark.parametrize("importer", list(IMPORTERS))
@SOME
@given(data=st.binary(max_size=400))
def test_any_bytes_give_rows_or_one_clear_error(reader, importer, data):
    _read_or_refuse(reader(importer), data)


def _read_or_refuse(read, data: bytes) -> None:
    try:
        read(data)
    except CLEAR_ERRORS as error:
        assert str(getattr(error, "message", "") or error).strip()
