"""Background work for training: remind people whose training is due, overdue or not done."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse

from tackle.accounts.models import User
from tackle.training.rules.compliance import Status
from tackle.training.selectors import compliance_for_users


@task()
def send_training_reminders() -> int:
    """Email each active user with an email address who has training due, overdue or not done.
    Returns the number of emails sent."""
    link = f"{settings.TACKLE_BASE_URL}{reverse('training:index')}"
    sent = 0
    organisation_ids = (
        User.objects.filter(is_active=True, organisation__isnull=False)
        .exclude(email="")
        .order_by()
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    for organisation_id in organisation_ids:
        users = list(User.objects.filter(organisation_id=organisation_id, is_active=True).exclude(email=""))
        statuses = compliance_for_users(users)
        for user in users:
            rows = statuses[user.pk]
            lines = [
                f"- {row.requirement.course.title}: {row.status.label.lower()}"
                + (f" (due {row.due_on:%-d %B %Y})" if row.due_on else "")
                for row in rows
                if row.status != Status.COMPLIANT
            ]
            if not lines:
                continue
            send_mail(
                subject="Your modern slavery training needs attention",
                message="This training is due, overdue or not yet done:\n\n" + "\n".join(lines) + f"\n\n{link}\n",
                from_email=None,
                recipient_list=[user.email],
            )
            sent += 1
    return sent
