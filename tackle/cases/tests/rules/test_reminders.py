from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tackle.cases.rules.reminders import (
    CaseDates,
    Deadline,
    ReminderDays,
    ReminderEvent,
    reminder_days_on,
    reminder_for,
    reminders_due,
)

TODAY = date(2025, 6, 2)
DAYS = ReminderDays(period_end=(7, 2), safety_plan_review=(2,), referral_action=(), immediate_phase_end=(1,))


def _events(dates: CaseDates, today: date = TODAY) -> list[tuple[str, int]]:
    return [(r.deadline.event.value, r.days_before) for r in reminders_due(dates, today, DAYS)]


def test_the_recovery_period_is_reminded_seven_and_two_days_before_and_on_the_day():
    for left, expected in [(8, []), (7, [7]), (5, [7]), (2, [2]), (1, [2]), (0, [0]), (-1, [])]:
        dates = CaseDates(recovery_period_ends_on=TODAY + timedelta(days=left))
        assert [days for _, days in _events(dates)] == expected, left


def test_a_period_that_has_ended_is_not_reminded_but_an_overdue_review_is():
    dates = CaseDates(
        move_on_support_ends_on=TODAY - timedelta(days=3), safety_plan_reviews_on=(TODAY - timedelta(days=3),)
    )
    assert _events(dates) == [("safety-plan-review", -1)]


def test_a_referral_action_is_reminded_on_the_day_it_falls_due_and_once_overdue():
    due_today = CaseDates(referral_actions_due=(("NRM referral", TODAY),))
    assert _events(due_today) == [("referral-action", 0)]
    overdue = reminders_due(CaseDates(referral_actions_due=(("NRM referral", TODAY - timedelta(days=9)),)), TODAY, DAYS)
    assert overdue[0].overdue and "NRM referral" in overdue[0].sentence
    assert overdue[0].key_part == "referral-action:NRM referral:2025-05-24:overdue"


def test_the_immediate_phase_ends_72_hours_after_it_started():
    dates = CaseDates(immediate_phase_started_on=TODAY - timedelta(days=3))
    [reminder] = reminders_due(dates, TODAY, DAYS)
    assert reminder.deadline == Deadline(ReminderEvent.IMMEDIATE_PHASE_ENDS, TODAY)
    assert reminder.sentence == "The immediate (72-hour) phase is due today (2 June 2025)"


def test_reminders_come_soonest_first_and_say_when():
    dates = CaseDates(
        recovery_period_ends_on=TODAY + timedelta(days=7), safety_plan_reviews_on=(TODAY + timedelta(days=1),)
    )
    reminders = reminders_due(dates, TODAY, DAYS)
    assert [r.sentence for r in reminders] == [
        "The safety plan review is due in 1 day, on 3 June 2025",
        "The recovery period ends in 7 days, on 9 June 2025",
    ]


def test_the_days_before_come_from_the_dated_settings():
    assert reminder_days_on(TODAY).period_end == (7, 2)


@given(
    left=st.integers(min_value=-60, max_value=60),
    before=st.lists(st.integers(min_value=1, max_value=30), max_size=4),
    event=st.sampled_from(list(ReminderEvent)),
)
def test_a_reminder_names_one_threshold_and_never_one_not_yet_reached(left, before, event):
    deadline = Deadline(event, TODAY + timedelta(days=left))
    reminder = reminder_for(deadline, TODAY, before)
    if reminder is None:
        assert left > max([*before, 0]) or (left < 0 and event.value.endswith("-ends") and "phase" not in event.value)
    elif reminder.overdue:
        assert left < 0
    else:
        assert 0 <= left <= reminder.days_before and reminder.days_before in (*before, 0)
        assert not [n for n in before if left <= n < reminder.days_before]  # the nearest threshold reached


@given(start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)), ends_in=st.integers(0, 40))
def test_walking_day_by_day_each_threshold_of_a_period_is_sent_once(start, ends_in):
    dates = CaseDates(recovery_period_ends_on=start + timedelta(days=ends_in))
    keys = [r.key_part for day in range(ends_in + 5) for r in reminders_due(dates, start + timedelta(days=day), DAYS)]
    # Every threshold still ahead on the first day, and the nearest one already reached that day.
    expected = len([n for n in (7, 2, 0) if n < ends_in]) + any(n >= ends_in for n in (7, 2, 0))
    assert len(set(keys)) == expected
