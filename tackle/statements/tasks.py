"""Background reminders to action owners: a week before the due date, and once overdue."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.statements.models import OPEN_STATUSES, Action

REMIND_DAYS_BEFORE = 7


@task()
def remind_action_owners() -> int:
    """Email each owner of an open action due in exactly 7 days or already overdue. Returns emails sent."""
    today = timezone.localdate()
    due_soon = today + timedelta(days=REMIND_DAYS_BEFORE)
    actions = (
        Action.objects.filter(status__in=OPEN_STATUSES, owner__isnull=False, owner__is_active=True)
        .filter(Q(due_on=due_soon) | Q(due_on__lt=today))
        .exclude(owner__email="")
        .select_related("owner")
    )
    sent = 0
    for action in actions:
        assert action.owner is not None
        link = f"{settings.TACKLE_BASE_URL}{reverse('statements:action-detail', args=[action.uuid])}"
        # In the owner's language, not the worker's (docs/i18n.md).
        with translation.override(action.owner.language or settings.LANGUAGE_CODE):
            values = {"title": action.title, "day": date_format(action.due_on, "d F Y"), "link": link}
            if action.due_on < today:
                subject = gettext("Modern slavery action plan: %(title)s is overdue")
                message = gettext(
                    'The action "%(title)s" is overdue.\n\nRecord progress or change its status:\n%(link)s\n'
                )
            else:
                subject = gettext("Modern slavery action plan: %(title)s is due on %(day)s")
                message = gettext(
                    'The action "%(title)s" is due on %(day)s.\n\nRecord progress or change its status:\n%(link)s\n'
                )
            send_mail(
                subject=subject % {**values, "title": action.title[:80]},
                message=message % values,
                from_email=None,
                recipient_list=[action.owner.email],
            )
        sent += 1
    return sent
