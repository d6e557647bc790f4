"""Issuing an FOI answer keeps its counts as released (issue 17); an answer or the Figures page for an
overlapping period withholds a count that differs from a released one by a small number."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from tackle.core.disclosure import WITHHELD, Audience, default_disclosure
from tackle.core.periods import LONDON
from tackle.core.roles import Role
from tackle.reporting.models import Release, ReleaseKind
from tackle.reporting.selectors import published_tables
from tackle.scrutiny.foi import FoiRequest, PeriodKind, build_foi_answer
from tackle.scrutiny.foi.request import request_periods

pytestmark = pytest.mark.django_db
PEOPLE = "Potential victims identified (people)"


def people(record_concern, officer, count: int, day: date) -> None:
    for _ in range(count):
        record_concern(officer, encountered_at=datetime(day.year, day.month, day.day, 10, tzinfo=LONDON), age=30)


def released(organisation, column: str, shown, starts: date, ends: date, kind=ReleaseKind.FIGURES) -> None:
    Release.objects.create(
        organisation=organisation, kind=kind, audience=Audience.PUBLIC, period_label=column, starts_on=starts,
        ends_before=ends, cells=[["concerns", PEOPLE, column, shown, starts.isoformat(), ends.isoformat()]],
    )  # fmt: skip


def calendar_answer(organisation, year: int):
    periods = request_periods(PeriodKind.CALENDAR, first_year=year, last_year=year)
    return build_foi_answer(organisation, FoiRequest(("potential_victims",), PeriodKind.CALENDAR, periods))


@pytest.fixture
def fourteen_in_2025(record_concern, frontline_a):
    """14 people in calendar 2025: 2 in January (financial year 2024-25), 12 from May (2025-26)."""
    people(record_concern, frontline_a, 2, date(2025, 1, 15))
    people(record_concern, frontline_a, 12, date(2025, 5, 2))
    return frontline_a.organisation


def test_a_calendar_year_two_from_a_published_financial_year_is_withheld(fourteen_in_2025):
    assert calendar_answer(fourteen_in_2025, 2025).items[0].answer[0] == "2025: 14."
    released(fourteen_in_2025, "2025-26", 12, date(2025, 4, 1), date(2026, 4, 1))
    answer = calendar_answer(fourteen_in_2025, 2025)
    assert answer.items[0].answer[0] == f"2025: {WITHHELD}."  # 14 - 12 would tell of 2 people
    assert answer.withheld and WITHHELD in answer.exemption


def test_a_count_far_from_the_overlapping_release_is_shown(fourteen_in_2025):
    released(fourteen_in_2025, "2025-26", 3, date(2025, 4, 1), date(2026, 4, 1))
    released(fourteen_in_2025, "2023-24", 13, date(2023, 4, 1), date(2024, 4, 1))  # does not overlap 2025
    assert calendar_answer(fourteen_in_2025, 2025).items[0].answer[0] == "2025: 14."


def test_the_figures_page_follows_an_issued_answer_for_an_overlapping_year(fourteen_in_2025):
    released(fourteen_in_2025, "2025", 14, date(2025, 1, 1), date(2026, 1, 1), kind=ReleaseKind.FOI)
    tables = published_tables(
        fourteen_in_2025.pk, first_year=2025, last_year=2025, by="year", disclosure=default_disclosure(Audience.PUBLIC)
    )
    assert dict(next(t for t in tables if t.key == "concerns").rows)[PEOPLE][0] == WITHHELD  # 12 beside 14


def test_issuing_an_answer_keeps_it_and_a_second_answer_withholds_what_it_withheld(
    fourteen_in_2025, make_user, client_for, record_concern, frontline_a
):
    officer = make_user(Role.RECORDS_OFFICER, fourteen_in_2025)
    client = client_for(officer)
    asked = {"kind": "calendar", "first_year": 2025, "last_year": 2025, "q1": "potential_victims",
             "before_records": "not_held"}  # fmt: skip
    page = client.get(reverse("scrutiny:foi"), asked)
    assert 'data-testid="foi-issue"' in page.content.decode()
    assert client.post(reverse("scrutiny:foi-issue"), asked).status_code == 302
    release = Release.objects.get(kind=ReleaseKind.FOI)
    assert release.released_by == officer and release.period_label == "2025"
    assert release.cells[0][:4] == ["concerns", PEOPLE, "2025", 14]
    people(record_concern, frontline_a, 3, date(2025, 12, 1))  # 17 now: 3 more than issued
    assert calendar_answer(fourteen_in_2025, 2025).items[0].answer[0] == f"2025: {WITHHELD}."
    listing = client.get(reverse("reporting:releases")).content.decode()
    assert "FOI answer" in listing


def test_issuing_needs_a_request_and_an_officer(fourteen_in_2025, councillor_a, make_user, client_for):
    officer = client_for(make_user(Role.RECORDS_OFFICER, fourteen_in_2025))
    page = officer.post(reverse("scrutiny:foi-issue"), {"kind": "calendar", "q1": "potential_victims"})
    assert page.status_code == 200 and "Enter the first year asked about" in page.content.decode()
    assert client_for(councillor_a).post(reverse("scrutiny:foi-issue"), {}).status_code == 403
    assert not Release.objects.exists()
