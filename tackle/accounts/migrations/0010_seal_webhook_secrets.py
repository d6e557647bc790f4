"""Seal the signing secrets of endpoints registered before they were sealed at rest (issue 19,
item 5): the same secret, so receivers need change nothing. Backwards, they are opened again."""

from django.db import migrations

from tackle.accounts.webhook_secrets import is_sealed, seal, signing_secret


def seal_secrets(apps, schema_editor):
    endpoints = apps.get_model("accounts", "WebhookEndpoint").objects.all()
    for endpoint in endpoints.only("pk", "secret"):
        if not is_sealed(endpoint.secret):
            endpoint.secret = seal(endpoint.secret)
            endpoint.save(update_fields=["secret"])


def open_secrets(apps, schema_editor):
    endpoints = apps.get_model("accounts", "WebhookEndpoint").objects.all()
    for endpoint in endpoints.only("pk", "secret"):
        if is_sealed(endpoint.secret):
            endpoint.secret = signing_secret(endpoint.secret)
            endpoint.save(update_fields=["secret"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_organisation_records_began"),
    ]

    operations = [migrations.RunPython(seal_secrets, open_secrets)]
