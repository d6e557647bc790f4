import uuid

from django.conf import settings
from django.db import models


class Encounter(models.Model):
    """One time and place where an officer met one or more people: each person has a case of their own
    (Case.encounter), so one may consent to the NRM and another refuse."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="encounters")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="encounters_recorded"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    encountered_at = models.DateTimeField()
    location = models.CharField(max_length=300)
    what_was_seen = models.TextField()

    class Meta:
        ordering = ["-encountered_at"]

    def __str__(self) -> str:
        return f"Encounter on {self.encountered_at:%d %B %Y}"


class CaseAlias(models.Model):
    """Another name the person is known by. Identifying, like the name: none on an anonymous case."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["case", "name"], name="case_alias_unique")]

    def __str__(self) -> str:
        return self.name
