"""Informed consent: how the NRM was explained, and a withdrawal moving the person as a refusal would."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case, InterpreterMode, ReferralCode, ReferralStatus
from tackle.cases.services.case import ConsentExplained, case_record_consent
from tackle.core.errors import ApplicationError


def _consented(record_concern, frontline_a, lead_a, **details) -> Case:
    case = record_concern(frontline_a, age=30, person_name="Ana", person_contact="07700 900001", **details)
    return case_record_consent(case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=True)


def test_how_consent_was_explained_is_kept_and_audited(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30)
    explained = ConsentExplained(
        language="Romanian", interpreter=InterpreterMode.PHONE, interpreter_agency="Lingua Ltd", leaflet="NRM, Romanian"
    )
    case = case_record_consent(
        case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=False, explained=explained
    )
    case.refresh_from_db()
    assert (case.consent_language, case.consent_interpreter) == ("Romanian", "phone")
    assert (case.consent_interpreter_agency, case.consent_leaflet) == ("Lingua Ltd", "NRM, Romanian")
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(case.uuid)).latest("pk")
    assert "consent_interpreter" in event.changed_fields and "Romanian" not in str(event.changed_fields)


def test_an_agency_without_saying_how_the_interpreter_took_part_is_refused(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30)
    with pytest.raises(ApplicationError, match="how the interpreter took part"):
        case_record_consent(
            case=case,
            actor=lead_a,
            consent_to_nrm=True,
            consent_to_share=False,
            explained=ConsentExplained(interpreter_agency="Lingua Ltd"),
        )


def test_a_withdrawal_moves_an_adult_to_duty_to_notify_and_strips_their_details(frontline_a, lead_a, record_concern):
    case = _consented(record_concern, frontline_a, lead_a)
    withdrawn_on = timezone.localdate()
    case_record_consent(
        case=case,
        actor=lead_a,
        consent_to_nrm=False,
        consent_to_share=False,
        refusal_reason="Afraid for family at home",
        withdrawn_on=withdrawn_on,
    )
    case.refresh_from_db()
    assert case.consent_withdrawn_on == withdrawn_on and case.is_anonymous
    assert (case.person_name, case.person_contact) == ("", "")
    assert case.referrals.filter(code=ReferralCode.DUTY_TO_NOTIFY).exists()
    nrm = case.referrals.get(code=ReferralCode.NRM_REFERRAL)
    assert nrm.status == ReferralStatus.NOT_NEEDED and nrm.outcome == "Consent withdrawn"
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(case.uuid)).latest("pk")
    assert "consent_withdrawn_on" in event.changed_fields


def test_a_child_cannot_withdraw_because_consent_is_not_needed(frontline_a, lead_a, record_concern):
    child = record_concern(frontline_a, age=15, appears_under_18=True, person_name="Sam")
    with pytest.raises(ApplicationError, match="not needed for a child"):
        case_record_consent(
            case=child,
            actor=lead_a,
            consent_to_nrm=False,
            consent_to_share=False,
            refusal_reason="Does not want it",
            withdrawn_on=timezone.localdate(),
        )
    child.refresh_from_db()
    assert child.person_name == "Sam" and child.consent_withdrawn_on is None


def test_only_consent_that_was_given_can_be_withdrawn(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30)
    with pytest.raises(ApplicationError, match="Only consent they gave"):
        case_record_consent(
            case=case,
            actor=lead_a,
            consent_to_nrm=False,
            consent_to_share=False,
            refusal_reason="Changed mind",
            withdrawn_on=timezone.localdate(),
        )


@pytest.mark.parametrize(
    ("answer", "days_ahead", "message"), [(True, 0, "Select no"), (False, 1, "cannot be in the future")]
)
def test_a_withdrawal_needs_a_no_and_a_date_not_in_the_future(
    frontline_a, lead_a, record_concern, answer, days_ahead, message
):
    case = _consented(record_concern, frontline_a, lead_a)
    with pytest.raises(ApplicationError, match=message):
        case_record_consent(
            case=case,
            actor=lead_a,
            consent_to_nrm=answer,
            consent_to_share=False,
            refusal_reason="Changed mind",
            withdrawn_on=timezone.localdate() + timedelta(days=days_ahead),
        )
