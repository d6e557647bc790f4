"""Every importer against the same malformed-file set (core/tests/table_files.py): each gives rows
or one clear error, never an exception. Spend, tenders, targeting, training and the statement
registry each read through the kernel's one reader (spend through its streamed form,
core.table_stream, as its files may be bigger than memory)."""

import pytest

from tackle.core.tests.table_files import malformed_files
from tackle.home.tests.importers import CLEAR_ERRORS, IMPORTERS

# Read, each giving its row: every importer reads these.
READABLE = {
    "utf-8 with a byte-order mark",
    "windows-1252",
    "latin-1",
    "semicolon-delimited",
    "tab-delimited",
    "title lines above the header",
    "ods",
    "xlsx",
}
# Cases an importer cannot read yet, each with the reason: none now.
NOT_YET: set[tuple[str, str]] = set()


@pytest.mark.django_db
@pytest.mark.parametrize("importer", list(IMPORTERS))
@pytest.mark.parametrize("case", list(malformed_files(["a"], ["b"])))
def test_each_importer_gives_rows_or_one_clear_error(reader, importer, case):
    header, row = IMPORTERS[importer]
    data = malformed_files(header, row)[case]
    read = reader(importer)
    try:
        rows = read(data)
    except CLEAR_ERRORS as error:
        message = str(getattr(error, "message", "") or error)
        assert message and "Traceback" not in message
        assert case not in READABLE or (importer, case) in NOT_YET, f"{importer} refused {case}: {message}"
        return
    if case in READABLE:
        assert rows >= 1
    assert (importer, case) not in NOT_YET, "read now: take it off NOT_YET"
