import pytest

from tackle.spend.screening.headers import apply_overrides, map_columns


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Supplier Name", "Sum of Invoice Nett Amount"], {"supplier": 0, "amount": 1}),
        ([" Supplier Name ", " Total"], {"supplier": 0, "amount": 1}),
        (
            ["Body", "Department", "Supplier Name", "Invoice Creation Date", "Invoice Nett Amount", "Subj Description"],
            {"department": 1, "supplier": 2, "date": 3, "amount": 4, "category": 5},
        ),
        (
            ["SUPPLIER", "Amount (£)", "Expense Type", "Payment Date"],
            {"supplier": 0, "amount": 1, "category": 2, "date": 3},
        ),
        (["Suplier Nmae", "Ammount", "Expence Type"], {"supplier": 0, "amount": 1, "category": 2}),
        (["Vendor", "Net Amount", "Gross Amount", "VAT"], {"supplier": 0, "amount": 1}),
        (
            ["Payee", "Value £", "Narrative", "Company Reg No"],
            {"supplier": 0, "amount": 1, "description": 2, "company_number": 3},
        ),
    ],
)
def test_headers_are_mapped_whatever_the_quarter_calls_them(headers, expected):
    assert map_columns(headers).columns == expected


def test_a_title_line_naming_only_the_amount_is_not_a_header():
    assert not map_columns([" Sum of Invoice Nett Amount ", ""]).usable
    assert map_columns(["Supplier Name", "Total"]).usable


def test_the_mapping_says_how_each_column_was_chosen():
    lines = {line["field"]: line for line in map_columns(["Suplier Name", "Amount"]).describe()}
    assert lines["supplier"]["column"] == 1
    assert "close to 'supplier name'" in str(lines["supplier"]["how"])
    assert lines["amount"]["how"] == "known name"
    assert lines["date"]["column"] is None and lines["date"]["how"] == "not found"


def test_a_person_can_correct_the_mapping():
    mapping = map_columns(["Supplier", "Net", "Gross", "Notes"])
    corrected = apply_overrides(mapping, {"amount": 2, "description": 3, "supplier": None})
    assert corrected.columns == {"amount": 2, "description": 3}
    assert corrected.how["amount"] == "chosen by you"


def test_a_column_chosen_for_one_field_is_taken_from_another():
    mapping = map_columns(["Supplier", "Amount", "Expense Type"])
    corrected = apply_overrides(mapping, {"description": 2})
    assert corrected.columns == {"supplier": 0, "amount": 1, "description": 2}
