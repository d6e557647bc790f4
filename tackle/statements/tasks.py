"""Background reminders to action owners: a week before the due date, and once overdue."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

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
        when = "is overdue" if action.due_on < today else f"is due on {action.due_on:%d %B %Y}"
        send_mail(
            subject=f"Modern slavery action plan: {action.title[:80]} {when}",
            message=f'The action "{action.title}" {when}.\n\nRecord progress or change its status:\n{link}\n',
            from_email=None,
            recipient_list=[action.owner.email],
        )
        sent += 1
    return sent
