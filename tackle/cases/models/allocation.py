from django.conf import settings
from django.db import models


class CaseAllocation(models.Model):
    """One allocation of a case to a worker: the case's allocation history, handover notes included.
    The case's current worker is also on the case (Case.allocated_to), for lists and caseloads."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="allocations")
    allocated_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    allocated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    allocated_at = models.DateTimeField(auto_now_add=True)
    handover_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-allocated_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.case} to {self.allocated_to}"
