"""What a support record is given later, once: a needs assessment's outcome and a placement's end.
Saved and audited (field names only), refused without saving when the rules forbid it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services import support as services
from tackle.cases.tests.factories import make_case
from tackle.cases.timeline import case_timeline
from tackle.core.errors import ApplicationError

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def case(lead_a):
    return make_case(lead_a.organisation, lead_a)


@pytest.fixture
def assessment(case, lead_a):
    return services.needs_assessment_record(
        case=case, actor=lead_a, kind="care_act", requested_on=TODAY() - timedelta(days=10), outcome="Asked by GP"
    )


@pytest.fixture
def placement(case, lead_a):
    return services.accommodation_placement_record(
        case=case, actor=lead_a, accommodation_type="safe_house", provider="Refuge Trust",
        start_on=TODAY() - timedelta(days=10),
    )  # fmt: skip


def _updates(record) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_id=str(record.uuid), action=AuditAction.UPDATE))


class TestNeedsAssessmentCompleted:
    def test_the_outcome_follows_what_was_noted_and_is_audited_by_field_name(self, assessment, lead_a):
        services.needs_assessment_completed(
            assessment=assessment, actor=lead_a, completed_on=TODAY(), outcome="Eligible; care package agreed"
        )
        assessment.refresh_from_db()
        assert assessment.completed_on == TODAY()
        assert assessment.outcome == "Asked by GP\n\nEligible; care package agreed"
        [event] = _updates(assessment)
        assert event.actor == lead_a and event.changed_fields == ["completed_on", "outcome"]
        assert "Eligible" not in event.note

    def test_the_timeline_shows_it(self, case, assessment, lead_a):
        services.needs_assessment_completed(assessment=assessment, actor=lead_a, completed_on=TODAY(), outcome="Done")
        assert "Needs assessment changed (Assessment completed)" in [e.what for e in case_timeline(lead_a, case)]

    @pytest.mark.parametrize(
        ("days_ago", "message"),
        [
            (11, "The completion date must be the same as or after the request date"),
            (-1, "The date completed must be today or in the past"),
        ],
        ids=["before-it-was-requested", "in-the-future"],
    )
    def test_a_date_before_the_request_or_in_the_future_is_refused(self, assessment, lead_a, days_ago, message):
        completed_on = TODAY() - timedelta(days=days_ago)
        with pytest.raises(ApplicationError, match=message) as error:
            services.needs_assessment_completed(
                assessment=assessment, actor=lead_a, completed_on=completed_on, outcome="x"
            )
        assert error.value.field == "completed_on"
        assessment.refresh_from_db()
        assert assessment.completed_on is None and assessment.outcome == "Asked by GP"
        assert not _updates(assessment)

    def test_a_second_completion_is_refused_and_the_first_kept(self, assessment, lead_a):
        first = TODAY() - timedelta(days=2)
        services.needs_assessment_completed(assessment=assessment, actor=lead_a, completed_on=first, outcome="One")
        with pytest.raises(services.AlreadyRecorded, match="already recorded as completed"):
            services.needs_assessment_completed(
                assessment=assessment, actor=lead_a, completed_on=TODAY(), outcome="Two"
            )
        assessment.refresh_from_db()
        assert assessment.completed_on == first and "Two" not in assessment.outcome
        assert len(_updates(assessment)) == 1

    def test_a_closed_case_takes_none(self, case, assessment, lead_a):
        services.case_close(case=case, actor=lead_a, reason="Moved away")
        with pytest.raises(ApplicationError, match="This case is closed"):
            services.needs_assessment_completed(assessment=assessment, actor=lead_a, completed_on=TODAY(), outcome="x")
        assessment.refresh_from_db()
        assert assessment.completed_on is None


class TestPlacementEnded:
    @pytest.mark.parametrize("days_ahead", [0, -3, 30], ids=["today", "last-week", "due-next-month"])
    def test_the_end_is_saved_and_audited_a_due_date_too(self, placement, lead_a, days_ahead):
        end_on = TODAY() + timedelta(days=days_ahead)
        services.accommodation_placement_ended(placement=placement, actor=lead_a, end_on=end_on)
        placement.refresh_from_db()
        assert placement.end_on == end_on
        [event] = _updates(placement)
        assert event.changed_fields == ["end_on"] and event.actor == lead_a

    def test_an_end_before_the_start_is_refused(self, placement, lead_a):
        with pytest.raises(ApplicationError, match="same as or after the start date") as error:
            services.accommodation_placement_ended(
                placement=placement, actor=lead_a, end_on=TODAY() - timedelta(days=11)
            )
        assert error.value.field == "end_on"
        placement.refresh_from_db()
        assert placement.end_on is None and not _updates(placement)

    def test_a_second_end_is_refused_and_the_first_kept(self, placement, lead_a):
        services.accommodation_placement_ended(placement=placement, actor=lead_a, end_on=TODAY())
        with pytest.raises(services.AlreadyRecorded, match="end is already recorded"):
            services.accommodation_placement_ended(
                placement=placement, actor=lead_a, end_on=TODAY() + timedelta(days=1)
            )
        placement.refresh_from_db()
        assert placement.end_on == TODAY() and len(_updates(placement)) == 1

    def test_a_closed_case_takes_none(self, case, placement, lead_a):
        services.case_close(case=case, actor=lead_a, reason="Moved away")
        with pytest.raises(ApplicationError, match="This case is closed"):
            services.accommodation_placement_ended(placement=placement, actor=lead_a, end_on=TODAY())
        placement.refresh_from_db()
        assert placement.end_on is None
