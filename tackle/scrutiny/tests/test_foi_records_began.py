"""When the council's records began (issue 17): the administrator sets the day on the organisation
settings page, and an FOI answer says "not held" for a period wholly before it, whatever the first
record's date; a period that reaches the day is answered from the records."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from tackle.accounts.models import OrganisationSettings
from tackle.core.periods import LONDON
from tackle.scrutiny.foi import FoiRequest, PeriodKind, build_foi_answer
from tackle.scrutiny.foi.request import request_periods
from tackle.training.models import CourseTopic, TrainingSession
from tackle.training.tests.factories import make_course

pytestmark = pytest.mark.django_db
THRESHOLDS = {"figures_threshold_internal": 0, "figures_threshold_councillors": 5, "figures_threshold_public": 10}


def began(organisation, day: date | None) -> None:
    OrganisationSettings.objects.update_or_create(organisation=organisation, defaults={"records_began_on": day})


def answer(organisation, kind: PeriodKind, first: int, last: int, questions: tuple[str, ...]):
    periods = request_periods(kind, first_year=first, last_year=last)
    return build_foi_answer(organisation, FoiRequest(questions, kind, periods)).items[0].answer


def test_the_administrator_sets_the_day_and_a_wrong_date_is_named(admin_a, client_for):
    client = client_for(admin_a)
    assert "records_began_on-day" in client.get(reverse("accounts:organisation-settings")).content.decode()
    day = {"records_began_on-day": "1", "records_began_on-month": "4", "records_began_on-year": "2021"}
    assert client.post(reverse("accounts:organisation-settings"), THRESHOLDS | day).status_code == 302
    assert OrganisationSettings.objects.get(organisation=admin_a.organisation).records_began_on == date(2021, 4, 1)
    wrong = day | {"records_began_on-month": "13"}
    page = client.post(reverse("accounts:organisation-settings"), THRESHOLDS | wrong)
    assert page.status_code == 200 and "records_began_on" in page.content.decode()
    assert "error" in page.content.decode().lower()
    assert OrganisationSettings.objects.get(organisation=admin_a.organisation).records_began_on == date(2021, 4, 1)


def test_counts_before_the_day_are_not_held_and_from_the_day_are_counted(council_a, record_concern, frontline_a):
    record_concern(frontline_a, encountered_at=datetime(2021, 4, 1, 10, tzinfo=LONDON), age=30)
    asked = ("potential_victims",)
    assert answer(council_a, PeriodKind.FINANCIAL, 2020, 2021, asked)[:2] == ["2020-21: 0.", "2021-22: fewer than 10."]
    began(council_a, date(2021, 4, 1))  # the first day of 2021-22: 2020-21 ends the day before
    lines = answer(council_a, PeriodKind.FINANCIAL, 2020, 2021, asked)
    assert lines[0] == "2020-21: not held. The council's records of this begin on 1 April 2021."
    assert lines[1] == "2021-22: fewer than 10."
    began(council_a, date(2021, 4, 2))  # one day later: 2021-22 still reaches it
    assert answer(council_a, PeriodKind.FINANCIAL, 2021, 2021, asked)[0] == "2021-22: fewer than 10."
    assert answer(council_a, PeriodKind.CALENDAR, 2021, 2021, ("duty_to_notify",))[0] == "2021: 0."
    assert answer(council_a, PeriodKind.CALENDAR, 2020, 2020, ("nrm_referrals",))[0].startswith("2020: not held")


def test_the_day_replaces_the_first_training_record_for_not_held(council_a):
    course = make_course(council_a, title="Safeguarding", topics=[CourseTopic.FIRST_RESPONDER])
    TrainingSession.objects.create(organisation=council_a, course=course, held_on=date(2021, 10, 12), attendee_count=25)
    asked = ("training_first_responders",)
    assert "2019: not held" in answer(council_a, PeriodKind.CALENDAR, 2019, 2019, asked)[1]
    began(council_a, date(2019, 1, 1))  # kept on paper and in Tackle from 2019: none held that year
    assert answer(council_a, PeriodKind.CALENDAR, 2019, 2019, asked)[1] == "2019: 0 sessions held, 0 people trained."
    began(council_a, date(2020, 1, 1))  # the day after 2019 ends
    assert "2019: not held" in answer(council_a, PeriodKind.CALENDAR, 2019, 2019, asked)[1]
