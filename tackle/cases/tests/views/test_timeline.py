"""The case's timeline: in time order; the whole for case workers, the NRM steps only for the
officer who recorded the concern and a partner it was shared with; audited as a view."""

from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services.allocation import case_allocate
from tackle.cases.services.correction import case_correct
from tackle.cases.services.nrm import nrm_event_record
from tackle.cases.services.support import safety_plan_create
from tackle.cases.timeline import case_timeline, sees_whole_timeline
from tackle.core.periods import today_in_london
from tackle.core.roles import Role


@pytest.fixture
def worker_a(make_user, council_a):
    return make_user(Role.SAFEGUARDING_MANAGER, council_a, first_name="Maya", last_name="Patel")


@pytest.fixture
def case(record_concern, frontline_a, lead_a, worker_a, client_for):
    case = record_concern(frontline_a, age=30)
    client_for(lead_a).get(reverse("cases:case-detail", args=[case.uuid]))  # a view, triaged
    case_allocate(case=case, actor=lead_a, worker=worker_a, handover_note="")
    nrm_event_record(case=case, actor=lead_a, kind="referral_sent", occurred_on=today_in_london())
    safety_plan_create(case=case, actor=worker_a, summary="Keep away from the car wash", created_on=today_in_london())
    return case


def _url(case):
    return reverse("cases:case-timeline", args=[case.uuid])


def test_the_lead_sees_every_event_in_order_with_who(client_for, lead_a, worker_a, frontline_a, case):
    entries = case_timeline(lead_a, case)
    kinds = [entry.kind for entry in entries]
    assert kinds.index("record") < kinds.index("view") < kinds.index("allocation") < kinds.index("step")
    assert kinds.index("step") < kinds.index("support")
    assert [entry.at for entry in entries] == sorted(entry.at for entry in entries)
    assert "correction" in kinds  # the lead's first opening triaged it
    allocation = next(entry for entry in entries if entry.kind == "allocation")
    assert allocation.what == "Allocated to Maya Patel" and allocation.who == lead_a.display_name
    assert next(entry for entry in entries if entry.kind == "record").who == frontline_a.display_name
    page = client_for(lead_a).get(_url(case)).content.decode()
    assert "Safety plan recorded" in page and "Keep away" not in page  # what happened, not what it says


def test_opening_the_timeline_is_audited_as_a_view_of_the_case(client_for, lead_a, case):
    assert client_for(lead_a).get(_url(case)).status_code == 200
    last = AuditEvent.objects.order_by("-sequence").first()
    assert (last.action, last.object_id, last.note) == (AuditAction.VIEW, str(case.uuid), "Timeline")


def test_the_officer_who_recorded_it_sees_the_steps_only(client_for, frontline_a, case):
    response = client_for(frontline_a).get(_url(case))
    assert response.status_code == 200
    assert {entry.kind for entry in response.context["entries"]} == {"step"}
    assert "Safety plan" not in response.content.decode()


def test_a_partner_never_sees_the_whole_timeline(police_partner, case):
    # Opening a shared case's timeline is the access matrix's to check; what it shows is decided here.
    assert not sees_whole_timeline(police_partner, case)
    assert {entry.kind for entry in case_timeline(police_partner, case)} == {"step"}


def test_another_council_gets_404_and_a_councillor_403(client_for, lead_b, councillor_a, case):
    assert client_for(lead_b).get(_url(case)).status_code == 404
    assert client_for(councillor_a).get(_url(case)).status_code == 403


def test_a_reallocation_shows_its_handover_note(lead_a, make_user, council_a, case):
    other = make_user(Role.SAFEGUARDING_MANAGER, council_a, first_name="Ola", last_name="Ade")
    case.refresh_from_db()
    case_allocate(case=case, actor=lead_a, worker=other, handover_note="Interpreter booked for Monday")
    allocations = [entry.what for entry in case_timeline(lead_a, case) if entry.kind == "allocation"]
    assert allocations[-1] == "Allocated to Ola Ade, with the handover note: Interpreter booked for Monday"
    assert len(allocations) == 2


def test_a_correction_reads_as_the_fields_human_names_while_the_api_keeps_the_keys(client_for, lead_a, case):
    case.refresh_from_db()
    case_correct(
        case=case,
        actor=lead_a,
        changes={"person_date_of_birth": date(1990, 1, 2), "current_town": "Leeds"},
        reason="Passport seen",
    )
    page = client_for(lead_a).get(_url(case)).content.decode()
    assert "Changed: Town or city now, Date of birth" in page and "person_date_of_birth" not in page
    api = APIClient()
    api.force_authenticate(lead_a)
    history = api.get(f"/api/v1/cases/{case.uuid}/history").json()
    corrected = next(entry for entry in history if entry["what"] == "Corrected: Passport seen")
    assert corrected["fields"] == ["current_town", "person_date_of_birth"]
