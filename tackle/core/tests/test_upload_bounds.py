"""The upload reader's bounds against hostile files: each is refused before the work it would cost."""

import io
import zipfile

import pytest

from tackle.core.table_stream import open_table
from tackle.core.tests.table_files import ods, xlsx
from tackle.core.uploads import (
    MAX_COLUMNS,
    Bounds,
    UploadError,
    UploadLimitError,
    check_zip,
    csv_table,
    megabytes,
    read_path,
    read_table,
)

MB = 1024 * 1024


def test_a_million_column_header_is_refused_naming_the_limit():
    with pytest.raises(UploadLimitError, match=f"Line 1 has 200,001 values; a file may have at most {MAX_COLUMNS:,}"):
        read_table(b"name" + b"," * 200_000 + b"\n", max_bytes=MB)


def test_a_wide_line_under_a_narrow_header_stops_the_reading():
    rows = iter(csv_table("name\nA\n" + "," * 5_000 + "\nB\n"))
    assert next(rows).cells == ["A"]
    with pytest.raises(UploadLimitError) as raised:
        next(rows)
    assert raised.value.line == 3
    assert list(rows) == []


def test_rows_past_the_limit_refuse_the_file():
    table = csv_table("name\n" + "x\n" * 4, bounds=Bounds(rows=3))
    with pytest.raises(UploadLimitError, match="more than 3 rows; split it into files of at most 3") as raised:
        list(table)
    assert raised.value.line == 5


def test_the_rows_at_the_limit_are_read():
    assert len(list(csv_table("name\n" + "x\n" * 3, bounds=Bounds(rows=3)))) == 3


def test_a_value_too_long_for_a_spreadsheet_cell_rejects_its_line_only():
    rows = iter(csv_table("name\n" + "x" * 40_000 + "\nafter\n"))
    with pytest.raises(UploadError, match="longer than 32,767 characters") as raised:
        next(rows)
    assert not isinstance(raised.value, UploadLimitError) and raised.value.line == 2
    assert [row.cells for row in rows] == [["after"]]


def bomb(inflated: int, *, members: int = 1) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(members):
            archive.writestr(f"xl/part{number}.xml", b"\0" * (inflated // members))
    return buffer.getvalue()


def test_a_workbook_that_inflates_past_the_limit_is_refused_unread():
    data = bomb(30 * MB)  # about 30 KB packed
    assert len(data) < 64 * 1024
    with pytest.raises(UploadLimitError, match=r"unpacks to more than \d{3} KB; it cannot be read"):
        read_table(data, max_bytes=64 * 1024)


def test_a_bomb_is_refused_by_its_own_size_however_large_a_file_may_be():
    # The registry takes 200 MB files: 20 times that is no bound on a 30 KB file unpacking to 30 MB.
    with pytest.raises(UploadLimitError, match="unpacks to more than"):
        read_table(bomb(30 * MB), max_bytes=200 * MB)


@pytest.mark.parametrize(
    "limit, said",
    [
        (int(9.95859 * MB), "10 MB"),
        (200 * MB, "200 MB"),
        (2048 * MB, "2,048 MB"),
        (MB * 5 // 2, "2.5 MB"),
        (MB // 2, "512 KB"),
    ],
)
def test_a_limit_is_said_in_a_round_size(limit, said):
    assert megabytes(limit) == said


def test_a_truncated_spreadsheet_is_named_for_what_it_claims_to_be(tmp_path):
    table = [["Name", "Amount"], *[[f"Row {n}", str(n)] for n in range(200)]]
    for data, kind in ((ods(*table), "ODS spreadsheet"), (xlsx(*table), "XLSX workbook")):
        cut = data[: len(data) // 2]
        with pytest.raises(UploadError) as raised:
            read_table(cut, max_bytes=MB)
        assert raised.value.message == f"The file is not a readable {kind} (BadZipFile)"
        path = tmp_path / "cut.bin"
        path.write_bytes(cut)
        with pytest.raises(UploadError) as streamed:
            open_table(path)
        assert streamed.value.message == raised.value.message


def test_a_zip_of_too_many_parts_is_refused():
    with pytest.raises(UploadLimitError, match="holds 1,001 parts; at most 1,000"):
        check_zip(bomb(0, members=1_001), max_inflated_bytes=MB)


def test_a_file_on_the_command_line_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.truncate(3 * MB)  # sparse: nothing is written, and nothing need be read
    with pytest.raises(UploadLimitError, match="smaller than 2 MB"):
        read_path(path, max_bytes=2 * MB)
    path.write_bytes(b"name\n")
    assert read_path(path, max_bytes=2 * MB) == b"name\n"
