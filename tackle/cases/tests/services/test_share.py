"""Sharing a case: a scope, a lawful basis and the consent answered, or nothing is shared."""

import pytest

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.services.share import case_share
from tackle.cases.tests.factories import make_case
from tackle.core.errors import ApplicationError
from tackle.core.models import RecordShare


@pytest.fixture
def case(lead_a):
    return make_case(lead_a.organisation, lead_a)


def _share(case, lead, partner, **overrides):
    fields = {
        "scope": "referral",
        "purpose": "Joint visit",
        "lawful_basis": "public_task",
        "consent": "given",
        **overrides,
    }
    return case_share(case=case, organisation=partner.organisation, actor=lead, **fields)


def test_a_share_keeps_its_scope_basis_and_consent_and_is_audited(case, lead_a, police_partner):
    share = _share(case, lead_a, police_partner, lawful_basis_detail="Article 9(2)(g): safeguarding")
    assert (share.scope, share.lawful_basis, share.consent) == ("referral", "public_task", "given")
    assert share.lawful_basis_detail == "Article 9(2)(g): safeguarding"
    event = AuditEvent.objects.get(action=AuditAction.SHARE, object_id=str(case.uuid))
    assert event.note == "Shared with POL-1 (referral)"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"scope": ""}, "scope"),
        ({"scope": "everything"}, "scope"),
        ({"lawful_basis": ""}, "lawful_basis"),
        ({"lawful_basis": "because"}, "lawful_basis"),
        ({"consent": ""}, "consent"),
        ({"consent": "not_asked"}, "consent_note"),
        ({"consent": "not_given", "consent_note": "  "}, "consent_note"),
        ({"lawful_basis": "consent", "consent": "not_given", "consent_note": "Refused"}, "lawful_basis"),
        ({"purpose": " "}, "purpose"),
    ],
)
def test_a_share_without_what_the_law_asks_is_refused_and_nothing_is_shared(
    case, lead_a, police_partner, overrides, field
):
    with pytest.raises(ApplicationError) as refused:
        _share(case, lead_a, police_partner, **overrides)
    assert refused.value.field == field
    assert not RecordShare.objects.exists()


def test_consent_not_asked_is_accepted_with_the_reason(case, lead_a, police_partner):
    share = _share(
        case, lead_a, police_partner, lawful_basis="vital_interests", consent="not_asked", consent_note="Unconscious"
    )
    assert (share.consent, share.consent_note) == ("not_asked", "Unconscious")
