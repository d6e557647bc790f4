"""Reading a supplier's statement puts it on the supplier's file, unless it is someone else's or old."""

from datetime import date

import pytest

from tackle.audit.models import AuditEvent
from tackle.core.errors import ApplicationError
from tackle.statement_reader.selectors import reading_judgements, reading_warnings_for
from tackle.statement_reader.services import judgement_override, statement_read
from tackle.suppliers.models import Supplier

TODAY = date(2026, 12, 5)
CURRENT = (
    "Modern Slavery Statement\n\nThis statement covers the financial year ending 31 March 2026 for Example Widgets "
    "Ltd.\n\nDuring the year we completed an audit of forty suppliers.\n\nSigned by Jane Doe, Director."
)
OLD_AND_ANOTHERS = (
    "Modern Slavery Statement 2018-19\n\nThis statement covers the period 1 April 2018 to 31 March 2019 for "
    "Acme Holdings Limited.\n\nDuring the year we completed an audit of forty suppliers."
)


def _read(buyer, supplier, text: str, name: str = "statement.txt"):  # type: ignore[no-untyped-def]
    return statement_read(actor=buyer, supplier=supplier, data=text.encode(), file_name=name, today=TODAY)


def test_a_suppliers_own_current_statement_is_put_on_its_file_with_the_day_it_was_read(
    buyer_a, supplier_a, fake_labeller
):
    reading = _read(buyer_a, supplier_a, CURRENT, "widgets-2025-26.txt")
    assert reading_warnings_for(reading, today=TODAY) == []
    supplier = Supplier.objects.get(pk=supplier_a.pk)
    assert (supplier.statement_file_name, supplier.statement_checked_on) == ("widgets-2025-26.txt", TODAY)
    assert supplier.has_statement
    event = AuditEvent.objects.get(object_type="suppliers.supplier", action="update")
    assert event.changed_fields == ["statement_checked_on", "statement_file_name"]


def test_an_old_statement_naming_another_company_is_read_warned_about_and_not_put_on_file(
    buyer_a, supplier_a, fake_labeller
):
    reading = _read(buyer_a, supplier_a, OLD_AND_ANOTHERS)
    kinds = [warning.kind for warning in reading_warnings_for(reading, today=TODAY)]
    assert kinds == ["other_organisation", "out_of_date"]
    supplier = Supplier.objects.get(pk=supplier_a.pk)
    assert not supplier.has_statement and supplier.statement_checked_on is None


def test_the_councils_own_statement_is_checked_against_the_councils_name(buyer_a, fake_labeller):
    reading = _read(buyer_a, None, OLD_AND_ANOTHERS)
    warning = reading_warnings_for(reading, today=TODAY)[0]
    assert warning.message.startswith(f"The statement names Acme Holdings Limited but not {buyer_a.organisation.name}")


def test_an_override_can_say_an_area_is_only_promised_and_it_stays_uncovered(buyer_a, supplier_a, fake_labeller):
    reading_a = _read(buyer_a, supplier_a, CURRENT)
    judgement_override(
        actor=buyer_a, reading=reading_a, judgement="policies", covered=False, only_promised=True, reason="A draft"
    )
    policies = next(item for item in reading_judgements(reading_a) if item.name == "policies")
    assert policies.future_only and not policies.covered
    assert AuditEvent.objects.filter(note__contains="Policies set to only promised").exists()
    with pytest.raises(ApplicationError, match="only promised"):
        judgement_override(
            actor=buyer_a, reading=reading_a, judgement="approval", covered=False, only_promised=True, reason="x"
        )
    with pytest.raises(ApplicationError, match="only promised"):
        judgement_override(
            actor=buyer_a, reading=reading_a, judgement="training", covered=True, only_promised=True, reason="x"
        )
