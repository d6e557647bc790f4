"""Every page: works for the right person, 404 for another organisation's record, 403 for a role
that may not use it. Then what the forms save."""

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tackle.accounts.models import OrganisationSettings, User
from tackle.audit.models import AuditEvent
from tackle.core.roles import Role
from tackle.core.tests.dates import date_answer
from tackle.training.models import (
    Campaign,
    Completion,
    Course,
    Distribution,
    MeetingAction,
    PartnershipGroup,
    Requirement,
    Team,
    TrainingSession,
)
from tackle.training.services import completion_record
from tackle.training.tests.factories import make_course, make_partnership_records, make_requirement, make_team


@pytest.fixture
def no_role_a(council_a):
    return User.objects.create(username="no-role", organisation=council_a, role="")


@pytest.fixture
def manager_a(make_user, council_a):
    return make_user(Role.FRONTLINE_OFFICER, council_a, username="manager")


@pytest.fixture
def records(council_a, manager_a, frontline_a):
    found = make_partnership_records(council_a)
    found["team"] = make_team(council_a, manager=manager_a, members=(frontline_a,))
    return found


def _url(name: str, records: dict, key: str | None) -> str:
    return reverse(f"training:{name}", args=[records[key].uuid] if key else [])


# (url name, record it needs, who may open it, a role that may not)
PAGES = [
    ("index", None, "frontline_a", "no_role_a"),
    ("course-list", None, "frontline_a", "no_role_a"),
    ("course-new", None, "lead_a", "frontline_a"),
    ("requirement-new", None, "admin_a", "frontline_a"),
    ("team-list", None, "manager_a", "frontline_a"),
    ("team-new", None, "lead_a", "manager_a"),
    ("team-detail", "team", "manager_a", "frontline_a"),
    ("completion-new", None, "lead_a", "manager_a"),
    ("completion-import", None, "lead_a", "councillor_a"),
    ("session-list", None, "admin_a", "frontline_a"),
    ("session-new", None, "lead_a", "frontline_a"),
    ("campaign-list", None, "councillor_a", "no_role_a"),
    ("campaign-new", None, "lead_a", "frontline_a"),
    ("campaign-detail", "campaign", "frontline_a", "no_role_a"),
    ("material-new", "campaign", "lead_a", "frontline_a"),
    ("distribution-new", "material", "lead_a", "councillor_a"),
    ("service-list", None, "frontline_a", "no_role_a"),
    ("service-new", None, "lead_a", "frontline_a"),
    ("group-list", None, "lead_a", "frontline_a"),
    ("group-new", None, "admin_a", "councillor_a"),
    ("group-detail", "group", "lead_a", "frontline_a"),
    ("meeting-new", "group", "lead_a", "frontline_a"),
    ("meeting-detail", "meeting", "lead_a", "frontline_a"),
    ("action-new", "meeting", "lead_a", "frontline_a"),
    ("action-close", "action", "lead_a", "frontline_a"),
]


@pytest.mark.parametrize(("name", "key", "allowed", "_refused"), PAGES, ids=[page[0] for page in PAGES])
def test_the_page_opens_for_who_may_use_it(request, client_for, records, name, key, allowed, _refused):
    response = client_for(request.getfixturevalue(allowed)).get(_url(name, records, key))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "key", "_allowed", "refused"), PAGES, ids=[page[0] for page in PAGES])
def test_the_page_is_forbidden_to_a_role_that_may_not_use_it(
    request, client_for, records, name, key, _allowed, refused
):
    assert client_for(request.getfixturevalue(refused)).get(_url(name, records, key)).status_code == 403


@pytest.mark.parametrize("name,key", [(name, key) for name, key, *_ in PAGES if key], ids=lambda value: str(value))
def test_another_organisations_record_does_not_exist(client_for, lead_b, records, name, key):
    assert client_for(lead_b).get(_url(name, records, key)).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, records):
    response = client.get(reverse("training:index"))
    assert response.status_code == 302


def test_the_manager_sees_each_member_with_a_tag(client_for, council_a, manager_a, frontline_a, records):
    course = make_course(council_a, title="Safeguarding with modern slavery content")
    make_requirement(course, role=Role.FRONTLINE_OFFICER)
    completion_record(actor=None, user=frontline_a, course=course, completed_on=timezone.localdate() - timedelta(400))
    response = client_for(manager_a).get(_url("team-detail", records, "team"))
    html = response.content.decode()
    assert frontline_a.display_name in html
    assert "govuk-tag--red" in html and "Overdue" in html
    assert response.context["counts"] == {"compliant": 0, "due": 0, "overdue": 1, "never": 0}


def test_in_welsh_the_team_page_reads_in_welsh_with_its_dates_and_tags(
    client_for, council_a, manager_a, frontline_a, records
):
    """Issue 21: a manager who chose Cymraeg, in a council with the Welsh service, reads the page in Welsh."""
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    manager_a.language = "cy"
    manager_a.save()
    course = make_course(council_a, title="Safeguarding with modern slavery content")
    make_requirement(course, role=Role.FRONTLINE_OFFICER)
    completion_record(actor=None, user=frontline_a, course=course, completed_on=date(2025, 12, 1))
    client = client_for(manager_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    html = client.get(_url("team-detail", records, "team")).content.decode()
    assert '<html lang="cy"' in html
    assert f"{records['team'].name}: hyfforddiant" in html
    assert "1 Rhag 2025" in html  # the last completion, in Welsh month names
    assert "Overdue" not in html and ">Yn hwyr<" in html
    assert "Safeguarding with modern slavery content" in html  # record contents stay as written


def test_a_lead_adds_a_course_and_a_requirement_and_both_are_audited(client_for, lead_a):
    client = client_for(lead_a)
    response = client.post(
        reverse("training:course-new"),
        {"title": "Ethical procurement", "code": "PROC", "format": "webinar", "validity_months": "12"},
    )
    assert response.status_code == 302
    course = Course.objects.get(code="PROC")
    assert course.organisation == lead_a.organisation
    response = client.post(
        reverse("training:requirement-new"),
        {"course": course.pk, "role": Role.PROCUREMENT_OFFICER, "every_months": "12"},
    )
    assert response.status_code == 302
    assert Requirement.objects.get().role == Role.PROCUREMENT_OFFICER
    assert AuditEvent.objects.filter(object_type__in=["training.course", "training.requirement"]).count() == 2


def test_forms_offer_only_the_users_own_organisation(client_for, lead_a, lead_b, council_b):
    make_course(council_b, "B-ONLY")
    form = client_for(lead_a).get(reverse("training:completion-new")).context["form"]
    assert lead_b not in form.fields["user"].queryset
    assert lead_a in form.fields["user"].queryset
    assert not form.fields["course"].queryset.filter(code="B-ONLY").exists()


def test_a_missing_title_shows_a_govuk_error(client_for, lead_a):
    response = client_for(lead_a).post(reverse("training:course-new"), {"code": "X", "format": "webinar"})
    assert response.status_code == 200
    assert "Enter the course title" in response.content.decode()


def test_a_team_is_saved_with_its_members(client_for, lead_a, frontline_a, manager_a):
    response = client_for(lead_a).post(
        reverse("training:team-new"), {"name": "Housing", "manager": manager_a.pk, "members": [frontline_a.pk]}
    )
    assert response.status_code == 302
    team = Team.objects.get(name="Housing")
    assert list(team.memberships.values_list("user", flat=True)) == [frontline_a.pk]


def test_a_team_name_the_council_already_has_is_refused_on_the_form(client_for, lead_a, manager_a):
    Team.objects.create(organisation=lead_a.organisation, name="Housing")
    response = client_for(lead_a).post(reverse("training:team-new"), {"name": "Housing", "manager": manager_a.pk})
    assert response.status_code == 200
    assert '<a href="#id_name">There is already a team with this name</a>' in response.content.decode()
    assert Team.objects.filter(name="Housing").count() == 1


def test_a_completion_entered_by_hand_gets_its_expiry(client_for, lead_a, frontline_a, council_a):
    course = make_course(council_a, validity_months=24)
    response = client_for(lead_a).post(
        reverse("training:completion-new"),
        {"user": frontline_a.pk, "course": course.pk, **date_answer("completed_on", "2025-05-01")},
    )
    assert response.status_code == 302
    assert Completion.objects.get().expires_on == date(2027, 5, 1)


def test_a_session_gives_its_own_attendees_a_completion(client_for, lead_a, frontline_a, council_a):
    course = make_course(council_a)
    data = {
        "course": course.pk,
        **date_answer("held_on", "2025-11-05"),
        "multi_agency": "on",
        "attendee_count": "20",
        "external_attendee_count": "8",
        "attendees": [frontline_a.pk],
    }
    assert client_for(lead_a).post(reverse("training:session-new"), data).status_code == 302
    assert TrainingSession.objects.get().multi_agency
    assert Completion.objects.get(user=frontline_a).source == "session"


def test_a_session_with_more_outsiders_than_attendees_is_refused(client_for, lead_a, council_a):
    course = make_course(council_a)
    data = {
        "course": course.pk,
        **date_answer("held_on", "2025-11-05"),
        "attendee_count": "5",
        "external_attendee_count": "8",
    }
    response = client_for(lead_a).post(reverse("training:session-new"), data)
    assert response.status_code == 200
    assert "must not be more than the number of attendees" in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_the_import_page_lists_the_rejects(client_for, lead_a, frontline_a, council_a):
    make_course(council_a, "MS-101")
    upload = SimpleUploadedFile(
        "completions.csv",
        f"username,course_code,completed_on\n{frontline_a.username},MS-101,2025-03-01\nghost,MS-101,2025-03-01\n".encode(),
        content_type="text/csv",
    )
    response = client_for(lead_a).post(reverse("training:completion-import"), {"file": upload})
    html = response.content.decode()
    assert response.context["result"].saved == 1
    assert "No active user &#x27;ghost&#x27;" in html
    assert [reject.line for reject in response.context["result"].rejects] == [3]


def test_the_import_page_shows_an_error_for_an_unreadable_file(client_for, lead_a):
    upload = SimpleUploadedFile("photo.csv", b"\xff\xd8\xff\xe0\x00", content_type="text/csv")
    response = client_for(lead_a).post(reverse("training:completion-import"), {"file": upload})
    assert "The file must be a CSV file saved as UTF-8" in response.content.decode()
    assert response.context["result"] is None


def test_distributions_add_up_by_place(client_for, lead_a, records):
    client = client_for(lead_a)
    url = _url("distribution-new", records, "material")
    for place, quantity in [("taxi", "300"), ("taxi", "200"), ("hotel", "50")]:
        data = {"place_type": place, "quantity": quantity, **date_answer("distributed_on", "2025-10-20")}
        assert client.post(url, data).status_code == 302
    assert Distribution.objects.count() == 3
    totals = dict(client.get(reverse("training:campaign-list")).context["totals"])
    assert totals["Taxis"] == 500 and totals["Hotels"] == 50 and totals["Schools"] == 0


def test_a_campaign_that_ends_before_it_starts_is_refused_on_its_end_date(client_for, lead_a):
    client = client_for(lead_a)
    dates = {**date_answer("starts_on", "2026-03-01"), **date_answer("ends_on", "2026-02-28")}
    response = client.post(reverse("training:campaign-new"), {"name": "Hotels", **dates})
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["The end date must be the same as or after the start date"]
    assert re.search(r'href="#[^"]*ends_on', response.content.decode())  # the summary links to the end date
    assert not Campaign.objects.exists()
    same_day = {**date_answer("starts_on", "2026-03-01"), **date_answer("ends_on", "2026-03-01")}
    assert client.post(reverse("training:campaign-new"), {"name": "Hotels", **same_day}).status_code == 302


def test_actions_are_tracked_to_closure(client_for, lead_a, records):
    client = client_for(lead_a)
    response = client.post(
        _url("action-new", records, "meeting"),
        {"text": "Brief taxi drivers", "owner": lead_a.pk, **date_answer("due_on", "2025-03-01")},
    )
    assert response.status_code == 302
    action = MeetingAction.objects.get(text="Brief taxi drivers")
    assert action in client.get(reverse("training:group-list")).context["actions"]

    response = client.post(reverse("training:action-close", args=[action.uuid]), date_answer("closed_on", "2025-02-20"))

    assert response.status_code == 302
    action.refresh_from_db()
    assert action.closed_on == date(2025, 2, 20)
    assert action not in client.get(reverse("training:group-list")).context["actions"]
    again = client.post(reverse("training:action-close", args=[action.uuid]), date_answer("closed_on", "2025-02-21"))
    assert "already closed" in again.content.decode()


def test_a_meeting_records_its_attendees(client_for, lead_a, frontline_a, records):
    data = {
        **date_answer("held_on", "2025-06-01"),
        "attendees": [frontline_a.pk],
        "other_attendees": "Police",
        "minutes": "Notes",
    }
    assert client_for(lead_a).post(_url("meeting-new", records, "group"), data).status_code == 302
    meeting = records["group"].meetings.get(held_on=date(2025, 6, 1))
    assert list(meeting.attendees.all()) == [frontline_a]


def test_my_training_shows_what_is_required(client_for, frontline_a, council_a):
    make_requirement(make_course(council_a, title="Awareness"))
    response = client_for(frontline_a).get(reverse("training:index"))
    assert "Awareness" in response.content.decode()
    assert "Not done" in response.content.decode()


def test_the_training_menu_entry_shows(client_for, frontline_a):
    response = client_for(frontline_a).get(reverse("training:index"))
    assert f'href="{reverse("training:index")}"' in response.content.decode()


def test_partnership_groups_download_the_councils_own_only(client_for, lead_a, frontline_a, council_a, council_b):
    make_partnership_records(council_a)
    make_partnership_records(council_b)
    PartnershipGroup.objects.create(organisation=council_a, name="=Tactical group", level="tactical")
    url = reverse("training:group-list")
    client = client_for(lead_a)
    assert "download=csv" in client.get(url).content.decode()

    response = client.get(url, {"download": "csv"})

    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Group,Level,Meetings,Open actions"
    assert sorted(lines[1:]) == ["'=Tactical group,Tactical,0,0", "Partnership,Strategic,1,1"]
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client_for(frontline_a).get(url, {"download": "csv"}).status_code == 403
