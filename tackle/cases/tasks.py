"""Background work for cases: alert leads to new concerns; a daily sweep of overdue referrals."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from tackle.accounts.models import User
from tackle.cases.models import Case, Referral, ReferralStatus
from tackle.core.roles import Role


def _leads_of(organisation_id: int) -> list[str]:
    leads = User.objects.filter(organisation_id=organisation_id, role=Role.MODERN_SLAVERY_LEAD, is_active=True)
    return [email for email in leads.values_list("email", flat=True) if email]


@task()
def notify_leads_of_new_concern(case_uuid: str) -> int:
    """Email the organisation's leads. The email carries the reference only, never personal data."""
    case = Case.objects.filter(uuid=case_uuid).first()
    if case is None:
        return 0
    recipients = _leads_of(case.organisation_id)
    if not recipients:
        return 0
    link = f"{settings.TACKLE_BASE_URL}{reverse('cases:case-detail', args=[case.uuid])}"
    send_mail(
        subject=f"New modern slavery concern {case.reference}",
        message=f"A new concern ({case.reference}) is waiting in your Tackle queue.\n\n{link}\n",
        from_email=None,
        recipient_list=recipients,
    )
    return len(recipients)


@task()
def remind_overdue_referrals() -> int:
    """Daily: email each organisation's leads a count of overdue referrals (no personal data)."""
    overdue = Referral.objects.filter(status=ReferralStatus.TO_DO, due_by__lt=timezone.now(), case__status="open")
    counts: dict[int, int] = {}
    for organisation_id in overdue.values_list("case__organisation_id", flat=True):
        counts[organisation_id] = counts.get(organisation_id, 0) + 1
    for organisation_id, count in counts.items():
        recipients = _leads_of(organisation_id)
        if recipients:
            send_mail(
                subject=f"{count} overdue modern slavery referral{'s' if count != 1 else ''}",
                message=f"{count} referral actions are past their due time. Open Tackle to see them.\n",
                from_email=None,
                recipient_list=recipients,
            )
    return sum(counts.values())
