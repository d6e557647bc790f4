"""Training's published figures: each counts its period, [1 April, next 1 April), and nothing twice."""

from datetime import date

from django.utils import timezone

from tackle.core.periods import financial_year
from tackle.core.roles import Role
from tackle.training.figures import TrainingFigures, campaigns_begun, training_figures
from tackle.training.models import Campaign, Completion, TrainingSession
from tackle.training.services import completion_record, session_record
from tackle.training.tests.factories import make_course


def test_training_figures_count_sessions_and_people_in_the_period(make_user, council_a, council_b):
    course = make_course(council_a)
    alice, bob = make_user(Role.FRONTLINE_OFFICER, council_a), make_user(Role.FRONTLINE_OFFICER, council_a)
    outsider = make_user(Role.FRONTLINE_OFFICER, council_b)
    other_course = make_course(council_b, "B")
    for held_on, external in [(date(2025, 4, 1), 5), (date(2026, 3, 31), 2), (date(2026, 4, 1), 50)]:
        TrainingSession.objects.create(
            organisation=council_a, course=course, held_on=held_on, attendee_count=60, external_attendee_count=external
        )
    completion_record(actor=None, user=alice, course=course, completed_on=date(2025, 4, 1))
    completion_record(actor=None, user=alice, course=course, completed_on=date(2025, 9, 1))  # counted once
    completion_record(actor=None, user=bob, course=course, completed_on=date(2025, 3, 31))  # before the period
    Completion.objects.create(user=outsider, course=other_course, completed_on=date(2025, 6, 1))

    figures = training_figures(council_a.pk, financial_year(2025))

    # Everyone at the two sessions in the year (60 each, none named) and Alice once.
    assert figures == TrainingFigures(financial_year(2025), 2, 60 + 60 + 1, timezone.localdate())
    assert training_figures(council_b.pk, financial_year(2025)).people_trained == 1


def test_a_session_on_31_march_counts_in_the_year_ending_and_one_on_1_april_in_the_next(council_a):
    course = make_course(council_a)
    for held_on, external in [(date(2026, 3, 31), 3), (date(2026, 4, 1), 7)]:
        TrainingSession.objects.create(
            organisation=council_a, course=course, held_on=held_on, attendee_count=10, external_attendee_count=external
        )
    ending, starting = (
        training_figures(council_a.pk, financial_year(2025)),
        training_figures(council_a.pk, financial_year(2026)),
    )
    assert (ending.sessions_held, ending.people_trained) == (1, 10)
    assert (starting.sessions_held, starting.people_trained) == (1, 10)


def test_a_completion_on_1_april_counts_in_the_year_it_starts_only(make_user, council_a):
    officer = make_user(Role.FRONTLINE_OFFICER, council_a)
    completion_record(actor=None, user=officer, course=make_course(council_a), completed_on=date(2026, 4, 1))
    assert training_figures(council_a.pk, financial_year(2025)).people_trained == 0
    assert training_figures(council_a.pk, financial_year(2026)).people_trained == 1


def test_a_campaign_begun_on_31_march_is_in_the_year_ending_and_one_on_1_april_in_the_next(council_a):
    for starts_on in (date(2026, 3, 31), date(2026, 4, 1)):
        Campaign.objects.create(organisation=council_a, name=f"From {starts_on}", starts_on=starts_on)
    assert [c.starts_on for c in campaigns_begun(council_a.pk, financial_year(2025))] == [date(2026, 3, 31)]
    assert [c.starts_on for c in campaigns_begun(council_a.pk, financial_year(2026))] == [date(2026, 4, 1)]


def test_people_trained_are_the_attendees_of_a_session_not_only_those_named(council_a):
    """Leicester's answer: one course of 25 people read "1 sessions held, 0 people trained"."""
    TrainingSession.objects.create(
        organisation=council_a, course=make_course(council_a), held_on=date(2025, 6, 1), attendee_count=25
    )
    figures = training_figures(council_a.pk, financial_year(2025))
    assert (figures.sessions_held, figures.people_trained) == (1, 25)


def test_a_named_person_counts_once_across_sessions_and_completions(make_user, council_a, lead_a):
    course = make_course(council_a)
    alice, bob = make_user(Role.FRONTLINE_OFFICER, council_a), make_user(Role.FRONTLINE_OFFICER, council_a)
    for held_on, attendees, external in ((date(2025, 6, 1), 10, 2), (date(2025, 9, 1), 5, 0)):
        session = TrainingSession(
            organisation=council_a,
            course=course,
            held_on=held_on,
            attendee_count=attendees,
            external_attendee_count=external,
        )
        session_record(actor=lead_a, session=session, attendees=[alice])  # gives Alice a completion too
    completion_record(actor=None, user=bob, course=make_course(council_a, "MS-102"), completed_on=date(2025, 7, 1))
    completion_record(actor=None, user=bob, course=course, completed_on=date(2025, 8, 1))
    # 9 and 4 not named, Alice once (two sessions, two completions), Bob once (two completions).
    assert training_figures(council_a.pk, financial_year(2025)).people_trained == 9 + 4 + 1 + 1
