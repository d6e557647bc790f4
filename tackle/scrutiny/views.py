"""Scrutiny pages: self-assessments (councillors and officers), lead arrangements, spending and
the FOI draft (officers). Every page and download is audited."""

from dataclasses import replace
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.accounts.selectors import welsh_offered_to
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import ASSESSMENTS, SCRUTINY_OFFICER_ROLES, SCRUTINY_RECORDS, Action
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.forms import add_application_error
from tackle.core.periods import financial_year_label, financial_year_of, today_in_london
from tackle.reporting.services import foi_release
from tackle.scrutiny.foi import FoiItem, FoiRequest, PeriodKind, build_foi_answer, foi_docx, standard_request
from tackle.scrutiny.foi.questions import QUESTIONS
from tackle.scrutiny.forms import (
    AnswersForm,
    ArrangementFilterForm,
    AssessmentNewForm,
    FoiForm,
    LeadArrangementForm,
    SpendFilterForm,
    SpendForm,
)
from tackle.scrutiny.models import Assessment, LeadArrangement
from tackle.scrutiny.proposals.questions import Proposal, proposals_for
from tackle.scrutiny.report import assessment_rows, report_context, report_pdf
from tackle.scrutiny.selectors import (
    arrangements_filtered,
    arrangements_visible_to,
    assessments_visible_to,
    get_assessment_for_user,
    require_officer,
    require_scrutiny,
    spend_visible_to,
    spending_filtered,
)
from tackle.scrutiny.themes import ANSWER_LABELS, THEMES


def _proposals(request: AuthenticatedRequest, year: int) -> dict[str, Proposal]:
    """What Tackle holds for each question, without a link the user's role cannot follow: lead
    arrangements and spending are officers' records, so a councillor reads the evidence unlinked."""
    proposals = proposals_for(request.user.organisation, year)
    if request.user.role in SCRUTINY_OFFICER_ROLES:
        return proposals
    officers_pages = {reverse("scrutiny:arrangements"), reverse("scrutiny:spend")}
    return {
        key: replace(proposal, url="", link_text="") if proposal.url in officers_pages else proposal
        for key, proposal in proposals.items()
    }


def _latest_year() -> int:
    return financial_year_of(today_in_london())


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    assessments = assessments_visible_to(request.user).annotate(answered=models.Count("answers"))
    download = list_download(
        request,
        assessments,
        resource=ASSESSMENTS,
        columns=assessment_columns(),
        name="assessments",
        title="Self-assessments",  # English: the audit note names the download by it
    )
    if download is not None:
        return download
    audit_record(action=AuditAction.LIST, request=request, object_type="scrutiny.assessment")
    context = {
        "assessments": assessments,
        "officer": request.user.role != "councillor",
        "new_form": AssessmentNewForm(latest=_latest_year()),
        "downloads": list_download_links(request, ASSESSMENTS),
    }
    return render(request, "scrutiny/index.html", context)


def assessment_columns() -> tuple[Column, ...]:
    """The council's self-assessments, newest year first, as the scrutiny page lists them; headers
    in the request's language."""
    return (
        Column(_("Year"), lambda a: financial_year_label(a.year)),
        Column(_("Started"), lambda a: a.created_at),
        Column(_("Last changed"), lambda a: a.updated_at),
        Column(_("Questions answered"), lambda a: a.answered),
    )


@login_required
def assessment_new(request: AuthenticatedRequest) -> HttpResponse:
    require_scrutiny(request.user)
    form = AssessmentNewForm(request.POST or None, latest=_latest_year())
    if request.method == "POST" and form.is_valid():
        try:
            assessment = assessment_create_view(request, form.cleaned_data["year"])
        except ApplicationError as error:
            add_application_error(form, error, field="year")
        else:
            return redirect("scrutiny:assessment-edit", assessment_uuid=assessment.uuid)
    return render(request, "scrutiny/assessment_new.html", {"form": form})


def assessment_create_view(request: AuthenticatedRequest, year: int) -> Assessment:
    from tackle.scrutiny.services import assessment_create

    return assessment_create(actor=request.user, year=year, request=request)


@login_required
def assessment_detail(request: AuthenticatedRequest, assessment_uuid: str) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, assessment_uuid, request=request)
    proposals = _proposals(request, assessment.year)
    return render(
        request,
        "scrutiny/assessment_detail.html",
        {
            "assessment": assessment,
            "themes": assessment_rows(assessment, proposals),
            "year_label": financial_year_label(assessment.year),
        },
    )


@login_required
def assessment_edit(request: AuthenticatedRequest, assessment_uuid: str) -> HttpResponse:
    from tackle.scrutiny.services import assessment_answer

    # Showing the form is audited as a view; saving it, by the service, as the change.
    action = Action.CHANGE if request.method == "POST" else Action.VIEW
    assessment = get_assessment_for_user(
        request.user, assessment_uuid, action=action, request=request, note="Answer form"
    )
    proposals = _proposals(request, assessment.year)
    if request.method == "POST":
        form = AnswersForm(request.POST)
        if form.is_valid():
            changed = assessment_answer(
                assessment=assessment, actor=request.user, answers=form.answers(), request=request
            )
            summary = ngettext("Answers saved (%(count)d changed)", "Answers saved (%(count)d changed)", len(changed))
            messages.success(request, summary % {"count": len(changed)})
            return redirect("scrutiny:assessment-detail", assessment_uuid=assessment.uuid)
    else:
        initial: dict[str, str] = {}
        saved = {answer.question: answer for answer in assessment.answers.all()}
        for theme in THEMES:
            for question in theme.questions:
                answer, proposal = saved.get(question.key), proposals.get(question.key)
                if answer is not None:
                    initial[f"{question.key}-answer"], initial[f"{question.key}-evidence"] = (
                        answer.answer,
                        answer.evidence,
                    )
                elif proposal is not None:
                    initial[f"{question.key}-answer"], initial[f"{question.key}-evidence"] = (
                        proposal.answer,
                        proposal.evidence,
                    )
        form = AnswersForm(initial=initial)
    themes = [
        {
            "theme": theme,
            "rows": [
                {
                    "answer": form[f"{q.key}-answer"],
                    "evidence": form[f"{q.key}-evidence"],
                    "proposal": proposals.get(q.key),
                }
                for q in theme.questions
            ],
        }
        for theme in THEMES
    ]
    return render(request, "scrutiny/assessment_edit.html", {"assessment": assessment, "form": form, "themes": themes})


@login_required
def assessment_compare(request: AuthenticatedRequest) -> HttpResponse:
    assessments = list(assessments_visible_to(request.user).order_by("year").prefetch_related("answers"))
    open_page_for_user(
        request.user,
        resource=ASSESSMENTS,
        request=request,
        object_type="scrutiny.assessment",
        note="Comparison by year",
    )
    by_year = {a.year: {answer.question: answer for answer in a.answers.all()} for a in assessments}
    themes = [
        {
            "theme": theme,
            "rows": [
                {
                    "question": q,
                    "cells": [
                        ANSWER_LABELS.get(by_year[a.year][q.key].answer, "")
                        if q.key in by_year[a.year]
                        else _("Not answered")
                        for a in assessments
                    ],
                }
                for q in theme.questions
            ],
        }
        for theme in THEMES
    ]
    return render(request, "scrutiny/assessment_compare.html", {"assessments": assessments, "themes": themes})


@login_required
def assessment_report(request: AuthenticatedRequest, assessment_uuid: str) -> HttpResponse:
    assessment = get_assessment_for_user(request.user, assessment_uuid, request=request, note="Scrutiny report (page)")
    return render(request, "scrutiny/report.html", report_context(assessment))


@login_required
def assessment_report_pdf(request: AuthenticatedRequest, assessment_uuid: str) -> HttpResponse:
    assessment = get_assessment_for_user(
        request.user, assessment_uuid, action=Action.EXPORT, request=request, note="Scrutiny report (PDF)"
    )
    return report_pdf(assessment)


# --- Lead arrangements and spending (officers) -------------------------------------------------


def _record_page(
    request: AuthenticatedRequest,
    *,
    records: Any,
    form_class: Any,
    record: Any,
    template: str,
    object_type: str,
    back: str,
    downloads: list[dict[str, str]] | None = None,
    filter_form: Any = None,
    delete_url: str = "",
) -> HttpResponse:
    from tackle.scrutiny.services import record_save

    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            record_save(record=form.instance, actor=request.user, changed=list(form.changed_data), request=request)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Saved"))
            return redirect(back)
    if request.method != "POST" and record is None:  # a record's opening was audited by the door
        audit_record(action=AuditAction.LIST, request=request, object_type=object_type)
    context = {
        "form": form, "records": records, "record": record, "downloads": downloads or [], "filter_form": filter_form,
        "delete_url": delete_url,
    }  # fmt: skip
    return render(request, template, context)


def _open_record[M: models.Model](request: AuthenticatedRequest, visible: models.QuerySet[M], record_uuid: str) -> M:
    """Showing a record's form is audited as a view; saving it, by the service, as the change."""
    action = Action.CHANGE if request.method == "POST" else Action.VIEW
    return open_for_user(
        request.user, visible, resource=SCRUTINY_RECORDS, action=action, request=request, uuid=record_uuid
    )


@login_required
def arrangements(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    filter_form = ArrangementFilterForm(request.GET or None, auto_id="filter-%s")
    records = arrangements_filtered(request.user, **filter_form.filters())
    title = "Posts and roles on modern slavery"  # English: the audit note names the download by it
    columns = arrangement_columns()
    download = list_download(
        request, records, resource=SCRUTINY_RECORDS, columns=columns, name="lead-arrangements", title=title
    )
    if download is not None:
        return download
    return _record_page(
        request, records=records, form_class=LeadArrangementForm, record=None,
        template="scrutiny/arrangements.html", object_type="scrutiny.leadarrangement", back="scrutiny:arrangements",
        downloads=list_download_links(request, SCRUTINY_RECORDS), filter_form=filter_form,
    )  # fmt: skip


def _covers(record: LeadArrangement) -> str:
    if record.covers_children and record.covers_adults:
        return _("Children and adults")
    return _("Children") if record.covers_children else _("Adults")


def arrangement_columns() -> tuple[Column, ...]:
    """The page's table, with each post's notes; headers in the request's language."""
    return (
        Column(_("Post"), lambda r: r.lead_label),
        Column(_("Lead or contact"), lambda r: _("Yes") if r.is_lead else _("No")),
        Column(_("Team"), lambda r: r.team),
        Column(_("Covers"), _covers),
        Column(_("From"), lambda r: r.since),
        Column(_("To"), lambda r: r.ended_on or _("Continuing")),
        Column(_("Funded by"), lambda r: r.funding_source),
        Column(_("Per year"), lambda r: r.amount_per_year),
        Column(_("Notes"), lambda r: r.notes),
    )


@login_required
def arrangement_edit(request: AuthenticatedRequest, record_uuid: str) -> HttpResponse:
    record = _open_record(request, arrangements_visible_to(request.user), record_uuid)
    return _record_page(
        request, records=None, form_class=LeadArrangementForm, record=record,
        template="scrutiny/record_edit.html", object_type="scrutiny.leadarrangement", back="scrutiny:arrangements",
        delete_url=reverse("scrutiny:arrangement-delete", args=[record.uuid]),
    )  # fmt: skip


@login_required
def arrangement_delete(request: AuthenticatedRequest, record_uuid: str) -> HttpResponse:
    return _delete_page(request, arrangements_visible_to(request.user), record_uuid, back="scrutiny:arrangements")


@login_required
def spend(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    years = sorted(set(spend_visible_to(request.user).values_list("financial_year", flat=True)))
    filter_form = SpendFilterForm(request.GET or None, years=years, auto_id="filter-%s")
    records = spending_filtered(request.user, **filter_form.filters())
    title = "Spending on modern slavery"  # English: the audit note names the download by it
    download = list_download(
        request, records, resource=SCRUTINY_RECORDS, columns=spend_columns(), name="scrutiny-spending", title=title
    )
    if download is not None:
        return download
    return _record_page(
        request, records=records, form_class=SpendForm, record=None,
        template="scrutiny/spend.html", object_type="scrutiny.spend", back="scrutiny:spend",
        downloads=list_download_links(request, SCRUTINY_RECORDS), filter_form=filter_form,
    )  # fmt: skip


def spend_columns() -> tuple[Column, ...]:
    return (
        Column(_("Financial year"), lambda r: r.financial_year),
        Column(_("Category"), lambda r: r.get_category_display()),
        Column(_("Amount"), lambda r: r.amount),
        Column(_("Note"), lambda r: r.note),
    )


@login_required
def spend_edit(request: AuthenticatedRequest, record_uuid: str) -> HttpResponse:
    record = _open_record(request, spend_visible_to(request.user), record_uuid)
    return _record_page(
        request, records=None, form_class=SpendForm, record=record,
        template="scrutiny/record_edit.html", object_type="scrutiny.spend", back="scrutiny:spend",
        delete_url=reverse("scrutiny:spend-delete", args=[record.uuid]),
    )  # fmt: skip


@login_required
def spend_delete(request: AuthenticatedRequest, record_uuid: str) -> HttpResponse:
    return _delete_page(request, spend_visible_to(request.user), record_uuid, back="scrutiny:spend")


def _delete_page[M: models.Model](
    request: AuthenticatedRequest, visible: models.QuerySet[M], record_uuid: str, *, back: str
) -> HttpResponse:
    """Asks before deleting a post or spending line entered by mistake; the service audits the
    deletion, and showing the question (which names the record) is audited as a view."""
    from tackle.scrutiny.services import record_delete

    record = open_for_user(
        request.user, visible, resource=SCRUTINY_RECORDS, action=Action.CHANGE, request=request, uuid=record_uuid
    )
    if request.method == "POST":
        record_delete(record=record, actor=request.user, request=request)  # type: ignore[arg-type]
        messages.success(request, _("Deleted"))
        return redirect(back)
    audit_record(action=AuditAction.VIEW, request=request, obj=record, note="Asked before deleting")
    return render(request, "scrutiny/record_delete.html", {"record": record, "back": reverse(back)})


# --- The FOI draft (officers) ----------------------------------------------------------------


def _foi_request(request: AuthenticatedRequest) -> tuple[FoiForm, FoiRequest | None, str]:
    """The request entered on the page and the language to answer in; before one is entered, every
    question for the last three financial years, in the page's language where Welsh is offered. None
    when what was entered has errors (the form says which)."""
    require_officer(request.user)
    welsh = welsh_offered_to(request.user)
    if "kind" in request.GET:
        form = FoiForm(request.GET, welsh=welsh)
        asked = form.request() if form.is_valid() else None
        return form, asked, form.answer_language() if asked else settings.LANGUAGE_CODE
    latest = _latest_year()
    initial: dict[str, Any] = {"kind": PeriodKind.FINANCIAL, "first_year": latest - 2, "last_year": latest}
    initial.update({f"q{number}": key for number, key in enumerate(QUESTIONS, start=1)})
    form = FoiForm(initial=initial, welsh=welsh)
    return form, standard_request([latest - 2, latest - 1, latest]), form.answer_language()


@login_required
def foi(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    form, asked, language = _foi_request(request)
    answer = build_foi_answer(request.user.organisation, asked, language) if asked else None
    if answer is not None:
        title = f"FOI answer {', '.join(answer.years)}"  # English: the audit note names the download by it
        rows = [*answer.items, *(FoiItem(0, _("Exemption"), [text]) for text in answer.exemptions)]
        download = list_download(
            request, rows, resource=SCRUTINY_RECORDS, columns=foi_columns(), name="foi-answer", title=title
        )
        if download is not None:
            return download
    note = f"FOI draft {', '.join(answer.years)}" if answer else "FOI draft (request with errors)"
    open_page_for_user(request.user, resource=SCRUTINY_RECORDS, request=request, object_type="scrutiny.foi", note=note)
    context = {
        "form": form,
        "answer": answer,
        "query": request.GET.urlencode(),
        "downloads": list_download_links(request, SCRUTINY_RECORDS),
        "issue_fields": list(request.GET.lists()) if "kind" in request.GET else [],
    }
    return render(request, "scrutiny/foi.html", context)


@login_required
@require_POST
def foi_issue(request: AuthenticatedRequest) -> HttpResponse:
    """Issue the answer: its counts of people are kept as released to the public, so that a later
    answer or the Figures page for the same or an overlapping period is protected against them."""
    require_officer(request.user)
    open_page_for_user(request.user, resource=SCRUTINY_RECORDS, action=Action.RECORD, object_type="scrutiny.foi")
    form = FoiForm(request.POST, welsh=welsh_offered_to(request.user))
    asked = form.request() if form.is_valid() else None
    if asked is None:
        return render(request, "scrutiny/foi.html", {"form": form, "answer": None, "issue_fields": []})
    answer = build_foi_answer(request.user.organisation, asked, form.answer_language())
    foi_release(
        actor=request.user,
        period_label=", ".join(answer.years),
        starts_on=asked.span.starts_on,
        ends_before=asked.span.ends_before,
        cells=answer.cells,
        request=request,
    )
    messages.success(request, _("FOI answer issued. Its counts are kept as released."))
    return redirect(reverse("reporting:releases"))


def foi_columns() -> tuple[Column, ...]:
    """One row per question of the draft, its answer's paragraphs on separate lines; then the exemptions."""
    return (
        Column(_("Question number"), lambda item: item.number or ""),
        Column(_("Question"), lambda item: item.question),
        Column(_("Draft answer"), lambda item: "\n".join(item.answer)),
    )


@login_required
def foi_download(request: AuthenticatedRequest) -> HttpResponse:
    _, asked, language = _foi_request(request)
    if asked is None:  # the page shows what to correct
        return redirect(f"{reverse('scrutiny:foi')}?{request.GET.urlencode()}")
    answer = build_foi_answer(request.user.organisation, asked, language)
    open_page_for_user(
        request.user,
        resource=SCRUTINY_RECORDS,
        action=Action.EXPORT,
        request=request,
        object_type="scrutiny.foi",
        note=f"FOI draft DOCX {', '.join(answer.years)}",
    )
    response = HttpResponse(
        foi_docx(answer), content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = 'attachment; filename="foi-modern-slavery-draft.docx"'
    return response
