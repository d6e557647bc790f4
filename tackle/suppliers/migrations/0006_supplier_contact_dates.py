# Named contacts get dates for their retention period (issue 15, item 5). Existing contacts count
# from the day this migration runs: when they were added is not known, and starting them today
# gives each a full period before it first comes up for review.

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("suppliers", "0005_statement_follow_up"),
    ]

    operations = [
        migrations.AddField(
            model_name="suppliercontact",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="suppliercontact",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
    ]
