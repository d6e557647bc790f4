from datetime import timedelta

import pytest
from django.utils import timezone

from tackle.cases.services import ConcernDetails, case_record_concern


@pytest.fixture
def record_concern():
    """Record a concern through the real service, as an officer would."""

    def record(officer, **facts):
        details = {
            "encountered_at": timezone.now() - timedelta(hours=1),
            "what_was_seen": "Four workers at a hand car wash, no gloves, sleeping on site",
            "location": "1 High Street",
            **facts,
        }
        return case_record_concern(
            organisation=officer.organisation, recorded_by=officer, details=ConcernDetails(**details)
        )

    return record
