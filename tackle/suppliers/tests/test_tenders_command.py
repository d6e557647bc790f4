"""`tackle tenders check FILE.csv --json` as the issue specifies it, through the real command line."""

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

BIDS = (
    "bidder,price,labour_hours,year\n"
    "Acme Cleaning,100000,5000,2024\n"
    "Budget Clean,50000,5000,2024\n"
    "Shiny Ltd,95000,,\n"
    "Sparkle,105000,8000,2025\n"
)


@pytest.fixture
def bids_file(tmp_path: Path) -> Path:
    path = tmp_path / "bids.csv"
    path.write_text(BIDS)
    return path


def _tackle(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TACKLE_DEMO": "1", "DEBUG": "0", "TACKLE_HTTPS": "0"}
    command = [sys.executable, "-m", "tackle.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_the_command_line_prints_the_json_the_issue_names(bids_file):
    result = _tackle("tenders", "check", str(bids_file), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"median", "bids"}
    assert Decimal(out["median"]) == Decimal(97500)
    assert [bid["bidder"] for bid in out["bids"]] == ["Acme Cleaning", "Budget Clean", "Shiny Ltd", "Sparkle"]
    for bid in out["bids"]:
        assert set(bid) == {"bidder", "price", "flags", "explanation"}
        assert isinstance(bid["price"], str) and bid["explanation"]
    assert out["bids"][1]["flags"] == ["far_below_median", "below_wage_floor"]
    assert [bid["flags"] for bid in out["bids"] if bid["bidder"] != "Budget Clean"] == [[], [], []]


def test_a_bad_file_exits_2_naming_the_line_and_the_problem(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("bidder,price\nA,100\nB,lots\n")
    result = _tackle("tenders", "check", str(path), "--json")
    assert result.returncode == 2
    assert "line 3" in result.stderr and "'lots' is not a number" in result.stderr
    assert result.stdout == ""


def test_a_file_over_2_mb_exits_2(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"bidder,price\n" + b"A,100\n" * (2 * 1024 * 1024 // 6))
    with pytest.raises(CommandError, match=r"big\.csv: The file must be smaller than 2 MB") as caught:
        call_command("tenders", "check", str(path), "--json")
    assert caught.value.returncode == 2


def test_a_missing_file_exits_2(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("tenders", "check", str(tmp_path / "none.csv"), "--json")
    assert caught.value.returncode == 2


def test_the_threshold_option_changes_what_is_flagged(bids_file, capsys):
    call_command("tenders", "check", str(bids_file), "--json", "--threshold", "0.5")
    out = json.loads(capsys.readouterr().out)
    assert out["bids"][1]["flags"] == ["below_wage_floor"]  # 50,000 is not below 50% of 100,000
    call_command("tenders", "check", str(bids_file), "--json", "--threshold", "96%")
    out = json.loads(capsys.readouterr().out)
    assert "far_below_median" in out["bids"][2]["flags"]  # 95,000 is below 96% of 100,000


def test_a_bad_threshold_exits_2(bids_file):
    with pytest.raises(CommandError) as caught:
        call_command("tenders", "check", str(bids_file), "--threshold", "abc")
    assert caught.value.returncode == 2


def test_without_json_a_readable_table_is_printed(bids_file, capsys):
    call_command("tenders", "check", str(bids_file))
    out = capsys.readouterr().out
    assert "Median of all bids: £97,500.00" in out
    assert "Budget Clean" in out and "far_below_median, below_wage_floor" in out
    assert "1 of 4 bids flagged." in out


def test_a_million_column_file_is_refused_at_its_first_line(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("bidder,price" + ",x" * 200_000 + "\n")  # hung the command (a header check was quadratic)
    with pytest.raises(CommandError, match=r"line 1: Line 1 has 200,002 values; a file may have at most 1,000"):
        call_command("tenders", "check", str(path), "--json")


def test_a_file_over_2_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(250 * 1024 * 1024)  # sparse: 250 MB on paper, nothing on disk or in memory
    with pytest.raises(CommandError, match=r"huge\.csv: The file must be smaller than 2 MB"):
        call_command("tenders", "check", str(path), "--json")


def test_map_names_the_columns_the_header_does_not(tmp_path, capsys):
    path = tmp_path / "bids.csv"
    path.write_text("Lot 3, March 2026\n\nWho,How much\nAcme,100000\nBee,98000\nCee,30000\n")
    with pytest.raises(CommandError, match="line 1: no column for the bidder or the price"):
        call_command("tenders", "check", str(path))
    call_command("tenders", "check", str(path), "--map", "bidder=Who", "--map", "price=how much")
    assert "1 of 3 bids flagged." in capsys.readouterr().out
    with pytest.raises(CommandError, match="no column is headed 'Cost'"):
        call_command("tenders", "check", str(path), "--map", "price=Cost")
