"""Releasing figures: each release is kept as shown (reporting.Release) and audited in one transaction."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from tackle.accounts.models import User
from tackle.accounts.selectors import disclosure_for
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.disclosure import Audience
from tackle.core.errors import ApplicationError
from tackle.core.periods import financial_year, financial_year_label
from tackle.reporting import wording
from tackle.reporting.home_office import AskedPeriod, home_office_tables
from tackle.reporting.home_office import release_cells as home_office_cells
from tackle.reporting.models import Release, ReleaseKind
from tackle.reporting.selectors import published_tables, release_cells

# Who a release may be for: internal figures are exact and never published.
RELEASE_AUDIENCES = (Audience.PUBLIC, Audience.COUNCILLORS)


@transaction.atomic
def release_record(
    *,
    actor: User,
    kind: ReleaseKind,
    audience: Audience,
    period_label: str,
    starts_on: date,
    ends_before: date,
    cells: list[list[Any]],
    request: Any = None,
) -> Release:
    """Keep what was released, as its readers saw it."""
    if actor.organisation_id is None:
        raise ApplicationError(gettext("You are not in an organisation"))
    if audience not in RELEASE_AUDIENCES:
        raise ApplicationError(gettext("Choose who the figures are published for"), field="audience")
    release = Release.objects.create(
        organisation_id=actor.organisation_id,
        kind=kind,
        audience=audience,
        period_label=period_label,
        starts_on=starts_on,
        ends_before=ends_before,
        cells=cells,
        released_by=actor,
    )
    note = f"{release.get_kind_display()} {period_label} released ({audience}): {release.withheld_count} withheld"
    audit_record(action=AuditAction.CREATE, actor=actor, request=request, obj=release, note=note)
    return release


def figures_release(
    *, actor: User, first_year: int, last_year: int, by: str, audience: Audience, request: Any = None
) -> Release:
    """Publish the Figures page's tables for the years, as `audience` sees them now (protected against
    every earlier release to it)."""
    if audience not in RELEASE_AUDIENCES:
        raise ApplicationError(gettext("Choose who the figures are published for"), field="audience")
    assert actor.organisation_id is not None
    tables = published_tables(
        actor.organisation_id,
        first_year=first_year,
        last_year=last_year,
        by=by,
        disclosure=disclosure_for(actor.organisation_id, audience),
    )
    years = wording.RELEASED_YEARS[by] % {
        "first": financial_year_label(first_year),
        "last": financial_year_label(last_year),
    }
    return release_record(
        actor=actor,
        kind=ReleaseKind.FIGURES,
        audience=audience,
        period_label=years,
        starts_on=financial_year(first_year).starts_on,
        ends_before=financial_year(last_year).ends_before,
        cells=release_cells(tables, first_year, last_year),
        request=request,
    )


def foi_release(
    *, actor: User, period_label: str, starts_on: date, ends_before: date, cells: list[list[Any]], request: Any = None
) -> Release:
    """Issue an FOI answer: its counts, as the public read them (scrutiny's answer gives the cells).
    The same answer may be issued more than once: two requesters may ask the same question for the
    same period, and each is answered; the counts released are the same, so nothing more is disclosed."""
    return release_record(
        actor=actor,
        kind=ReleaseKind.FOI,
        audience=Audience.PUBLIC,
        period_label=period_label,
        starts_on=starts_on,
        ends_before=ends_before,
        cells=cells,
        request=request,
    )


def home_office_release(*, actor: User, asked: AskedPeriod, request: Any = None) -> Release:
    """Publish the Home Office tables for one financial year or quarter, as the public sees them now."""
    assert actor.organisation_id is not None
    found = home_office_tables(actor.organisation_id, asked)
    period = asked.period()
    return release_record(
        actor=actor,
        kind=ReleaseKind.HOME_OFFICE,
        audience=Audience.PUBLIC,
        period_label=period.label,
        starts_on=period.starts_on,
        ends_before=period.ends_before,
        cells=home_office_cells(found),
        request=request,
    )
