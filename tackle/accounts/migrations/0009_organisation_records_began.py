from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_user_language_and_welsh_service"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisationsettings",
            name="records_began_on",
            field=models.DateField(blank=True, null=True),
        ),
    ]
