"""/api/v1/training/ (issue 19, item 1): courses, completions and sessions through the API with the
pages' forms and services; lists naming people are audited."""

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Module
from tackle.training.models import Completion, CompletionSource, Course, TrainingSession
from tackle.training.tests.factories import make_course


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def course(council_a):
    return make_course(council_a, "MS-101", title="Spotting the signs")


def test_everyone_with_training_reads_the_courses_and_only_the_keepers_add_one(frontline_a, admin_a, course, council_b):
    make_course(council_b, "B-1")
    listed = _api(frontline_a).get("/api/v1/training/courses/").json()
    assert [row["code"] for row in listed["results"]] == ["MS-101"]
    new = {"title": "Referral pathway", "code": "MS-102", "format": "classroom", "validity_months": 24}
    assert _api(frontline_a).post("/api/v1/training/courses/", new, format="json").status_code == 403
    added = _api(admin_a).post("/api/v1/training/courses/", new, format="json")
    assert added.status_code == 201 and Course.objects.get(code="MS-102").validity_months == 24


def test_a_course_that_clashes_answers_400_and_saves_nothing(admin_a, course):
    clash = {"title": "Spotting the signs", "code": "MS-101", "format": "webinar"}
    response = _api(admin_a).post("/api/v1/training/courses/", clash, format="json")
    # As on the page: each field that clashes with an existing course says so (the form checks the
    # organisation's unique code and title before the save).
    assert response.status_code == 400
    assert response.json() == {
        "code": ["There is already a course with this code"],
        "title": ["There is already a course with this title"],
    }
    assert Course.objects.count() == 1


def test_a_completion_is_recorded_with_its_expiry_and_listed_audited(admin_a, frontline_a, course):
    client = _api(admin_a)
    sent = {"username": frontline_a.username, "course": str(course.uuid), "completed_on": "2025-06-30"}
    response = client.post("/api/v1/training/completions/", sent, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["expires_on"] == "2026-06-30"
    again = client.post("/api/v1/training/completions/", sent, format="json")
    assert again.status_code == 400 and "already recorded" in again.json()["detail"]
    listed = client.get(f"/api/v1/training/completions/?username={frontline_a.username}").json()
    assert [row["course_code"] for row in listed["results"]] == ["MS-101"]
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="training.completion").exists()


def test_refused_completions_answer_400_naming_the_field_and_save_nothing(admin_a, frontline_a, lead_b, course):
    client = _api(admin_a)
    future = (date.today() + timedelta(days=3)).isoformat()
    sent = {"username": frontline_a.username, "course": str(course.uuid), "completed_on": future}
    response = client.post("/api/v1/training/completions/", sent, format="json")
    assert response.status_code == 400 and list(response.json()) == ["completed_on"]
    elsewhere = {**sent, "username": lead_b.username, "completed_on": "2025-01-01"}
    assert list(client.post("/api/v1/training/completions/", elsewhere, format="json").json()) == ["username"]
    not_ours = {**sent, "course": str(make_course(lead_b.organisation, "B-1").uuid), "completed_on": "2025-01-01"}
    assert list(client.post("/api/v1/training/completions/", not_ours, format="json").json()) == ["course"]
    assert not Completion.objects.exists()


def test_a_session_gives_its_attendees_completions_and_is_read_audited(admin_a, frontline_a, course, lead_b):
    client = _api(admin_a)
    sent = {
        "course": str(course.uuid),
        "held_on": "2025-05-01",
        "attendee_count": 12,
        "external_attendee_count": 4,
        "attendees": [frontline_a.username],
    }
    response = client.post("/api/v1/training/sessions/", sent, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["attendees"] == [frontline_a.username]
    completion = Completion.objects.get(user=frontline_a)
    assert (completion.source, completion.completed_on) == (CompletionSource.SESSION, date(2025, 5, 1))
    session_uuid = response.json()["uuid"]
    assert client.get(f"/api/v1/training/sessions/{session_uuid}").json()["attendee_count"] == 12
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=session_uuid).exists()
    assert client.get("/api/v1/training/sessions/?held_from=2025-06-01").json()["count"] == 0
    assert _api(lead_b).get(f"/api/v1/training/sessions/{session_uuid}").status_code == 404


def test_a_refused_session_answers_400_naming_the_field_and_saves_nothing(admin_a, frontline_a, course):
    client = _api(admin_a)
    sent = {"course": str(course.uuid), "held_on": "2025-05-01", "attendee_count": 2, "external_attendee_count": 5}
    response = client.post("/api/v1/training/sessions/", sent, format="json")
    assert response.status_code == 400 and list(response.json()) == ["external_attendee_count"]
    unknown = client.post("/api/v1/training/sessions/", {**sent, "external_attendee_count": 0, "attendees": ["nobody"]})
    assert unknown.status_code == 400 and list(unknown.json()) == ["attendees"]
    assert not TrainingSession.objects.exists() and not Completion.objects.exists()


def test_roles_without_the_records_are_refused(frontline_a, councillor_a, course):
    for user in (frontline_a, councillor_a):
        assert _api(user).get("/api/v1/training/completions/").status_code == 403
        assert _api(user).get("/api/v1/training/sessions/").status_code == 403
    assert _api(frontline_a).post("/api/v1/training/completions/", {}, format="json").status_code == 403


def test_a_token_reads_and_writes_only_as_its_scope_and_modules_say(admin_a, frontline_a, course):
    reader = token_client(admin_a, scope="read", modules=(Module.TRAINING,))
    assert reader.get("/api/v1/training/completions/").status_code == 200
    sent = {"username": frontline_a.username, "course": str(course.uuid), "completed_on": "2025-06-30"}
    assert reader.post("/api/v1/training/completions/", sent, format="json").status_code == 403
    assert token_client(admin_a, modules=(Module.USERS,)).get("/api/v1/training/courses/").status_code == 403
    writer = token_client(admin_a, modules=(Module.TRAINING,))
    assert writer.post("/api/v1/training/completions/", sent, format="json").status_code == 201
