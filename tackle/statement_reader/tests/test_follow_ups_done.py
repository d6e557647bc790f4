"""A follow-up action marked as done, through its Mark as done page and the API: who may, what it
refuses, and how the reading and supplier pages and the API list show open, overdue and done ones."""

from datetime import timedelta

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import today_in_london
from tackle.statement_reader.services import statement_read
from tackle.statement_reader.tests.factories import statement_text
from tackle.suppliers.models import StatementFollowUp
from tackle.suppliers.services import statement_follow_up_raise


@pytest.fixture
def reading_a(buyer_a, supplier_a, fake_labeller):
    return statement_read(actor=buyer_a, supplier=supplier_a, data=statement_text().encode(), file_name="widgets.txt")


def _raise(reading, actor, owner, description, days):  # type: ignore[no-untyped-def]
    follow_up = statement_follow_up_raise(
        actor=actor,
        reading_uuid=reading.uuid,
        supplier=reading.supplier,
        description=description,
        owner=owner,
        due_on=today_in_london(),
        today=today_in_london(),
    )
    # Raising refuses a past date; an action becomes overdue as days pass.
    StatementFollowUp.objects.filter(pk=follow_up.pk).update(due_on=today_in_london() + timedelta(days=days))
    follow_up.refresh_from_db()
    return follow_up


@pytest.fixture
def follow_up(reading_a, buyer_a, lead_a):
    return _raise(reading_a, buyer_a, lead_a, "Ask how buyers are trained", 10)


def _page(follow_up) -> str:  # type: ignore[no-untyped-def]
    return f"/statement-reader/{follow_up.reading_uuid}/follow-up/{follow_up.uuid}/done"


def _api(follow_up) -> str:  # type: ignore[no-untyped-def]
    return f"/api/v1/statement-readings/{follow_up.reading_uuid}/follow-ups/{follow_up.uuid}/close"


def test_the_pages_list_open_ones_first_overdue_marked_and_done_ones_with_who_when_what(
    client_for, buyer_a, lead_a, reading_a, supplier_a, follow_up
):
    late = _raise(reading_a, buyer_a, buyer_a, "Chase the missing risk area", -3)
    client = client_for(lead_a)
    assert client.get(_page(follow_up)).status_code == 200
    response = client.post(_page(follow_up), {"outcome": "The supplier sent its training plan"})
    assert response.status_code == 302 and response["Location"].endswith("#follow-ups")
    follow_up.refresh_from_db()
    assert follow_up.closed_by == lead_a and follow_up.outcome == "The supplier sent its training plan"
    assert AuditEvent.objects.filter(object_id=str(follow_up.uuid), action=AuditAction.UPDATE).exists()
    for page in (reading_a.get_absolute_url(), f"/suppliers/register/{supplier_a.uuid}"):
        html = client.get(page).content.decode()
        assert html.index("Chase the missing risk area") < html.index("Ask how buyers are trained"), page
        assert "Overdue" in html and html.count("Overdue") == 1, page
        assert f"done by {lead_a.display_name}" in html and "The supplier sent its training plan" in html, page
        assert _page(late) in html and _page(follow_up) not in html, page
    back = client.get(_page(late) + "?from=supplier").content.decode()
    assert f"/suppliers/register/{supplier_a.uuid}" in back


def test_what_was_done_is_needed_and_a_done_one_is_refused_on_the_page(client_for, buyer_a, lead_a, follow_up):
    client = client_for(buyer_a)
    empty = client.post(_page(follow_up), {"outcome": "  "})
    assert empty.status_code == 200 and "Enter what was done" in empty.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.closed_at is None
    client.post(_page(follow_up), {"outcome": "Asked"})
    again = client_for(lead_a).post(_page(follow_up), {"outcome": "Asked again"})
    assert again.status_code == 200 and "already done" in again.content.decode()
    follow_up.refresh_from_db()
    assert (follow_up.outcome, follow_up.closed_by) == ("Asked", buyer_a)


def test_the_page_refuses_other_roles_and_councils_and_changes_nothing(
    client_for, frontline_a, councillor_a, lead_b, follow_up
):
    for user in (frontline_a, councillor_a):
        assert client_for(user).get(_page(follow_up)).status_code == 403, user.role
        assert client_for(user).post(_page(follow_up), {"outcome": "Done"}).status_code == 403, user.role
    assert client_for(lead_b).get(_page(follow_up)).status_code == 404
    assert client_for(lead_b).post(_page(follow_up), {"outcome": "Done"}).status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.closed_at is None


def test_the_api_marks_it_done_once_and_lists_by_status(buyer_a, lead_a, reading_a, follow_up):
    other = _raise(reading_a, buyer_a, buyer_a, "Check the promise was kept", 20)
    client = token_client(buyer_a, modules=("statements",))
    done = client.post(_api(follow_up), {"outcome": "Training plan received"}, format="json")
    assert done.status_code == 200
    body = done.json()
    assert (body["outcome"], body["closed_by"]) == ("Training plan received", buyer_a.username)
    assert body["closed_at"] is not None
    again = client.post(_api(follow_up), {"outcome": "Again"}, format="json")
    assert again.status_code == 409 and "already done" in again.json()["detail"]
    reader = token_client(buyer_a, scope="read")
    listed = f"/api/v1/statement-readings/{reading_a.uuid}/follow-ups"
    assert [row["uuid"] for row in reader.get(listed, {"status": "open"}).json()["results"]] == [str(other.uuid)]
    closed = reader.get(listed, {"status": "closed"}).json()["results"]
    assert [(row["uuid"], row["outcome"]) for row in closed] == [(str(follow_up.uuid), "Training plan received")]
    assert reader.get(listed, {"status": "done"}).status_code == 400


def test_the_api_refuses_tokens_roles_councils_and_bad_bodies(buyer_a, lead_b, frontline_a, follow_up):
    body = {"outcome": "Done"}
    assert token_client(buyer_a, scope="read").post(_api(follow_up), body, format="json").status_code == 403
    assert token_client(buyer_a, modules=("suppliers",)).post(_api(follow_up), body, format="json").status_code == 403
    assert token_client(frontline_a).post(_api(follow_up), body, format="json").status_code == 403
    assert token_client(lead_b).post(_api(follow_up), body, format="json").status_code == 404
    missing = _api(follow_up).replace(str(follow_up.uuid), "00000000-0000-4000-8000-000000000000")
    assert token_client(buyer_a).post(missing, body, format="json").status_code == 404
    for bad in ({}, {"outcome": ""}, {"outcome": "x" * 5001}):
        refused = token_client(buyer_a).post(_api(follow_up), bad, format="json")
        assert refused.status_code == 400 and "outcome" in refused.json(), bad
    follow_up.refresh_from_db()
    assert follow_up.closed_at is None
