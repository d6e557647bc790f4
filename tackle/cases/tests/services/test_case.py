import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import AgeGroup, Case, ReferralCode, Stage
from tackle.cases.services.case import case_record_consent
from tackle.core.errors import ApplicationError


def _codes(case: Case) -> set[str]:
    return set(case.referrals.values_list("code", flat=True))


def test_a_16_year_old_is_a_child_with_safeguarding_and_nrm_but_never_duty_to_notify(frontline_a, record_concern):
    case = record_concern(frontline_a, age=16, appears_under_18=True, person_name="Sam", consent_to_nrm=False)
    assert case.treated_as_child and case.age_group == AgeGroup.CHILD
    assert {ReferralCode.CHILDREN_SAFEGUARDING_REFERRAL, ReferralCode.NRM_REFERRAL} <= _codes(case)
    assert ReferralCode.DUTY_TO_NOTIFY not in _codes(case)
    assert case.person_name == "Sam"  # a child's details are kept: no anonymity rule applies


def test_an_adult_who_declines_is_recorded_without_anything_identifying(frontline_a, record_concern):
    case = record_concern(
        frontline_a,
        age=34,
        person_name="Adam",
        person_contact="07700 900000",
        consent_to_nrm=False,
        refusal_reason="Afraid of the exploiters",
        nationality="Romanian",
    )
    case.refresh_from_db()
    assert case.is_anonymous
    assert (case.person_name, case.person_contact) == ("", "")
    assert case.nationality == "Romanian" and case.refusal_reason
    assert ReferralCode.DUTY_TO_NOTIFY in _codes(case) and ReferralCode.NRM_REFERRAL not in _codes(case)


def test_the_database_refuses_a_name_on_an_anonymous_duty_to_notify(frontline_a, record_concern):
    case = record_concern(frontline_a, age=34, consent_to_nrm=False, refusal_reason="No")
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(person_name="Adam")


def test_an_adult_who_agrees_to_share_keeps_their_details(frontline_a, record_concern):
    case = record_concern(
        frontline_a, age=34, person_name="Adam", consent_to_nrm=False, consent_to_share=True, refusal_reason="No"
    )
    assert case.person_name == "Adam" and not case.is_anonymous


def test_consent_not_asked_means_ask_and_send_nothing_yet(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=40, person_name="Bea")
    assert _codes(case) & {ReferralCode.NRM_REFERRAL, ReferralCode.DUTY_TO_NOTIFY} == set()
    assert ReferralCode.SEEK_NRM_CONSENT in _codes(case)
    case = case_record_consent(case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=True)
    assert ReferralCode.NRM_REFERRAL in _codes(case)
    assert case.person_name == "Bea"


def test_a_later_refusal_strips_the_name_and_adds_duty_to_notify(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=40, person_name="Bea")
    case = case_record_consent(
        case=case, actor=lead_a, consent_to_nrm=False, consent_to_share=False, refusal_reason="Wants to go home"
    )
    case.refresh_from_db()
    assert case.person_name == "" and ReferralCode.DUTY_TO_NOTIFY in _codes(case)


def test_a_refusal_needs_a_reason(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=40)
    with pytest.raises(ApplicationError, match="Say why"):
        case_record_consent(case=case, actor=lead_a, consent_to_nrm=False, consent_to_share=False)


def test_a_stale_consent_edit_is_refused(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=40)
    with pytest.raises(ApplicationError, match="Someone else changed this case"):
        case_record_consent(
            case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=False, expected_version=case.version - 1
        )


def test_a_future_encounter_is_refused(frontline_a, record_concern):
    from datetime import timedelta

    from django.utils import timezone

    with pytest.raises(ApplicationError, match="future"):
        record_concern(frontline_a, encountered_at=timezone.now() + timedelta(days=1))
    assert not Case.objects.exists()


def test_recording_is_audited(frontline_a, record_concern):
    case = record_concern(frontline_a)
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(case.uuid)).exists()
    assert case.stage == Stage.CONCERN


@pytest.mark.django_db(transaction=True)
def test_the_lead_is_emailed_the_reference_but_no_personal_data(frontline_a, lead_a, record_concern):
    lead_a.email = "lead@council-a.example"
    lead_a.save()
    case = record_concern(frontline_a, person_name="Sam Example", age=16)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lead@council-a.example"]
    assert case.reference in message.body and "Sam Example" not in message.body + message.subject
