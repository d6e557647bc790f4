"""Endpoints registered before secrets were sealed keep the same secret, sealed (accounts migration
0010), and get it back in the clear if the migration is reversed."""

import secrets

import pytest

from tackle.accounts.webhook_secrets import is_sealed, signing_secret
from tackle.core.tests.migrating import migrate_to, migrate_to_latest

BEFORE = [("accounts", "0009_organisation_records_began")]
AFTER = [("accounts", "0010_seal_webhook_secrets")]


@pytest.mark.django_db(transaction=True)
def test_a_secret_stored_as_shown_is_sealed_and_still_the_same_secret():
    old = migrate_to(BEFORE)
    try:
        Organisation = old.get_model("accounts", "Organisation")
        User = old.get_model("accounts", "User")
        council = Organisation.objects.create(name="Council A", code="E09000001", kind="council")
        admin = User.objects.create(username="admin", organisation=council, role="administrator")
        shown = "whsec_" + secrets.token_urlsafe(32)
        endpoint = old.get_model("accounts", "WebhookEndpoint").objects.create(
            organisation=council, name="CMS", url="https://cms.example.org/t", secret=shown, created_by=admin
        )

        sealed = migrate_to(AFTER).get_model("accounts", "WebhookEndpoint").objects.get(pk=endpoint.pk).secret
        assert is_sealed(sealed)
        assert signing_secret(sealed) == shown

        opened = migrate_to(BEFORE).get_model("accounts", "WebhookEndpoint").objects.get(pk=endpoint.pk).secret
        assert opened == shown
    finally:
        migrate_to_latest()
