"""The open partnership actions download as CSV and XLSX (issue 19, item 3): the page's filters
applied, the council's own only, formulas quoted, the partnership roles only, and audited, since
the actions name their owners. The pages naming them are audited too."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.training.models import Meeting, MeetingAction, PartnershipGroup
from tackle.training.tests.factories import make_partnership_records

URL = reverse("training:group-list")
HEADER = "Action,Group,Date held,Owner,Due date,Overdue"


@pytest.fixture
def actions(council_a, council_b, lead_a):
    make_partnership_records(council_b)
    records = make_partnership_records(council_a)  # "Do the thing", due 1 February 2025: overdue
    tactical = PartnershipGroup.objects.create(organisation=council_a, name="Tactical", level="tactical")
    meeting = Meeting.objects.create(group=tactical, held_on=date(2025, 5, 1))
    due = timezone.localdate() + timedelta(days=30)
    MeetingAction.objects.create(meeting=meeting, text="=HYPERLINK(1)", owner=lead_a, due_on=due)
    MeetingAction.objects.create(meeting=meeting, text="Done already", closed_on=date(2025, 5, 2))
    return {"records": records, "tactical": tactical, "due": due}


def _lines(response) -> list[str]:
    return b"".join(response.streaming_content).decode().splitlines()


def test_the_open_actions_download_with_the_filters_and_formulas_quoted(client_for, lead_a, actions):
    client = client_for(lead_a)
    page = client.get(URL).content.decode()
    assert "table=open-actions" in page and 'data-testid="action-filters"' in page

    every = _lines(client.get(URL, {"download": "csv", "table": "open-actions"}))

    assert every[0] == HEADER
    assert sorted(every[1:]) == [
        f"'=HYPERLINK(1),Tactical,2025-05-01,{lead_a.display_name},{actions['due'].isoformat()},No",
        "Do the thing,Partnership,2025-01-10,No owner,2025-02-01,Yes",
    ]
    one_group = client.get(URL, {"download": "csv", "table": "open-actions", "group": actions["tactical"].uuid})
    assert [line.split(",")[1] for line in _lines(one_group)[1:]] == ["Tactical"]
    overdue = _lines(client.get(URL, {"download": "csv", "table": "open-actions", "overdue": "on"}))
    assert [line.split(",")[0] for line in overdue[1:]] == ["Do the thing"]
    xlsx = client.get(URL, {"download": "xlsx", "table": "open-actions"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_open_actions_download_is_audited_with_its_filters_and_refused_to_other_roles(
    client_for, lead_a, frontline_a, actions
):
    group = actions["tactical"].uuid
    client_for(lead_a).get(URL, {"download": "csv", "table": "open-actions", "group": group})
    entry = AuditEvent.objects.get(action=AuditAction.EXPORT, object_type="export.partnership-open-actions")
    assert "Open partnership actions exported (CSV)" in entry.note and f"group={group}" in entry.note
    refused = client_for(frontline_a).get(URL, {"download": "csv", "table": "open-actions"})
    assert refused.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="training.partnershipgroup").exists()
    client_for(lead_a).get(URL)  # the page shows the owners too
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="training.partnershipgroup").exists()
    meeting = actions["records"]["meeting"]
    client_for(lead_a).get(reverse("training:meeting-detail", args=[meeting.uuid]))
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(meeting.uuid)).exists()


def test_a_bad_group_filter_is_named_and_the_actions_stay_listed(client_for, lead_a, actions):
    response = client_for(lead_a).get(URL, {"group": "not-a-group"})
    assert response.status_code == 200
    assert "group" in response.context["action_form"].errors
    assert len(response.context["actions"]) == 2  # unfiltered: nothing is hidden by a filter it could not read
