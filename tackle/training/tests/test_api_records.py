"""/api/v1/training/ (issue 19, item 1): a course read with its sessions, requirements, teams and
importing completions, through the pages' forms and services: the lead or an administrator writes,
another council's records are not found, a read token or one for another module is refused, a bad
body is refused naming its field with nothing saved, and a team's members' training is audited."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.training.models import Campaign, Completion, Requirement, Team, TrainingSession
from tackle.training.tests.factories import make_course, make_partnership_records, make_requirement, make_team


@pytest.fixture
def course(council_a):
    return make_course(council_a, "MS-101", title="Spotting the signs", topics=["first_responder"])


def _csv(text: str, name: str = "completions.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


# A course -----------------------------------------------------------------------------------------


def test_a_course_is_read_with_its_topics_and_sessions(frontline_a, lead_b, course):
    TrainingSession.objects.create(
        organisation=course.organisation, course=course, held_on=date(2025, 5, 1), attendee_count=4
    )
    path = f"/api/v1/training/courses/{course.uuid}"
    read = token_client(frontline_a).get(path)
    assert read.status_code == 200 and read.json()["topics"] == ["first_responder"]
    assert [(s["held_on"], s["attendee_count"]) for s in read.json()["sessions"]] == [("2025-05-01", 4)]
    assert token_client(lead_b).get(f"/api/v1/training/courses/{course.uuid}").status_code == 404
    assert (
        token_client(frontline_a, modules=("cases",)).get(f"/api/v1/training/courses/{course.uuid}").status_code == 403
    )


# Requirements -------------------------------------------------------------------------------------


def test_the_lead_adds_a_requirement_everyone_reads_them(lead_a, frontline_a, course, council_b):
    make_requirement(make_course(council_b, "B-1"))
    team = make_team(course.organisation)
    body = {"course": str(course.uuid), "role": "procurement_officer", "team": str(team.uuid), "every_months": 24}
    added = token_client(lead_a).post("/api/v1/training/requirements/", body, format="json")
    assert added.status_code == 201 and added.json()["team"] == str(team.uuid)
    listed = token_client(frontline_a).get("/api/v1/training/requirements/").json()["results"]
    assert [(row["course"], row["role"], row["every_months"]) for row in listed] == [
        (str(course.uuid), "procurement_officer", 24)
    ]


def test_a_refused_requirement_names_its_field_and_adds_nothing(lead_a, lead_b, frontline_a, course):
    path = "/api/v1/training/requirements/"
    client = token_client(lead_a)
    assert set(client.post(path, {"course": str(course.uuid), "every_months": 0}, format="json").json()) == {
        "every_months"
    }
    assert set(client.post(path, {"course": str(course.uuid), "role": "king"}, format="json").json()) == {"role"}
    assert set(token_client(lead_b).post(path, {"course": str(course.uuid)}, format="json").json()) == {"course"}
    assert token_client(frontline_a).post(path, {"course": str(course.uuid)}, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(path, {"course": str(course.uuid)}, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(path).status_code == 403
    assert not Requirement.objects.exists()


# Teams --------------------------------------------------------------------------------------------


def test_the_lead_adds_a_team_and_its_manager_reads_its_training_audited(lead_a, frontline_a, make_user, course):
    make_requirement(course)
    manager = make_user("procurement_officer", course.organisation)
    body = {"name": "Buyers", "manager": manager.username, "members": [frontline_a.username]}
    added = token_client(lead_a).post("/api/v1/training/teams/", body, format="json")
    assert added.status_code == 201 and added.json()["member_count"] == 1
    (member,) = added.json()["members"]
    assert member["username"] == frontline_a.username and member["requirements"][0]["status"] == "never"
    team = Team.objects.get(name="Buyers")
    mine = token_client(manager).get("/api/v1/training/teams/").json()["results"]
    assert [row["name"] for row in mine] == ["Buyers"]
    read = token_client(manager).get(f"/api/v1/training/teams/{team.uuid}")
    assert read.status_code == 200 and read.json()["members"][0]["username"] == frontline_a.username
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, actor=manager, object_id=str(team.uuid)).exists()


def test_teams_refuse_bad_bodies_other_councils_roles_and_tokens(lead_a, lead_b, frontline_a, council_a):
    team = make_team(council_a, manager=lead_a)
    path = "/api/v1/training/teams/"
    client = token_client(lead_a)
    assert set(client.post(path, {"name": ""}, format="json").json()) == {"name"}
    assert set(client.post(path, {"name": "X", "members": ["nobody"]}, format="json").json()) == {"members"}
    assert set(client.post(path, {"name": team.name}, format="json").json()) == {"name"}
    assert token_client(lead_b).get(f"{path}{team.uuid}").status_code == 404
    assert token_client(frontline_a).get(f"{path}{team.uuid}").status_code == 403
    assert token_client(frontline_a).get(path).status_code == 403
    assert token_client(lead_a, scope="read").post(path, {"name": "Y"}, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(f"{path}{team.uuid}").status_code == 403
    assert list(Team.objects.values_list("name", flat=True)) == [team.name]


# Importing completions ----------------------------------------------------------------------------


def test_an_import_saves_good_lines_and_names_each_refused_line(lead_a, frontline_a, course):
    rows = f"username,course_code,completed_on\n{frontline_a.username},MS-101,2025-06-30\nnobody,MS-101,2025-06-30\n"
    answer = token_client(lead_a).post("/api/v1/training/completions/import", {"file": _csv(rows)}, format="multipart")
    assert answer.status_code == 200 and answer.json()["saved"] == 1
    assert [reject["line"] for reject in answer.json()["rejects"]] == [3]
    assert Completion.objects.get().user == frontline_a


def test_a_guessed_column_is_asked_about_then_named_with_map(lead_a, frontline_a, course):
    rows = f"Learner ID,course_code,completed_on\n{frontline_a.username},MS-101,2025-06-30\n"
    client = token_client(lead_a)
    asked = client.post("/api/v1/training/completions/import", {"file": _csv(rows)}, format="multipart")
    assert asked.status_code == 400 and {"file", "columns"} <= set(asked.json())
    assert not Completion.objects.exists()
    bad_map = client.post(
        "/api/v1/training/completions/import", {"file": _csv(rows), "map": ["user=Nope"]}, format="multipart"
    )
    assert bad_map.status_code == 400 and set(bad_map.json()) == {"map"}
    named = client.post(
        "/api/v1/training/completions/import", {"file": _csv(rows), "map": ["user=Learner ID"]}, format="multipart"
    )
    assert named.status_code == 200 and named.json()["saved"] == 1


def test_an_import_refuses_roles_tokens_and_no_file(lead_a, frontline_a, course):
    rows = f"username,course_code,completed_on\n{frontline_a.username},MS-101,2025-06-30\n"
    path = "/api/v1/training/completions/import"
    assert set(token_client(lead_a).post(path, {}, format="multipart").json()) == {"file"}
    assert token_client(frontline_a).post(path, {"file": _csv(rows)}, format="multipart").status_code == 403
    assert token_client(lead_a, scope="read").post(path, {"file": _csv(rows)}, format="multipart").status_code == 403
    refused = token_client(lead_a, modules=("cases",)).post(path, {"file": _csv(rows)}, format="multipart")
    assert refused.status_code == 403
    assert not Completion.objects.exists()


# Awareness campaigns ------------------------------------------------------------------------------


def test_a_campaign_is_added_by_the_lead_and_read_by_everyone_with_training(lead_a, frontline_a):
    body = {"name": "Spot the signs: hotels", "starts_on": "2026-02-01", "description": "Leaflets for hotels"}
    added = token_client(lead_a).post("/api/v1/campaigns/", body, format="json")
    assert added.status_code == 201 and added.json()["materials"] == [] and added.json()["distributed"] == 0
    listed = token_client(frontline_a).get("/api/v1/campaigns/").json()["results"]
    assert [row["name"] for row in listed] == ["Spot the signs: hotels"]
    read = token_client(frontline_a).get(f"/api/v1/campaigns/{added.json()['uuid']}")
    assert read.status_code == 200 and read.json()["description"] == "Leaflets for hotels"


def test_a_refused_campaign_names_its_field_and_adds_nothing(lead_a, lead_b, frontline_a):
    client = token_client(lead_a)
    assert set(client.post("/api/v1/campaigns/", {"starts_on": "2026-02-01"}, format="json").json()) == {"name"}
    assert set(client.post("/api/v1/campaigns/", {"name": "X", "starts_on": "soon"}, format="json").json()) == {
        "starts_on"
    }
    body = {"name": "Hotels", "starts_on": "2026-02-01"}
    assert token_client(frontline_a).post("/api/v1/campaigns/", body, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post("/api/v1/campaigns/", body, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/campaigns/").status_code == 403
    assert not Campaign.objects.exists()
    campaign = Campaign.objects.create(organisation=lead_a.organisation, name="Hotels", starts_on=date(2026, 2, 1))
    assert token_client(lead_b).get(f"/api/v1/campaigns/{campaign.uuid}").status_code == 404


def test_a_campaign_that_ends_before_it_starts_answers_400_naming_the_end_date(lead_a):
    body = {"name": "Hotels", "starts_on": "2026-03-01", "ends_on": "2026-02-28"}
    response = token_client(lead_a).post("/api/v1/campaigns/", body, format="json")
    assert response.status_code == 400
    assert response.json() == {"ends_on": ["The end date must be the same as or after the start date"]}
    assert not Campaign.objects.exists()


# Partnership groups -------------------------------------------------------------------------------


def test_partnership_groups_are_read_with_their_meetings_by_the_partnership_roles(
    lead_a, lead_b, frontline_a, council_a
):
    records = make_partnership_records(council_a)
    listed = token_client(lead_a).get("/api/v1/partnership-groups/").json()["results"]
    assert [(row["name"], row["meeting_count"], row["open_actions"]) for row in listed] == [("Partnership", 1, 1)]
    path = f"/api/v1/partnership-groups/{records['group'].uuid}"
    (meeting,) = token_client(lead_a).get(path).json()["meetings"]
    assert (meeting["held_on"], meeting["open_actions"]) == ("2025-01-10", 1)
    assert token_client(lead_b).get(path).status_code == 404
    assert token_client(frontline_a).get(path).status_code == 403
    assert token_client(frontline_a).get("/api/v1/partnership-groups/").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/partnership-groups/").status_code == 403
