"""Periods get a uuid for their addresses (a label such as "2026/27" broke them); a statement's
approval becomes the decision: who made it (Cabinet, Full Council or a named officer's delegated
decision), its date and its minute reference. The free-text approval body is carried over."""

import uuid

from django.db import migrations, models


def give_periods_uuids(apps, schema_editor):
    StatementPeriod = apps.get_model("statements", "StatementPeriod")
    for period in StatementPeriod.objects.filter(uuid__isnull=True):
        period.uuid = uuid.uuid4()
        period.save(update_fields=["uuid"])


def body_to_decision(apps, schema_editor):
    """ "Cabinet" and "Full Council" as written become the choice; any other body, a delegated decision by it."""
    Statement = apps.get_model("statements", "Statement")
    for statement in Statement.objects.exclude(approval_body=""):
        body = statement.approval_body.strip()
        if body.lower() == "cabinet":
            statement.decision_maker = "cabinet"
        elif body.lower() in ("full council", "council"):
            statement.decision_maker = "full_council"
        else:
            statement.decision_maker, statement.delegated_to = "delegated", body
        statement.save(update_fields=["decision_maker", "delegated_to"])


def decision_to_body(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    words = {"cabinet": "Cabinet", "full_council": "Full Council"}
    for statement in Statement.objects.exclude(decision_maker=""):
        statement.approval_body = statement.delegated_to or words.get(statement.decision_maker, "")
        statement.save(update_fields=["approval_body"])


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_commitments"),
    ]

    operations = [
        migrations.AddField(
            model_name="statementperiod",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_periods_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="statementperiod",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AlterField(
            model_name="statementperiod",
            name="label",
            field=models.CharField(help_text="For example, 2025-26", max_length=20),
        ),
        migrations.RemoveConstraint(model_name="statementperiod", name="period_ends_after"),
        migrations.AddConstraint(
            model_name="statementperiod",
            constraint=models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="period_ends_after",
                violation_error_message="The end date must be after the start date",
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="decision_maker",
            field=models.CharField(
                blank=True,
                choices=[
                    ("cabinet", "Cabinet"),
                    ("full_council", "Full Council"),
                    ("delegated", "Delegated decision"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="delegated_to",
            field=models.CharField(blank=True, help_text="The officer or portfolio holder", max_length=200),
        ),
        migrations.AddField(
            model_name="statement",
            name="minute_reference",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.RunPython(body_to_decision, decision_to_body),
        migrations.RemoveField(model_name="statement", name="approval_body"),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=models.Q(decision_maker__in=["", "cabinet", "full_council", "delegated"]),
                name="statement_decision_maker_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.CheckConstraint(
                condition=~models.Q(decision_maker="delegated") | ~models.Q(delegated_to=""),
                name="statement_delegated_decision_names_who",
                violation_error_message="Enter the officer or portfolio holder who made the delegated decision",
            ),
        ),
    ]
