"""Releases (issue 17): what was published is kept, and the next release of the same table, readers and
period is protected against it; publishing is the coordinators' and audited; the list shows it."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from tackle.audit.models import AuditEvent
from tackle.core.disclosure import WITHHELD, Audience, default_disclosure
from tackle.core.periods import LONDON
from tackle.core.roles import Role
from tackle.reporting.home_office import AskedPeriod, home_office_tables
from tackle.reporting.models import Release, ReleaseKind
from tackle.reporting.selectors import published_tables

pytestmark = pytest.mark.django_db
PEOPLE = "Potential victims identified (people)"
YEAR = {"first_year": 2025, "last_year": 2025}


def concerns(record_concern, officer, count: int, day: date = date(2025, 5, 2)) -> None:
    for _ in range(count):
        record_concern(officer, encountered_at=datetime(day.year, day.month, day.day, 10, tzinfo=LONDON), age=30)


def public_cell(organisation, row: str, column: int = 0, by: str = "year"):
    tables = published_tables(organisation.pk, **YEAR, by=by, disclosure=default_disclosure(Audience.PUBLIC))
    concerns_table = next(t for t in tables if t.key == "concerns")
    return dict(concerns_table.rows)[row][column]


def released(organisation, user, cells) -> Release:
    return Release.objects.create(
        organisation=organisation,
        kind=ReleaseKind.FIGURES,
        audience=Audience.PUBLIC,
        period_label="2025-26",
        starts_on=date(2025, 4, 1),
        ends_before=date(2026, 4, 1),
        cells=[[table, row, column, shown, "2025-04-01", "2026-04-01"] for table, row, column, shown in cells],
        released_by=user,
    )


def test_a_count_withheld_before_stays_withheld_though_now_past_the_threshold(record_concern, frontline_a, lead_a):
    concerns(record_concern, frontline_a, 14)
    assert public_cell(lead_a.organisation, "Concerns recorded") == 14
    released(lead_a.organisation, lead_a, [("concerns", "Concerns recorded", "2025-26", WITHHELD)])
    assert public_cell(lead_a.organisation, "Concerns recorded") == WITHHELD
    # The same year in the quarterly view is the same count.
    assert public_cell(lead_a.organisation, "Concerns recorded", column=4, by="quarter") == WITHHELD


def test_a_count_published_that_grew_by_a_small_number_is_withheld(record_concern, frontline_a, lead_a):
    concerns(record_concern, frontline_a, 14)
    released(lead_a.organisation, lead_a, [("concerns", PEOPLE, "2025-26", 12)])
    assert public_cell(lead_a.organisation, PEOPLE) == WITHHELD  # 12 then 14 would tell of 2 people
    released(lead_a.organisation, lead_a, [("concerns", PEOPLE, "2025-26", 3)])
    assert public_cell(lead_a.organisation, PEOPLE) == 14  # a change of 11 is not a small count


def test_publishing_twice_keeps_what_the_first_release_withheld(record_concern, frontline_a, lead_a, client_for):
    concerns(record_concern, frontline_a, 12)
    concerns(record_concern, frontline_a, 3, day=date(2025, 8, 1))
    client = client_for(lead_a)
    form = {**YEAR, "by": "quarter", "audience": "public"}
    assert client.get(reverse("reporting:release-new"), {**YEAR, "by": "quarter"}).status_code == 200
    assert client.post(reverse("reporting:release-new"), form).status_code == 302
    first = Release.objects.get()
    withheld = {(t, r, c) for t, r, c, shown, *_ in first.cells if shown == WITHHELD}
    assert ("concerns", "Concerns recorded", "Q1 2025-26") in withheld  # beside "fewer than 10" in Q2
    shown_as_text = [shown for _, _, _, shown, *_ in first.cells if isinstance(shown, str)]
    assert 0 < first.withheld_count == len(shown_as_text) < len(first.cells)  # not every dated cell
    concerns(record_concern, frontline_a, 2)  # Q1 grows from 12 to 14
    client.post(reverse("reporting:release-new"), form)
    second = Release.objects.order_by("-pk").first()
    assert second is not None and second.pk != first.pk
    shown = {(t, r, c): value for t, r, c, value, *_ in second.cells}
    assert all(shown[key] == WITHHELD for key in withheld)
    assert AuditEvent.objects.filter(object_type="reporting.release", action="create").count() == 2
    page = client.get(reverse("reporting:releases"))
    text = page.content.decode()
    assert page.status_code == 200 and text.count('data-testid="release-cells"') == 2  # each with its counts
    assert "2025-26 to 2025-26 by quarter" in text and "Figures page" in text and "Public" in text
    assert "Q1 2025-26" in text


def test_publishing_for_no_one_is_an_error_and_saves_nothing(lead_a, client_for):
    page = client_for(lead_a).post(reverse("reporting:release-new"), {**YEAR, "by": "year"})
    assert page.status_code == 200
    assert "Choose who the figures are published for" in page.content.decode()
    assert not Release.objects.exists()


def test_only_coordinators_publish_and_each_council_sees_its_own_releases(
    make_user, council_a, councillor_a, lead_a, lead_b, client_for
):
    released(council_a, lead_a, [("concerns", PEOPLE, "2025-26", 12)])
    form = {**YEAR, "by": "year", "audience": "public"}
    assert client_for(councillor_a).post(reverse("reporting:release-new"), form).status_code == 403
    assert client_for(councillor_a).get(reverse("reporting:releases")).status_code == 200
    manager = make_user(Role.COMMUNITY_SAFETY_MANAGER, council_a)
    assert client_for(manager).post(reverse("reporting:release-new"), form).status_code == 302
    assert Release.objects.filter(organisation=council_a).count() == 2
    assert "no-releases" in client_for(lead_b).get(reverse("reporting:releases")).content.decode()
    frontline = make_user(Role.FRONTLINE_OFFICER, council_a)
    assert client_for(frontline).get(reverse("reporting:releases")).status_code == 403


def test_home_office_tables_keep_what_their_release_withheld(record_concern, frontline_a, lead_a, client_for):
    concerns(record_concern, frontline_a, 14)  # gender not known: counted as "Other"
    found = home_office_tables(lead_a.organisation_id, AskedPeriod(2025))
    assert dict(next(t for t in found.tables if t.key == "gender").rows)["Other"] == 14
    client = client_for(lead_a)
    page = client.post(reverse("reporting:home-office-release-new"), {"period": "2025-27"})
    assert "Enter a financial year like 2025-26" in page.content.decode() and not Release.objects.exists()
    assert client.post(reverse("reporting:home-office-release-new"), {"period": "2025-26"}).status_code == 302
    release = Release.objects.get(kind=ReleaseKind.HOME_OFFICE)
    assert ["home_office", "Total", "2025-26", 14, "2025-04-01", "2026-04-01"] in release.cells
    # Had that release withheld the count, the next one would too, though 14 is past the threshold.
    release.cells = [["home_office_gender", "Other", "2025-26", WITHHELD, "2025-04-01", "2026-04-01"]]
    release.save()
    found = home_office_tables(lead_a.organisation_id, AskedPeriod(2025))
    assert dict(next(t for t in found.tables if t.key == "gender").rows)["Other"] == WITHHELD


def test_the_releases_download_as_csv_and_xlsx(make_user, council_a, lead_a, lead_b, client_for):
    released(council_a, lead_a, [("concerns", PEOPLE, "2025-26", WITHHELD)])
    released(lead_b.organisation, lead_b, [("concerns", PEOPLE, "2025-26", 12)])
    url = reverse("reporting:releases")
    client = client_for(lead_a)
    assert "download=csv" in client.get(url).content.decode()

    rows = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()

    assert rows[0] == "Released,What,Period,For,By,Counts withheld"
    assert len(rows) == 2 and rows[1].endswith(f",2025-26,Public,{lead_a.get_full_name() or lead_a.username},1")
    assert AuditEvent.objects.filter(object_type="export.releases", actor=lead_a).exists()
    assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
    frontline = make_user(Role.FRONTLINE_OFFICER, council_a)
    assert client_for(frontline).get(url, {"download": "csv"}).status_code == 403
