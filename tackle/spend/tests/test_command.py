import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tackle.suppliers.models import Supplier

KEYS = [
    "files",
    "rows_read",
    "rows_accepted",
    "rows_rejected",
    "rejects",
    "total_amount",
    "suppliers",
    "high_risk",
    "rows_by_sector",
]


def run(*args: str) -> str:
    out = StringIO()
    call_command("spend", "screen", *args, stdout=out)
    return out.getvalue()


def test_json_output_has_exactly_the_promised_shape(tmp_path):
    path = tmp_path / "q1.csv"
    path.write_text('Supplier,Amount,Expense Type\nApex Cleaning Ltd,"1,000.00",Cleaning\nB Ltd,abc,\n')
    figures = json.loads(run(str(path), "--json"))
    assert list(figures) == KEYS
    assert figures["files"] == 1
    assert (figures["rows_read"], figures["rows_accepted"], figures["rows_rejected"]) == (2, 1, 1)
    assert figures["rejects"] == [{"file": "q1.csv", "line": 3, "reason": "amount is not a number: 'abc'"}]
    assert figures["total_amount"] == "1000.00"
    assert figures["suppliers"] == 1
    assert figures["high_risk"] == {
        "rows": 1,
        "amount": "1000.00",
        "by_sector": {"cleaning": {"rows": 1, "amount": "1000.00"}},
    }
    assert figures["rows_by_sector"] == {"cleaning": 1}


def test_without_json_a_readable_summary_is_printed(tmp_path):
    path = tmp_path / "q1.csv"
    path.write_text("Supplier,Amount\nApex Security Ltd,10\nTotal,10\n")
    text = run(str(path))
    assert "1 file(s), 2 rows read: 1 accepted, 1 rejected." in text
    assert "security: 1 rows, £10" in text
    assert "q1.csv line 3: a total line, not a payment" in text
    assert "supplier name = column 1 ('Supplier')" in text


def test_an_unreadable_file_exits_with_status_2(tmp_path):
    with pytest.raises(CommandError) as missing:
        run(str(tmp_path / "nope.csv"), "--json")
    assert missing.value.returncode == 2
    assert "cannot open nope.csv" in str(missing.value)
    junk = tmp_path / "junk.csv"
    junk.write_text("no header here\n")
    with pytest.raises(CommandError, match="no header row") as unreadable:
        run(str(junk))
    assert unreadable.value.returncode == 2


def test_several_processes_print_the_same_figures_as_one(tmp_path):
    paths = []
    for number in range(3):
        path = tmp_path / f"q{number}.csv"
        path.write_text(f"Supplier,Amount,Expense Type\nApex {number} Ltd,{number}.5,Cleaning\nTotal,1,\n")
        paths.append(str(path))
    assert run(*paths, "--json", "--jobs", "3") == run(*paths, "--json", "--jobs", "1")


@pytest.mark.django_db
def test_the_register_of_an_organisation_can_be_used(tmp_path, council_a):
    Supplier.objects.create(organisation=council_a, name="Blue Sky Limited", sectors=["cleaning"])
    path = tmp_path / "q1.csv"
    path.write_text("Supplier,Amount\nBLUE SKY LTD,10\n")
    figures = json.loads(run(str(path), "--json", "--organisation", council_a.code))
    assert figures["rows_by_sector"] == {"cleaning": 1}


@pytest.mark.shared_data
def test_the_real_files_screen_from_the_command_line(shared_data):
    paths = sorted(str(path) for path in (shared_data / "spend" / "lambeth").glob("*.csv"))
    figures = json.loads(run(*paths, "--json"))
    assert figures["files"] == 17
    assert figures["rows_accepted"] + figures["rows_rejected"] == figures["rows_read"]
    assert figures["rows_rejected"] == len(figures["rejects"]) > 0
