"""Which reminders a case is due today. Pure functions over plain dates: no database, no clock.

Two kinds of date are reminded of:
- the end of a period (the recovery period, move-on support): some days before it ends, and on the
  day; nothing once it has ended, since the case page then shows it as ended;
- something to do by a date (a safety-plan review, a referral action, the end of the 72-hour
  phase): some days before where the settings ask for it, on the day, and once when overdue.
A reminder names the threshold it was sent for, so each is sent once: when the command misses a
day, the nearest threshold already reached is sent and the ones it passed are not.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, ngettext

from tackle.core.dated import DatedRule, rule_on

IMMEDIATE_PHASE_DAYS = 3  # the immediate phase is "the first 72 hours" (SupportPhaseKind.IMMEDIATE)


@dataclass(frozen=True)
class ReminderDays:
    """How many days before each kind of date a reminder goes; "on the day" is always sent."""

    period_end: tuple[int, ...]
    safety_plan_review: tuple[int, ...]
    referral_action: tuple[int, ...]
    immediate_phase_end: tuple[int, ...]


# Council practice, dated like the law's periods so that a change is a new row, not an edit.
REMINDER_DAYS: tuple[DatedRule[ReminderDays], ...] = (
    DatedRule(
        date.min,
        ReminderDays(period_end=(7, 2), safety_plan_review=(2,), referral_action=(), immediate_phase_end=(1,)),
    ),
)


def reminder_days_on(day: date) -> ReminderDays:
    return rule_on(REMINDER_DAYS, day)


class ReminderEvent(StrEnum):
    RECOVERY_PERIOD_ENDS = "recovery-period-ends"
    MOVE_ON_SUPPORT_ENDS = "move-on-support-ends"
    SAFETY_PLAN_REVIEW = "safety-plan-review"
    REFERRAL_ACTION = "referral-action"
    IMMEDIATE_PHASE_ENDS = "immediate-phase-ends"


# Translated when the sentence is made, in the recipient's language (services/reminders.py).
_WHAT = {
    ReminderEvent.RECOVERY_PERIOD_ENDS: gettext_noop("The recovery period"),
    ReminderEvent.MOVE_ON_SUPPORT_ENDS: gettext_noop("Move-on support"),
    ReminderEvent.SAFETY_PLAN_REVIEW: gettext_noop("The safety plan review"),
    ReminderEvent.REFERRAL_ACTION: gettext_noop("The action"),
    ReminderEvent.IMMEDIATE_PHASE_ENDS: gettext_noop("The immediate (72-hour) phase"),
}
_PERIODS = {ReminderEvent.RECOVERY_PERIOD_ENDS, ReminderEvent.MOVE_ON_SUPPORT_ENDS}


@dataclass(frozen=True)
class Deadline:
    """A date on a case. `label` names the thing where a case has several of a kind (an action)."""

    event: ReminderEvent
    on: date
    label: str = ""


@dataclass(frozen=True)
class Reminder:
    deadline: Deadline
    days_before: int  # the threshold it is sent for: 0 on the day, negative when overdue
    days_left: int  # from today to the date: the command may run after a threshold was reached

    @property
    def overdue(self) -> bool:
        return self.days_before < 0

    @property
    def key_part(self) -> str:
        """Names the event, its date and the threshold: with the case, the reminder's unique key."""
        threshold = "overdue" if self.overdue else f"{self.days_before}-days-before"
        label = f":{self.deadline.label}" if self.deadline.label else ""
        return f"{self.deadline.event}{label}:{self.deadline.on.isoformat()}:{threshold}"

    @property
    def sentence(self) -> str:
        """In the active language: whole sentences, so that Welsh can order each its own way."""
        what = gettext(_WHAT[self.deadline.event])
        if self.deadline.label:
            what = gettext("%(what)s '%(label)s'") % {"what": what, "label": self.deadline.label}
        values = {"what": what, "on": date_format(self.deadline.on, "j F Y"), "days": self.days_left}
        ends = self.deadline.event in _PERIODS
        if self.overdue:
            return gettext("%(what)s was due on %(on)s and is overdue") % values
        if self.days_left == 0:
            today = gettext("%(what)s ends today (%(on)s)") if ends else gettext("%(what)s is due today (%(on)s)")
            return today % values
        if ends:
            return (
                ngettext(
                    "%(what)s ends in %(days)d day, on %(on)s",
                    "%(what)s ends in %(days)d days, on %(on)s",
                    self.days_left,
                )
                % values
            )
        return (
            ngettext(
                "%(what)s is due in %(days)d day, on %(on)s",
                "%(what)s is due in %(days)d days, on %(on)s",
                self.days_left,
            )
            % values
        )


@dataclass(frozen=True)
class CaseDates:
    """The dates on one open case that reminders are set against."""

    recovery_period_ends_on: date | None = None
    move_on_support_ends_on: date | None = None
    safety_plan_reviews_on: tuple[date, ...] = ()
    referral_actions_due: tuple[tuple[str, date], ...] = ()  # (the action's name, due date), still to do
    immediate_phase_started_on: date | None = None  # only while the immediate phase is the current one


def immediate_phase_ends_on(started_on: date) -> date:
    return started_on + timedelta(days=IMMEDIATE_PHASE_DAYS)


def deadlines_of(dates: CaseDates) -> list[Deadline]:
    deadlines = []
    if dates.recovery_period_ends_on:
        deadlines.append(Deadline(ReminderEvent.RECOVERY_PERIOD_ENDS, dates.recovery_period_ends_on))
    if dates.move_on_support_ends_on:
        deadlines.append(Deadline(ReminderEvent.MOVE_ON_SUPPORT_ENDS, dates.move_on_support_ends_on))
    deadlines += [Deadline(ReminderEvent.SAFETY_PLAN_REVIEW, on) for on in sorted(set(dates.safety_plan_reviews_on))]
    deadlines += [Deadline(ReminderEvent.REFERRAL_ACTION, on, label) for label, on in dates.referral_actions_due]
    if dates.immediate_phase_started_on:
        ends_on = immediate_phase_ends_on(dates.immediate_phase_started_on)
        deadlines.append(Deadline(ReminderEvent.IMMEDIATE_PHASE_ENDS, ends_on))
    return deadlines


def _days_for(event: ReminderEvent, days: ReminderDays) -> tuple[int, ...]:
    if event in _PERIODS:
        return days.period_end
    return {
        ReminderEvent.SAFETY_PLAN_REVIEW: days.safety_plan_review,
        ReminderEvent.REFERRAL_ACTION: days.referral_action,
        ReminderEvent.IMMEDIATE_PHASE_ENDS: days.immediate_phase_end,
    }[event]


def reminder_for(deadline: Deadline, today: date, days_before: Iterable[int]) -> Reminder | None:
    """The reminder one date is due today, if any: the nearest threshold reached (days before, or
    0 on the day); after the date, an overdue reminder for things to do and nothing for periods."""
    left = (deadline.on - today).days
    if left < 0:
        return None if deadline.event in _PERIODS else Reminder(deadline, -1, left)
    reached = [n for n in (*days_before, 0) if n >= left and n >= 0]
    return Reminder(deadline, min(reached), left) if reached else None


def reminders_due(dates: CaseDates, today: date, days: ReminderDays | None = None) -> list[Reminder]:
    """Every reminder the case is due today, soonest date first."""
    days = days or reminder_days_on(today)
    due = [reminder_for(deadline, today, _days_for(deadline.event, days)) for deadline in deadlines_of(dates)]
    return sorted((r for r in due if r is not None), key=lambda r: (r.deadline.on, r.deadline.event))
