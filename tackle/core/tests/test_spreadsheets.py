import io

import pytest
from openpyxl import Workbook, load_workbook

from tackle.core.spreadsheets import formula_safe, xlsx_cell

CONTROL_CHARACTERS = [chr(code) for code in range(32) if chr(code) not in "\t\n\r"]


@pytest.mark.parametrize("control", CONTROL_CHARACTERS, ids=[f"0x{ord(c):02x}" for c in CONTROL_CHARACTERS])
def test_every_control_character_openpyxl_refuses_is_dropped(control):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([xlsx_cell(f"British{control}citizen"), xlsx_cell(f"{control}=1+1")])
    buffer = io.BytesIO()
    workbook.save(buffer)
    row = next(load_workbook(buffer).active.iter_rows(values_only=True))
    assert row == ("Britishcitizen", "'=1+1")


def test_tab_line_feed_and_carriage_return_are_kept_inside_text():
    assert xlsx_cell("a\tb\nc\rd") == "a\tb\nc\rd"


@pytest.mark.parametrize("value", ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_cell_that_looks_like_a_formula_is_quoted(value):
    assert formula_safe(value) == "'" + value
    assert xlsx_cell(value).startswith("'")


@pytest.mark.parametrize("value", [None, 5, "Albanian", "fewer than 5"])
def test_other_values_pass_unchanged(value):
    assert xlsx_cell(value) == value
