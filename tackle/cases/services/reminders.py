"""The daily reminders: each open case's dates, the rules (rules/reminders.py) and who to tell."""

from datetime import date

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tackle.accounts.models import WebhookEvent
from tackle.accounts.services import notify
from tackle.accounts.webhooks import webhook_event
from tackle.cases.models import Case, CaseStatus, ReferralStatus, SupportPhaseKind
from tackle.cases.rules.reminders import CaseDates, Reminder, ReminderEvent, reminders_due
from tackle.cases.selectors import case_periods, reminder_recipients
from tackle.core.periods import LONDON, today_in_london


def reminder_dates_of(case: Case) -> CaseDates:
    """The dates of one case the reminders are set against, from its records."""
    periods = case_periods(case)
    phases = list(case.support_phases.all())  # newest first: the first is the current phase
    current = phases[0] if phases else None
    return CaseDates(
        recovery_period_ends_on=periods["recovery_period_ends_on"],
        move_on_support_ends_on=periods["move_on_support_ends_on"],
        safety_plan_reviews_on=tuple(plan.next_review_on for plan in case.safety_plans.all()),
        referral_actions_due=tuple(
            (referral.get_code_display(), referral.due_by.astimezone(LONDON).date())
            for referral in case.referrals.all()
            if referral.status == ReferralStatus.TO_DO and referral.due_by is not None
        ),
        immediate_phase_started_on=(
            current.started_on if current is not None and current.phase == SupportPhaseKind.IMMEDIATE else None
        ),
    )


def reminder_key(case: Case, reminder: Reminder) -> str:
    return f"case:{case.uuid}:{reminder.key_part}"


def _message(case: Case, reminder: Reminder, *, to_lead: bool) -> tuple[str, str]:
    """The reminder's subject and body in the active language; they name the case, never the person."""
    values = {"reference": case.reference, "reminder": reminder.sentence}
    body = gettext("Case %(reference)s. %(reminder)s.") % values
    if to_lead:
        lead = gettext("You are told as the organisation's modern slavery lead: no worker is allocated to this case.")
        body = f"{body}\n\n{lead}"
    return gettext("%(reference)s: %(reminder)s") % values, body


def cases_remind(*, today: date | None = None) -> int:
    """Tell each open case's worker (or, with none, the lead) of every reminder due today, once:
    the notification's key names the case, the event, its date and the threshold. Returns how many
    notifications were new. Subjects and bodies carry the case's reference, never the person."""
    today = today or today_in_london()
    cases = (
        Case.objects.filter(status=CaseStatus.OPEN)
        .select_related("allocated_to")
        .prefetch_related("nrm_events", "support_phases", "safety_plans", "referrals")
        .order_by("pk")
    )
    sent = 0
    for case in cases.iterator(chunk_size=500):
        due = reminders_due(reminder_dates_of(case), today)
        if not due:
            continue
        recipients = reminder_recipients(case)
        url = reverse("cases:case-detail", args=[case.uuid])
        for reminder in due:
            new = 0
            for user in recipients.users:
                with translation.override(user.language or settings.LANGUAGE_CODE):  # the recipient's language
                    subject, body = _message(case, reminder, to_lead=recipients.to_lead)
                notified = notify(user=user, subject=subject, body=body, url=url, key=reminder_key(case, reminder))
                new += notified is not None
            sent += new
            # The council's systems are told once per referral action and threshold, as the people are.
            if new and reminder.deadline.event == ReminderEvent.REFERRAL_ACTION:
                webhook_event(
                    organisation_id=case.organisation_id,
                    event=WebhookEvent.REFERRAL_DUE,
                    case_reference=case.reference,
                    case_uuid=case.uuid,
                )
    return sent
