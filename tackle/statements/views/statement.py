"""Statement pages: versions, one version with its checklist, section editing, workflow, downloads."""

import base64
import hashlib
import re
from typing import cast

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.core import access
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import add_application_error
from tackle.statements.forms import (
    ApprovalForm,
    DetailsForm,
    LanguagesForm,
    PublishForm,
    SectionForm,
    SignatoryForm,
    StartStatementForm,
)
from tackle.statements.models import StatementLanguages, StatementStatus
from tackle.statements.outputs import missing_welsh, render_statement, statement_content
from tackle.statements.sections import SECTION_TITLES
from tackle.statements.selectors.statement import (
    get_statement_for_user,
    periods_visible_to,
    publish_checklist,
    require_lead,
    section_diff,
    statements_visible_to,
)
from tackle.statements.services import statement as services
from tackle.statements.statement_check import check_draft
from tackle.statements.views.plan import posted

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
}


@login_required
def statement_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    statements = statements_visible_to(request.user).order_by("-period__starts_on", "-version")
    is_lead = access.allows(request.user.role, access.STATEMENTS, access.Action.CHANGE)
    form = StartStatementForm(posted(request), periods=periods_visible_to(request.user))
    if request.method == "POST":
        require_lead(request.user)
        if form.is_valid():
            try:
                statement = services.statement_create(
                    period=form.cleaned_data["period"], actor=request.user, request=request
                )
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                return redirect("statements:statement-detail", statement_uuid=statement.uuid)
    download = list_download(
        request,
        statements,
        resource=access.STATEMENTS,
        columns=STATEMENT_COLUMNS,
        name="statements",
        title=_("Statements"),
    )
    if download is not None:
        return download
    context = {
        "statements": statements,
        "form": form,
        "is_lead": is_lead,
        "downloads": list_download_links(request, access.STATEMENTS),
    }
    return render(request, "statements/statement_list.html", context)


STATEMENT_COLUMNS = (
    Column("Period", lambda s: s.period.label),
    Column("Version", lambda s: s.version),
    Column("Status", lambda s: s.get_status_display()),
)


@login_required
def statement_detail(request: AuthenticatedRequest, statement_uuid: str) -> HttpResponse:
    statement = get_statement_for_user(request.user, statement_uuid, request=request)
    context = statement_content(statement)
    context.update(
        {
            "checklist": publish_checklist(statement),
            "text_check": check_draft(statement),
            "versions": statement.period.statements.order_by("version"),
            "is_lead": access.allows(request.user.role, access.STATEMENTS, access.Action.CHANGE),
            "welsh_missing": set() if statement.languages == StatementLanguages.ENGLISH else missing_welsh(statement),
        }
    )
    return render(request, "statements/statement_detail.html", context)


def _saved(request: AuthenticatedRequest, before_uuid, statement) -> HttpResponse:  # type: ignore[no-untyped-def]
    if statement.uuid != before_uuid:
        messages.success(
            request,
            _("The approved version is kept; your change made version %(version)s") % {"version": statement.version},
        )
    else:
        messages.success(request, _("Saved"))
    return redirect("statements:statement-detail", statement_uuid=statement.uuid)


@login_required
def section_edit(request: AuthenticatedRequest, statement_uuid: str, key: str) -> HttpResponse:
    statement = get_statement_for_user(request.user, statement_uuid, to_change=True)
    if key not in SECTION_TITLES:
        raise Http404("No such section.")
    current = statement.sections.filter(key=key).first()
    initial = {"text": current.text if current else "", "text_cy": current.text_cy if current else ""}
    form = SectionForm(posted(request), initial=initial, languages=statement.languages)
    bilingual = "text_cy" in form.fields
    # Asked for both, each field says its language; the page's heading names the section.
    form.fields["text"].label = _("In English") if bilingual else _(SECTION_TITLES[key])
    if bilingual:  # the English typed into a page that may be in Welsh is read out in English
        form.fields["text"].widget.attrs["lang"] = "en-GB"
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.statement_section_update(
                statement=statement,
                key=key,
                actor=request.user,
                request=request,
                text=form.cleaned_data["text"],
                text_cy=form.cleaned_data["text_cy"] if bilingual else None,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            return _saved(request, statement.uuid, saved)
    return render(
        request, "statements/form_page.html", {"form": form, "title": _(SECTION_TITLES[key]), "statement": statement}
    )


@login_required
def languages_edit(request: AuthenticatedRequest, statement_uuid: str) -> HttpResponse:
    """Welsh, English or both side by side (issue 21); an approved version gets a new draft, as any change."""
    return _details_page(request, statement_uuid, LanguagesForm, "languages", _("Languages"))


@login_required
def details_edit(request: AuthenticatedRequest, statement_uuid: str) -> HttpResponse:
    return _details_page(request, statement_uuid, DetailsForm, "review_date", _("Next review date"))


def _details_page(
    request: AuthenticatedRequest, statement_uuid: str, form_class: type[forms.Form], field: str, title: str
) -> HttpResponse:
    """One of the statement's own details (not a section), saved through statement_details_update."""
    statement = get_statement_for_user(request.user, statement_uuid, to_change=True)
    form = form_class(posted(request), initial={field: getattr(statement, field)})
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.statement_details_update(
                statement=statement, actor=request.user, request=request, details=form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            return _saved(request, statement.uuid, saved)
    return render(request, "statements/form_page.html", {"form": form, "title": title, "statement": statement})


@login_required
def statement_approve(request: AuthenticatedRequest, statement_uuid: str) -> HttpResponse:
    """One step: the decision that approved this version. It freezes the version; no new draft."""
    statement = get_statement_for_user(request.user, statement_uuid, to_change=True)
    correcting = statement.status == StatementStatus.APPROVED
    recorded = ("decision_maker", "delegated_to", "approval_date", "minute_reference", "review_date")
    initial = {name: getattr(statement, name) for name in recorded}
    form = ApprovalForm(posted(request), today=timezone.localdate(), initial=initial)
    return form_page(
        request,
        form,
        lambda data: services.statement_approve(statement=statement, actor=request.user, request=request, **data),
        title=_("Correct the approval record") if correcting else _("Record the approval"),
        caption=_("%(label)s · Version %(version)s") % {"label": statement.period.label, "version": statement.version},
        intro=_("Record the decision as the minutes or the decision notice give it. This version is then frozen."),
        back=reverse("statements:statement-detail", args=[statement.uuid]),
        success=_("Approval record corrected") if correcting else _("Approval recorded"),
        button=_("Save the correction") if correcting else _("Record the approval"),
    )


@login_required
def statement_publish(request: AuthenticatedRequest, statement_uuid: str) -> HttpResponse:
    """Where it is published, then check your answers, then publish: it cannot be undone."""
    statement = get_statement_for_user(request.user, statement_uuid, to_change=True)
    form = PublishForm(posted(request))
    detail = reverse("statements:statement-detail", args=[statement.uuid])
    if request.method == "POST" and form.is_valid():
        if request.POST.get("confirm") == "yes":
            try:
                services.statement_publish(
                    statement=statement, actor=request.user, request=request, **form.cleaned_data
                )
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                messages.success(request, _("Statement published"))
                return redirect(detail)
        else:
            context = {
                "statement": statement,
                "published_url": form.cleaned_data["published_url"],
                "signatories": statement.signatories.all(),
                "checklist": publish_checklist(statement),
            }
            return render(request, "statements/statement_publish_check.html", context)
    return render(
        request,
        "statements/form_page.html",
        {"form": form, "title": _("Publish the statement"), "statement": statement, "button": _("Continue")},
    )


@login_required
def signatory_new(request: AuthenticatedRequest, statement_uuid: str) -> HttpResponse:
    statement = get_statement_for_user(request.user, statement_uuid, to_change=True)
    form = SignatoryForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.signatory_add(
                statement=statement, actor=request.user, request=request, **form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            return _saved(request, statement.uuid, saved)
    return render(
        request, "statements/form_page.html", {"form": form, "title": _("Add a signatory"), "statement": statement}
    )


@login_required
@require_POST
def statement_move(request: AuthenticatedRequest, statement_uuid: str, step: str) -> HttpResponse:
    statement = get_statement_for_user(request.user, statement_uuid, to_change=True)
    try:
        if step == "submit":
            services.statement_submit(statement=statement, actor=request.user, request=request)
        else:
            raise Http404("No such step.")
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Statement submitted for approval"))
    return redirect("statements:statement-detail", statement_uuid=statement.uuid)


def _allowing_own_style(html: bytes) -> dict:
    """The site's policy plus the hash of the document's own <style>: the HTML is made to stand alone
    on a council's website, and without its style the tables run off a phone's screen."""
    style = re.search(rb"<style>(.*?)</style>", html, re.DOTALL)
    if not style:
        return settings.SECURE_CSP
    digest = base64.b64encode(hashlib.sha256(style.group(1)).digest()).decode()
    sources = cast("list[str]", settings.SECURE_CSP["style-src"])
    return {**settings.SECURE_CSP, "style-src": [*sources, f"'sha256-{digest}'"]}


@login_required
def statement_download(request: AuthenticatedRequest, statement_uuid: str, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("No such format.")
    statement = open_for_user(
        request.user,
        statements_visible_to(request.user),
        resource=access.STATEMENTS,
        action=access.Action.EXPORT,
        request=request,
        note=f"Statement ({fmt})",
        uuid=statement_uuid,
    )
    body = render_statement(statement, fmt)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    if fmt == "html":
        response._csp_config = _allowing_own_style(body)  # type: ignore[attr-defined]
    name = f"modern-slavery-statement-{slugify(statement.period.label)}-v{statement.version}.{fmt}"
    if fmt != "html":
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def statement_compare(request: AuthenticatedRequest, statement_uuid: str, other_uuid: str) -> HttpResponse:
    newer = get_statement_for_user(request.user, statement_uuid)
    older = get_statement_for_user(request.user, other_uuid)
    if older.version > newer.version:
        older, newer = newer, older
    context = {"older": older, "newer": newer, "changes": section_diff(older, newer)}
    return render(request, "statements/statement_compare.html", context)
