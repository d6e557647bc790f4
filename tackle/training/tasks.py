"""Background work for training: remind people whose training is due, overdue or not done."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.accounts.models import User
from tackle.training.rules.compliance import Status
from tackle.training.selectors import RequirementStatus, compliance_for_users


def _reminder_line(row: RequirementStatus) -> str:
    status = {
        Status.DUE: gettext("due"),
        Status.OVERDUE: gettext("overdue"),
        Status.NEVER: gettext("not done"),
    }.get(row.status, "")
    if row.due_on:
        values = {"course": row.requirement.course.title, "status": status, "due": date_format(row.due_on, "j F Y")}
        return gettext("- %(course)s: %(status)s (due %(due)s)") % values
    return gettext("- %(course)s: %(status)s") % {"course": row.requirement.course.title, "status": status}


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
            rows = [row for row in statuses[user.pk] if row.status != Status.COMPLIANT]
            if not rows:
                continue
            # In the reader's language, not the sender's (docs/i18n.md).
            with translation.override(user.language or settings.LANGUAGE_CODE):
                send_mail(
                    subject=gettext("Your modern slavery training needs attention"),
                    message=gettext("This training is due, overdue or not yet done:")
                    + "\n\n"
                    + "\n".join(_reminder_line(row) for row in rows)
                    + f"\n\n{link}\n",
                    from_email=None,
                    recipient_list=[user.email],
                )
            sent += 1
    return sent
