"""The same permission checks for every page: the lead works; another council's lead gets 404 on
council A's records; roles without the statements module get 403; other statement users may only look."""

import base64
import hashlib
from datetime import date

import pytest
from django.urls import reverse

from tackle.core.roles import Role
from tackle.statements.models import ActionStatus, Statement, StatementStatus


def _pages(period, action, statement) -> list[tuple[str, str, dict, bool, bool]]:
    """(url, method, data, is a record of council A, changes something)"""
    s = statement.uuid
    return [
        (reverse("statements:index"), "get", {}, False, False),
        (reverse("statements:index") + "?view=owner", "get", {}, False, False),
        (reverse("statements:index") + "?view=overdue", "get", {}, False, False),
        (reverse("statements:period-list"), "get", {}, False, False),
        (reverse("statements:period-new"), "get", {}, False, True),
        (reverse("statements:period-edit", args=[period.uuid]), "get", {}, True, True),
        (reverse("statements:period-delete", args=[period.uuid]), "get", {}, True, True),
        (reverse("statements:action-new", args=[period.uuid]), "get", {}, True, True),
        (reverse("statements:period-review", args=[period.uuid]), "get", {}, True, False),
        (reverse("statements:period-close", args=[period.uuid]), "get", {}, True, True),
        (reverse("statements:action-detail", args=[action.uuid]), "get", {}, True, False),
        (reverse("statements:action-status", args=[action.uuid]), "get", {}, True, True),
        (reverse("statements:action-progress", args=[action.uuid]), "get", {}, True, True),
        (reverse("statements:statement-list"), "get", {}, False, False),
        (reverse("statements:statement-detail", args=[s]), "get", {}, True, False),
        (reverse("statements:section-edit", args=[s, "policies"]), "get", {}, True, True),
        (reverse("statements:details-edit", args=[s]), "get", {}, True, True),
        (reverse("statements:signatory-new", args=[s]), "get", {}, True, True),
        (reverse("statements:statement-approve", args=[s]), "get", {}, True, True),
        (reverse("statements:statement-publish", args=[s]), "get", {}, True, True),
        (reverse("statements:statement-move", args=[s, "submit"]), "post", {}, True, True),
        (reverse("statements:statement-download", args=[s, "html"]), "get", {}, True, False),
        (reverse("statements:statement-download", args=[s, "docx"]), "get", {}, True, False),
        (reverse("statements:statement-compare", args=[s, s]), "get", {}, True, False),
    ]


@pytest.fixture
def pages(period_a, action_a, statement_a):
    return _pages(period_a, action_a, statement_a)


def test_the_lead_can_open_every_page(pages, lead_a, client_for) -> None:
    client = client_for(lead_a)
    for url, method, data, _, _ in pages:
        response = getattr(client, method)(url, data)
        assert response.status_code in (200, 302), url


def test_another_councils_lead_gets_404_on_council_a_records(pages, lead_b, client_for) -> None:
    client = client_for(lead_b)
    for url, method, data, is_record, _ in pages:
        response = getattr(client, method)(url, data)
        assert response.status_code == (404 if is_record else 200), url


@pytest.mark.parametrize("persona", ["frontline_a", "councillor_a"])
def test_roles_without_the_statements_module_get_403(pages, persona, request, client_for) -> None:
    client = client_for(request.getfixturevalue(persona))
    for url, method, data, _, _ in pages:
        assert getattr(client, method)(url, data).status_code == 403, url


def test_a_procurement_officer_may_look_but_not_change(pages, make_user, council_a, client_for) -> None:
    client = client_for(make_user(Role.PROCUREMENT_OFFICER, council_a))
    for url, method, data, _, changes in pages:
        assert getattr(client, method)(url, data).status_code == (403 if changes else 200), url


def test_the_lead_adds_an_action_and_records_progress(period_a, lead_a, client_for) -> None:
    client = client_for(lead_a)
    response = client.post(
        reverse("statements:action-new", args=[period_a.uuid]),
        {"area": "detection", "title": "Joint visits", "due_on": "2025-11-30", "owner_team": "Community safety"},
    )
    action = period_a.actions.get()
    assert response.url == reverse("statements:action-detail", args=[action.uuid])
    client.post(
        reverse("statements:action-progress", args=[action.uuid]),
        {"written_on": "2025-06-01", "what_was_done": "Two visits"},
    )
    client.post(reverse("statements:action-status", args=[action.uuid]), {"status": "done"})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    page = client.get(reverse("statements:period-review", args=[period_a.uuid]))
    assert "Two visits" in page.content.decode()


def test_an_empty_action_form_shows_govuk_errors(period_a, lead_a, client_for) -> None:
    response = client_for(lead_a).post(reverse("statements:action-new", args=[period_a.uuid]), {})
    assert "govuk-error-summary" in response.content.decode()
    assert "Enter what will be done" in response.content.decode()


def test_the_lead_records_the_decision_checks_and_publishes_without_a_new_version(
    statement_a, lead_a, client_for
) -> None:
    client = client_for(lead_a)
    client.post(reverse("statements:signatory-new", args=[statement_a.uuid]), {"name": "Ann", "role": "Leader"})
    client.post(reverse("statements:statement-move", args=[statement_a.uuid, "submit"]))
    approve_url = reverse("statements:statement-approve", args=[statement_a.uuid])
    decision = {
        "decision_maker": "full_council",
        "approval_date": "2026-05-01",
        "minute_reference": "FC 12/26",
        "review_date": "2026-04-01",
    }

    refused = client.post(approve_url, decision).content.decode()
    assert "The next review date must be after the date of the decision" in refused
    assert client.post(approve_url, {**decision, "review_date": "2027-05-01"}).status_code == 302

    statement_a.refresh_from_db()
    assert statement_a.status == StatementStatus.APPROVED and statement_a.frozen
    assert statement_a.approval_body == "Full Council" and statement_a.minute_reference == "FC 12/26"
    publish_url = reverse("statements:statement-publish", args=[statement_a.uuid])
    check = client.post(publish_url, {"published_url": "https://example.gov.uk/msa"})
    page = check.content.decode()
    assert "Check your answers before publishing" in page and "FC 12/26" in page and "1 May 2026" in page
    statement_a.refresh_from_db()
    assert statement_a.status == StatementStatus.APPROVED  # nothing published until confirmed

    client.post(publish_url, {"published_url": "https://example.gov.uk/msa", "confirm": "yes"})
    statement_a.refresh_from_db()
    assert statement_a.status == StatementStatus.PUBLISHED and statement_a.published_url == "https://example.gov.uk/msa"
    assert Statement.objects.filter(period=statement_a.period).count() == 1


def test_an_empty_decision_names_each_missing_answer(statement_a, lead_a, client_for) -> None:
    page = client_for(lead_a).post(reverse("statements:statement-approve", args=[statement_a.uuid]), {})
    text = page.content.decode()
    for message in (
        "Select who approved the statement",
        "Enter the date of the decision",
        "Enter the minute or decision reference",
        "Enter the next review date",
    ):
        assert message in text
    assert "This field is required" not in text


def test_an_edit_after_approval_makes_a_new_version(statement_a, lead_a, client_for, approve) -> None:
    approve(statement_a, lead_a)
    client = client_for(lead_a)
    response = client.post(
        reverse("statements:section-edit", args=[statement_a.uuid, "policies"]), {"text": "Changed"}, follow=True
    )
    assert "version 2" in response.content.decode()


def test_the_approval_page_corrects_a_recorded_decision_before_publishing(statement_a, lead_a, client_for, approve):
    approve(statement_a, lead_a, on=date(2025, 7, 1))
    client = client_for(lead_a)
    url = reverse("statements:statement-approve", args=[statement_a.uuid])
    page = client.get(url).content.decode()
    assert "Correct the approval record" in page and 'value="CAB 12/25"' in page

    decision = {"decision_maker": "cabinet", "approval_date": "2025-07-01", "review_date": "2026-07-01"}
    assert client.post(url, {**decision, "minute_reference": "CAB 21/25"}).status_code == 302
    statement_a.refresh_from_db()
    assert statement_a.minute_reference == "CAB 21/25" and statement_a.status == StatementStatus.APPROVED
    assert Statement.objects.filter(period=statement_a.period).count() == 1


def test_the_html_statement_may_use_its_own_style_and_no_other_inline_style(statement_a, lead_a, client_for) -> None:
    # The standalone HTML carries its style inline; the policy allows exactly that block by its hash.
    response = client_for(lead_a).get(reverse("statements:statement-download", args=[statement_a.uuid, "html"]))
    style = response.content.split(b"<style>")[1].split(b"</style>")[0]
    digest = base64.b64encode(hashlib.sha256(style).digest()).decode()
    policy = response["Content-Security-Policy"]
    assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy
