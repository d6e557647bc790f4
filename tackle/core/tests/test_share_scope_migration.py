"""Shares made before scopes existed: a case's opens its summary only (least privilege), and the
old consent flag becomes the consent answer (core migration 0003)."""

import pytest

from tackle.core.tests.migrating import migrate_to, migrate_to_latest

BEFORE = [("core", "0002_recordshare_consent_recorded_and_more")]
AFTER = [("core", "0003_share_scope_basis_consent")]


@pytest.mark.django_db(transaction=True)
def test_existing_case_shares_see_the_summary_and_keep_their_consent_answer():
    old = migrate_to(BEFORE)
    try:
        ContentType = old.get_model("contenttypes", "ContentType")
        Organisation = old.get_model("accounts", "Organisation")
        User = old.get_model("accounts", "User")
        share_model = old.get_model("core", "RecordShare")
        council = Organisation.objects.create(name="Council A", code="E09000001", kind="council")
        police = Organisation.objects.create(name="Test Police", code="POL-1", kind="police")
        lead = User.objects.create(username="lead", organisation=council, role="modern_slavery_lead")
        case_type, _ = ContentType.objects.get_or_create(app_label="cases", model="case")
        other_type, _ = ContentType.objects.get_or_create(app_label="disrupt", model="intelligence")
        common = {"organisation": police, "shared_by": lead, "reason": "Joint visit"}
        consented = share_model.objects.create(
            content_type=case_type, object_uuid="5b0d1c3e-0000-4000-8000-000000000001", consent_recorded=True, **common
        )
        silent = share_model.objects.create(
            content_type=case_type, object_uuid="5b0d1c3e-0000-4000-8000-000000000002", **common
        )
        intelligence = share_model.objects.create(
            content_type=other_type, object_uuid="5b0d1c3e-0000-4000-8000-000000000003", **common
        )

        new = migrate_to(AFTER).get_model("core", "RecordShare")
        consented, silent, intelligence = (new.objects.get(pk=s.pk) for s in (consented, silent, intelligence))
        assert (consented.scope, consented.consent, consented.consent_note) == ("summary", "given", "")
        assert (silent.scope, silent.consent) == ("summary", "not_asked")
        assert "before consent was asked" in silent.consent_note
        assert intelligence.scope == ""  # other records are shared whole
    finally:
        migrate_to_latest()
