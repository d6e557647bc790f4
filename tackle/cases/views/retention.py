"""Data protection duties (issue 15, item 5): the retention schedule, the review of records past
their date, legal holds, and subject access requests. The administrator and the lead only
(tackle/core/access.py RETENTION_SCHEDULE, RETENTION, SUBJECT_ACCESS); glue over
cases/services/retention.py and cases/subject_access.py."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.retention import (
    CaseReferenceForm,
    LegalHoldForm,
    LegalHoldLiftForm,
    RetentionDecisionForm,
    RetentionScheduleForm,
)
from tackle.cases.models import Case, LegalHold
from tackle.cases.retention_records import record_kinds
from tackle.cases.rules.retention import DEFAULT_MONTHS, RecordType
from tackle.cases.selectors import (
    case_of_organisation_named,
    case_record_type,
    cases_of_organisation,
    legal_holds_of,
    live_legal_hold,
    other_records_review,
    retention_months_of,
    retention_review,
)
from tackle.cases.services.retention import (
    case_retention_decide,
    legal_hold_lift,
    legal_hold_place,
    retention_period_set,
)
from tackle.cases.subject_access import subject_access_archive
from tackle.core.access import RETENTION, RETENTION_SCHEDULE, SUBJECT_ACCESS, Action, allows
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.periods import today_in_london

_SCHEDULE = "cases:retention-schedule"


def _organisation_id(user: Any) -> int:
    """The door let the user in; a user of no organisation has no records to keep or review."""
    if user.organisation_id is None:
        raise PermissionDenied(gettext("You are not a member of an organisation."))
    return int(user.organisation_id)


@login_required
def retention_schedule(request: AuthenticatedRequest) -> HttpResponse:
    open_page_for_user(request.user, resource=RETENTION_SCHEDULE, request=request, object_type="cases.retentionperiod")
    months = retention_months_of(_organisation_id(request.user))
    rows = [
        {"label": record_type.label, "months": months[record_type], "default": DEFAULT_MONTHS[record_type]}
        for record_type in RecordType
    ]
    rows += [
        {
            "label": gettext("%(kind)s (%(runs_from)s)") % {"kind": kind.label, "runs_from": kind.runs_from},
            "months": months[kind.record_type],
            "default": kind.default_months,
        }
        for kind in record_kinds()
    ]
    may_change = allows(request.user.role, RETENTION_SCHEDULE, Action.CHANGE)
    return render(request, "cases/retention_schedule.html", {"rows": rows, "may_change": may_change})


@login_required
def retention_schedule_edit(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    open_page_for_user(user, resource=RETENTION_SCHEDULE, action=Action.CHANGE, object_type="cases.retentionperiod")
    months = retention_months_of(_organisation_id(user))
    form = RetentionScheduleForm(request.POST if request.method == "POST" else None, months=months)

    def save(cleaned: dict[str, Any]) -> None:
        for record_type, chosen in cleaned.items():
            if chosen != months[record_type]:
                retention_period_set(
                    organisation=user.organisation, record_type=record_type, months=chosen, actor=user, request=request
                )

    return form_page(
        request,
        form,
        save,
        title=gettext("Change the retention schedule"),
        back=reverse(_SCHEDULE),
        success=gettext("Retention schedule saved"),
        intro=gettext(
            "How long each kind of record is kept after its case closes. When a record passes its date, "
            "it appears on the review list for the lead or the administrator to decide on."
        ),
    )


@login_required
def retention_due(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    open_page_for_user(request.user, resource=RETENTION, request=request, object_type="cases.retention")
    organisation_id, today = _organisation_id(request.user), today_in_london()
    due, holds = retention_review(organisation_id, today)
    others_due, other_holds = other_records_review(organisation_id, today)
    download = (
        list_download(
            request,
            due,
            resource=RETENTION,
            columns=_due_columns(),
            name="retention-due",
            title="Records past their retention date",
        )
        or list_download(
            request,
            others_due,
            resource=RETENTION,
            columns=_others_due_columns(),
            name="retention-others-due",
            title="Other records past their retention date",
            table="others",
        )
        or list_download(
            request,
            legal_holds_of(organisation_id),
            resource=RETENTION,
            columns=_holds_columns(),
            name="legal-holds",
            title="Legal holds",
            table="holds",
        )
    )
    if download is not None:
        return download
    context = {
        "due": due,
        "holds": holds,
        "others_due": others_due,
        "other_holds": other_holds,
        "downloads": list_download_links(request, RETENTION),
        "others_downloads": list_download_links(request, RETENTION, table="others"),
        "holds_downloads": list_download_links(request, RETENTION, table="holds"),
    }
    return render(request, "cases/retention_due.html", context)


def _due_columns() -> tuple[Column, ...]:
    # Headers in the reader's language, read per download.
    return (
        Column(gettext("Case"), lambda item: item.case.reference),
        Column(gettext("Kind of record"), lambda item: item.record_type_label),
        Column(gettext("Kept until"), lambda item: item.ends_on),
    )


def _others_due_columns() -> tuple[Column, ...]:
    return (
        Column(gettext("Reference"), lambda item: item.record.reference),
        Column(gettext("Kind of record"), lambda item: item.kind.label),
        Column(gettext("Kept until"), lambda item: item.ends_on),
    )


def _holds_columns() -> tuple[Column, ...]:
    # The live holds the page lists, on cases and on other records alike.
    return (
        Column(gettext("Kind of record"), lambda hold: hold.kind_label),
        Column(gettext("Reference"), lambda hold: hold.reference),
        Column(gettext("Reason"), lambda hold: hold.reason),
        Column(gettext("Placed on"), lambda hold: hold.placed_at),
        Column(gettext("Placed by"), lambda hold: hold.placed_by),
    )


def _case_for_retention(request: AuthenticatedRequest, case_uuid: str, action: Action) -> Case:
    return open_for_user(
        request.user,
        cases_of_organisation(request.user),
        resource=RETENTION,
        action=action,
        request=request,
        uuid=case_uuid,
    )


@login_required
def retention_decide(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    """?record= names the kind of record decided on (the case itself by default, or its documents)."""
    case = _case_for_retention(request, case_uuid, Action.CHANGE)
    record_type = request.GET.get("record") or case_record_type(case)
    if record_type not in (case_record_type(case), RecordType.SUPPORT_DOCUMENT):
        raise Http404(gettext("No such kind of record on this case"))
    form = RetentionDecisionForm(request.POST if request.method == "POST" else None, record_type=record_type)
    user = request.user

    def save(cleaned: dict[str, Any]) -> Any:
        return case_retention_decide(
            case=case,
            record_type=record_type,
            decision=cleaned["decision"],
            reason=cleaned["reason"],
            keep_until=cleaned.get("keep_until"),
            actor=user,
            request=request,
        )

    return form_page(
        request,
        form,
        save,
        title=gettext("Decide on %(kind)s") % {"kind": str(RecordType(record_type).label).lower()},
        caption=case.reference,
        back=reverse("cases:retention-due"),
        success=gettext("Decision on %(reference)s recorded") % {"reference": case.reference},
        button=gettext("Record the decision"),
        warning=gettext(
            "Erasing or anonymising cannot be undone. Erasing a case removes it from the figures of the "
            "periods it was counted in; anonymising keeps the figures as they are."
        ),
        template="cases/retention_decide.html",
        context={"case": case, "record_type": RecordType(record_type), "hold": live_legal_hold(case)},
    )


@login_required
def legal_hold_new(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    open_page_for_user(user, resource=RETENTION, action=Action.RECORD, object_type="cases.legalhold")
    form = LegalHoldForm(request.POST if request.method == "POST" else None)

    def save(cleaned: dict[str, Any]) -> LegalHold:
        case = case_of_organisation_named(user, cleaned["reference"])
        if case is None:
            raise ApplicationError(gettext("No case of your organisation has this reference"), field="reference")
        return legal_hold_place(case=case, reason=cleaned["reason"], actor=user, request=request)

    return form_page(
        request,
        form,
        save,
        title=gettext("Put a case on legal hold"),
        back=reverse("cases:retention-due"),
        success=gettext("Case put on legal hold"),
        button=gettext("Put on legal hold"),
        intro=gettext(
            "A case on legal hold is kept whatever its retention date: it never appears as due, and it "
            "cannot be erased or anonymised until the hold is lifted."
        ),
    )


@login_required
def legal_hold_lift_page(request: AuthenticatedRequest, hold_uuid: str) -> HttpResponse:
    user = request.user
    holds = LegalHold.objects.filter(case__in=cases_of_organisation(user), lifted_at__isnull=True).select_related(
        "case"
    )
    hold = open_for_user(user, holds, resource=RETENTION, action=Action.CHANGE, request=request, uuid=hold_uuid)
    return form_page(
        request,
        LegalHoldLiftForm(request.POST if request.method == "POST" else None),
        lambda cleaned: legal_hold_lift(hold=hold, reason=cleaned["reason"], actor=user, request=request),
        title=gettext("Lift the legal hold"),
        caption=hold.case.reference,
        back=reverse("cases:retention-due"),
        success=gettext("Legal hold on %(reference)s lifted") % {"reference": hold.case.reference},
        button=gettext("Lift the hold"),
        intro=gettext("Held since %(day)s because: %(reason)s")
        % {"day": date_format(hold.placed_at, "j F Y"), "reason": hold.reason},
    )


@login_required
def subject_access_find(request: AuthenticatedRequest) -> HttpResponse:
    """The request names a case: its reference leads to the archive's page."""
    user = request.user
    open_page_for_user(user, resource=SUBJECT_ACCESS, object_type="cases.case")
    form = CaseReferenceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        case = case_of_organisation_named(user, form.cleaned_data["reference"])
        if case is not None:
            return redirect("cases:subject-access", case_uuid=case.uuid)
        form.add_error("reference", gettext("No case of your organisation has this reference"))
    title = gettext("Answer a subject access request")
    context = {"form": form, "title": title, "back": reverse("cases:retention-due")}
    return render(request, "core/form_page.html", {**context, "button": gettext("Continue")})


@login_required
def subject_access(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    """The page says what the archive holds; its button downloads it (audited as an export)."""
    if request.method != "POST":
        case = open_for_user(
            request.user, cases_of_organisation(request.user), resource=SUBJECT_ACCESS, request=request, uuid=case_uuid
        )
        return render(request, "cases/subject_access.html", {"case": case})
    case = open_for_user(
        request.user,
        cases_of_organisation(request.user),
        resource=SUBJECT_ACCESS,
        action=Action.EXPORT,
        request=request,
        note="subject access export",
        uuid=case_uuid,
    )
    response = HttpResponse(subject_access_archive(case), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{case.reference}.zip"'
    return response
