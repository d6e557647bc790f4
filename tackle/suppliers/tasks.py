"""Background work for supply chains: remind contract managers of annual supplier assessments, and
the owners of statement follow-up actions of those past their due date."""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.suppliers.models import StatementFollowUp, SupplierAssessment
from tackle.suppliers.rules.assessments import is_overdue, needs_reminder
from tackle.suppliers.selectors import assessments_due, statement_follow_ups_to_remind


@task()
def send_assessment_reminders() -> int:
    """Email each contract manager one list of their assessments due soon or overdue.
    Returns the number of emails sent; each assessment is reminded at most once a week."""
    today = timezone.localdate()
    link = f"{settings.TACKLE_BASE_URL}{reverse('suppliers:assessment-list')}"
    by_manager: dict[int, list[SupplierAssessment]] = defaultdict(list)
    managers = {}
    for assessment in assessments_due().filter(contract__contract_manager__isnull=False):
        manager = assessment.contract.contract_manager
        if manager is None or not manager.is_active or not manager.email:
            continue
        if needs_reminder(
            due_on=assessment.due_on,
            completed_on=assessment.completed_on,
            last_reminded_on=assessment.last_reminded_on,
            today=today,
        ):
            by_manager[manager.pk].append(assessment)
            managers[manager.pk] = manager
    for manager_id, assessments in by_manager.items():
        manager = managers[manager_id]
        # In the manager's language, not the worker's (docs/i18n.md).
        with translation.override(manager.language or settings.LANGUAGE_CODE):
            lines = [_reminder_line(assessment, today) for assessment in assessments]
            send_mail(
                subject=gettext("Annual supplier assessments due"),
                message=gettext("These modern slavery supplier assessments are due or overdue:")
                + "\n\n"
                + "\n".join(lines)
                + f"\n\n{link}\n",
                from_email=None,
                recipient_list=[manager.email],
            )
        SupplierAssessment.objects.filter(pk__in=[a.pk for a in assessments]).update(last_reminded_on=today)
    return len(by_manager)


def _reminder_line(assessment: SupplierAssessment, today: date) -> str:
    values = {
        "contract": assessment.contract.title,
        "supplier": assessment.contract.supplier.name,
        "day": date_format(assessment.due_on, "j F Y"),
    }
    if is_overdue(due_on=assessment.due_on, completed_on=None, today=today):
        return gettext("- %(contract)s (%(supplier)s): overdue since %(day)s") % values
    return gettext("- %(contract)s (%(supplier)s): due %(day)s") % values


@task()
def send_follow_up_reminders() -> int:
    """Email each owner one list of their statement follow-up actions past their due date and not
    done, each with its Mark as done page. Returns the emails sent; each action is reminded at most
    once a week while it stays open."""
    today = timezone.localdate()
    by_owner: dict[int, list[StatementFollowUp]] = defaultdict(list)
    for follow_up in statement_follow_ups_to_remind(today):
        by_owner[follow_up.owner_id].append(follow_up)
    for follow_ups in by_owner.values():
        owner = follow_ups[0].owner
        # In the owner's language, not the worker's (docs/i18n.md).
        with translation.override(owner.language or settings.LANGUAGE_CODE):
            lines = [_follow_up_line(follow_up) for follow_up in follow_ups]
            send_mail(
                subject=gettext("Statement follow-up actions overdue"),
                message=gettext("These follow-up actions from modern slavery statements are past their due date:")
                + "\n\n"
                + "\n\n".join(lines)
                + "\n",
                from_email=None,
                recipient_list=[owner.email],
            )
        StatementFollowUp.objects.filter(pk__in=[f.pk for f in follow_ups]).update(last_reminded_on=today)
    return len(by_owner)


def _follow_up_line(follow_up: StatementFollowUp) -> str:
    link = reverse("statement_reader:follow-up-close", args=[follow_up.reading_uuid, follow_up.uuid])
    values = {
        "description": follow_up.description,
        "supplier": follow_up.supplier.name if follow_up.supplier else gettext("our own statement"),
        "day": date_format(follow_up.due_on, "j F Y"),
    }
    line = gettext("- %(description)s (%(supplier)s): due %(day)s") % values
    return f"{line}\n  {settings.TACKLE_BASE_URL}{link}"
