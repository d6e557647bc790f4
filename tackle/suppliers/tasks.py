"""Background work for supply chains: remind contract managers of annual supplier assessments."""

from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.suppliers.models import SupplierAssessment
from tackle.suppliers.rules.assessments import is_overdue, needs_reminder
from tackle.suppliers.selectors import assessments_due


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
