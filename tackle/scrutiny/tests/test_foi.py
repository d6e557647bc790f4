"""FOI answers shaped like real requests (issue 17, item 4): the requester's questions in the
requester's order, any period, posts held over time, training by topic, "not held" and section 12."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from docx import Document

from tackle.cases.models import NrmEventKind
from tackle.cases.services.nrm import nrm_event_record
from tackle.core.periods import LONDON
from tackle.core.roles import Role
from tackle.scrutiny.foi import BeforeRecords, FoiRequest, PeriodKind, build_foi_answer
from tackle.scrutiny.foi.request import request_periods
from tackle.scrutiny.models import LeadArrangement
from tackle.training.models import CourseTopic, TrainingSession
from tackle.training.tests.factories import make_course

pytestmark = pytest.mark.django_db

# The questions of a real request to a city council, in its order (our own words for each).
LEICESTER_ORDER = (
    "lead",
    "lead_team",
    "lead_groups",
    "lead_dedicated",
    "lead_since",
    "funding_by_year",
    "training_first_responders",
    "training_housing",
)


@pytest.fixture
def leicester(council_a):
    """A council with a city council's facts: no lead now; a coordinator post from March 2020 to
    March 2023 at 50,000 a year, which was not a lead; one safeguarding course covering referral
    and housing rights, held once for 25 people."""
    LeadArrangement.objects.create(
        organisation=council_a, lead_name="Labour market coordinator", team="Community safety", is_lead=False,
        covers_children=True, covers_adults=True, dedicated=False, since=date(2020, 3, 1), ended_on=date(2023, 3, 31),
        funding_source="the council's own budget", amount_per_year=Decimal("50000"),
        notes="It coordinated the council's work with other agencies and did not deliver anti-trafficking work.",
    )  # fmt: skip
    course = make_course(
        council_a, title="Safeguarding", topics=[CourseTopic.FIRST_RESPONDER, CourseTopic.HOUSING_RIGHTS]
    )
    TrainingSession.objects.create(organisation=council_a, course=course, held_on=date(2021, 10, 12), attendee_count=25)
    return council_a


def _calendar(first: int, last: int, questions: tuple[str, ...] = LEICESTER_ORDER, **extra) -> FoiRequest:
    periods = request_periods(PeriodKind.CALENDAR, first_year=first, last_year=last)
    return FoiRequest(questions, PeriodKind.CALENDAR, periods, **extra)


def test_a_council_with_leicesters_facts_answers_leicesters_questions_in_its_order(leicester):
    answer = build_foi_answer(leicester, _calendar(2023, 2019))
    assert [item.number for item in answer.items] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert answer.items[0].question.startswith("Does the council have a specialist lead or single point of contact")
    assert answer.items[7].question.endswith("rights to housing and accommodation?")
    assert answer.years == ["2023", "2022", "2021", "2020", "2019"]

    lead, team, groups, dedicated, since, funding, first_responders, housing = (i.answer for i in answer.items)
    assert lead[0] == "No, not at present."
    assert lead[2] == (
        "Labour market coordinator (Community safety), a post whose work included modern slavery, held from "
        "March 2020 to March 2023, funded by the council's own budget at £50,000.00 a year. It coordinated the "
        "council's work with other agencies and did not deliver anti-trafficking work."
    )
    for not_applicable in (team, groups, dedicated):
        assert not_applicable[0].startswith("Not applicable: the council has no specialist lead")
    assert since[0].startswith("The council has not had a specialist lead. Labour market coordinator")

    # Money is kept by financial year: the calendar years asked, newest first, reach 2018-19.
    assert funding[0].startswith("The council records money by financial year")
    assert funding[1:] == [
        "2023-24: none recorded.",
        "2022-23: £50,000.00 in all (the Labour market coordinator post £50,000.00).",
        "2021-22: £50,000.00 in all (the Labour market coordinator post £50,000.00).",
        "2020-21: £50,000.00 in all (the Labour market coordinator post £50,000.00).",
        # 1 to 31 March 2020: 31 of the year's 366 days.
        "2019-20: £4,234.97 in all (the Labour market coordinator post (part of the year) £4,234.97) "
        "(records begin on 1 March 2020, part-way through).",
        "2018-19: not held. The council's records of this begin on 1 March 2020.",
    ]
    expected_training = [
        "Course: Safeguarding.",
        "2023: 0 sessions held, 0 people trained.",
        "2022: 0 sessions held, 0 people trained.",
        "2021: 1 session held, 25 people trained.",
        "2020: not held. The council's records of this begin on 12 October 2021.",
        "2019: not held. The council's records of this begin on 12 October 2021.",
    ]
    assert first_responders[:-1] == expected_training and housing[:-1] == expected_training
    assert first_responders[-1].startswith("How this is counted. People trained")
    assert not answer.withheld and answer.exemptions == []


def test_only_the_questions_asked_are_answered_numbered_as_asked(leicester):
    answer = build_foi_answer(leicester, _calendar(2021, 2021, questions=("training_housing", "lead")))
    assert [(item.number, item.question[:20]) for item in answer.items] == [
        (1, "What training does t"),
        (2, "Does the council hav"),
    ]


def test_a_training_topic_no_course_covers_says_so(council_a):
    make_course(council_a, title="Awareness", topics=[CourseTopic.AWARENESS])
    answer = build_foi_answer(council_a, _calendar(2024, 2024, questions=("training_housing",)))
    assert answer.items[0].answer == [
        "No course the council records is marked as covering survivors' rights to housing and accommodation."
    ]


def test_years_before_the_records_on_paper_are_refused_under_section_12(leicester):
    answer = build_foi_answer(
        leicester,
        _calendar(2019, 2020, questions=("training_first_responders",), before_records=BeforeRecords.COST_LIMIT),
    )
    assert "cost more than the appropriate limit (section 12" in answer.items[0].answer[1]
    assert len(answer.exemptions) == 1 and answer.exemptions[0].startswith("Section 12 of the Freedom of Information")


def test_a_current_lead_is_described_and_an_ended_post_is_kept_beside_it(leicester):
    LeadArrangement.objects.create(
        organisation=leicester, lead_name="Exploitation lead", team="Adult social care", is_lead=True,
        covers_children=False, covers_adults=True, dedicated=True, since=date(2024, 1, 8),
    )  # fmt: skip
    answer = build_foi_answer(leicester, _calendar(2024, 2024, questions=("lead", "lead_groups", "lead_since")))
    lead, groups, since = (item.answer for item in answer.items)
    assert lead[0].startswith("Yes: Exploitation lead (Adult social care), the council's modern slavery lead")
    assert "Labour market coordinator" in lead[2]
    assert groups == ["Adults only."] and since == ["Since January 2024."]


def test_counts_between_two_dates_withhold_small_numbers_under_section_40(
    council_a, frontline_a, lead_a, record_concern
):
    for day in (date(2025, 5, 1), date(2025, 6, 30)):
        when = datetime(day.year, day.month, day.day, 10, tzinfo=LONDON)
        case = record_concern(frontline_a, encountered_at=when, age=30)
        nrm_event_record(case=case, actor=lead_a, kind=NrmEventKind.REFERRAL_SENT, occurred_on=day)
    periods = request_periods(PeriodKind.DATES, starts_on=date(2025, 5, 1), ends_on=date(2025, 6, 30))
    asked = FoiRequest(("nrm_referrals", "potential_victims"), PeriodKind.DATES, periods)
    answer = build_foi_answer(council_a, asked)
    assert answer.years == ["1 May 2025 to 30 June 2025"]
    assert answer.items[0].answer[0] == "1 May 2025 to 30 June 2025: fewer than 10 adults, 0 children."
    assert answer.withheld and "section 40(2)" in answer.exemptions[0]
    # The last day is included, the day after is not.
    periods = request_periods(PeriodKind.DATES, starts_on=date(2025, 5, 2), ends_on=date(2025, 6, 29))
    answer = build_foi_answer(council_a, FoiRequest(("potential_victims",), PeriodKind.DATES, periods))
    assert answer.items[0].answer[0] == "2 May 2025 to 29 June 2025: 0."


def test_the_page_takes_the_request_and_the_word_draft_keeps_its_order(leicester, make_user, client_for):
    officer = make_user(Role.RECORDS_OFFICER, leicester)
    client = client_for(officer)
    query = {"kind": "calendar", "first_year": "2023", "last_year": "2019", "before_records": "not_held"}
    query.update({f"q{n}": key for n, key in enumerate(LEICESTER_ORDER, start=1)})
    page = client.get(reverse("scrutiny:foi"), query)
    assert page.status_code == 200 and not page.context["form"].errors, page.context["form"].errors
    assert "2021: 1 session held, 25 people trained." in page.content.decode()
    response = client.get(reverse("scrutiny:foi-docx"), query)
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert len(headings) == 8 and headings[5].startswith("Q6. How much did the council invest")


def test_a_request_with_errors_names_the_fields_and_drafts_nothing(leicester, lead_a, client_for):
    query = {"kind": "calendar", "first_year": "2023", "before_records": "not_held", "q1": "lead", "q2": "lead"}
    page = client_for(lead_a).get(reverse("scrutiny:foi"), query)
    text = page.content.decode()
    assert page.status_code == 200 and page.context["answer"] is None
    assert "Enter the last year asked about, like 2023" in text
    assert "Question 2 is the same as question 1: choose it once" in text
    response = client_for(lead_a).get(reverse("scrutiny:foi-docx"), query)
    assert response.status_code == 302


def test_the_records_officer_answers_foi_requests_and_keeps_posts_but_never_opens_a_case(
    leicester, make_user, client_for
):
    client = client_for(make_user(Role.RECORDS_OFFICER, leicester))
    assert client.get(reverse("scrutiny:foi")).status_code == 200
    assert client.get(reverse("scrutiny:arrangements")).status_code == 200
    assert client.get(reverse("reporting:figures")).status_code == 200
    assert client.get(reverse("cases:queue")).status_code == 403
    response = client.post(
        reverse("scrutiny:arrangements"),
        {
            "lead_name": "Modern slavery lead", "is_lead": "on", "team": "Community safety", "covers_children": "on",
            "covers_adults": "on", "dedicated": "on", "since-day": "1", "since-month": "4", "since-year": "2024",
            "funding_source": "Home Office grant", "amount_per_year": "42000", "notes": "",
        },
    )  # fmt: skip
    assert response.status_code == 302
    assert LeadArrangement.objects.filter(funding_source="Home Office grant", amount_per_year=42000).exists()
