"""A follow-up action raised from a reading: who may raise it, what it refuses, and where it shows."""

from datetime import timedelta

import pytest

from tackle.audit.models import AuditEvent
from tackle.core.periods import today_in_london
from tackle.core.tests.dates import date_answer
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tests.factories import statement_text
from tackle.suppliers.models import StatementFollowUp


@pytest.fixture
def reading_a(buyer_a, supplier_a, fake_labeller):
    return statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="widgets.txt")


def _url(reading) -> str:  # type: ignore[no-untyped-def]
    return f"/statement-reader/{reading.uuid}/follow-up/new"


def _answers(owner, due, description="Ask how buyers are trained"):  # type: ignore[no-untyped-def]
    return {"description": description, "owner": str(owner.pk), **date_answer("due_on", due)}


def test_a_reviewer_raises_a_follow_up_shown_on_the_reading_and_the_supplier(
    client_for, buyer_a, lead_a, reading_a, supplier_a
):
    client = client_for(buyer_a)
    assert client.get(_url(reading_a)).status_code == 200
    due = today_in_london() + timedelta(days=30)
    response = client.post(_url(reading_a), _answers(lead_a, due))
    assert response.status_code == 302
    action = StatementFollowUp.objects.get()
    assert (action.owner, action.due_on, action.supplier, action.reading_uuid) == (
        lead_a,
        due,
        supplier_a,
        reading_a.uuid,
    )
    assert AuditEvent.objects.filter(object_id=str(action.uuid), action="create").exists()
    reading_page = client.get(reading_a.get_absolute_url()).content.decode()
    assert "Ask how buyers are trained" in reading_page and lead_a.display_name in reading_page
    supplier_page = client_for(lead_a).get(f"/suppliers/register/{supplier_a.uuid}").content.decode()
    assert "Ask how buyers are trained" in supplier_page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"description": ""}, "Enter what needs to be done"),
        ({"owner": ""}, "Choose who owns the action"),
        ({"due_on-day": "", "due_on-month": "", "due_on-year": ""}, "Enter the due date"),
        ("past", "The due date must be today or in the future"),
        ("other council", "Choose who owns the action"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error_and_nothing_saved(
    client_for, buyer_a, lead_a, lead_b, reading_a, change, message
):
    data = _answers(lead_a, today_in_london() + timedelta(days=5))
    if change == "past":
        data = _answers(lead_a, today_in_london() - timedelta(days=1))
    elif change == "other council":
        data = _answers(lead_b, today_in_london() + timedelta(days=5))
    else:
        data.update(change)
    response = client_for(buyer_a).post(_url(reading_a), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not StatementFollowUp.objects.exists()


def test_roles_without_statements_are_refused(
    client_for, frontline_a, councillor_a, auditor_a, admin_a, lead_a, reading_a
):
    for user in (frontline_a, councillor_a, auditor_a, admin_a):
        client = client_for(user)
        assert client.get(_url(reading_a)).status_code == 403, user.role
        due = today_in_london() + timedelta(days=5)
        assert client.post(_url(reading_a), _answers(lead_a, due)).status_code == 403, user.role
    assert not StatementFollowUp.objects.exists()


def test_another_councils_reading_does_not_exist(client_for, lead_b, reading_a):
    client = client_for(lead_b)
    assert client.get(_url(reading_a)).status_code == 404
    assert client.post(_url(reading_a), _answers(lead_b, today_in_london())).status_code == 404
    assert not StatementFollowUp.objects.exists()
