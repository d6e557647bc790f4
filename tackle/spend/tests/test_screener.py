"""The screener on hand-made messy files with known answers, and on the real Lambeth files."""

import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from tackle.core.periods import financial_year_of
from tackle.spend.screening.readers import SpendFileError
from tackle.spend.screening.screener import Screener, period_from_name
from tackle.spend.screening.summary import file_mappings, summary


def screen(*paths: Path, **kwargs) -> dict:  # type: ignore[no-untyped-def, type-arg]
    return summary(Screener(**kwargs).screen(list(paths)))


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


MESSY = (
    "Payments over £500, January 2024\n"  # 1 title
    "\n"  # 2 blank
    " Supplier  Name ,Expense Type,Amount (£),Payment Date\n"  # 3 header
    'Bright Care Homes Ltd,Residential Care,"£1,200.50",05/01/2024\n'  # 4
    "Secure Guarding Ltd,Security,(200.00),2024-01-06\n"  # 5 a correction
    ",,,\n"  # 6 blank: skipped, not counted
    "REDACTED,Foster Carers,650,07-JAN-2024\n"  # 7 redacted but counted
    "Stationery Direct,Stationery,n/a,08/01/2024\n"  # 8 rejected: amount
    "Stationery Direct,Stationery,99.99,31/02/2024\n"  # 9 rejected: date
    "Acme Builders,Repairs and maintenance,1000\n"  # 10 rejected: which cell is missing cannot be known
    "Grand Total,,2750.49,\n"  # 11 rejected: total
)


def test_a_messy_file_gives_known_figures(tmp_path):
    figures = screen(write(tmp_path, "jan.csv", MESSY))
    assert figures["rows_read"] == 7
    assert (figures["rows_accepted"], figures["rows_rejected"]) == (3, 4)
    assert figures["total_amount"] == "1650.50"
    assert figures["suppliers"] == 2  # the redacted row is spend, but not a supplier we can name
    assert figures["rejects"] == [
        {"file": "jan.csv", "line": 8, "reason": "amount is not a number: 'n/a'"},
        {"file": "jan.csv", "line": 9, "reason": "date not recognised: '31/02/2024'"},
        {"file": "jan.csv", "line": 10, "reason": "row has 3 fields; the header has 4"},
        {"file": "jan.csv", "line": 11, "reason": "a total line, not a payment"},
    ]
    assert figures["rows_by_sector"] == {"care": 2, "security": 1}
    assert figures["high_risk"] == {
        "rows": 3,
        "amount": "1650.50",
        "by_sector": {
            "care": {"rows": 2, "amount": "1850.50"},
            "security": {"rows": 1, "amount": "-200.00"},
        },
    }


def test_cells_missing_after_the_last_column_used_are_taken_as_empty(tmp_path):
    text = "Supplier,Amount,Notes,Reference\nA Ltd,10\nB Ltd,20,,\n"
    figures = screen(write(tmp_path, "short.csv", text))
    assert (figures["rows_accepted"], figures["total_amount"]) == (2, "30")


def test_the_mapping_found_is_reported(tmp_path):
    result = Screener().screen([write(tmp_path, "jan.csv", MESSY)])
    (mapping,) = file_mappings(result)
    assert mapping["header_line"] == 3
    found = {line["field"]: line["column"] for line in mapping["columns"]}
    assert found == {
        "supplier": 1,
        "amount": 3,
        "date": 4,
        "category": 2,
        "description": None,
        "department": None,
        "company_number": None,
    }


def test_windows_1252_and_a_bom_are_both_read(tmp_path):
    text = "Supplier,Amount\nCafé Catering,£10.00\n"
    latin = write(tmp_path, "a.csv", text, "cp1252")
    bom = write(tmp_path, "b.csv", "\ufeff" + text, "utf-8")
    result = Screener().screen([latin, bom])
    assert [report.encoding for report in result.files] == ["cp1252", "utf-8-sig"]
    assert summary(result)["total_amount"] == "20.00"
    assert summary(result)["rows_by_sector"] == {"hospitality_catering": 2}


def test_semicolons_tabs_and_old_mac_line_endings(tmp_path):
    semi = write(tmp_path, "semi.csv", "Supplier;Amount\nA Ltd;1,5\nB Ltd;2\n".replace("1,5", "1.5"))
    tabs = write(tmp_path, "tabs.csv", "Supplier\tAmount\nC Ltd\t3\n")
    mac = write(tmp_path, "mac.csv", "Supplier,Amount\rD Ltd,4\rE Ltd,x\r")
    figures = screen(semi, tabs, mac)
    assert figures["total_amount"] == "10.5"
    assert figures["rejects"] == [{"file": "mac.csv", "line": 3, "reason": "amount is not a number: 'x'"}]


def test_a_stray_quote_is_one_reject_naming_the_lines_it_joined(tmp_path):
    text = 'Supplier,Amount\nA Ltd,1\n"B Ltd,2\nC Ltd,3\nD Ltd,4\n'
    figures = screen(write(tmp_path, "quote.csv", text))
    assert (figures["rows_read"], figures["rows_accepted"], figures["total_amount"]) == (2, 1, "1")
    assert figures["rejects"] == [
        {
            "file": "quote.csv",
            "line": 3,
            "reason": "row has 1 field; the header has 2 (a stray quote joined lines 3 to 5)",
        }
    ]


def test_a_date_run_into_the_amount_is_split(tmp_path):
    text = (
        "Supplier Name,Invoice Creation Date,Invoice Nett Amount,Subj Description\n"
        "A A GuestHouses,25/06/2012900,PRIVATE RESIDENTIAL CARE\n"
    )
    figures = screen(write(tmp_path, "fused.csv", text))
    assert (figures["rows_accepted"], figures["total_amount"]) == (1, "900")


def test_rows_from_several_files_with_different_headers_add_up(tmp_path):
    first = write(tmp_path, "q1.csv", "Supplier Name,Amount\nApex Cleaning Ltd,100\n")
    second = write(tmp_path, "q2.csv", "payee,VALUE,expense type\nAPEX CLEANING LIMITED,50,Cleaning\n")
    figures = screen(first, second)
    assert figures["suppliers"] == 1
    assert figures["high_risk"]["by_sector"] == {"cleaning": {"rows": 2, "amount": "150"}}


def test_screening_in_several_processes_gives_the_same_figures(tmp_path):
    paths = [write(tmp_path, f"f{n}.csv", MESSY) for n in range(3)]
    for number, text in enumerate(["Supplier,Amount\nA Ltd,1\n", "Supplier,Amount\nB Cleaning Ltd,x\n"]):
        (tmp_path / str(number)).mkdir()
        paths.append(write(tmp_path / str(number), "same-name.csv", text))  # two files, one name
    parallel = Screener().screen(paths, jobs=2)
    assert summary(parallel) == summary(Screener().screen(paths))
    assert [report.name for report in parallel.files] == [
        "f0.csv",
        "f1.csv",
        "f2.csv",
        "same-name.csv",
        "same-name.csv",
    ]


@dataclass(frozen=True)
class Entry:
    supplier_id: int
    name: str
    other_names: tuple[str, ...] = ()
    company_number: str = ""
    sectors: tuple[str, ...] = ()
    has_statement: bool = False


def test_register_matches_merge_suppliers_and_lend_their_sectors(tmp_path):
    path = write(
        tmp_path,
        "reg.csv",
        "Supplier,Amount,Company Number\nBlue Sky Ltd,10,1234567\nBLUE-SKY LIMITED,20,\nBlu Sky Ltd,5,\n",
    )
    register = [Entry(7, "Blue Sky Limited", company_number="01234567", sectors=("cleaning",))]
    result = Screener(register=register).screen([path])
    figures = summary(result)
    assert figures["suppliers"] == 1
    assert figures["rows_by_sector"] == {"cleaning": 3}
    (payee,) = [p for p in result.totals.payees.values() if p.key]
    assert (payee.register_id, payee.has_statement) == (7, False)


def test_xlsx_is_read_row_by_row_with_sheet_row_numbers(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Spend report"])
    sheet.append(["Supplier Name", "Amount", "Date", "Expense Type"])
    sheet.append(["Apex Security Ltd", 1200.5, datetime(2024, 5, 1), "Security"])
    sheet.append([])
    sheet.append(["Apex Security Ltd", "£(10.00)", "not a date", "Security"])
    sheet.append(["Grand Total", 1190.5, None, None])
    path = tmp_path / "spend.xlsx"
    book.save(path)
    figures = screen(path)
    assert figures["rows_accepted"] == 1 and figures["total_amount"] == "1200.5"
    assert [(r["line"], r["reason"]) for r in figures["rejects"]] == [
        (5, "date not recognised: 'not a date'"),
        (6, "a total line, not a payment"),
    ]


def test_a_file_without_a_header_cannot_be_screened(tmp_path):
    with pytest.raises(SpendFileError, match="no header row"):
        Screener().screen([write(tmp_path, "x.csv", "just,some\nwords,here\n")])


def test_a_damaged_workbook_or_old_excel_file_is_refused_clearly(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SpendFileError, match="not a readable XLSX workbook"):
        Screener().screen([broken])
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(SpendFileError, match="old Excel"):
        Screener().screen([old])


def test_a_zip_bomb_is_refused_naming_a_round_limit(tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (64 * 1024 * 1024))
    with pytest.raises(SpendFileError, match=r"unpacks to more than \d+(\.\d)? (KB|MB); it cannot be read"):
        Screener().screen([bomb])


def test_the_period_in_a_file_name_dates_rows_without_a_date():
    assert str(period_from_name("2011-06-payments.csv")) == "2011-06-01"
    assert period_from_name("payments.csv") is None
    assert financial_year_of(period_from_name("2012-03.csv")) == 2011  # type: ignore[arg-type]


# The real Lambeth files, as published. Accepted counts per file are the well-formed rows that the
# data folder's own notes count.
LAMBETH_ACCEPTED = {
    "2011-01-payments.csv": 1072,
    "2011-02-payments.csv": 1138,
    "2011-03-payments.csv": 1134,
    "2011-10-payments.csv": 1015,
    "2011-11-payments.csv": 909,
    "2012-02-payments.csv": 932,
    "2012-06-payments.csv": 3151,
}


@pytest.mark.shared_data
def test_the_real_lambeth_files_are_screened_as_published(shared_data):
    folder = shared_data / "spend" / "lambeth"
    paths = sorted(folder.glob("*.csv"))
    result = Screener().screen(paths)
    figures = summary(result)
    assert figures["files"] == 17
    assert figures["rows_accepted"] + figures["rows_rejected"] == figures["rows_read"]
    accepted = {report.name: report.rows_accepted for report in result.files}
    for name, count in LAMBETH_ACCEPTED.items():
        assert accepted[name] == count, name
    totals = {report.name: report.total_amount for report in result.files}
    # Files whose every supplier row was read add up to their own Grand Total line.
    assert totals["2011-02-payments.csv"] == Decimal("40354087.84")
    assert totals["2012-03-payments.csv"] == Decimal("50107019.65")
    # 2011-10 lost one comma (`…Academy21740`): that row is rejected, so the total is 740 short.
    assert totals["2011-10-payments.csv"] == Decimal("33908610.45") - 740
    assert sum(totals.values()) == Decimal(figures["total_amount"])
    rejects = {(r["file"], r["line"]): r["reason"] for r in figures["rejects"]}
    assert rejects[("2011-10-payments.csv", 954)] == "row has 1 field; the header has 2"
    assert rejects[("2011-04-payments.csv", 968)] == "a total line, not a payment"
    assert figures["rows_by_sector"]["care"] > 1000
    june = next(report for report in result.files if report.name == "2012-06-payments.csv")
    assert june.header_line == 10
    assert june.mapping.columns["date"] == 3


@pytest.mark.shared_data
def test_reject_line_numbers_point_at_the_physical_line(shared_data):
    folder = shared_data / "spend" / "lambeth"
    figures = screen(folder / "2011-10-payments.csv", folder / "2012-06-payments.csv")
    for reject in figures["rejects"]:
        lines = (folder / reject["file"]).read_text(encoding="utf-8").splitlines()
        line = lines[reject["line"] - 1]
        if "total" in reject["reason"]:
            assert "total" in line.lower()
        else:
            assert "Academy21" in line or "/2012" in line


def test_a_title_line_naming_a_supplier_and_an_amount_is_not_taken_for_the_header(tmp_path):
    """Both title cells name a field (a supplier, an amount), which was once enough to be the header;
    the header is the row naming most columns, so the title is passed over and dates the rows."""
    text = (
        "Supplier spend over £500,Amount paid in June 2024\n"
        "Supplier Name,Expense Type,Net Amount,Payment Date\n"
        "Bright Care Homes Ltd,Residential Care,1200.50,05/06/2024\n"
        "Secure Guarding Ltd,Security,600,06/06/2024\n"
    )
    result = Screener().screen([write(tmp_path, "payments.csv", text)])
    (report,) = result.files
    assert (report.header_line, report.rows_accepted, report.total_amount) == (2, 2, Decimal("1800.50"))
    assert report.mapping.columns == {"supplier": 0, "category": 1, "amount": 2, "date": 3}
    assert str(report.period) == "2024-06-01"  # from the title line above the header
