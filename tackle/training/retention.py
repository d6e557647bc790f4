"""Training attendance in the retention schedule (issue 15, item 5), read and changed here; cases
registers it (training sits below cases and cannot reach its registry). One record is one session's
named attendance: who attended, and the completions the session gave them. Anonymising detaches the
people and keeps the session and its attendee counts, so the session still counts in training_figures
and its attendees count as unnamed ones (figures.DEFINITIONS). Periods and why: docs/retention.md."""

from collections.abc import Iterator
from datetime import date

from django.db import transaction

from tackle.training.models import Completion, CompletionSource, TrainingSession

# Entered by hand or imported (e-learning): a session's own completions go with its attendance.
_ON_THEIR_OWN = (CompletionSource.MANUAL, CompletionSource.IMPORT)


def session_reference(session: TrainingSession) -> str:
    return f"TS-{session.uuid.hex[:8].upper()}"


def sessions_with_attendance(organisation_id: int) -> Iterator[tuple[str, str, date]]:
    """(key, reference, held on) of each session that still names someone, oldest first."""
    sessions = TrainingSession.objects.filter(organisation_id=organisation_id, attendees__isnull=False).distinct()
    for session in sessions.order_by("held_on", "pk"):
        yield str(session.uuid), session_reference(session), session.held_on


@transaction.atomic
def session_attendance_anonymise(organisation_id: int, key: str) -> None:
    """Detach the named attendees and the completions the session gave them; the counts stay."""
    session = TrainingSession.objects.select_for_update().get(organisation_id=organisation_id, uuid=key)
    attendees = list(session.attendees.all())
    Completion.objects.filter(
        user__in=attendees, course=session.course, completed_on=session.held_on, source=CompletionSource.SESSION
    ).delete()
    session.attendees.clear()


def completion_reference(completion: Completion) -> str:
    return f"TC-{completion.uuid.hex[:8].upper()}"


def completions_kept(organisation_id: int) -> Iterator[tuple[str, str, date]]:
    """(key, reference, completed on) of each completion entered or imported for the organisation's
    staff, oldest first. A completion always names its person (its user cannot be empty), so it can
    be kept or erased, never anonymised."""
    completions = Completion.objects.filter(user__organisation_id=organisation_id, source__in=_ON_THEIR_OWN)
    for completion in completions.order_by("completed_on", "pk"):
        yield str(completion.uuid), completion_reference(completion), completion.completed_on


def completion_erase(organisation_id: int, key: str) -> None:
    Completion.objects.filter(user__organisation_id=organisation_id, source__in=_ON_THEIR_OWN, uuid=key).delete()


def training_record_of(user_id: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """For a member of staff's subject access request: the sessions they are named on and their
    completions (every source), oldest first. `recorded_by` names another officer."""
    sessions = TrainingSession.objects.filter(attendees__id=user_id).select_related("course").order_by("held_on", "pk")
    attended: list[dict[str, object]] = [
        {"reference": session_reference(s), "course": s.course.title, "held_on": s.held_on, "uuid": str(s.uuid)}
        for s in sessions
    ]
    completions = Completion.objects.filter(user_id=user_id).select_related("course", "recorded_by")
    completed: list[dict[str, object]] = [
        {
            "uuid": str(c.uuid),
            "course": c.course.title,
            "completed_on": c.completed_on,
            "expires_on": c.expires_on,
            "source": c.get_source_display(),
            "recorded_by": c.recorded_by.display_name if c.recorded_by else "",
        }
        for c in completions.order_by("completed_on", "pk")
    ]
    return attended, completed
