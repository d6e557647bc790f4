"""Tokens made before scopes and expiry existed keep working as before, with write scope and every
module, until 90 days after the migration (accounts migration 0004)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.core.tests.migrating import migrate_to, migrate_to_latest

BEFORE = [("accounts", "0003_notifications")]
AFTER = [("accounts", "0004_api_token_scope_and_expiry")]


@pytest.mark.django_db(transaction=True)
def test_existing_tokens_get_write_scope_every_module_and_90_days():
    old = migrate_to(BEFORE)
    try:
        Organisation = old.get_model("accounts", "Organisation")
        User = old.get_model("accounts", "User")
        council = Organisation.objects.create(name="Council A", code="E09000001", kind="council")
        lead = User.objects.create(username="lead", organisation=council, role="modern_slavery_lead")
        token = old.get_model("accounts", "ApiToken").objects.create(
            user=lead, name="Old script", key_hash="0" * 64, prefix="abcdef"
        )
        before = timezone.now()

        migrated = migrate_to(AFTER).get_model("accounts", "ApiToken").objects.get(pk=token.pk)
        assert (migrated.scope, migrated.modules) == ("write", [])
        assert before + timedelta(days=90) <= migrated.expires_at <= timezone.now() + timedelta(days=90)
    finally:
        migrate_to_latest()
