"""What the audit log check's background run stores of itself, in English (a record), and how a
page shows it in the reader's language (issue 21; core.tasks' task_text)."""

from django.utils.translation import gettext_noop

from tackle.core.stored_wording import StoredWording

TASK_NAME = gettext_noop("Check the audit log")
STOPPED = gettext_noop("The check could not finish: %(error)s")
INTACT = gettext_noop("The audit log is intact: %(count)s entries checked.")
# The problem is the chain's own English account of what is wrong, shown as it is.
ALTERED = gettext_noop("The audit log has been altered: %(problem)s.")

_WORDING = StoredWording((TASK_NAME, STOPPED, INTACT, ALTERED))


def task_text(stored: str) -> str | None:
    """A run's stored name or message in the active language; None when not made here."""
    return _WORDING.recognised(stored)
