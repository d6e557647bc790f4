"""A needs assessment's outcome and a placement's end recorded through the API, as their pages do:
the pages' forms (400 naming the field) and services (audited), 409 for what is already recorded,
case workers of the case's organisation only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services import support as services
from tackle.cases.tests.factories import make_case
from tackle.cases.tests.views.test_who_sees_what import _share
from tackle.core.access import ShareScope

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _day(days_ago: int = 0) -> str:
    return (TODAY() - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def case(frontline_a):
    return make_case(frontline_a.organisation, frontline_a)


@pytest.fixture
def assessment(case, lead_a):
    requested = TODAY() - timedelta(days=10)
    return services.needs_assessment_record(case=case, actor=lead_a, kind="housing", requested_on=requested)


@pytest.fixture
def placement(case, lead_a):
    return services.accommodation_placement_record(
        case=case, actor=lead_a, accommodation_type="safe_house", provider="Refuge Trust",
        start_on=TODAY() - timedelta(days=10),
    )  # fmt: skip


def _complete_url(case, assessment) -> str:
    return f"/api/v1/cases/{case.uuid}/support/needs-assessments/{assessment.uuid}/complete"


def _end_url(case, placement) -> str:
    return f"/api/v1/cases/{case.uuid}/support/placements/{placement.uuid}/end"


def test_an_assessments_outcome_is_recorded_once(case, assessment, lead_a):
    client = token_client(lead_a, scope="write", modules=("cases",))
    body = {"completed_on": _day(1), "outcome": "Owed the main housing duty"}
    answered = client.post(_complete_url(case, assessment), body, format="json")
    assert answered.status_code == 200, answered.json()
    assert answered.json()["completed_on"] == _day(1) and answered.json()["outcome"] == "Owed the main housing duty"
    assert AuditEvent.objects.filter(object_id=str(assessment.uuid), action=AuditAction.UPDATE).count() == 1
    again = client.post(_complete_url(case, assessment), {"completed_on": _day(), "outcome": "x"}, format="json")
    assert again.status_code == 409 and "already recorded" in again.json()["detail"]
    assessment.refresh_from_db()
    assert assessment.completed_on == TODAY() - timedelta(days=1)
    listed = client.get(f"/api/v1/cases/{case.uuid}/support/needs-assessments", {"completed": "false"}).json()
    assert listed["count"] == 0


@pytest.mark.parametrize(
    ("days_ago", "outcome", "fields"),
    [
        (None, None, {"completed_on", "outcome"}),
        (11, "x", {"completed_on"}),  # before it was requested
        (-1, "x", {"completed_on"}),  # in the future
        (0, "   ", {"outcome"}),
    ],
    ids=["empty", "before-requested", "future", "blank-outcome"],
)
def test_a_bad_outcome_is_refused_naming_the_field(case, assessment, lead_a, days_ago, outcome, fields):
    body = {} if days_ago is None else {"completed_on": _day(days_ago), "outcome": outcome}  # dates when it runs
    refused = token_client(lead_a).post(_complete_url(case, assessment), body, format="json")
    assert refused.status_code == 400 and set(refused.json()) == fields
    assessment.refresh_from_db()
    assert assessment.completed_on is None


def test_a_placements_end_is_recorded_once_and_a_bad_one_refused(case, placement, lead_a):
    client = token_client(lead_a)
    refused = client.post(_end_url(case, placement), {"end_on": _day(11)}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"end_on"}
    answered = client.post(_end_url(case, placement), {"end_on": _day()}, format="json")
    assert answered.status_code == 200 and answered.json()["end_on"] == _day()
    again = client.post(_end_url(case, placement), {"end_on": _day()}, format="json")
    assert again.status_code == 409
    listed = client.get(f"/api/v1/cases/{case.uuid}/support/placements", {"current": "false"}).json()
    assert listed["count"] == 0  # ending today: still current until tomorrow
    assert AuditEvent.objects.filter(object_id=str(placement.uuid), action=AuditAction.UPDATE).count() == 1


def test_who_may_not_record_them_is_refused(case, assessment, placement, lead_a, lead_b, frontline_a, police_partner):
    _share(case, lead_a, police_partner, ShareScope.SUPPORT)
    other = make_case(frontline_a.organisation, frontline_a)
    calls = [
        (_complete_url(case, assessment), {"completed_on": _day(), "outcome": "x"}),
        (_end_url(case, placement), {"end_on": _day()}),
    ]
    for target, body in calls:
        assert token_client(frontline_a).post(target, body, format="json").status_code == 403
        assert token_client(police_partner).post(target, body, format="json").status_code == 403
        assert token_client(lead_a, scope="read").post(target, body, format="json").status_code == 403
        assert token_client(lead_b).post(target, body, format="json").status_code == 404
        elsewhere = target.replace(str(case.uuid), str(other.uuid))  # the record is not that case's
        assert token_client(lead_a).post(elsewhere, body, format="json").status_code == 404
    assessment.refresh_from_db()
    placement.refresh_from_db()
    assert assessment.completed_on is None and placement.end_on is None
