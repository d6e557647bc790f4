import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("suppliers", "0002_supplier_concern_task"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="supplierconcerntask",
            name="closed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="supplierconcerntask",
            name="case_uuid",
            field=models.UUIDField(help_text="One task for each case and supplier"),
        ),
        migrations.AddConstraint(
            model_name="supplierconcerntask",
            constraint=models.UniqueConstraint(
                fields=("case_uuid", "supplier"), name="supplier_concern_task_one_per_case"
            ),
        ),
        migrations.AddConstraint(
            model_name="supplierconcerntask",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("closed_on__isnull", True), models.Q(("outcome", ""), _negated=True), _connector="OR"
                ),
                name="supplier_concern_task_closed_with_outcome",
            ),
        ),
    ]
