"""Spend screening pages. Module check gives 403; another organisation's import gives 404. Views
are glue: forms check input, services write, selectors read."""

from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.core.access import SPEND, Action
from tackle.core.charts import Chart, bar_chart
from tackle.core.columns import SAMPLES, ColumnChoice
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.forms import add_application_error
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.spend import selectors, services
from tackle.spend.forms import ColumnsForm, UploadForm
from tackle.spend.models import ImportStatus
from tackle.spend.screening.headers import AMOUNT
from tackle.spend.screening.wording import in_language

REJECTS_PER_PAGE = 100


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_module(request.user, Module.SUPPLIERS)
    imports = selectors.spend_imports_visible_to(request.user).select_related("started_by")
    download = list_download(
        request, imports, resource=SPEND, columns=_import_columns(), name="spend-imports", title="Spend imports"
    )
    if download is not None:
        return download
    context = {"imports": imports[:50], "downloads": list_download_links(request, SPEND)}
    return render(request, "spend/index.html", context)


# Downloads' headers and words are in the reader's language, so each list is made per request; their
# titles stay English, as the audit log names a download by its title.
def _import_columns() -> tuple[Column, ...]:
    return (
        Column(gettext("Uploaded"), lambda i: i.created_at),
        Column(gettext("By"), lambda i: i.started_by.get_full_name() or i.started_by.username),
        Column(gettext("Status"), lambda i: i.get_status_display()),
        Column(gettext("Rows accepted"), lambda i: i.rows_accepted),
        Column(gettext("Total"), lambda i: i.total_amount),
    )


@login_required
def import_new(request: AuthenticatedRequest) -> HttpResponse:
    require_module(request.user, Module.SUPPLIERS)
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        try:
            spend_import, run = services.spend_import_start_or_ask(
                actor=request.user, files=form.cleaned_data["spend_files"]
            )
        except ApplicationError as error:
            add_application_error(form, error, field="spend_files")
        else:
            if run is None:  # a guessed amount column: checked before anything is screened
                return _next_to_check(spend_import)
            return redirect("home:task-run-detail", run_uuid=run.uuid)
    return render(request, "spend/import_new.html", {"form": form})


@login_required
def import_detail(request: AuthenticatedRequest, import_uuid: Any) -> HttpResponse:
    require_module(request.user, Module.SUPPLIERS)
    spend_import = open_for_user(
        request.user, selectors.spend_imports_visible_to(request.user), resource=SPEND, uuid=import_uuid
    )
    rejects = Paginator(selectors.rejects_of(spend_import), REJECTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "spend_import": spend_import,
        "files": spend_import.files.order_by("position"),
        "rejects": rejects,
        "busy": spend_import.status in {ImportStatus.QUEUED, ImportStatus.RUNNING},
    }
    return render(request, "spend/import_detail.html", context)


@login_required
def import_results(request: AuthenticatedRequest, import_uuid: Any) -> HttpResponse | StreamingHttpResponse:
    require_module(request.user, Module.SUPPLIERS)
    spend_import = open_for_user(
        request.user, selectors.spend_imports_visible_to(request.user), resource=SPEND, uuid=import_uuid
    )
    sectors = selectors.spend_by_sector(spend_import)
    download = list_download(
        request, sectors, resource=SPEND, columns=_sector_columns(), name="spend-by-sector", title="Spend by sector"
    )
    if download is not None:
        return download
    payees = {
        "top-payees": selectors.top_high_risk_payees(spend_import),
        "no-statement": selectors.payees_without_statement(spend_import),
    }
    for table, (columns, title) in _payee_tables().items():
        download = list_download(
            request, payees[table], resource=SPEND, columns=columns, name=f"spend-{table}", title=title, table=table
        )
        if download is not None:
            return download
    years = selectors.year_on_year(spend_import)
    high = sum((line.amount for line in sectors if line.high_risk), Decimal(0))
    context = {
        "spend_import": spend_import,
        "sectors": sectors,
        "high_risk_amount": high,
        "sector_chart": _money_chart([(line.label, line.amount) for line in sectors]),
        "risk_chart": _money_chart(
            [(gettext("High-risk sectors"), high), (gettext("Other spend"), spend_import.total_amount - high)]
        ),
        "year_chart": _money_chart([(line.label, line.amount) for line in years]),
        "years": years,
        "top_payees": payees["top-payees"],
        "without_statement": payees["no-statement"],
        "downloads": list_download_links(request, SPEND) if sectors else [],
        # by table, named for the template (no hyphens)
        "payee_downloads": {
            table.replace("-", "_"): list_download_links(request, SPEND, table) if payees[table] else []
            for table in PAYEE_TABLES
        },
    }
    return render(request, "spend/import_results.html", context)


def _sector_columns() -> tuple[Column, ...]:
    """The results page's table of spend by sector, as the page shows it."""
    high, other = gettext("High risk"), gettext("Not high risk")
    return (
        Column(gettext("Sector"), lambda line: line.label),
        Column(gettext("Risk"), lambda line: high if line.high_risk else other),
        Column(gettext("Payments"), lambda line: line.rows),
        Column(gettext("Amount"), lambda line: line.amount),
    )


PAYEE_TABLES = ("top-payees", "no-statement")


def _payee_tables() -> dict[str, tuple[tuple[Column, ...], str]]:
    """The results page's two tables of payees, as the page shows them, by the `table=` that picks each."""
    yes, no = gettext("Yes"), gettext("No")
    payees = (
        Column(gettext("Supplier"), lambda payee: payee.name),
        Column(gettext("Sectors"), lambda payee: payee.sectors),
        Column(gettext("Payments"), lambda payee: payee.rows),
        Column(gettext("Amount"), lambda payee: payee.amount),
    )
    return {
        "top-payees": (
            (*payees, Column(gettext("In register"), lambda payee: yes if payee.supplier_uuid else no)),
            "Suppliers paid most in high-risk sectors",
        ),
        "no-statement": (
            (*payees, Column(gettext("Must publish"), lambda payee: yes if payee.must_publish else no)),
            "Suppliers with no modern slavery statement",
        ),
    }


@login_required
def file_columns(request: AuthenticatedRequest, file_uuid: Any) -> HttpResponse:
    require_module(request.user, Module.SUPPLIERS)
    visible = selectors.spend_files_visible_to(request.user)
    spend_file = open_for_user(request.user, visible, resource=SPEND, action=Action.CHANGE, uuid=file_uuid)
    headers = list(spend_file.mapping.get("headers", []))
    if not headers:
        messages.error(request, gettext("This file has not been read yet: wait for the screening to finish."))
        return redirect("spend:import-detail", import_uuid=spend_file.spend_import.uuid)
    current = {
        line["field"]: (line["column"] - 1 if line["column"] else None) for line in spend_file.mapping["columns"]
    }
    form = ColumnsForm(request.POST if request.method == "POST" else None, headers=headers, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.spend_file_columns_set(
                actor=request.user, spend_file=spend_file, overrides=form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if run is None:  # another file's guessed columns are still to be checked
                return _next_to_check(spend_file.spend_import)
            return redirect("home:task-run-detail", run_uuid=run.uuid)
    choices = _column_choices(spend_file, headers)
    context = {
        "form": form,
        "spend_file": spend_file,
        "choices": choices,
        "first_run": spend_file.spend_import.status == ImportStatus.COLUMNS,
    }
    return render(request, "spend/file_columns.html", context)


def _next_to_check(spend_import: Any) -> HttpResponse:
    waiting = selectors.file_waiting_for_columns(spend_import)
    if waiting is None:
        return redirect("spend:import-detail", import_uuid=spend_import.uuid)
    return redirect("spend:file-columns", file_uuid=waiting.uuid)


def _column_choices(spend_file: Any, headers: list[str]) -> list[ColumnChoice]:
    """What the last run chose for each field, how sure it was and the first values under it."""
    rows = selectors.file_sample_rows(spend_file)
    choices = []
    for line in spend_file.mapping["columns"]:
        column = line["column"] - 1 if line["column"] else None
        values = [row[column].strip() for row in rows if column is not None and column < len(row)]
        sure = line.get("confidence")
        choices.append(
            ColumnChoice(
                field=line["field"],
                label=gettext(line["label"]),  # stored in English
                required=line["field"] == AMOUNT,
                column=column,
                header=line["header"] or "",
                confidence=1.0 if sure is None else sure,  # runs before confidences were kept
                how=in_language(line["how"]),
                samples=tuple(value for value in values if value)[:SAMPLES],
            )
        )
    return choices


def _money_chart(bars: list[tuple[str, Decimal]]) -> Chart:
    """Bars in whole pounds, labelled as money. Negative totals (refunds) draw no bar."""
    chart = bar_chart([(label, max(int(amount), 0)) for label, amount in bars])
    return replace(
        chart, bars=[replace(bar, value=f"£{amount:,.0f}") for bar, (_, amount) in zip(chart.bars, bars, strict=True)]
    )
