from datetime import date, timedelta

import pytest

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import AgeGroup, Case, ReferralCode
from tackle.cases.selectors import case_text_matches
from tackle.cases.services.case import case_record_consent
from tackle.cases.services.correction import case_correct
from tackle.core.errors import ApplicationError


def _codes(case: Case) -> set[str]:
    return set(case.referrals.values_list("code", flat=True))


def test_a_name_and_date_of_birth_are_corrected_and_audited_by_field_name_only(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, person_name="Ion", age=30)
    case = case_correct(
        case=case,
        actor=lead_a,
        changes={"person_name": "Ion Popescu", "person_date_of_birth": date(1994, 3, 1)},
        reason="Passport seen at interview",
    )
    assert (case.person_name, case.person_date_of_birth, case.version) == ("Ion Popescu", date(1994, 3, 1), 2)
    entry = AuditEvent.objects.filter(object_id=str(case.uuid), action=AuditAction.UPDATE).get()
    assert entry.changed_fields == ["person_date_of_birth", "person_name"]
    assert entry.note == "Corrected: Passport seen at interview" and "Popescu" not in str(entry.__dict__)


def test_a_correction_needs_a_reason_and_a_known_field(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a)
    with pytest.raises(ApplicationError) as error:
        case_correct(case=case, actor=lead_a, changes={"person_name": "A"}, reason=" ")
    assert error.value.field == "reason"
    with pytest.raises(ApplicationError) as error:
        case_correct(case=case, actor=lead_a, changes={"stage": "positive_cg"}, reason="x")
    assert error.value.field == "stage"


def test_a_stale_version_is_refused(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a)
    case_correct(case=case, actor=lead_a, changes={"nationality": "Albanian"}, reason="Said so", expected_version=1)
    with pytest.raises(ApplicationError, match="Someone else changed this case"):
        case_correct(case=case, actor=lead_a, changes={"nationality": "Kosovan"}, reason="x", expected_version=1)


def test_an_age_assessment_makes_a_disputed_child_an_adult_and_adds_the_adult_actions(
    frontline_a, lead_a, record_concern
):
    case = record_concern(frontline_a, appears_under_18=True, age_disputed=True)
    assert case.age_group == AgeGroup.CHILD and ReferralCode.SEEK_NRM_CONSENT not in _codes(case)
    case = case_correct(
        case=case,
        actor=lead_a,
        changes={
            "age_assessed_on": date.today() - timedelta(days=1),
            "age_assessed_by": "Children's services",
            "age_assessment_outcome": "adult",
            "assessed_age": 19,
        },
        reason="Merton-compliant assessment completed",
    )
    assert (case.age, case.age_disputed, case.treated_as_child, case.age_group) == (19, False, False, AgeGroup.ADULT)
    assert ReferralCode.SEEK_NRM_CONSENT in _codes(case)
    entry = AuditEvent.objects.filter(object_id=str(case.uuid), action=AuditAction.UPDATE).get()
    assert {"age", "age_disputed", "appears_under_18", "assessed_age"} <= set(entry.changed_fields)


def test_an_assessed_age_must_match_the_outcome(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, appears_under_18=True)
    with pytest.raises(ApplicationError) as error:
        case_correct(
            case=case, actor=lead_a, changes={"age_assessment_outcome": "adult", "assessed_age": 15}, reason="x"
        )
    assert error.value.field == "assessed_age"


def test_an_anonymous_duty_to_notify_refuses_identifying_details(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=40, consent_to_nrm=False, refusal_reason="Afraid")
    for changes in ({"person_name": "Adam"}, {"aliases": ["Ady"]}, {"person_date_of_birth": date(1985, 1, 1)}):
        with pytest.raises(ApplicationError, match="anonymous"):
            case_correct(case=case, actor=lead_a, changes=changes, reason="x")
    case = case_correct(case=case, actor=lead_a, changes={"nationality": "Polish"}, reason="Said so")
    assert case.nationality == "Polish" and case.person_name == ""


def test_aliases_are_kept_found_by_search_and_dropped_when_the_person_declines(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30, person_name="Ion")
    case = case_correct(case=case, actor=lead_a, changes={"aliases": ["Johnny Pop", " ", "Johnny Pop"]}, reason="x")
    assert list(case.aliases.values_list("name", flat=True)) == ["Johnny Pop"]
    assert list(case_text_matches(Case.objects.all(), "nny po")) == [case]
    case_record_consent(case=case, actor=lead_a, consent_to_nrm=False, consent_to_share=False, refusal_reason="No")
    assert not case.aliases.exists()
    assert list(case_text_matches(Case.objects.all(), "nny po")) == []


def test_nothing_changed_is_not_audited(frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, nationality="Polish")
    case = case_correct(case=case, actor=lead_a, changes={"nationality": "Polish"}, reason="x")
    assert case.version == 1
    assert not AuditEvent.objects.filter(object_id=str(case.uuid), action=AuditAction.UPDATE).exists()


def test_a_corrected_age_group_moves_the_registers_counts(frontline_a, lead_a, record_concern):
    from django.utils import timezone

    from tackle.cases.register import register_counts

    case = record_concern(frontline_a)  # age not known
    today = timezone.localdate()
    before = register_counts(organisation_id=case.organisation_id, as_of=today)["by_age_group"]
    assert (before[AgeGroup.UNKNOWN], before[AgeGroup.ADULT]) == (1, 0)
    case_correct(case=case, actor=lead_a, changes={"age": 27}, reason="Date of birth on a payslip")
    after = register_counts(organisation_id=case.organisation_id, as_of=today)["by_age_group"]
    assert (after[AgeGroup.UNKNOWN], after[AgeGroup.ADULT]) == (0, 1)
