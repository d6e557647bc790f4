"""Commitment pages: the lead changes, other statement users look, other councils get 404, roles
without the statements module get 403; and the commitments reach the statement and the
councillors' scrutiny report."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from tackle.audit.models import AuditEvent
from tackle.core.roles import Role
from tackle.scrutiny.services import assessment_create
from tackle.statements.charter import COOP_CHARTER_SOURCE
from tackle.statements.models import Commitment, CommitmentStatus
from tackle.statements.services.commitments import (
    charter_adopt,
    commitment_create,
    commitment_evidence_add,
    commitment_link_actions,
)


@pytest.fixture
def commitment_a(council_a, lead_a) -> Commitment:
    return commitment_create(
        organisation=council_a, actor=lead_a, source="Council motion", title="Pay the real living wage"
    )


@pytest.fixture
def pages(commitment_a) -> list[tuple[str, str, dict, bool, bool]]:
    """(url, method, data, is a record of council A, changes something)"""
    c = commitment_a.uuid
    return [
        (reverse("statements:commitment-list"), "get", {}, False, False),
        (reverse("statements:commitment-new"), "get", {}, False, True),
        (reverse("statements:commitment-adopt-charter"), "post", {}, False, True),
        (reverse("statements:commitment-detail", args=[c]), "get", {}, True, False),
        (reverse("statements:commitment-edit", args=[c]), "get", {}, True, True),
        (reverse("statements:commitment-actions", args=[c]), "get", {}, True, True),
        (reverse("statements:commitment-evidence-new", args=[c]), "get", {}, True, True),
        (reverse("statements:commitment-evidence-accept", args=[c]), "post", {"key": "x"}, True, True),
        (reverse("statements:commitment-judge", args=[c]), "get", {}, True, True),
    ]


def test_the_lead_can_open_every_page(pages, lead_a, client_for) -> None:
    client = client_for(lead_a)
    for url, method, data, _, _ in pages:
        assert getattr(client, method)(url, data).status_code in (200, 302), url


def test_another_councils_lead_gets_404_on_council_a_commitments(pages, lead_b, client_for) -> None:
    client = client_for(lead_b)
    for url, method, data, is_record, _ in pages:
        assert getattr(client, method)(url, data).status_code in ((404,) if is_record else (200, 302)), url


@pytest.mark.parametrize("persona", ["frontline_a", "councillor_a", "auditor_a"])
def test_roles_without_the_statements_module_get_403(pages, persona, request, client_for) -> None:
    client = client_for(request.getfixturevalue(persona))
    for url, method, data, _, _ in pages:
        assert getattr(client, method)(url, data).status_code == 403, url


@pytest.mark.parametrize("role", [Role.PROCUREMENT_OFFICER, Role.CONTRACT_MANAGER])
def test_other_statement_users_may_look_but_not_change(pages, role, make_user, council_a, client_for) -> None:
    client = client_for(make_user(role, council_a))
    for url, method, data, _, changes in pages:
        assert getattr(client, method)(url, data).status_code == (403 if changes else 200), url
    assert Commitment.objects.count() == 1


def test_one_click_adopts_the_charter_and_a_second_click_adds_nothing(lead_a, client_for) -> None:
    client = client_for(lead_a)
    url = reverse("statements:commitment-adopt-charter")
    first = client.post(url, {"adopted_on": "2024-07-18", "adopted_by": "Full Council"}, follow=True)
    assert "Charter adopted: 10 commitments added" in first.content.decode()
    second = client.post(url, {"adopted_on": "2024-07-18", "adopted_by": "Full Council"}, follow=True)
    assert "nothing was added" in second.content.decode()
    assert Commitment.objects.filter(adopted_by="Full Council").count() == 10
    page = client.get(reverse("statements:commitment-list")).content.decode()
    assert "Require whistleblowing of contractors" in page and "Not started: <strong>10</strong>" in page


def test_adopting_without_a_date_shows_the_error_and_adds_nothing(lead_a, client_for) -> None:
    response = client_for(lead_a).post(reverse("statements:commitment-adopt-charter"), {"adopted_by": "Council"})
    assert response.status_code == 200
    assert "Enter the date the charter was adopted" in response.content.decode()
    assert not Commitment.objects.exists()


def test_the_lead_adds_links_evidences_and_judges_a_commitment(period_a, action_a, lead_a, client_for) -> None:
    client = client_for(lead_a)
    response = client.post(
        reverse("statements:commitment-new"),
        {"source": "Council motion, March 2025", "title": "Living wage in care", "adopted_on": "2025-03-12"},
    )
    commitment = Commitment.objects.get()
    assert response.url == reverse("statements:commitment-detail", args=[commitment.uuid])
    client.post(reverse("statements:commitment-actions", args=[commitment.uuid]), {"actions": [action_a.pk]})
    assert list(commitment.actions.all()) == [action_a]
    judged = client.post(reverse("statements:commitment-judge", args=[commitment.uuid]), {"met": "yes", "note": "x"})
    assert "Record evidence before judging" in judged.content.decode()
    client.post(
        reverse("statements:commitment-evidence-new", args=[commitment.uuid]),
        {"text": "All care contracts pay it", "url": "https://example.gov.uk/lw", "recorded_on": "2025-06-01"},
    )
    client.post(reverse("statements:commitment-judge", args=[commitment.uuid]), {"met": "yes", "note": "Checked"})
    page = client.get(reverse("statements:commitment-detail", args=[commitment.uuid])).content.decode()
    assert "All care contracts pay it" in page and "Judged met by" in page and action_a.title in page
    assert AuditEvent.objects.filter(object_id=str(commitment.uuid), action="view").exists()


def test_empty_forms_show_govuk_errors(commitment_a, lead_a, client_for) -> None:
    client = client_for(lead_a)
    for name, args, message in (
        ("statements:commitment-new", [], "Enter the commitment"),
        ("statements:commitment-evidence-new", [commitment_a.uuid], "Enter what shows the commitment is being kept"),
        ("statements:commitment-judge", [commitment_a.uuid], "Select whether the commitment is met"),
    ):
        page = client.post(reverse(name, args=args), {}).content.decode()
        assert "govuk-error-summary" in page and message in page, name


def test_a_bad_link_keeps_what_was_typed(commitment_a, lead_a, client_for) -> None:
    response = client_for(lead_a).post(
        reverse("statements:commitment-evidence-new", args=[commitment_a.uuid]),
        {"text": "Policy updated", "url": "not a link", "recorded_on": "2025-06-01"},
    )
    page = response.content.decode()
    assert "Enter a web address starting with https://" in page and "Policy updated" in page
    assert not commitment_a.evidence.exists()


def test_linking_another_councils_action_is_not_offered(commitment_a, lead_a, lead_b, client_for) -> None:
    from tackle.statements.services.statement import action_create, period_create

    period_b = period_create(
        organisation=lead_b.organisation,
        label="2025-2026",
        starts_on=date(2025, 4, 1),
        ends_on=date(2026, 3, 31),
        actor=lead_b,
    )
    other = action_create(period=period_b, actor=lead_b, area="response", title="B's", due_on=date(2025, 9, 1))
    response = client_for(lead_a).post(
        reverse("statements:commitment-actions", args=[commitment_a.uuid]), {"actions": [other.pk]}
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not commitment_a.actions.exists()


def test_the_statement_page_and_pdf_carry_the_commitments_table(
    statement_a, action_a, council_a, lead_a, client_for
) -> None:
    (first, *_) = charter_adopt(organisation=council_a, actor=lead_a, adopted_on=date(2024, 7, 18), adopted_by="C")
    commitment_link_actions(commitment=first, actor=lead_a, actions=[action_a])
    commitment_evidence_add(commitment=first, actor=lead_a, text="Buyers trained in May", recorded_on=date(2025, 5, 9))
    client = client_for(lead_a)
    page = client.get(reverse("statements:statement-detail", args=[statement_a.uuid])).content.decode()
    assert "Our commitments and how far we have got" in page and "Buyers trained in May (May 2025)" in page
    pdf = client.get(reverse("statements:statement-download", args=[statement_a.uuid, "pdf"])).content
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Train procurement staff" in text and "0 of 1 linked actions done" in text
    docx = client.get(reverse("statements:statement-download", args=[statement_a.uuid, "docx"])).content
    table = Document(io.BytesIO(docx)).tables[2]
    assert [cell.text for cell in table.rows[1].cells] == [
        f"Train procurement staff ({COOP_CHARTER_SOURCE})",
        "In progress. 0 of 1 linked actions done, 1 overdue.",  # action_a was due 31 December 2025
        "Buyers trained in May (May 2025)",
    ]


def test_the_councillors_scrutiny_report_has_a_commitments_section(council_a, lead_a, councillor_a, client_for) -> None:
    (first, *_) = charter_adopt(organisation=council_a, actor=lead_a, adopted_on=date(2024, 7, 18), adopted_by="C")
    commitment_evidence_add(commitment=first, actor=lead_a, text="Buyers trained in May", recorded_on=date(2025, 5, 9))
    assessment = assessment_create(actor=lead_a, year=2025)
    client = client_for(councillor_a)
    page = client.get(reverse("scrutiny:assessment-report", args=[assessment.uuid]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Commitments the council has adopted" in html and "Buyers trained in May" in html
    pdf = client.get(reverse("scrutiny:assessment-report-pdf", args=[assessment.uuid])).content
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Commitments the council has adopted" in text and "Report annually" in text
    assert str(CommitmentStatus.IN_PROGRESS.label) in text


def test_an_action_page_names_the_commitments_it_delivers(commitment_a, action_a, lead_a, client_for) -> None:
    commitment_link_actions(commitment=commitment_a, actor=lead_a, actions=[action_a])
    page = client_for(lead_a).get(reverse("statements:action-detail", args=[action_a.uuid])).content.decode()
    assert "Delivers commitments" in page and "Pay the real living wage" in page


def test_the_commitments_download_audited_and_only_the_councils_own(
    commitment_a, council_b, lead_a, lead_b, frontline_a, client_for
) -> None:
    commitment_create(organisation=council_b, actor=lead_b, source="Motion", title="Council B's own")
    client = client_for(lead_a)
    assert "download=csv" in client.get(reverse("statements:commitment-list")).content.decode()

    response = client.get(reverse("statements:commitment-list"), {"download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("Commitment,Source,Status,")
    assert [line.split(",")[0] for line in lines[1:]] == ["Pay the real living wage"]
    assert AuditEvent.objects.filter(object_type="export.commitments", actor=lead_a).exists()
    assert client_for(frontline_a).get(reverse("statements:commitment-list"), {"download": "csv"}).status_code == 403
