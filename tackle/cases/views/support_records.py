"""One small page per kind of support record. Each checks that the user may change the case's
support record (404 outside their scope, 403 for a role that may not change it), then hands the form's data
to a service, which applies the rules, saves and audits. Bad input saves nothing."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.support import (
    CaseDocumentForm,
    CaseNoteForm,
    MissingEpisodeForm,
    MissingEpisodeReturnForm,
    NeedsAssessmentCompleteForm,
    NeedsAssessmentForm,
    OutcomeScoresForm,
    PlacementEndForm,
    PlacementForm,
    SafetyPlanForm,
    SafetyPlanReviewForm,
    SupportPhaseForm,
)
from tackle.cases.models import OUTCOME_SCORES, Case, CaseStatus
from tackle.cases.selectors import get_case_for_user
from tackle.cases.services import support as services
from tackle.core.access import SUPPORT, Action
from tackle.core.errors import ApplicationError
from tackle.core.forms import add_application_error


def _record_page(
    request: AuthenticatedRequest,
    case: Case,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], object],
    *,
    title: str,
    success: str,
    template: str = "cases/support/record_form.html",
    **context: Any,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, success)
            return redirect("cases:support", case_uuid=case.uuid)
    context = {"case": case, "form": form, "title": title, "button": gettext("Save"), **context}
    context.setdefault("case_closed", case.status == CaseStatus.CLOSED)
    return render(request, template, context)


def _case_to_change(request: AuthenticatedRequest, case_uuid: str) -> Case:
    return get_case_for_user(request.user, case_uuid, to_change=True, resource=SUPPORT)


@login_required
def support_phase_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    return _record_page(
        request,
        case,
        SupportPhaseForm(request.POST if request.method == "POST" else None),
        lambda data: services.support_phase_start(case=case, actor=request.user, request=request, **data),
        title=gettext("Start a phase of support"),
        success=gettext("Phase of support recorded"),
    )


@login_required
def needs_assessment_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    return _record_page(
        request,
        case,
        NeedsAssessmentForm(request.POST if request.method == "POST" else None),
        lambda data: services.needs_assessment_record(case=case, actor=request.user, request=request, **data),
        title=gettext("Record a needs assessment"),
        success=gettext("Needs assessment recorded"),
    )


@login_required
def needs_assessment_complete(
    request: AuthenticatedRequest, case_uuid: str, needs_assessment_uuid: str
) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    note = "Needs assessment opened to record its outcome"
    assessment = _opened_part(request, case.needs_assessments.all(), needs_assessment_uuid, note=note)
    return _record_page(
        request,
        case,
        NeedsAssessmentCompleteForm(request.POST if request.method == "POST" else None),
        lambda data: services.needs_assessment_completed(
            assessment=assessment, actor=request.user, request=request, **data
        ),
        title=gettext("Record the assessment's outcome"),
        success=gettext("Needs assessment completed"),
        template="cases/support/needs_assessment_complete.html",
        assessment=assessment,
    )


@login_required
def placement_end(request: AuthenticatedRequest, case_uuid: str, placement_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    placement = _opened_part(request, case.placements.all(), placement_uuid, note="Placement opened to record its end")
    return _record_page(
        request,
        case,
        PlacementEndForm(request.POST if request.method == "POST" else None),
        lambda data: services.accommodation_placement_ended(
            placement=placement, actor=request.user, request=request, **data
        ),
        title=gettext("Record the end of the placement"),
        success=gettext("Placement end recorded"),
        template="cases/support/placement_end.html",
        placement=placement,
    )


def _opened_part[M: models.Model](
    request: AuthenticatedRequest, records: models.QuerySet[M], record_uuid: str, *, note: str
) -> M:
    """A support record whose later part (an outcome, an end, a return) a page records. The page shows
    the record itself, so opening it is audited as a view; what it records, by the service."""
    action = Action.VIEW if request.method == "GET" else Action.CHANGE
    return open_for_user(
        request.user, records, resource=SUPPORT, action=action, request=request, note=note, uuid=record_uuid
    )


@login_required
def placement_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    return _record_page(
        request,
        case,
        PlacementForm(request.POST if request.method == "POST" else None),
        lambda data: services.accommodation_placement_record(case=case, actor=request.user, request=request, **data),
        title=gettext("Record an accommodation placement"),
        success=gettext("Placement recorded"),
    )


@login_required
def safety_plan_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    return _record_page(
        request,
        case,
        SafetyPlanForm(request.POST if request.method == "POST" else None),
        lambda data: services.safety_plan_create(case=case, actor=request.user, request=request, **data),
        title=gettext("Add a safety plan"),
        success=gettext("Safety plan added"),
    )


@login_required
def safety_plan_review(request: AuthenticatedRequest, case_uuid: str, plan_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    # The page shows the plan itself: opening it is audited; the review it records, by the service.
    action = Action.VIEW if request.method == "GET" else Action.CHANGE
    plans = case.safety_plans.all()
    note = "Safety plan opened for review"
    plan = open_for_user(
        request.user, plans, resource=SUPPORT, action=action, request=request, note=note, uuid=plan_uuid
    )
    return _record_page(
        request,
        case,
        SafetyPlanReviewForm(request.POST if request.method == "POST" else None),
        lambda data: services.safety_plan_review(plan=plan, actor=request.user, request=request, **data),
        title=gettext("Review the safety plan"),
        success=gettext("Review recorded"),
        template="cases/support/safety_plan_review.html",
        plan=plan,
        last_review=plan.reviews.first(),
    )


@login_required
def missing_episode_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    return _record_page(
        request,
        case,
        MissingEpisodeForm(request.POST if request.method == "POST" else None),
        lambda data: services.missing_episode_record(case=case, actor=request.user, request=request, **data),
        title=gettext("Record a missing episode"),
        success=gettext("Missing episode recorded"),
    )


@login_required
def missing_episode_return(request: AuthenticatedRequest, case_uuid: str, episode_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    note = "Missing episode opened to record the return"
    episode = _opened_part(request, case.missing_episodes.all(), episode_uuid, note=note)
    return _record_page(
        request,
        case,
        MissingEpisodeReturnForm(request.POST if request.method == "POST" else None),
        lambda data: services.missing_episode_returned(episode=episode, actor=request.user, request=request, **data),
        title=gettext("Record their return"),
        success=gettext("Return recorded"),
        template="cases/support/missing_episode_return.html",
        episode=episode,
    )


@login_required
def outcome_scores_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    form = OutcomeScoresForm(request.POST if request.method == "POST" else None)
    return _record_page(
        request,
        case,
        form,
        lambda data: services.outcome_scores_record(
            case=case, actor=request.user, request=request, assessed_on=data["assessed_on"], scores=form.scores
        ),
        title=gettext("Score outcomes"),
        success=gettext("Outcome scores recorded"),
        template="cases/support/outcome_scores_form.html",
        score_scale=OUTCOME_SCORES,
    )


@login_required
def note_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    return _record_page(
        request,
        case,
        CaseNoteForm(request.POST if request.method == "POST" else None),
        lambda data: services.case_note_add(case=case, actor=request.user, request=request, body=data["body"]),
        title=gettext("Add a note"),
        success=gettext("Note added"),
        anonymous_warning=case.is_anonymous,
        case_closed=False,  # Notes may be added to a closed case.
    )


@login_required
def document_add(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case = _case_to_change(request, case_uuid)
    return _record_page(
        request,
        case,
        CaseDocumentForm(request.POST if request.method == "POST" else None, request.FILES or None),
        lambda data: services.case_document_upload(
            case=case, actor=request.user, request=request, title=data["title"], upload=data["file"]
        ),
        title=gettext("Upload a document"),
        success=gettext("Document uploaded"),
        multipart=True,
        anonymous_warning=case.is_anonymous,
        case_closed=False,  # Documents may be added to a closed case.
        button=gettext("Upload"),
    )
