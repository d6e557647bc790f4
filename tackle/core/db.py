from django.conf import settings


def reporting_alias() -> str:
    """The database that reporting reads from: the replica when one is configured."""
    return "replica" if "replica" in settings.DATABASES else "default"
