"""Spend files saved as ODS, and columns named on the command line with --map."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tackle.core.tests.table_files import ods


def run(*args: str) -> dict:
    out = StringIO()
    call_command("spend", "screen", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_an_ods_workbook_is_screened_from_its_header_under_a_title(tmp_path):
    path = tmp_path / "q1.ods"
    path.write_bytes(
        ods(
            ["Payments over £500, April 2026"],
            ["Supplier", "Amount", "Expense Type"],
            ["Apex Cleaning Ltd", 1000.5, "Cleaning"],
        )
    )
    figures = run(str(path))
    assert (figures["rows_accepted"], figures["total_amount"]) == (1, "1000.5")


def test_map_names_the_amount_column_the_header_does_not(tmp_path):
    path = tmp_path / "q1.csv"
    path.write_text("Supplier,Paid out,Pounds\nApex Ltd,x,250.00\n")
    assert run(str(path), "--map", "amount=Pounds")["total_amount"] == "250.00"
    with pytest.raises(CommandError, match=r"q1.csv: no row in the first 20 lines holds the headers .Cost."):
        run(str(path), "--map", "amount=Cost")
