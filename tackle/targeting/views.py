"""Risk targeting pages: the ranked premises, importing regulators' lists and correcting their
columns. Roles without disruption get 403; another organisation's list is 404."""

from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import TARGETING, Action
from tackle.core.columns import ColumnsToConfirm
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import ColumnsStep, add_application_error
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.disrupt.access import is_coordinator
from tackle.targeting import selectors, services
from tackle.targeting.forms import (
    ADVERSE,
    CLEAR,
    OUTCOME_CHOICES,
    ImportForm,
    MappingForm,
    OutcomeForm,
    answered_columns,
    answered_columns_json,
)
from tackle.targeting.list_columns import FIELD_LABELS
from tackle.targeting.normalise import PREMISES_TYPES
from tackle.targeting.ranking import Entity
from tackle.targeting.sources import SourceError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SHOWN = 25
SHOWN_ALL = 500
OUTCOMES_SHOWN = 50  # wordings to classify on one page; the rest come once these are done


def _require_targeting(request: AuthenticatedRequest) -> None:
    require_module(request.user, Module.DISRUPTION)


def _may_plan(user: Any) -> bool:
    return is_coordinator(user)


def plan_url(entity: Entity) -> str | None:
    """The disruption module's 'plan an operation' page, filled in for this premises."""
    try:
        base = reverse("disrupt:operation-create")
    except NoReverseMatch:
        return None
    query = {
        "name": entity.name,
        "address": entity.address,
        "postcode": entity.postcode,
        "premises_type": entity.premises_type,
    }
    return f"{base}?{urlencode(query)}"


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    _require_targeting(request)
    lists = list(selectors.lists_visible_to(request.user))
    ranking = selectors.ranking_for(request.user)
    download = list_download(
        request,
        list(enumerate(ranking.ranked, start=1)),
        resource=TARGETING,
        columns=_ranked_columns(),
        name="ranked-premises",
        title="Ranked premises",
    )
    if download is not None:
        return download
    show_all = request.GET.get("show") == "all"
    shown = ranking.ranked[: SHOWN_ALL if show_all else SHOWN]
    may_plan = _may_plan(request.user)
    rows = [(entity, PREMISES_TYPES[entity.premises_type], plan_url(entity) if may_plan else None) for entity in shown]
    audit_record(
        action=AuditAction.LIST,
        request=request,
        object_type="targeting.ranking",
        note=f"Viewed {len(shown)} of {len(ranking.ranked)} ranked premises",
    )
    context = {
        "lists": lists,
        "unfamiliar": len(selectors.unfamiliar_outcomes_for(request.user)),
        "ranking": ranking,
        "rows": rows,
        "show_all": show_all,
        "more": len(ranking.ranked) > len(shown),
        "downloads": list_download_links(request, TARGETING) if ranking.ranked else [],
    }
    return render(request, "targeting/index.html", context)


def _ranked_columns() -> tuple[Column, ...]:
    """Every premises ranked (the page shows the first ones), as its cards show them; headers and
    premises types in the reader's language, read per download."""
    return (
        Column(gettext("Rank"), lambda row: row[0]),
        Column(gettext("Premises"), lambda row: row[1].name),
        Column(gettext("Address"), lambda row: row[1].address),
        Column(gettext("Postcode"), lambda row: row[1].postcode),
        Column(gettext("Type"), lambda row: str(PREMISES_TYPES[row[1].premises_type])),
        Column(gettext("Regulators"), lambda row: ", ".join(row[1].sources)),
        Column(gettext("Score"), lambda row: row[1].score),
        Column(gettext("Why"), lambda row: "\n".join(str(reason) for reason in row[1].reasons)),
    )


@login_required
def list_import(request: AuthenticatedRequest) -> HttpResponse:
    _require_targeting(request)
    organisation = request.user.organisation
    assert organisation is not None
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    columns = ColumnsStep(request.POST if request.method == "POST" else None, labels=FIELD_LABELS, required=set())
    answers = answered_columns(request.POST.get("answered", ""))
    if request.method == "POST" and form.is_valid() and columns.is_valid():
        if columns.chosen is not None:
            answers[tuple(columns.headers)] = columns.chosen
        uploads = [
            services.Upload(item.name, item.read(services.MAX_FILE_BYTES + 1)) for item in form.cleaned_data["lists"]
        ]
        try:
            saved = services.regulator_lists_import(
                organisation=organisation, actor=request.user, uploads=uploads, columns=answers
            )
        except ColumnsToConfirm as error:
            add_application_error(form, error, field="lists")
            columns.ask(error)
        except ApplicationError as error:
            add_application_error(form, error, field="lists")
        else:
            imported = ngettext(
                "%(count)d list imported: check the columns", "%(count)d lists imported: check the columns", len(saved)
            )
            messages.success(request, imported % {"count": len(saved)})
            return redirect("targeting:list-list")
    context = {"form": form, "answered": answered_columns_json(answers), **columns.context()}
    return render(request, "targeting/list_import.html", context)


@login_required
def list_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    _require_targeting(request)
    lists = selectors.lists_visible_to(request.user).select_related("uploaded_by")
    download = list_download(
        request,
        lists,
        resource=TARGETING,
        columns=LIST_COLUMNS,
        name="regulator-lists",
        title=gettext("Regulators' lists"),
    )
    if download is not None:
        return download
    rows = [(item, [(FIELD_LABELS[key], column) for key, column in item.mapping.items()]) for item in lists]
    context = {"rows": rows, "downloads": list_download_links(request, TARGETING)}
    return render(request, "targeting/list_list.html", context)


def _header(text: "StrOrPromise") -> str:
    """A lazy header, typed as text: the download reads it in the language of the request."""
    return cast(str, text)


# The imported lists as the page shows them: the columns used as "field: column" lines.
LIST_COLUMNS = (
    Column(_header(_("Regulator")), lambda item: item.source),
    Column(_header(_("File")), lambda item: item.filename),
    Column(_header(_("Imported")), lambda item: item.uploaded_at),
    Column(
        _header(_("Columns used")), lambda item: "\n".join(f"{FIELD_LABELS[k]}: {c}" for k, c in item.mapping.items())
    ),
    Column(_header(_("Records")), lambda item: item.record_count),
    Column(_header(_("Lines rejected")), lambda item: item.reject_count),
)


@login_required
def list_detail(request: AuthenticatedRequest, list_uuid: Any) -> HttpResponse:
    _require_targeting(request)
    visible = selectors.lists_visible_to(request.user)
    regulator_list = open_for_user(request.user, visible, resource=TARGETING, request=request, uuid=list_uuid)
    problem = ""
    try:
        read = selectors.read_list(regulator_list)
    except SourceError as error:  # saved mappings read; this guards lists saved under older rules
        read, problem = None, error.message
    header = read.header if read else []
    initial = {"source": regulator_list.source, **regulator_list.mapping}
    form = MappingForm(request.POST if request.method == "POST" else None, header=header, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            _, read = services.regulator_list_remap(
                regulator_list=regulator_list,
                actor=request.user,
                source=form.cleaned_data["source"],
                mapping=form.mapping(),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            saved = ngettext(
                "Columns saved: %(count)d record", "Columns saved: %(count)d records", regulator_list.record_count
            )
            messages.success(request, saved % {"count": regulator_list.record_count})
            return redirect("targeting:list-detail", list_uuid=regulator_list.uuid)
    choices = selectors.list_column_choices(regulator_list, read) if read else []
    context = {"regulator_list": regulator_list, "form": form, "read": read, "problem": problem, "choices": choices}
    return render(request, "targeting/list_detail.html", context)


@login_required
def list_delete(request: AuthenticatedRequest, list_uuid: Any) -> HttpResponse:
    _require_targeting(request)
    visible = selectors.lists_visible_to(request.user)
    regulator_list = open_for_user(request.user, visible, resource=TARGETING, action=Action.CHANGE, uuid=list_uuid)
    if request.method == "POST":
        services.regulator_list_delete(regulator_list=regulator_list, actor=request.user)
        messages.success(request, gettext("%(source)s removed") % {"source": regulator_list.source})
        return redirect("targeting:list-list")
    return render(request, "targeting/list_delete.html", {"regulator_list": regulator_list})


@login_required
def outcome_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """Results whose wording no rule places, for someone to say whether each is an adverse finding;
    the answer is kept for the organisation and every list it imports."""
    _require_targeting(request)
    organisation = request.user.organisation
    assert organisation is not None
    every_unfamiliar = selectors.unfamiliar_outcomes_for(request.user)
    unfamiliar = every_unfamiliar[:OUTCOMES_SHOWN]
    classified = dict(selectors.outcome_wordings_visible_to(request.user).values_list("wording", "adverse"))
    download = list_download(
        request,
        _outcome_rows(every_unfamiliar, classified),
        resource=TARGETING,
        columns=_outcome_columns(),
        name="outcomes",
        title="Outcomes to classify",
    )
    if download is not None:
        return download
    form = OutcomeForm(request.POST if request.method == "POST" else None, unfamiliar=unfamiliar, classified=classified)

    def save(_: dict[str, Any]) -> int:
        decisions = form.decisions()
        return services.outcome_wordings_classify(organisation=organisation, actor=request.user, decisions=decisions)

    intro = (
        gettext(
            "These outcomes are in your regulators' lists, but Tackle does not know whether they record an adverse "
            "finding. Until you say, a line with one counts as nothing found. Your answer is kept for every list "
            "your organisation imports."
        )
        if form.fields
        else gettext("Tackle understands every outcome in your regulators' lists.")
    )
    return form_page(
        request,
        form,
        save,
        title=gettext("Outcomes to classify"),
        back=reverse("targeting:index"),
        success=gettext("Outcomes classified: the ranking uses them"),
        next_url=reverse("targeting:outcome-list"),
        intro=intro,
        template="targeting/outcome_list.html",
        context={"downloads": list_download_links(request, TARGETING)},
    )


def _outcome_rows(unfamiliar: list[Any], classified: dict[str, bool]) -> list[tuple[str, str]]:
    """Every wording the form asks about (all of them, the page shows the first ones), with the
    form's own words for where it stands, in the reader's language."""
    rows = [
        (
            item.wording,
            ngettext(
                "Not classified yet: %(lines)d line in %(lists)s",
                "Not classified yet: %(lines)d lines in %(lists)s",
                item.lines,
            )
            % {"lines": item.lines, "lists": ", ".join(item.lists)},
        )
        for item in unfamiliar
    ]
    choices = dict(OUTCOME_CHOICES)
    rows += [(wording, str(choices[ADVERSE if adverse else CLEAR])) for wording, adverse in classified.items()]
    return rows


def _outcome_columns() -> tuple[Column, ...]:
    return (Column(gettext("Outcome"), lambda row: row[0]), Column(gettext("Status"), lambda row: row[1]))
