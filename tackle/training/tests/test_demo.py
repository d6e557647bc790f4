import pytest
from django.core.management import call_command

from tackle.training.models import Completion, Course, Meeting, MeetingAction, TrainingSession

# Files the demo data writes (spend files among them) go to the test's folder, not the checkout's media/
pytestmark = pytest.mark.usefixtures("media_outside_the_checkout")


def test_demo_load_is_idempotent(db):
    call_command("demo", "load")
    counts = [model.objects.count() for model in (Course, Completion, TrainingSession, Meeting, MeetingAction)]
    call_command("demo", "load")
    assert [model.objects.count() for model in (Course, Completion, TrainingSession, Meeting, MeetingAction)] == counts
    assert counts[0] == 3 and counts[3] == 2
    assert TrainingSession.objects.filter(held_on__year__in=[2024, 2025, 2026]).count() == 5
