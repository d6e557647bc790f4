"""Commitment pages: the list with progress, one commitment, and the lead's forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.core import access
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.forms import add_application_error
from tackle.statements.commitment_proposals import evidence_proposals
from tackle.statements.forms import (
    AdoptCharterForm,
    CommitmentActionsForm,
    CommitmentForm,
    EvidenceForm,
    JudgementForm,
)
from tackle.statements.models import Commitment
from tackle.statements.selectors.commitments import (
    commitments_visible_to,
    get_commitment_for_user,
    linkable_actions,
    progress_of,
    status_counts,
    with_progress_data,
)
from tackle.statements.selectors.statement import require_lead
from tackle.statements.services import commitments as services
from tackle.statements.views.plan import posted

FORM_TEMPLATE = "statements/commitment_form.html"


def _is_lead(request: AuthenticatedRequest) -> bool:
    return access.allows(request.user.role, access.ACTION_PLANS, access.Action.CHANGE)


def _to_detail(commitment: Commitment) -> HttpResponse:
    return redirect("statements:commitment-detail", commitment_uuid=commitment.uuid)


@login_required
def commitment_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    rows = progress_of(with_progress_data(commitments_visible_to(request.user)))
    download = list_download(
        request,
        rows,
        resource=access.ACTION_PLANS,
        columns=COMMITMENT_COLUMNS,
        name="commitments",
        title=gettext("Commitments"),
    )
    if download is not None:
        return download
    context = {
        "rows": rows,
        "downloads": list_download_links(request, access.ACTION_PLANS),
        "counts": status_counts(rows),
        "is_lead": _is_lead(request),
        "adopt_form": AdoptCharterForm(initial={"adopted_on": timezone.localdate()}),
    }
    return render(request, "statements/commitment_list.html", context)


# Each commitment and its progress, as the commitments page lists them.
COMMITMENT_COLUMNS = (
    Column("Commitment", lambda row: row.commitment.title),
    Column("Source", lambda row: row.commitment.source),
    Column("Status", lambda row: row.status_label),
    Column("Linked actions done", lambda row: row.actions_done),
    Column("Linked actions", lambda row: row.actions_total),
    Column("Overdue", lambda row: row.actions_overdue),
    Column("Evidence", lambda row: row.evidence_count),
)


@login_required
@require_POST
def charter_adopt(request: AuthenticatedRequest) -> HttpResponse:
    commitments_visible_to(request.user)
    require_lead(request.user)
    form = AdoptCharterForm(request.POST)
    if form.is_valid():
        try:
            created = services.charter_adopt(
                organisation=request.user.organisation, actor=request.user, request=request, **form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if created:
                messages.success(
                    request,
                    ngettext(
                        "Charter adopted: %(count)d commitment added",
                        "Charter adopted: %(count)d commitments added",
                        len(created),
                    )
                    % {"count": len(created)},
                )
            else:
                messages.success(request, gettext("The charter's commitments are already recorded; nothing was added"))
            return redirect("statements:commitment-list")
    rows = progress_of(with_progress_data(commitments_visible_to(request.user)))
    context = {"rows": rows, "counts": status_counts(rows), "is_lead": True, "adopt_form": form}
    return render(request, "statements/commitment_list.html", context)


@login_required
def commitment_new(request: AuthenticatedRequest) -> HttpResponse:
    commitments_visible_to(request.user)
    require_lead(request.user)
    form = CommitmentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            commitment = services.commitment_create(
                organisation=request.user.organisation, actor=request.user, request=request, **form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Commitment added: %(title)s") % {"title": commitment.title})
            return _to_detail(commitment)
    return render(request, FORM_TEMPLATE, {"form": form, "title": gettext("Add a commitment")})


@login_required
def commitment_detail(request: AuthenticatedRequest, commitment_uuid: str) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, commitment_uuid, request=request)
    (progress,) = progress_of(with_progress_data(Commitment.objects.filter(pk=commitment.pk)))
    context = {
        "commitment": commitment,
        "progress": progress,
        "actions": sorted(progress.commitment.actions.all(), key=lambda a: (a.period.starts_on, a.due_on)),
        "proposals": evidence_proposals(commitment, user=request.user),
        "is_lead": _is_lead(request),
        "today": timezone.localdate(),
    }
    return render(request, "statements/commitment_detail.html", context)


@login_required
def commitment_edit(request: AuthenticatedRequest, commitment_uuid: str) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, commitment_uuid, to_change=True)
    form = CommitmentForm(posted(request), instance=Commitment.objects.get(pk=commitment.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_update(
                commitment=commitment, actor=request.user, request=request, details=form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Commitment saved"))
            return _to_detail(commitment)
    return render(
        request, FORM_TEMPLATE, {"form": form, "title": gettext("Change the commitment"), "commitment": commitment}
    )


@login_required
def commitment_actions(request: AuthenticatedRequest, commitment_uuid: str) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, commitment_uuid, to_change=True)
    form = CommitmentActionsForm(
        posted(request),
        actions=linkable_actions(commitment),
        initial={"actions": list(commitment.actions.values_list("pk", flat=True))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_link_actions(
                commitment=commitment, actor=request.user, request=request, actions=form.cleaned_data["actions"]
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Linked actions saved"))
            return _to_detail(commitment)
    context = {
        "form": form,
        "title": gettext("Link actions: %(title)s") % {"title": commitment.shown_title},
        "commitment": commitment,
    }
    return render(request, FORM_TEMPLATE, context)


@login_required
def evidence_new(request: AuthenticatedRequest, commitment_uuid: str) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, commitment_uuid, to_change=True)
    form = EvidenceForm(posted(request), initial={"recorded_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_evidence_add(
                commitment=commitment, actor=request.user, request=request, **form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Evidence recorded"))
            return _to_detail(commitment)
    context = {
        "form": form,
        "title": gettext("Add evidence: %(title)s") % {"title": commitment.shown_title},
        "commitment": commitment,
    }
    return render(request, FORM_TEMPLATE, context)


@login_required
@require_POST
def evidence_accept(request: AuthenticatedRequest, commitment_uuid: str) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, commitment_uuid, to_change=True)
    try:
        services.commitment_evidence_accept(
            commitment=commitment, actor=request.user, request=request, key=request.POST.get("key", "")
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Evidence recorded from Tackle's records"))
    return _to_detail(commitment)


@login_required
def commitment_judge(request: AuthenticatedRequest, commitment_uuid: str) -> HttpResponse:
    commitment = get_commitment_for_user(request.user, commitment_uuid, to_change=True)
    initial = {"met": "yes" if commitment.met_on else "no", "note": commitment.met_note}
    form = JudgementForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_judge(commitment=commitment, actor=request.user, request=request, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Judgement recorded"))
            return _to_detail(commitment)
    context = {
        "form": form,
        "title": gettext("Is it met? %(title)s") % {"title": commitment.shown_title},
        "commitment": commitment,
    }
    return render(request, FORM_TEMPLATE, context)
