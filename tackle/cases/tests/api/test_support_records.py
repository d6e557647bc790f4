"""Phases, needs assessments, placements, safety plans and reviews, missing episodes and outcome scores
through the API (issue 19): added with the add pages' forms and services (their messages, their rules,
audited), listed filtered, sorted and paginated; only case workers of the case's organisation add."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import MissingEpisode, OutcomeScore, SafetyPlanReview, SupportPhase
from tackle.cases.services import support as services
from tackle.cases.tests.factories import make_case
from tackle.cases.tests.views.test_who_sees_what import _share
from tackle.core.access import ShareScope

pytestmark = pytest.mark.django_db


def _day(days_ago: int = 0) -> str:
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


@pytest.fixture
def case(frontline_a):
    return make_case(frontline_a.organisation, frontline_a)


@pytest.fixture
def lead(lead_a):
    return token_client(lead_a, scope="write", modules=("cases",))


def url(case, what: str) -> str:
    return f"/api/v1/cases/{case.uuid}/support/{what}"


def test_a_phase_is_started_and_listed_filtered(case, lead, lead_a):
    started = lead.post(url(case, "phases"), {"phase": "immediate", "started_on": _day(9)}, format="json")
    assert started.status_code == 201 and started.json()["recorded_by"] == lead_a.username
    lead.post(url(case, "phases"), {"phase": "short_term", "started_on": _day(2)}, format="json")
    listed = lead.get(url(case, "phases")).json()
    assert [row["phase"] for row in listed["results"]] == ["short_term", "immediate"]  # the current one first
    assert lead.get(url(case, "phases"), {"phase": "immediate"}).json()["count"] == 1
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, note="Phase started").count() == 2


def test_a_bad_phase_is_refused_naming_the_field_with_the_pages_message(case, lead):
    assert set(lead.post(url(case, "phases"), {"phase": "forever", "started_on": _day()}, format="json").json()) == {
        "phase"
    }
    future = lead.post(url(case, "phases"), {"phase": "immediate", "started_on": _day(-3)}, format="json")
    assert future.status_code == 400
    assert future.json() == {"started_on": ["The date the phase started must be today or in the past"]}
    refused = lead.get(url(case, "phases"), {"phase": "forever"})
    assert refused.status_code == 400 and set(refused.json()) == {"phase"}
    assert not SupportPhase.objects.exists()


def test_a_closed_case_takes_no_support_records(case, lead, lead_a):
    services.case_close(case=case, actor=lead_a, reason="Moved on")
    response = lead.post(url(case, "phases"), {"phase": "immediate", "started_on": _day()}, format="json")
    assert response.status_code == 400 and "Reopen it" in response.json()["detail"]


def test_a_needs_assessment_completed_before_it_was_requested_is_refused(case, lead):
    body = {"kind": "care_act", "requested_on": _day(5), "completed_on": _day(8)}
    refused = lead.post(url(case, "needs-assessments"), body, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"completed_on"}
    body["completed_on"] = _day(1)
    assert lead.post(url(case, "needs-assessments"), body, format="json").status_code == 201
    lead.post(url(case, "needs-assessments"), {"kind": "housing", "requested_on": _day(1)}, format="json")
    awaited = lead.get(url(case, "needs-assessments"), {"completed": "false"}).json()["results"]
    assert [row["kind"] for row in awaited] == ["housing"]


def test_a_placement_is_recorded_and_current_ones_listed(case, lead):
    ended = {"accommodation_type": "safe_house", "provider": "Hope", "start_on": _day(30), "end_on": _day(10)}
    assert lead.post(url(case, "placements"), ended, format="json").status_code == 201
    ongoing = {"accommodation_type": "self_contained_flat", "provider": "Council", "start_on": _day(9)}
    assert lead.post(url(case, "placements"), ongoing, format="json").status_code == 201
    current = lead.get(url(case, "placements"), {"current": "true"}).json()["results"]
    assert [row["provider"] for row in current] == ["Council"]
    backwards = {**ongoing, "end_on": _day(20)}
    refused = lead.post(url(case, "placements"), backwards, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"end_on"}


def test_a_safety_plan_keeps_every_review(case, lead):
    made = lead.post(url(case, "safety-plans"), {"summary": "Stay away", "created_on": _day(20)}, format="json")
    assert made.status_code == 201 and made.json()["next_review_on"] == _day(6)
    plan = made.json()["uuid"]
    for days_ago, change in ((12, "Moved rooms"), (3, "Nothing changed")):
        body = {"reviewed_on": _day(days_ago), "what_changed": change}
        assert lead.post(url(case, f"safety-plans/{plan}/reviews"), body, format="json").status_code == 201
    detail = lead.get(url(case, f"safety-plans/{plan}")).json()
    assert [review["what_changed"] for review in detail["reviews"]] == ["Nothing changed", "Moved rooms"]
    assert detail["next_review_on"] == (timezone.localdate() + timedelta(days=11)).isoformat()
    assert SafetyPlanReview.objects.count() == 2


def test_a_review_before_the_plan_or_of_another_cases_plan_is_refused(case, lead, lead_a, frontline_a):
    plan = services.safety_plan_create(case=case, actor=lead_a, summary="Stay away", created_on=timezone.localdate())
    early = lead.post(url(case, f"safety-plans/{plan.uuid}/reviews"), {"reviewed_on": _day(2), "what_changed": "x"})
    assert early.status_code == 400 and set(early.json()) == {"reviewed_on"}
    blank = lead.post(url(case, f"safety-plans/{plan.uuid}/reviews"), {"reviewed_on": _day(), "what_changed": ""})
    assert blank.status_code == 400 and set(blank.json()) == {"what_changed"}
    other = make_case(lead_a.organisation, frontline_a)
    assert lead.get(url(other, f"safety-plans/{plan.uuid}")).status_code == 404
    assert not SafetyPlanReview.objects.exists()


def test_a_missing_episode_is_recorded_and_the_open_ones_listed(case, lead):
    went = (timezone.now() - timedelta(days=2)).isoformat()
    body = {"went_missing_at": went, "reported_to_police": True}
    created = lead.post(url(case, "missing-episodes"), body, format="json")
    assert created.status_code == 201 and created.json()["reported_to_police"] is True
    back_before = {**body, "returned_at": (timezone.now() - timedelta(days=3)).isoformat()}
    refused = lead.post(url(case, "missing-episodes"), back_before, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"returned_at"}
    assert set(lead.post(url(case, "missing-episodes"), {"went_missing_at": went}, format="json").json()) == {
        "reported_to_police"
    }
    assert lead.get(url(case, "missing-episodes"), {"returned": "false"}).json()["count"] == 1
    assert MissingEpisode.objects.count() == 1


def test_outcome_scores_are_recorded_once_a_day_and_refused_by_area(case, lead):
    body = {"assessed_on": _day(1), "scores": {"risk_of_harm": 2, "stable_accommodation": 4}}
    created = lead.post(url(case, "outcome-scores"), body, format="json")
    assert created.status_code == 201 and {row["domain"] for row in created.json()} == set(body["scores"])
    again = lead.post(url(case, "outcome-scores"), body, format="json")
    assert again.status_code == 400 and set(again.json()) == {"assessed_on"}
    too_high = lead.post(
        url(case, "outcome-scores"), {"assessed_on": _day(), "scores": {"risk_of_harm": 7}}, format="json"
    )
    assert too_high.status_code == 400 and set(too_high.json()) == {"scores.risk_of_harm"}
    unknown = lead.post(url(case, "outcome-scores"), {"assessed_on": _day(), "scores": {"luck": 3}}, format="json")
    assert unknown.status_code == 400 and set(unknown.json()) == {"scores"}
    assert lead.get(url(case, "outcome-scores"), {"domain": "risk_of_harm"}).json()["count"] == 1
    assert OutcomeScore.objects.count() == 2


@pytest.mark.parametrize(
    ("what", "body"),
    [
        ("phases", {"phase": "immediate", "started_on": _day()}),
        ("safety-plans", {"summary": "Stay away", "created_on": _day()}),
        ("outcome-scores", {"assessed_on": _day(), "scores": {"risk_of_harm": 3}}),
    ],
)
def test_who_may_not_add_is_refused(case, lead_a, lead_b, frontline_a, police_partner, what, body):
    _share(case, lead_a, police_partner, ShareScope.SUPPORT)
    assert token_client(frontline_a).post(url(case, what), body, format="json").status_code == 403
    assert token_client(police_partner).post(url(case, what), body, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(url(case, what), body, format="json").status_code == 403
    assert token_client(lead_a, modules=("reporting",)).post(url(case, what), body, format="json").status_code == 403
    assert token_client(lead_b).post(url(case, what), body, format="json").status_code == 404
    assert token_client(police_partner).get(url(case, what)).status_code == 200  # a support share reads
    assert token_client(frontline_a).get(url(case, what)).status_code == 403
    assert not (SupportPhase.objects.exists() or OutcomeScore.objects.exists() or case.safety_plans.exists())


class TestMissingEpisodeReturn:
    @pytest.fixture
    def episode(self, case, lead_a):
        went = timezone.now() - timedelta(days=1)
        return services.missing_episode_record(case=case, actor=lead_a, went_missing_at=went, notes="Left at night")

    def _url(self, case, episode) -> str:
        return url(case, f"missing-episodes/{episode.uuid}/return")

    def test_the_return_is_recorded_audited_and_a_second_one_refused_with_409(self, case, episode, lead, lead_a):
        back = (timezone.now() - timedelta(hours=2)).isoformat()
        answered = lead.post(
            self._url(case, episode), {"returned_at": back, "notes": "Interview offered"}, format="json"
        )
        assert answered.status_code == 200, answered.json()
        assert answered.json()["uuid"] == str(episode.uuid) and answered.json()["returned_at"] is not None
        episode.refresh_from_db()
        first = episode.returned_at
        assert episode.notes == "Left at night\n\nInterview offered"
        event = AuditEvent.objects.get(object_id=str(episode.uuid), action=AuditAction.UPDATE)
        assert event.actor == lead_a
        again = lead.post(self._url(case, episode), {"returned_at": timezone.now().isoformat()}, format="json")
        assert again.status_code == 409
        assert "already recorded" in again.json()["detail"]
        episode.refresh_from_db()
        assert episode.returned_at == first

    @pytest.mark.parametrize(
        "body",
        [
            {},
            {"returned_at": "not a time"},
            {"returned_at": (timezone.now() - timedelta(days=3)).isoformat()},  # before they went missing
            {"returned_at": (timezone.now() + timedelta(days=1)).isoformat()},  # in the future
        ],
        ids=["missing", "not-a-time", "before-they-went", "future"],
    )
    def test_a_bad_return_time_is_refused_naming_the_field(self, case, episode, lead, body):
        refused = lead.post(self._url(case, episode), body, format="json")
        assert refused.status_code == 400 and set(refused.json()) == {"returned_at"}
        episode.refresh_from_db()
        assert episode.returned_at is None

    def test_who_may_not_record_it_is_refused_as_on_the_page(
        self, case, episode, lead_a, lead_b, frontline_a, police_partner
    ):
        body = {"returned_at": timezone.now().isoformat()}
        target = self._url(case, episode)
        _share(case, lead_a, police_partner, ShareScope.SUPPORT)
        assert token_client(frontline_a).post(target, body, format="json").status_code == 403
        assert token_client(police_partner).post(target, body, format="json").status_code == 403
        assert token_client(lead_a, scope="read").post(target, body, format="json").status_code == 403
        assert token_client(lead_a, modules=("reporting",)).post(target, body, format="json").status_code == 403
        assert token_client(lead_b).post(target, body, format="json").status_code == 404
        other = make_case(frontline_a.organisation, frontline_a)
        elsewhere = url(other, f"missing-episodes/{episode.uuid}/return")
        assert token_client(lead_a, scope="write").post(elsewhere, body, format="json").status_code == 404
        episode.refresh_from_db()
        assert episode.returned_at is None
