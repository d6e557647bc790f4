"""API tokens get a scope, optional modules and an expiry (issue 15, defect 13; issue 19, item 2).

Tokens made before this could do everything their owner could and never expired: they keep
working, with write scope and every module, until 90 days after this migration runs; their owners
then make new ones. New tokens default to read only.
"""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone

EXISTING_TOKENS_LAST = timedelta(days=90)


def give_existing_tokens_write_scope_and_an_expiry(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.all().update(scope="write", expires_at=timezone.now() + EXISTING_TOKENS_LAST)
    if schema_editor.connection.vendor == "postgresql":
        # The column is altered next: PostgreSQL refuses while the rows' deferred checks are pending.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_notifications"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "Read only"), ("write", "Read and write")], default="read", max_length=5
            ),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="modules",
            field=models.JSONField(
                blank=True, default=list, help_text="Modules it may reach; empty: every module its owner's role uses"
            ),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(give_existing_tokens_write_scope_and_an_expiry, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(),
        ),
        migrations.AddConstraint(
            model_name="apitoken",
            constraint=models.CheckConstraint(
                condition=models.Q(scope__in=["read", "write"]), name="api_token_scope_valid"
            ),
        ),
    ]
