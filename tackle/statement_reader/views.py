"""Statement reader pages. Procurement officers, contract managers and the modern slavery lead
(the Statements module) read statements; another organisation's records are 404."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.core.access import STATEMENT_READINGS, SUPPLIERS, Action
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import add_application_error
from tackle.core.periods import today_in_london
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.statement_reader import selectors, services, wording
from tackle.statement_reader.forms import FollowUpCloseForm, FollowUpForm, OverrideForm, StatementForm
from tackle.statement_reader.labels import AREA_LABELS
from tackle.statement_reader.rules.areas import AREAS, JUDGEMENTS
from tackle.suppliers import services as supplier_services
from tackle.suppliers.selectors import statement_follow_ups


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_module(request.user, Module.STATEMENTS)
    readings = selectors.readings_visible_to(request.user)
    download = list_download(
        request,
        readings,
        resource=STATEMENT_READINGS,
        columns=reading_columns(),
        name="readings",
        title="Statement readings",  # English: the audit note names the download by it
    )
    if download is not None:
        return download
    waiting = selectors.reading_requests_waiting(request.user)[:50]
    context = {
        "readings": readings[:200],
        "waiting": waiting,
        "downloads": list_download_links(request, STATEMENT_READINGS),
    }
    return render(request, "statement_reader/index.html", context)


def reading_columns() -> tuple[Column, ...]:
    """The list's download, its headers in the request's language."""
    return (
        Column(_("Statement"), lambda r: r.title),
        Column(_("Whose"), lambda r: r.whose),
        Column(_("Period starts"), lambda r: r.period_start),
        Column(_("Period ends"), lambda r: r.period_end),
        Column(_("Score"), lambda r: r.score),
        Column(_("Read on"), lambda r: r.created_at),
    )


@login_required
def reading_new(request: AuthenticatedRequest) -> HttpResponse:
    require_module(request.user, Module.STATEMENTS)
    suppliers = selectors.suppliers_for(request.user)
    initial = {"whose": request.GET.get("supplier", "")}
    form = StatementForm(request.POST or None, request.FILES or None, suppliers=suppliers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            pending = services.statement_reading_queue(
                actor=request.user,
                supplier=form.supplier,
                upload=form.cleaned_data.get("file") or None,
                url=form.cleaned_data.get("url") or "",
            )
        except ApplicationError as error:  # a file of a kind not read says so in English (wording.py)
            error.message = wording.in_language(error.message)
            add_application_error(form, error, field="url" if form.cleaned_data.get("url") else "file")
        else:
            return redirect(pending.get_absolute_url())
    return render(request, "statement_reader/reading_new.html", {"form": form})


@login_required
def reading_request(request: AuthenticatedRequest, request_uuid: Any) -> HttpResponse:
    """A statement being read in the background: this page says so until the reading is ready
    (then it goes there) or has failed (then it says why)."""
    require_module(request.user, Module.STATEMENTS)
    visible = selectors.reading_requests_visible_to(request.user)
    pending = open_for_user(request.user, visible, resource=STATEMENT_READINGS, uuid=request_uuid)
    if pending.reading is not None:
        reading = pending.reading
        on_file = reading.supplier is not None and not selectors.reading_warnings_for(reading)
        if reading.language["read"] is None:
            messages.success(request, _("Statement read: it is in Welsh, so a person must judge its areas"))
        elif on_file and reading.supplier:
            read = _("Statement read: %(score)s of 8; it is now on %(supplier)s's file")
            messages.success(request, read % {"score": reading.score, "supplier": reading.supplier.name})
        else:
            messages.success(request, _("Statement read: %(score)s of 8") % {"score": reading.score})
        return redirect(reading.get_absolute_url())
    return render(request, "statement_reader/reading_request.html", {"pending": pending, "run": pending.task_run})


@login_required
def reading_detail(request: AuthenticatedRequest, reading_uuid: Any) -> HttpResponse:
    require_module(request.user, Module.STATEMENTS)
    visible = selectors.readings_visible_to(request.user)
    reading = open_for_user(request.user, visible, resource=STATEMENT_READINGS, uuid=reading_uuid)
    judgements = selectors.reading_judgements(reading)
    # Which judgements each sentence is evidence for, to highlight it in the full text.
    marks: dict[int, list[str]] = {}
    for judgement in judgements:
        for line in judgement.evidence:
            mark = _("%(area)s, promise") % {"area": judgement.title} if line.promise else str(judgement.title)
            marks.setdefault(line.index, []).append(mark)
    sentences = [(index, sentence, marks.get(index, [])) for index, sentence in enumerate(reading.sentences)]
    context = {
        "reading": reading,
        "areas": [judgement for judgement in judgements if judgement.name in AREAS],
        "document": [judgement for judgement in judgements if judgement.name not in AREAS],
        "sentences": sentences,
        "overrides": reading.overrides.select_related("created_by").order_by("-created_at", "-pk"),
        "warnings": selectors.reading_warnings_for(reading),
        "follow_ups": statement_follow_ups(organisation_id=reading.organisation_id, reading_uuid=reading.uuid),
        "today": today_in_london(),  # a follow-up due before it is overdue
    }
    return render(request, "statement_reader/reading_detail.html", context)


@login_required
def override_new(request: AuthenticatedRequest, reading_uuid: Any, judgement: str) -> HttpResponse:
    require_module(request.user, Module.STATEMENTS)
    visible = selectors.readings_visible_to(request.user)
    reading = open_for_user(request.user, visible, resource=STATEMENT_READINGS, action=Action.CHANGE, uuid=reading_uuid)
    if judgement not in JUDGEMENTS:
        raise Http404("No such area.")
    current = next(item for item in selectors.reading_judgements(reading) if item.name == judgement)
    form = OverrideForm(request.POST or None, judgement=current, sentence_count=len(reading.sentences))
    if request.method == "POST" and form.is_valid():
        added, removed = form.evidence_changes()
        try:
            services.judgement_override(
                actor=request.user,
                reading=reading,
                judgement=judgement,
                covered=form.cleaned_data["covered"] == "yes",
                only_promised=form.cleaned_data["covered"] == "promised",
                reason=form.cleaned_data["reason"],
                evidence_added=added,
                evidence_removed=removed,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            saved = _("Your decision on %(area)s is saved") % {"area": str(AREA_LABELS[judgement]).lower()}
            messages.success(request, saved)
            return redirect(f"{reading.get_absolute_url()}#judgement-{judgement}")
    context = {"reading": reading, "judgement": current, "form": form}
    return render(request, "statement_reader/override_new.html", context)


@login_required
def follow_up_new(request: AuthenticatedRequest, reading_uuid: Any) -> HttpResponse:
    """Raise a follow-up action from a reading; it is listed on the reading and the supplier's page."""
    require_module(request.user, Module.STATEMENTS)
    visible = selectors.readings_visible_to(request.user)
    reading = open_for_user(request.user, visible, resource=STATEMENT_READINGS, action=Action.RECORD, uuid=reading_uuid)
    form = FollowUpForm(request.POST or None, people=selectors.follow_up_owners_for(request.user))
    back = f"{reading.get_absolute_url()}#follow-ups"
    return form_page(
        request,
        form,
        lambda data: supplier_services.statement_follow_up_raise(
            actor=request.user,
            reading_uuid=reading.uuid,
            supplier=reading.supplier,
            description=data["description"],
            owner=data["owner"],
            due_on=data["due_on"],
            today=today_in_london(),
        ),
        title=_("Raise a follow-up action"),
        caption=reading.whose,
        back=back,
        success=_("Follow-up action raised"),
        button=_("Raise action"),
    )


@login_required
def follow_up_close(request: AuthenticatedRequest, reading_uuid: Any, follow_up_uuid: Any) -> HttpResponse:
    """Mark a follow-up action as done with what was done; it stays listed, as done, on the reading
    and the supplier's page. Back goes where the person came from (either page)."""
    require_module(request.user, Module.STATEMENTS)
    visible = selectors.readings_visible_to(request.user)
    reading = open_for_user(request.user, visible, resource=STATEMENT_READINGS, action=Action.RECORD, uuid=reading_uuid)
    follow_ups = statement_follow_ups(organisation_id=reading.organisation_id, reading_uuid=reading.uuid)
    follow_up = get_object_or_404(follow_ups, uuid=follow_up_uuid)
    back = f"{reading.get_absolute_url()}#follow-ups"
    if request.GET.get("from") == "supplier" and reading.supplier is not None:
        back = reverse("suppliers:supplier-detail", args=[reading.supplier.uuid])
    form = FollowUpCloseForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda data: supplier_services.statement_follow_up_close(
            actor=request.user, follow_up=follow_up, outcome=data["outcome"], request=request
        ),
        title=_("Mark as done"),
        caption=follow_up.description,
        back=back,
        success=_("Follow-up action marked as done"),
        button=_("Mark as done"),
    )


@login_required
def supplier_registry(request: AuthenticatedRequest, supplier_uuid: Any) -> HttpResponse | StreamingHttpResponse:
    require_module(request.user, Module.STATEMENTS)
    require_module(request.user, Module.SUPPLIERS)
    supplier = open_for_user(
        request.user, selectors.suppliers_for(request.user), resource=SUPPLIERS, uuid=supplier_uuid
    )
    history = selectors.registry_history_for_supplier(supplier)
    # One row per year and area, as the page's tables show them.
    claims = [(year, check) for year in history for check in year.checks]
    download = list_download(
        request,
        claims,
        resource=STATEMENT_READINGS,
        columns=_registry_columns(),
        name="statement-registry",
        title=f"Registry history: {supplier.name}",  # English: the audit note names the download by it
    )
    if download is not None:
        return download
    context = {
        "supplier": supplier,
        "history": history,
        "latest": selectors.latest_assessment_for_supplier(supplier),
        "downloads": list_download_links(request, STATEMENT_READINGS) if history else [],
    }
    return render(request, "statement_reader/supplier_registry.html", context)


def _registry_columns() -> tuple[Column, ...]:
    def ours(check: Any) -> str:
        if check.ours is None:
            return _("Not read")
        if check.promised:
            return _("Only promised")
        return _("Covered") if check.ours else _("Not found")

    return (
        Column(_("Year"), lambda pair: pair[0].row.year),
        Column(_("Organisation"), lambda pair: pair[0].row.organisation_name),
        Column(_("Area"), lambda pair: str(pair[1].title)),
        Column(_("The organisation says"), lambda pair: _("Included") if pair[1].claimed else _("Not included")),
        Column(_("Our reading"), lambda pair: ours(pair[1])),
        Column(_("Disagrees"), lambda pair: _("Yes") if pair[1].disagrees else _("No")),
    )
