"""Background work for cases: the daily reminders to case workers (`tackle cases remind`)."""

from django.tasks import task

from tackle.cases.services.reminders import cases_remind


@task()
def remind_cases() -> int:
    """Daily: reminders before periods end and things fall due, and of anything overdue."""
    return cases_remind()
