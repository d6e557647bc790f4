"""Support records: the database refuses what can never be true, and safety plans know when
they are overdue."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tackle.cases.models import (
    AccommodationPlacement,
    CaseDocument,
    CaseNote,
    MissingEpisode,
    NeedsAssessment,
    OutcomeScore,
    SafetyPlan,
    SupportPhase,
)
from tackle.cases.models.support import document_upload_path, private_storage
from tackle.cases.services.support import safety_plan_create, safety_plan_review
from tackle.cases.tests.factories import make_case

TODAY = timezone.localdate


@pytest.fixture
def case(lead_a):
    return make_case(lead_a.organisation, lead_a)


def _refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_a_placement_cannot_end_before_it_starts(case, lead_a):
    _refused(
        lambda: AccommodationPlacement.objects.create(
            case=case,
            accommodation_type="safe_house",
            provider="Refuge",
            start_on=TODAY(),
            end_on=TODAY() - timedelta(days=1),
            recorded_by=lead_a,
        )
    )
    placement = AccommodationPlacement(
        accommodation_type="safe_house", provider="Refuge", start_on=TODAY(), end_on=TODAY() - timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="end date must be the same as or after"):
        placement.clean()


def test_a_placement_may_end_on_the_day_it_starts_or_stay_open(case, lead_a):
    for end_on in (TODAY(), None):
        AccommodationPlacement.objects.create(
            case=case, accommodation_type="other", provider="P", start_on=TODAY(), end_on=end_on, recorded_by=lead_a
        )
    assert case.placements.count() == 2


def test_an_assessment_cannot_be_completed_before_it_was_requested(case, lead_a):
    _refused(
        lambda: NeedsAssessment.objects.create(
            case=case,
            kind="care_act",
            requested_on=TODAY(),
            completed_on=TODAY() - timedelta(days=1),
            recorded_by=lead_a,
        )
    )


def test_a_missing_episode_cannot_end_before_it_began(case, lead_a):
    now = timezone.now()
    _refused(
        lambda: MissingEpisode.objects.create(
            case=case, went_missing_at=now, returned_at=now - timedelta(hours=1), recorded_by=lead_a
        )
    )


def test_unknown_phase_and_assessment_kind_are_refused(case, lead_a):
    _refused(lambda: SupportPhase.objects.create(case=case, phase="forever", started_on=TODAY(), recorded_by=lead_a))
    _refused(lambda: NeedsAssessment.objects.create(case=case, kind="x", requested_on=TODAY(), recorded_by=lead_a))


@pytest.mark.parametrize("score", [0, 6])
def test_outcome_scores_run_from_1_to_5(case, lead_a, score):
    _refused(
        lambda: OutcomeScore.objects.create(
            case=case, assessed_on=TODAY(), domain="risk_of_harm", score=score, recorded_by=lead_a
        )
    )


def test_one_score_per_area_per_day_but_any_number_over_time(case, lead_a):
    def score(day):
        return OutcomeScore.objects.create(
            case=case, assessed_on=day, domain="risk_of_harm", score=3, recorded_by=lead_a
        )

    score(TODAY())
    score(TODAY() - timedelta(days=30))
    _refused(lambda: score(TODAY()))


def test_a_plan_is_overdue_only_once_its_review_date_has_passed(case, lead_a):
    plan = safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=TODAY() - timedelta(days=14))
    assert plan.next_review_on == TODAY()
    assert not plan.is_overdue
    plan.next_review_on = TODAY() - timedelta(days=1)
    assert plan.is_overdue


def test_a_review_moves_the_next_review_on_by_the_plans_interval(case, lead_a):
    plan = safety_plan_create(
        case=case, actor=lead_a, summary="Plan", created_on=TODAY() - timedelta(days=30), review_every_days=7
    )
    assert plan.is_overdue
    safety_plan_review(plan=plan, actor=lead_a, reviewed_on=TODAY() - timedelta(days=2), what_changed="New school")
    plan.refresh_from_db()
    assert plan.next_review_on == TODAY() + timedelta(days=5)
    assert not plan.is_overdue


def test_a_late_entry_for_an_earlier_review_does_not_move_the_date_back(case, lead_a):
    plan = safety_plan_create(case=case, actor=lead_a, summary="Plan", created_on=TODAY() - timedelta(days=30))
    safety_plan_review(plan=plan, actor=lead_a, reviewed_on=TODAY(), what_changed="Latest")
    safety_plan_review(plan=plan, actor=lead_a, reviewed_on=TODAY() - timedelta(days=20), what_changed="Forgotten")
    plan.refresh_from_db()
    assert plan.next_review_on == TODAY() + timedelta(days=14)
    assert plan.reviews.first().what_changed == "Latest"


def test_the_review_interval_must_be_at_least_a_day(case, lead_a):
    _refused(
        lambda: SafetyPlan.objects.create(
            case=case,
            summary="Plan",
            created_on=TODAY(),
            next_review_on=TODAY(),
            review_every_days=0,
            recorded_by=lead_a,
        )
    )


def test_notes_are_never_edited(case, lead_a):
    note = CaseNote.objects.create(case=case, body="First visit", author=lead_a)
    note.body = "Rewritten"
    with pytest.raises(ValueError, match="cannot be changed"):
        note.save()
    with pytest.raises(ValueError, match="cannot be changed"):
        CaseNote.objects.filter(pk=note.pk).update(body="Rewritten")
    note.refresh_from_db()
    assert note.body == "First visit"


def test_documents_over_10_mb_or_of_other_types_are_refused_by_the_database(case, lead_a):
    def document(**fields):
        values = {"case": case, "title": "T", "file": "case-documents/x.pdf", "uploaded_by": lead_a}
        values.update({"content_type": "application/pdf", "size": 10, **fields})
        return CaseDocument.objects.create(**values)

    _refused(lambda: document(size=10 * 1024 * 1024 + 1))
    _refused(lambda: document(content_type="application/x-msdownload"))
    assert document(size=10 * 1024 * 1024).pk


def test_document_paths_are_random_and_keep_nothing_of_the_uploaded_name():
    first = document_upload_path(None, "Passport of Jane Smith.PDF")
    second = document_upload_path(None, "Passport of Jane Smith.PDF")
    assert first.startswith("case-documents/") and first.endswith(".pdf")
    assert "Jane" not in first and first != second


def test_documents_have_no_public_url():
    with pytest.raises(ValueError, match="no public URL"):
        private_storage.url("case-documents/x.pdf")


def test_the_download_name_comes_from_the_title_made_safe():
    document = CaseDocument(title='Letter "from" ../housing', content_type="application/pdf")
    assert document.download_name == "Letter _from_ ___housing.pdf"


def test_documents_are_not_written_anywhere_until_media_root_is_set(settings):
    from django.core.exceptions import ImproperlyConfigured
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = ""
    with pytest.raises(ImproperlyConfigured, match="MEDIA_ROOT"):
        private_storage.save("case-documents/x.txt", ContentFile(b"hello"))
