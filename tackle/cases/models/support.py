"""Support for a person once a case is open: phases, assessments, accommodation, safety plans,
missing episodes, outcome scores, notes and documents. Services in services/support.py write them."""

import os
import uuid
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any, NoReturn

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


class SupportPhaseKind(models.TextChoices):
    """The four phases of support (Newcastle's model); labels say how long each lasts."""

    IMMEDIATE = "immediate", _("Immediate (the first 72 hours)")
    SHORT_TERM = "short_term", _("Short term (until the person enters the NRM or assessments are done)")
    MEDIUM_TERM = "medium_term", _("Medium term (a place of safety until longer-term accommodation)")
    LONG_TERM = "long_term", _("Long term (resettlement)")


class NeedsAssessmentKind(models.TextChoices):
    CARE_ACT = "care_act", _("Care Act needs assessment")
    HOUSING = "housing", _("Housing (homelessness) assessment")
    NRPF = "nrpf", _("No recourse to public funds (NRPF) assessment")
    OTHER = "other", _("Other assessment")


class AccommodationType(models.TextChoices):
    HOMELESSNESS = "homelessness", _("Homelessness accommodation")
    VOID_COUNCIL_PROPERTY = "void_council_property", _("Void council property")
    SELF_CONTAINED_FLAT = "self_contained_flat", _("Self-contained flat")
    RECEPTION_CENTRE = "reception_centre", _("Reception centre")
    SPECIALIST_PLACEMENT = "specialist_placement", _("Specialist placement")
    SAFE_HOUSE = "safe_house", _("Safe house")
    OTHER = "other", _("Other")


class OutcomeDomain(models.TextChoices):
    """Domains on which a person's progress is scored over time (Merton's outcomes framework)."""

    RISK_OF_HARM = "risk_of_harm", _("Risk of harm")
    INDEPENDENCE_FROM_EXPLOITER = "independence_from_exploiter", _("Independence from the exploiter")
    RECOVERY_FROM_TRAUMA = "recovery_from_trauma", _("Recovery from trauma")
    TRUSTING_RELATIONSHIPS = "trusting_relationships", _("Trusting relationships")
    RECOGNISING_EXPLOITATION = "recognising_exploitation", _("Recognising exploitation")
    SAFETY_STRATEGIES = "safety_strategies", _("Safety strategies")
    STABLE_ACCOMMODATION = "stable_accommodation", _("Stable accommodation")
    AWARENESS_OF_RIGHTS = "awareness_of_rights", _("Awareness of rights")


# One direction for every domain, so a rising line always means things are getting better.
OUTCOME_SCORES = [
    (1, _("1: serious concern")),
    (2, _("2: concern")),
    (3, _("3: some progress")),
    (4, _("4: good progress")),
    (5, _("5: doing well")),
]
MIN_SCORE, MAX_SCORE = 1, 5

# Documents: what may be uploaded. The content type is decided by sniffing the file in the
# service, never taken from the browser, and stored here so downloads send the right header.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
DOCUMENT_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "text/plain": ".txt",
}


class _Recorded(models.Model):
    """Fields every support record carries: an id safe for URLs, who recorded it and when."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class SupportPhase(_Recorded):
    """The case moved into a phase on a date. The newest is the current phase; older ones are history."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="support_phases")
    phase = models.CharField(max_length=12, choices=SupportPhaseKind.choices)
    started_on = models.DateField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-recorded_at"]
        constraints = [
            models.CheckConstraint(condition=Q(phase__in=SupportPhaseKind.values), name="support_phase_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_phase_display()} from {self.started_on}"


class NeedsAssessment(_Recorded):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="needs_assessments")
    kind = models.CharField(max_length=10, choices=NeedsAssessmentKind.choices)
    requested_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_on", "-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=NeedsAssessmentKind.values), name="needs_assessment_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=F("requested_on")),
                name="needs_assessment_completed_after_requested",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} requested {self.requested_on}"

    def clean(self) -> None:
        if self.completed_on and self.requested_on and self.completed_on < self.requested_on:
            raise ValidationError({"completed_on": "The completion date must be the same as or after the request date"})


class AccommodationPlacement(_Recorded):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="placements")
    accommodation_type = models.CharField(max_length=25, choices=AccommodationType.choices)
    provider = models.CharField(max_length=200)
    start_on = models.DateField()
    end_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-start_on", "-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(accommodation_type__in=AccommodationType.values), name="placement_type_valid"
            ),
            models.CheckConstraint(
                condition=Q(end_on__isnull=True) | Q(end_on__gte=F("start_on")), name="placement_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_accommodation_type_display()} from {self.start_on}"

    def clean(self) -> None:
        if self.end_on and self.start_on and self.end_on < self.start_on:
            raise ValidationError({"end_on": "The end date must be the same as or after the start date"})


class SafetyPlan(_Recorded):
    """A child's (or adult's) safety plan, reviewed every `review_every_days`. Each review moves
    the next review date on; a plan whose next review date has passed is overdue."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="safety_plans")
    summary = models.TextField()
    review_every_days = models.PositiveSmallIntegerField(default=14)
    created_on = models.DateField()
    next_review_on = models.DateField()

    class Meta:
        ordering = ["-created_on", "-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_every_days__gte=1, review_every_days__lte=365), name="safety_plan_review_interval"
            ),
            models.CheckConstraint(
                condition=Q(next_review_on__gte=F("created_on")), name="safety_plan_review_after_creation"
            ),
        ]

    def __str__(self) -> str:
        return f"Safety plan of {self.created_on}"

    @property
    def is_overdue(self) -> bool:
        return self.next_review_on < timezone.localdate()

    def next_review_after(self, day: date) -> date:
        return day + timedelta(days=self.review_every_days)


class SafetyPlanReview(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(SafetyPlan, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    what_changed = models.TextField()
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-recorded_at"]

    def __str__(self) -> str:
        return f"Review on {self.reviewed_on}"


class MissingEpisode(_Recorded):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="missing_episodes")
    went_missing_at = models.DateTimeField()
    returned_at = models.DateTimeField(null=True, blank=True)
    reported_to_police = models.BooleanField(default=False)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-went_missing_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(returned_at__isnull=True) | Q(returned_at__gte=F("went_missing_at")),
                name="missing_episode_returned_after_missing",
            ),
        ]

    def __str__(self) -> str:
        return f"Missing from {self.went_missing_at:%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        if self.returned_at and self.went_missing_at and self.returned_at < self.went_missing_at:
            raise ValidationError({"returned_at": "The return must be the same as or after the time they went missing"})


class OutcomeScore(_Recorded):
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="outcome_scores")
    assessed_on = models.DateField()
    domain = models.CharField(max_length=30, choices=OutcomeDomain.choices)
    score = models.PositiveSmallIntegerField(choices=OUTCOME_SCORES)

    class Meta:
        ordering = ["assessed_on", "domain"]
        constraints = [
            models.CheckConstraint(condition=Q(domain__in=OutcomeDomain.values), name="outcome_domain_valid"),
            models.CheckConstraint(
                condition=Q(score__gte=MIN_SCORE, score__lte=MAX_SCORE), name="outcome_score_1_to_5"
            ),
            models.UniqueConstraint(
                fields=["case", "domain", "assessed_on"], name="outcome_one_score_per_domain_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_domain_display()}: {self.score} on {self.assessed_on}"


class CaseNoteQuerySet(models.QuerySet["CaseNote"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise ValueError("Case notes cannot be changed; add a new note instead.")


class CaseNote(models.Model):
    """Append-only: a note is never edited, so the record shows what was known when.
    A correction is a new note. Deletion stays possible for retention and erasure duties."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="notes")
    body = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CaseNoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Note of {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Case notes cannot be changed; add a new note instead.")
        super().save(*args, **kwargs)


@deconstructible
class PrivateFileStorage(Storage):
    """Case documents, kept in the default storage (MEDIA_ROOT, or the shared bucket when several
    servers run: settings.STORAGES) but with no URL of any kind: they are served only by a view that
    checks permission and writes an audit event (cases:document-download). Looked up on each call,
    so a change of STORAGES (a test's bucket) is followed."""

    @property
    def _target(self) -> Storage:
        return storages["default"]

    def url(self, name: str | None) -> NoReturn:
        raise ValueError("Case documents have no public URL; link to cases:document-download instead.")

    def save(self, name: str | None, content: Any, max_length: int | None = None) -> str:
        # Without MEDIA_ROOT, Django would write beside the running code: refuse instead.
        if isinstance(self._target, FileSystemStorage) and not settings.MEDIA_ROOT:
            raise ImproperlyConfigured("Set MEDIA_ROOT (a private folder) before accepting case documents.")
        return self._target.save(name, content, max_length=max_length)

    def open(self, name: str, mode: str = "rb") -> File:
        return self._target.open(name, mode)

    def delete(self, name: str) -> None:
        self._target.delete(name)

    def exists(self, name: str) -> bool:
        return self._target.exists(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return self._target.listdir(path)

    def size(self, name: str) -> int:
        return self._target.size(name)

    def get_modified_time(self, name: str) -> datetime:
        return self._target.get_modified_time(name)

    def generate_filename(self, filename: str | os.PathLike[str]) -> str:
        return self._target.generate_filename(filename)


private_storage = PrivateFileStorage()


def document_upload_path(instance: "CaseDocument", filename: str) -> str:
    # A random name: the stored path reveals neither the case nor the uploaded file's own name
    # (which often holds the person's name), and cannot be guessed.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"case-documents/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{suffix}"


class CaseDocument(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="documents")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=document_upload_path, storage=private_storage, max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]
        constraints = [
            models.CheckConstraint(condition=Q(size__lte=MAX_DOCUMENT_BYTES), name="case_document_at_most_10_mb"),
            models.CheckConstraint(
                condition=Q(content_type__in=list(DOCUMENT_TYPES)), name="case_document_type_allowed"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def download_name(self) -> str:
        """A safe file name for the download: the title, with the extension its type gives."""
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in self.title).strip() or "document"
        return f"{stem[:80]}{DOCUMENT_TYPES.get(self.content_type, '')}"
