"""The courses, requirements, teams, campaigns and partner directory lists download as CSV and
XLSX (issue 19, item 3): the council's own records only, formulas quoted, and only for the roles
that may export them (the training administrators for courses and teams, the partnership editors
for campaigns and the directory)."""

from datetime import date

import pytest
from django.urls import reverse

from tackle.core.roles import Role
from tackle.training.models import Campaign, PartnerService
from tackle.training.tests.factories import make_course, make_partnership_records, make_requirement, make_team


def _lines(response) -> list[str]:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode().splitlines()


def _is_xlsx(response) -> bool:
    return response["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.fixture
def records(council_a, council_b, lead_a):
    make_course(council_b, code="B-1", title="Other council's course")
    make_partnership_records(council_b)
    make_team(council_b)  # "Team 1": council A's is "Team 2"
    course = make_course(council_a, code="MS-101", title="=Awareness", provider="Home Office", length_minutes=45)
    make_requirement(course, every_months=24)
    make_team(council_a, manager=lead_a)
    make_partnership_records(council_a)
    Campaign.objects.create(
        organisation=council_a, name="@Hotels", starts_on=date(2025, 3, 1), ends_on=date(2025, 4, 1)
    )
    PartnerService.objects.create(
        organisation=council_a,
        name="+Safe house",
        kind="ngo",
        offers="Beds",
        how_to_refer="Email",
        link="https://x.org",
    )


def test_courses_and_requirements_download_as_the_page_lists_them(client_for, lead_a, records):
    client = client_for(lead_a)
    page = client.get(reverse("training:course-list")).content.decode()
    assert "download=csv" in page and "table=requirements" in page

    courses = _lines(client.get(reverse("training:course-list"), {"download": "csv"}))
    assert courses == [
        "Course,Code,Provider,Format,Length in minutes,Valid for (months)",
        "'=Awareness,MS-101,Home Office,E-learning,45,12",
    ]
    requirements = client.get(reverse("training:course-list"), {"download": "csv", "table": "requirements"})
    assert _lines(requirements) == ["Course,Who,Every (months)", "'=Awareness,Everyone,24"]
    assert _is_xlsx(client.get(reverse("training:course-list"), {"download": "xlsx"}))


def test_teams_download_with_their_manager_and_members(client_for, lead_a, records):
    client = client_for(lead_a)
    assert "download=xlsx" in client.get(reverse("training:team-list")).content.decode()
    lines = _lines(client.get(reverse("training:team-list"), {"download": "csv"}))
    assert lines == ["Team,Manager,Members", f"Team 2,{lead_a.display_name},0"]
    assert _is_xlsx(client.get(reverse("training:team-list"), {"download": "xlsx"}))


def test_campaigns_and_the_directory_download_the_councils_own(client_for, make_user, council_a, records):
    client = client_for(make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a))
    assert "download=csv" in client.get(reverse("training:campaign-list")).content.decode()
    campaigns = _lines(client.get(reverse("training:campaign-list"), {"download": "csv"}))
    assert campaigns[0] == "Campaign,Start date,End date,Distributed"
    assert sorted(campaigns[1:]) == ["'@Hotels,2025-03-01,2025-04-01,0", "Spot the signs,2025-01-01,,0"]

    directory = _lines(client.get(reverse("training:service-list"), {"download": "csv"}))
    assert directory == [
        "Name,Kind,What they offer,How to refer,Contact,Link",
        "'+Safe house,NGO or charity,Beds,Email,,https://x.org",
        "Helpline,Helpline,Advice,Call,,",
    ]
    assert _is_xlsx(client.get(reverse("training:service-list"), {"download": "xlsx"}))


@pytest.mark.parametrize("name", ["training:course-list", "training:campaign-list", "training:service-list"])
def test_roles_that_may_only_read_the_list_see_no_links_and_are_refused_the_download(
    client_for, frontline_a, records, name
):
    client = client_for(frontline_a)
    page = client.get(reverse(name))
    assert page.status_code == 200 and "download=csv" not in page.content.decode()
    assert client.get(reverse(name), {"download": "csv"}).status_code == 403


def test_a_team_manager_who_is_not_an_administrator_sees_teams_but_cannot_download_them(
    client_for, make_user, council_a, records
):
    manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
    make_team(council_a, manager=manager)
    client = client_for(manager)
    page = client.get(reverse("training:team-list"))
    assert page.status_code == 200 and "download=csv" not in page.content.decode()
    assert client.get(reverse("training:team-list"), {"download": "csv"}).status_code == 403
