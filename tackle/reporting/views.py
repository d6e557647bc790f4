"""The figures page and its CSV and XLSX exports. Every view is audited."""

from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _

from tackle.accounts.door import open_page_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.core.access import FIGURES, Action, allows
from tackle.core.charts import bar_chart
from tackle.core.disclosure import Audience
from tackle.core.exports import Column, csv_file, xlsx_download
from tackle.core.form_page import form_page
from tackle.core.periods import financial_year_label, financial_year_of, today_in_london
from tackle.core.permissions import require_module
from tackle.core.roles import Module
from tackle.reporting.forms import FiguresForm, HomeOfficePublishForm, PublishForm
from tackle.reporting.home_office import EXPORT_HEADER as HOME_OFFICE_HEADER
from tackle.reporting.home_office import (
    PERIOD_HINT,
    HomeOfficeTables,
    home_office_tables_for_user,
    parse_period,
    periods_offered,
)
from tackle.reporting.home_office import export_rows as home_office_rows
from tackle.reporting.selectors import Figures, figures_for_user, figures_is_exact_for, releases_of
from tackle.reporting.services import figures_release, home_office_release
from tackle.reporting.wording import in_language
from tackle.training.figures import DEFINITIONS as TRAINING_DEFINITIONS


def _figures(request: AuthenticatedRequest) -> tuple[FiguresForm, Figures]:
    require_module(request.user, Module.REPORTING)
    figures_is_exact_for(request.user)
    latest = financial_year_of(today_in_london())
    asked = any(name in request.GET for name in ("first_year", "last_year", "by", "publication"))
    form = FiguresForm(request.GET if asked else None, latest=latest)
    first, last, by, publication = latest - 1, latest, "quarter", False
    if asked and form.is_valid():
        first, last = form.cleaned_data["first_year"], form.cleaned_data["last_year"]
        by, publication = form.cleaned_data["by"], form.cleaned_data["publication"]
    if not asked:
        form = FiguresForm(initial={"first_year": first, "last_year": last, "by": by}, latest=latest)
    figures = figures_for_user(request.user, first_year=first, last_year=last, by=by, publication=publication)
    return form, figures


FIGURES_SHOWN = "reporting.figures"  # what the audit log names as opened


def _export(request: AuthenticatedRequest, figures: Figures, kind: str) -> None:
    note = f"{_note(figures)} {kind}"
    open_page_for_user(
        request.user, resource=FIGURES, action=Action.EXPORT, request=request, object_type=FIGURES_SHOWN, note=note
    )


def _note(figures: Figures) -> str:
    years = f"{financial_year_label(figures.first_year)} to {financial_year_label(figures.last_year)}"
    return f"Figures {years} by {figures.by}{' (suppressed)' if figures.suppressed else ''}"


@login_required
def figures_index(request: AuthenticatedRequest) -> HttpResponse:
    form, figures = _figures(request)
    open_page_for_user(request.user, resource=FIGURES, request=request, object_type=FIGURES_SHOWN, note=_note(figures))
    query = request.GET.urlencode()
    publisher = allows(request.user.role, FIGURES, Action.RECORD)
    charts = [
        (table, bar_chart([(in_language(label), value) for label, value in table.chart_bars()]))
        for table in figures.tables
    ]
    return render(
        request,
        "reporting/figures.html",
        {
            "form": form,
            "figures": figures,
            "charts": charts,
            "training_definition": " ".join(in_language(text) for text in TRAINING_DEFINITIONS.values()),
            "csv_url": f"{reverse('reporting:figures-csv')}?{query}",
            "xlsx_url": f"{reverse('reporting:figures-xlsx')}?{query}",
            "publish_url": f"{reverse('reporting:release-new')}?{query}" if publisher else "",
            "home_office_publish_url": reverse("reporting:home-office-release-new") if publisher else "",
            "home_office_periods": [
                (asked.period().label, asked.code) for asked in periods_offered(figures.first_year, figures.last_year)
            ],
        },
    )


def export_rows(figures: Figures) -> list[tuple[Any, ...]]:
    """Long format: one row per table, row and period, each with how it is counted; then training,
    and what was withheld."""
    rows: list[tuple[Any, ...]] = []
    for table in figures.tables:
        for label, values in table.rows:
            for column, value in zip(table.columns, values, strict=True):
                shown = (in_language(table.title), in_language(label), in_language(column))
                rows.append((*shown, in_language(value), in_language(table.definition)))
        if table.note:
            rows.append((in_language(table.title), gettext("Note"), "", "", in_language(table.note)))
    sessions_held = in_language(TRAINING_DEFINITIONS["sessions_held"])
    people_trained = in_language(TRAINING_DEFINITIONS["people_trained"])
    for year, sessions, people in figures.training:
        rows.append((gettext("Training"), gettext("Sessions held"), year, sessions, sessions_held))
        rows.append((gettext("Training"), gettext("People trained"), year, people, people_trained))
    rows.append((gettext("Small numbers"), "", "", "", in_language(figures.disclosure_note)))
    return rows


# Read by people: lazy, read (str) per download in the language of its request.
EXPORT_HEADER = (
    gettext_lazy("Table"),
    gettext_lazy("Row"),
    gettext_lazy("Period"),
    gettext_lazy("Count"),
    gettext_lazy("How this is counted"),
)


def _filename(figures: Figures, extension: str) -> str:
    suffix = "-suppressed" if figures.suppressed else ""
    first, last = financial_year_label(figures.first_year), financial_year_label(figures.last_year)
    return f"figures-{first}-to-{last}{suffix}.{extension}"


@login_required
def figures_csv(request: AuthenticatedRequest) -> HttpResponse:
    _, figures = _figures(request)
    _export(request, figures, "CSV")
    return csv_file([str(column) for column in EXPORT_HEADER], export_rows(figures), _filename(figures, "csv"))


@login_required
def figures_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    """The long table as the first sheet, then each table as it reads on the page."""
    _, figures = _figures(request)
    _export(request, figures, "XLSX")
    sheets: list[tuple[str, Iterable[Sequence[Any]]]] = [(gettext("Figures"), export_rows(figures))]
    for table in figures.tables:
        heading = [in_language(text) for text in (table.row_heading, *table.columns)]
        rows = [heading, *([in_language(label), *map(in_language, values)] for label, values in table.rows)]
        sheets.append(
            (
                table.key,
                [
                    *rows,
                    (),
                    (gettext("How this is counted: %(definition)s") % {"definition": in_language(table.definition)},),
                ],
            )
        )
    return xlsx_download(sheets, _filename(figures, "xlsx"), header=[str(column) for column in EXPORT_HEADER])


# The Home Office's NRM statistics tables (issue 17, item 3) ---------------------------------------

HOME_OFFICE_SHOWN = "reporting.home_office_tables"  # what the audit log names as opened


def _home_office(request: AuthenticatedRequest, kind: str) -> HomeOfficeTables | HttpResponse:
    """The asked period's tables, audited as an export; a page naming the field when the period is
    not one (400)."""
    require_module(request.user, Module.REPORTING)
    figures_is_exact_for(request.user)
    asked = parse_period(request.GET.get("period"))
    if asked is None:
        return render(request, "reporting/home_office_bad_period.html", {"hint": gettext(PERIOD_HINT)}, status=400)
    found = home_office_tables_for_user(request.user, asked)
    open_page_for_user(
        request.user,
        resource=FIGURES,
        action=Action.EXPORT,
        request=request,
        object_type=HOME_OFFICE_SHOWN,
        object_id=asked.code,
        note=f"Home Office tables {found.label} (public) {kind}",
    )
    return found


@login_required
def home_office_csv(request: AuthenticatedRequest) -> HttpResponse:
    """One CSV: a row per table and category, the table named in its first column."""
    found = _home_office(request, "CSV")
    if isinstance(found, HttpResponse):
        return found
    rows = [[in_language(cell) for cell in row] for row in home_office_rows(found)]
    header = [str(column) for column in HOME_OFFICE_HEADER]
    return csv_file(header, rows, f"home-office-tables-{found.period.code}.csv")


@login_required
def home_office_xlsx(request: AuthenticatedRequest) -> HttpResponse:
    """One workbook: a sheet per table (category, potential victims, then the total and how it is
    counted), and a Notes sheet."""
    found = _home_office(request, "XLSX")
    if isinstance(found, HttpResponse):
        return found
    notes = [
        (gettext("Home Office NRM statistics tables, %(period)s") % {"period": found.label},),
        (gettext("How this is counted: %(definition)s") % {"definition": in_language(found.total_definition)},),
        (in_language(found.disclosure_note),),
    ]
    sheets: list[tuple[str, Iterable[Sequence[Any]]]] = [(gettext("Notes"), notes)]
    for table in found.tables:
        rows = [
            (in_language(table.title), gettext("Potential victims, %(period)s") % {"period": found.label}),
            *((in_language(category), in_language(value)) for category, value in table.rows),
            (gettext("Total"), in_language(table.total)),
        ]
        definition = gettext("How this is counted: %(definition)s") % {"definition": in_language(table.definition)}
        sheets.append((in_language(table.title), [*rows, (), (definition,)]))
    return xlsx_download(sheets, f"home-office-tables-{found.period.code}.xlsx")


# Publishing: a release kept as shown, against which the next one is protected --------------------

RELEASES_SHOWN = "reporting.releases"


@login_required
def figures_publish(request: AuthenticatedRequest) -> HttpResponse:
    """Confirm and publish the Figures page for the public or councillors (coordinators only)."""
    open_page_for_user(request.user, resource=FIGURES, action=Action.RECORD, object_type=RELEASES_SHOWN)
    latest = financial_year_of(today_in_london())
    if request.method == "POST":
        form = PublishForm(request.POST, latest=latest)
    else:
        initial = {"first_year": latest - 1, "last_year": latest, "by": "quarter", "audience": "public"}
        initial |= {name: request.GET[name] for name in ("first_year", "last_year", "by") if name in request.GET}
        form = PublishForm(initial=initial, latest=latest)

    def save(data: dict[str, Any]) -> object:
        return figures_release(
            actor=request.user,
            first_year=data["first_year"],
            last_year=data["last_year"],
            by=data["by"],
            audience=Audience(data["audience"]),
            request=request,
        )

    return form_page(
        request,
        form,
        save,
        title=_("Publish these figures"),
        back=reverse("reporting:figures"),
        next_url=reverse("reporting:releases"),
        success=_("Figures published. The next release of the same tables will withhold what this one withheld."),
        button=_("Publish"),
        intro=_(
            "The tables are kept as their readers see them now. Later releases to the same readers keep "
            "withheld what this one withheld, and withhold counts that changed by a small number."
        ),
    )


@login_required
def releases(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """What the organisation released, when, by whom and for whom."""
    require_module(request.user, Module.REPORTING)
    figures_is_exact_for(request.user)  # PermissionDenied without an organisation
    assert request.user.organisation_id is not None
    released = releases_of(request.user.organisation_id)
    download = list_download(
        request, released, resource=FIGURES, columns=_release_columns(), name="releases", title="Figures released"
    )
    if download is not None:
        return download
    open_page_for_user(request.user, resource=FIGURES, request=request, object_type=RELEASES_SHOWN, note="Releases")
    context = {"releases": released, "downloads": list_download_links(request, FIGURES)}
    return render(request, "reporting/releases.html", context)


def _released_by(release: Any) -> str:
    # As the page shows it: the full name, else the username.
    user = release.released_by
    return (user.get_full_name() or user.username) if user else ""


def _release_columns() -> tuple[Column, ...]:
    # Headers and wording in the reader's language, read per download; the counts are on the page.
    return (
        Column(gettext("Released"), lambda r: r.released_at),
        Column(gettext("What"), lambda r: r.get_kind_display()),
        Column(gettext("Period"), lambda r: in_language(r.period_label)),
        Column(gettext("For"), lambda r: in_language(capfirst(r.audience))),
        Column(
            gettext("By"), lambda r: r.released_by.get_full_name() or r.released_by.username if r.released_by else ""
        ),
        Column(gettext("Counts withheld"), lambda r: r.withheld_count),
    )


@login_required
def home_office_publish(request: AuthenticatedRequest) -> HttpResponse:
    """Confirm and publish the Home Office tables for a year or quarter (coordinators only)."""
    open_page_for_user(request.user, resource=FIGURES, action=Action.RECORD, object_type=RELEASES_SHOWN)
    if request.method == "POST":
        form = HomeOfficePublishForm(request.POST)
    else:
        form = HomeOfficePublishForm(initial={"period": request.GET.get("period", "")})
    return form_page(
        request,
        form,
        lambda data: home_office_release(actor=request.user, asked=data["period"], request=request),
        title=_("Publish the Home Office tables"),
        back=reverse("reporting:figures"),
        next_url=reverse("reporting:releases"),
        success=_("Home Office tables published."),
        button=_("Publish"),
        intro=_(
            "The tables are kept as the public sees them now. Later releases of the same tables and periods "
            "keep withheld what this one withheld, and withhold counts that changed by a small number."
        ),
    )
