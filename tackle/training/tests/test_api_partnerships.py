"""/api/v1/ partnership groups added, their meetings and the actions agreed at them (issue 19): the
partnership editors only, through the pages' forms and the closing service; another council's
records are not found, a read token or one for another module is refused, a bad body is refused
naming its field with nothing saved, and what names people is audited."""

from datetime import date

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.training.models import Meeting, MeetingAction, PartnershipGroup
from tackle.training.tests.factories import make_partnership_records


@pytest.fixture
def records(council_a):
    return make_partnership_records(council_a)


def test_the_lead_adds_a_group_a_meeting_and_an_action_then_closes_it(lead_a, frontline_a, records):
    lead = token_client(lead_a)
    group = lead.post("/api/v1/partnership-groups/", {"name": "Tactical group", "level": "tactical"}, format="json")
    assert group.status_code == 201 and group.json()["meetings"] == []
    body = {"held_on": "2026-01-15", "attendees": [frontline_a.username], "other_attendees": "DS Patel, Police"}
    meeting = lead.post(f"/api/v1/partnership-groups/{group.json()['uuid']}/meetings/", body, format="json")
    assert meeting.status_code == 201, meeting.json()
    assert meeting.json()["attendees"] == [frontline_a.username]
    path = f"/api/v1/partnership-meetings/{meeting.json()['uuid']}"
    action = {"text": "Brief taxi drivers", "owner": lead_a.username, "due_on": "2026-03-01"}
    added = lead.post(f"{path}/actions/", action, format="json")
    assert added.status_code == 201, added.json()
    read = lead.get(path).json()
    assert [(row["text"], row["owner"]) for row in read["actions"]] == [("Brief taxi drivers", lead_a.username)]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="training.meeting").exists()
    listed = lead.get(f"/api/v1/partnership-groups/{group.json()['uuid']}/meetings/").json()["results"]
    assert [(row["held_on"], row["open_actions"]) for row in listed] == [("2026-01-15", 1)]

    closing = f"/api/v1/partnership-actions/{added.json()['uuid']}/close"
    assert lead.post(closing, {"closed_on": "2026-02-20"}, format="json").json()["closed_on"] == "2026-02-20"
    again = lead.post(closing, {}, format="json")
    assert again.status_code == 400 and "already closed" in str(again.json())
    assert MeetingAction.objects.get(uuid=added.json()["uuid"]).closed_on == date(2026, 2, 20)


def test_actions_are_listed_open_by_default_filtered_and_audited(lead_a, council_a, records):
    group = records["group"]
    later = Meeting.objects.create(group=group, held_on=date(2025, 3, 1))
    MeetingAction.objects.create(meeting=later, text="Closed one", closed_on=date(2025, 3, 5))
    other = PartnershipGroup.objects.create(organisation=council_a, name="Other", level="tactical")
    MeetingAction.objects.create(
        meeting=Meeting.objects.create(group=other, held_on=date(2025, 4, 1)), text="Elsewhere", owner=lead_a
    )
    lead = token_client(lead_a, scope="read")

    def texts(query: str = "") -> list[str]:
        return [row["text"] for row in lead.get(f"/api/v1/partnership-actions/{query}").json()["results"]]

    assert texts() == ["Do the thing", "Elsewhere"]  # open ones, by due date (none last)
    assert texts("?closed=true") == ["Closed one"]
    assert texts(f"?group={group.uuid}") == ["Do the thing"]
    assert texts(f"?owner={lead_a.username}") == ["Elsewhere"]
    assert texts("?overdue=true") == ["Do the thing"]  # due 1 February 2025
    assert AuditEvent.objects.filter(action=AuditAction.LIST, object_type="training.meetingaction").count() == 5
    assert lead.get("/api/v1/partnership-actions/?group=nope").status_code == 400
    one = lead.get(f"/api/v1/partnership-actions/{records['action'].uuid}").json()
    assert (one["text"], one["group"]) == ("Do the thing", str(group.uuid))


def test_meetings_and_actions_refuse_roles_tokens_other_councils_and_bad_bodies(lead_a, lead_b, frontline_a, records):
    group, meeting, action = records["group"], records["meeting"], records["action"]
    meetings = f"/api/v1/partnership-groups/{group.uuid}/meetings/"
    actions = f"/api/v1/partnership-meetings/{meeting.uuid}/actions/"
    closing = f"/api/v1/partnership-actions/{action.uuid}/close"
    assert token_client(frontline_a).get("/api/v1/partnership-actions/").status_code == 403
    assert token_client(frontline_a).post("/api/v1/partnership-groups/", {}, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(closing, {}, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(meetings).status_code == 403
    for path in (meetings, actions, f"/api/v1/partnership-meetings/{meeting.uuid}"):
        assert token_client(lead_b).get(path).status_code == 404
    assert token_client(lead_b).post(closing, {}, format="json").status_code == 404
    lead = token_client(lead_a)
    no_level = lead.post("/api/v1/partnership-groups/", {"name": "New"}, format="json")
    assert no_level.status_code == 400 and set(no_level.json()) == {"level"}
    stranger = lead.post(meetings, {"held_on": "2026-01-15", "attendees": ["nobody"]}, format="json")
    assert stranger.status_code == 400 and set(stranger.json()) == {"attendees"}
    assert set(lead.post(actions, {"text": ""}, format="json").json()) == {"text"}
    too_early = lead.post(closing, {"closed_on": "2024-12-31"}, format="json")
    assert too_early.status_code == 400 and "closed_on" in too_early.json()
    assert PartnershipGroup.objects.count() == 1 and Meeting.objects.count() == 1
    assert MeetingAction.objects.count() == 1 and MeetingAction.objects.get().closed_on is None
