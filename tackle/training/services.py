"""Writing training, awareness and partnership records. Every change is audited."""

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext, gettext_noop

from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.columns import ColumnChoice, Vocabulary, confirmed_columns
from tackle.core.columns import ColumnsToConfirm as ColumnsToConfirm  # raised here, caught by the page and command
from tackle.core.errors import ApplicationError
from tackle.core.uploads import Row, UploadError, read_table
from tackle.training.models import (
    Completion,
    CompletionSource,
    Course,
    MeetingAction,
    Team,
    TeamMembership,
    TrainingSession,
)
from tackle.training.rules.compliance import add_months


def expiry_for(course: Course, completed_on: date) -> date | None:
    return add_months(completed_on, course.validity_months) if course.validity_months else None


def completion_record(
    *,
    actor: User | None,
    user: User,
    course: Course,
    completed_on: date,
    source: str = CompletionSource.MANUAL,
) -> Completion:
    if user.organisation_id != course.organisation_id:
        raise ApplicationError(gettext("That person is not in the course's organisation."), field="user")
    if Completion.objects.filter(user=user, course=course, completed_on=completed_on).exists():
        raise ApplicationError(gettext("This completion is already recorded."))
    with transaction.atomic():
        completion = Completion.objects.create(
            user=user,
            course=course,
            completed_on=completed_on,
            expires_on=expiry_for(course, completed_on),
            source=source,
            recorded_by=actor,
        )
        audit_record(
            action=AuditAction.CREATE,
            actor=actor,
            obj=completion,
            changed_fields=["user", "course", "completed_on", "source"],
            organisation_id=course.organisation_id,
        )
    return completion


def team_save(*, actor: User, team: Team, members: list[User]) -> Team:
    creating = team.pk is None
    with transaction.atomic():
        team.full_clean()
        team.save()
        TeamMembership.objects.filter(team=team).exclude(user__in=members).delete()
        for member in members:
            TeamMembership.objects.get_or_create(team=team, user=member)
        audit_record(
            action=AuditAction.CREATE if creating else AuditAction.UPDATE,
            actor=actor,
            obj=team,
            changed_fields=["name", "manager", "members"],
        )
    return team


def session_record(*, actor: User, session: TrainingSession, attendees: list[User]) -> TrainingSession:
    """Save a session; each attendee from the organisation gets a completion of its course."""
    if session.external_attendee_count > session.attendee_count:
        raise ApplicationError(
            gettext("The number from other organisations must not be more than the number of attendees"),
            field="external_attendee_count",
        )
    if len(attendees) > session.attendee_count - session.external_attendee_count:
        raise ApplicationError(
            gettext("More people are listed than attended from your organisation"), field="attendees"
        )
    with transaction.atomic():
        record_save(actor=actor, obj=session, m2m={"attendees": attendees})
        for attendee in attendees:
            if not Completion.objects.filter(
                user=attendee, course=session.course, completed_on=session.held_on
            ).exists():
                completion_record(
                    actor=actor,
                    user=attendee,
                    course=session.course,
                    completed_on=session.held_on,
                    source=CompletionSource.SESSION,
                )
    return session


def meeting_action_close(*, actor: User, action: MeetingAction, closed_on: date) -> MeetingAction:
    if action.closed_on is not None:
        raise ApplicationError(gettext("This action is already closed."))
    if closed_on < action.meeting.held_on:
        raise ApplicationError(gettext("The date it was closed must be on or after the meeting"), field="closed_on")
    with transaction.atomic():
        action.closed_on = closed_on
        action.save(update_fields=["closed_on"])
        audit_record(
            action=AuditAction.UPDATE,
            actor=actor,
            obj=action,
            changed_fields=["closed_on"],
            organisation_id=action.meeting.group.organisation_id,
        )
    return action


# Importing completions from a learning system's CSV ----------------------------------------------

USER = "user"
COURSE = "course"
COMPLETED_ON = "completed_on"
# English here (the command's help lists them); the page shows each through gettext.
COLUMN_LABELS = {
    USER: gettext_noop("Username or email"),
    COURSE: gettext_noop("Course code or title"),
    COMPLETED_ON: gettext_noop("Date completed"),
}
# What learning systems call each column, best first (compared after folding case and punctuation).
COLUMN_NAMES = Vocabulary(
    {
        USER: [
            "username",
            "email",
            "user name",
            "user",
            "login",
            "email address",
            "user id",
            "learner",
            "learner email",
        ],
        COURSE: ["course code", "course title", "course", "course name", "module", "module title", "learning item"],
        COMPLETED_ON: ["completed on", "completed", "completion date", "date completed", "date", "date of completion"],
    },
    [(r"mail|user|login|learner", USER), (r"course|module", COURSE), (r"complet|date", COMPLETED_ON)],
)
MAX_IMPORT_BYTES = 5 * 1024 * 1024
SAMPLE_ROWS = 20


@dataclass(frozen=True)
class ImportReject:
    line: int
    reason: str


@dataclass
class ImportResult:
    saved: int = 0
    rejects: list[ImportReject] = field(default_factory=list)
    columns: list[ColumnChoice] = field(default_factory=list)


def parse_completion_date(raw: str) -> date | None:
    """YYYY-MM-DD or DD/MM/YYYY; None for anything else, or a date that does not exist."""
    raw = raw.strip()
    for pattern, fmt in ((r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"), (r"\d{1,2}/\d{1,2}/\d{4}", "%d/%m/%Y")):
        if re.fullmatch(pattern, raw):
            try:
                return datetime.strptime(raw, fmt).date()
            except ValueError:
                return None
    return None


def completions_import(
    *,
    organisation: Organisation,
    actor: User | None,
    data: bytes,
    today: date,
    columns: Mapping[str, int | None] | None = None,
    accept_guesses: bool = False,
) -> ImportResult:
    """Save every good line; report each bad one with its line number.

    `columns` are a person's choices (field -> 0-based column) over the guess from the header. A
    guessed column raises ColumnsToConfirm unless `accept_guesses`; a missing one always does.
    Raises ApplicationError (UploadError when the file itself cannot be read: too big, empty),
    saving nothing, when the file cannot be read as CSV, XLSX or ODS with the columns."""
    table = read_table(data, max_bytes=MAX_IMPORT_BYTES, vocabulary=COLUMN_NAMES)
    header = table.header
    rows = iter(table)
    ahead = _read_ahead(rows)
    positions, choices = confirmed_columns(
        COLUMN_NAMES,
        COLUMN_LABELS,
        COLUMN_LABELS,
        header,
        [row.cells for row in ahead],
        columns=columns,
        accept_guesses=accept_guesses,
    )
    lookup = _Lookup(organisation)
    result = ImportResult(columns=choices)
    try:
        for row in itertools.chain(ahead, rows):
            if not any(cell.strip() for cell in row.cells):
                continue
            if len(row.cells) != len(header):
                result.rejects.append(
                    ImportReject(
                        row.line,
                        gettext("Expected %(expected)d values, found %(found)d")
                        % {"expected": len(header), "found": len(row.cells)},
                    )
                )
                continue
            values = {name: row.cells[at].strip() for name, at in positions.items()}
            reason = lookup.save_line(values, actor=actor, today=today)
            if reason:
                result.rejects.append(ImportReject(row.line, reason))
            else:
                result.saved += 1
    except UploadError as error:
        result.rejects.append(ImportReject(error.line or 0, error.message))
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        object_type="training.completion-import",
        note=f"Imported {result.saved} completions; {len(result.rejects)} lines rejected",
        organisation_id=organisation.pk,
    )
    return result


def _read_ahead(rows: Iterator[Row]) -> list[Row]:
    """The first rows, for the sample values; a line that cannot be read stops the sample there
    (it is reported when the import reads on)."""
    ahead: list[Row] = []
    while len(ahead) < SAMPLE_ROWS:
        try:
            ahead.append(next(rows))
        except (StopIteration, UploadError):
            break
    return ahead


class _Lookup:
    def __init__(self, organisation: Organisation) -> None:
        self.organisation = organisation
        users = User.objects.filter(organisation=organisation, is_active=True)
        self.by_username = {user.username.lower(): user for user in users}
        self.by_email = {user.email.lower(): user for user in users if user.email}
        courses = list(Course.objects.filter(organisation=organisation))
        self.by_code = {course.code.lower(): course for course in courses}
        self.by_title = {course.title.lower(): course for course in courses}

    def user(self, raw: str) -> User | None:
        key = raw.lower()
        return self.by_username.get(key) or self.by_email.get(key)

    def course(self, raw: str) -> Course | None:
        key = raw.lower()
        return self.by_code.get(key) or self.by_title.get(key)

    def save_line(self, values: dict[str, str], *, actor: User | None, today: date) -> str:
        """Save one line; the reason it was rejected, or "" when saved."""
        if not values[USER]:
            return gettext("No username or email")
        user = self.user(values[USER])
        if user is None:
            return gettext("No active user '%(user)s' in %(organisation)s") % {
                "user": values[USER],
                "organisation": self.organisation.name,
            }
        course = self.course(values[COURSE])
        if course is None:
            return gettext("No course '%(course)s'") % {"course": values[COURSE]}
        completed_on = parse_completion_date(values[COMPLETED_ON])
        if completed_on is None:
            return gettext("'%(value)s' is not a date: use YYYY-MM-DD or DD/MM/YYYY") % {"value": values[COMPLETED_ON]}
        if completed_on > today:
            return gettext("The completion date is in the future")
        try:
            with transaction.atomic():
                completion_record(
                    actor=actor, user=user, course=course, completed_on=completed_on, source=CompletionSource.IMPORT
                )
        except ApplicationError as error:
            return error.message
        except IntegrityError:
            return gettext("This completion is already recorded.")
        return ""
