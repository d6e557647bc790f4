"""Reading one regulator's list: good lines kept, bad lines reported by number, bad files refused."""

import csv

import pytest

from tackle.targeting.sources import MAX_FILE_BYTES, SourceError, decode, read_source, read_text
from tackle.targeting.tests.factories import FIRE, TRADING_STANDARDS


def test_a_list_is_read_with_its_guessed_columns():
    read = read_source("trading_standards", TRADING_STANDARDS.encode())
    assert [record.name for record in read.records] == ["Sparkle Hand Car Wash Ltd", "Joe's Nails & Beauty"]
    first = read.records[0]
    assert (first.postcode, first.company_number, first.premises_type) == ("B70 6AB", "01234567", "hand_car_wash")
    assert (first.non_compliant, first.finding, str(first.date)) == (True, "Fail - no trading records", "2026-03-01")
    assert first.address == "12 High St" and first.town == "Westbury"
    assert read.records[1].non_compliant is False


def test_a_bad_line_is_reported_with_its_file_and_number_and_the_rest_kept():
    read = read_source("trading_standards", TRADING_STANDARDS.encode())
    assert [str(reject) for reject in read.rejects] == ["trading_standards line 4: “NOTAPOSTCODE” is not a UK postcode"]
    assert len(read.records) == 2


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (",,B70 6AB,,No,", "No business name or trading name"),
        ("Acme,1 Road,B70 6AB,12345678901,No,", "“12345678901” is not a company number"),
        ("Acme,1 Road,B70 6AB,,No,someday", "“someday” is not a date (use for example 2026-03-27 or 27/03/2026)"),
        ("Acme,1 Road,B70 6AB,,No,2026-01-01,extra", "Expected 6 values, found 7"),
    ],
)
def test_each_kind_of_bad_line_says_why(line, reason):
    header = FIRE.splitlines()[0]
    read = read_source("fire", f"{header}\n{line}\n".encode())
    assert [(reject.line, reject.reason) for reject in read.rejects] == [(2, reason)]
    assert read.records == []


def test_short_lines_and_blank_lines_are_read_not_rejected():
    read = read_source("fire", b"Premises name,Postcode,Date\nAcme,B70 6AB\n\n,,\nOther,B70 6AA,2026-01-01\n")
    assert [(record.name, record.line) for record in read.records] == [("Acme", 2), ("Other", 5)]
    assert read.rejects == []


def test_line_numbers_count_lines_inside_quoted_values():
    read = read_source(
        "fire", b'Premises name,Address line 1,Postcode\n"Acme","1 Road\nWestbury",B70 6AB\nOther,,BAD\n'
    )
    assert [reject.line for reject in read.rejects] == [4]


def test_a_windows_spreadsheet_file_is_read():
    read = read_source("fire", "Premises name,Postcode\nCafé Nails,B70 6AB\n".encode("cp1252"))
    assert read.records[0].name == "Café Nails"


def test_a_file_over_5_mb_is_refused():
    data = b"Premises name,Postcode\n" + b"Acme,B70 6AB\n" * (MAX_FILE_BYTES // 13 + 1)
    with pytest.raises(SourceError, match="The file must be smaller than 5 MB"):
        read_source("fire", data)


def test_a_saved_list_is_read_from_its_text_as_the_upload_was():
    data = "Premises name,Postcode\nCafé Nails,B70 6AB\n".encode("cp1252")
    assert read_text("fire", decode(data)).records[0].name == read_source("fire", data).records[0].name


@pytest.mark.shared_data
def test_a_real_council_list_is_read_with_a_corrected_mapping(shared_data):
    data = (shared_data / "spend" / "lambeth" / "2011-01-payments.csv").read_bytes()
    read = read_source("lambeth", data, {"business_name": "Supplier Name"})
    lines = data.decode().splitlines()
    assert read.header == ["Supplier Name", "Sum of Invoice Nett Amount"]
    assert len(read.records) + len(read.rejects) == sum(1 for line in lines[1:] if line.strip(" ,"))
    assert read.records[0].name == "Department for Communities & Local Government"
    assert all(record.name in lines[record.line - 1] for record in read.records)


def test_a_corrected_mapping_is_used_as_given():
    data = b"Operator,Shop,Postcode\nAcme Holdings,Acme Nails,B70 6AB\n"
    read = read_source("licensing", data, {"business_name": "Shop", "postcode": "Postcode"})
    assert read.records[0].name == "Acme Nails"
    assert read.mapping == {"business_name": "Shop", "postcode": "Postcode"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty: the first line must name the columns"),
        (b"\x00\x01\x02", "The file must be a CSV file saved as UTF-8 or Windows-1252 (line 1 holds a NUL byte)"),
        (b"Postcode,Notes\nB70 6AB,x\n", "No column holds the business name or trading name"),
        (b"Name,Name\nA,B\n", "The first line names a column twice: Name"),
    ],
)
def test_a_file_that_cannot_be_used_is_refused_whole(data, message):
    with pytest.raises(SourceError) as raised:
        read_source("bad", data)
    assert raised.value.message == message


@pytest.fixture
def small_csv_fields():
    previous = csv.field_size_limit(1000)  # the limit is the process's; other code may raise it
    yield
    csv.field_size_limit(previous)


def test_a_line_too_long_to_read_is_reported_and_the_lines_after_it_kept(small_csv_fields):
    huge = "x" * 2000
    read = read_source("fire", f"Premises name,Postcode\n{huge},B70 6AB\nAfter,B70 6AA\n".encode())
    assert [
        (reject.line, reject.reason.startswith("The line could not be read as CSV")) for reject in read.rejects
    ] == [(2, True)]
    assert [(record.name, record.line) for record in read.records] == [("After", 3)]


def test_a_record_spanning_lines_is_numbered_by_its_first_line():
    read = read_source("fire", b'Premises name,Address line 1,Postcode\n"Acme","1 Road\nWestbury",BAD\n')
    assert [reject.line for reject in read.rejects] == [2]


def test_title_lines_above_a_lists_header_are_passed_over():
    data = b"Premises licence register\r\nPublished April 2026\r\n\r\nPremises,Postcode\r\nAcme Bar,B70 6AB\r\n"
    read = read_source("licensing", data)
    assert [(record.line, record.name) for record in read.records] == [(5, "Acme Bar")]


def test_a_title_line_naming_a_business_is_passed_over_for_the_header_naming_most_columns():
    """'Food business ratings' names a business column as a header would; the header below it
    names the business, its postcode and its rating, and is the one read."""
    data = b"Food business ratings,Sandwell\r\nBusiness name,Postcode,Rating\r\nAcme Cafe,B70 6AB,0\r\n"
    read = read_source("fhrs", data)
    assert read.header == ["Business name", "Postcode", "Rating"]
    assert [(record.line, record.name, record.postcode) for record in read.records] == [(3, "Acme Cafe", "B70 6AB")]
