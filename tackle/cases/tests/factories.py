"""Small helpers that make valid records for tests, filling what the test does not care about."""

import uuid
from typing import Any

from django.utils import timezone

from tackle.cases.models import Case


def make_case(organisation: Any, recorded_by: Any, **fields: Any) -> Case:
    """A case straight in the database (no pathway, no audit): for tests of what comes after."""
    defaults: dict[str, Any] = {
        "encountered_at": timezone.now(),
        "what_was_seen": "Workers sleeping at a hand car wash",
        "location": "1 High Street",
        "reference": f"T-{uuid.uuid4().hex[:8]}",
    }
    return Case.objects.create(organisation=organisation, recorded_by=recorded_by, **{**defaults, **fields})
