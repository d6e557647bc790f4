from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_api_token_scope_and_expiry"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationsettings",
            name="figures_rounded_for_public",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="organisationsettings",
            name="figures_threshold_councillors",
            field=models.PositiveSmallIntegerField(default=5),
        ),
        migrations.AddField(
            model_name="organisationsettings",
            name="figures_threshold_internal",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="organisationsettings",
            name="figures_threshold_public",
            field=models.PositiveSmallIntegerField(default=10),
        ),
        migrations.AddConstraint(
            model_name="organisationsettings",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("figures_threshold_councillors__gte", models.F("figures_threshold_internal")),
                    ("figures_threshold_public__gte", models.F("figures_threshold_councillors")),
                    ("figures_threshold_public__lte", 50),
                ),
                name="organisation_settings_thresholds_widen_with_the_audience",
            ),
        ),
    ]
