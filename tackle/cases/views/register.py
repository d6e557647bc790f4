"""The register page and its exports: open cases on a date, in Home Office categories."""

from collections.abc import Iterator
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.door import open_page_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.register import RegisterDateForm
from tackle.cases.models import Stage
from tackle.cases.register import (
    AGE_GROUP_KEYS,
    EXPORT_COLUMNS,
    STAGE_KEYS,
    parse_as_of,
    register_export_rows,
    register_for_user,
)
from tackle.cases.rules.categories import AGE_GROUP_LABELS
from tackle.core.access import REGISTER, Action
from tackle.core.errors import ApplicationError
from tackle.core.exports import CSV, XLSX, table_download
from tackle.core.periods import today_in_london
from tackle.core.permissions import require_module
from tackle.core.roles import Module


def _parse_iso(raw: str | None) -> date:
    try:
        return parse_as_of(raw)
    except ApplicationError as error:
        raise BadRequest(error.message) from None


def _rows(labels: dict[str, Any], table: dict[str, Any], keys: tuple[str, ...] | None = None) -> list[tuple[Any, Any]]:
    return [(labels.get(key, key), table[key]) for key in (keys or tuple(table))]


@login_required
def register(request: AuthenticatedRequest) -> HttpResponse:
    """How many cases were open on a date, by stage, age group and exploitation type."""
    require_module(request.user, Module.REPORTING)
    form = RegisterDateForm.from_query(request.GET, today_in_london())
    errors = form.is_bound and not form.is_valid()
    context: dict[str, Any] = {"form": form}
    if not errors:
        as_of = form.cleaned_data["as_of"] if form.is_bound else today_in_london()
        counts, disclosure = register_for_user(request.user, as_of=as_of)
        suppressed = not disclosure.exact
        open_page_for_user(
            request.user,
            resource=REGISTER,
            request=request,
            object_type="cases.register",
            object_id=as_of.isoformat(),
            note=f"Register as of {as_of.isoformat()}{' (suppressed)' if suppressed else ''}",
        )
        query = f"?as_of={as_of.isoformat()}"
        context |= {
            "as_of": as_of,
            "counts": counts,
            # A withheld total is words ("fewer than 10"), which no plural form fits.
            "total_is_exact": isinstance(counts["total"], int),
            "suppressed": suppressed,
            "disclosure_note": disclosure.note(),
            "by_stage": _rows(dict(Stage.choices), counts["by_stage"], STAGE_KEYS),
            "by_age_group": _rows(
                {key: gettext(label) for key, label in AGE_GROUP_LABELS.items()},
                counts["by_age_group"],
                AGE_GROUP_KEYS,
            ),
            "children_by_stage": _rows(dict(Stage.choices), counts["children_by_stage"], STAGE_KEYS),
            "by_exploitation_type": _rows({}, counts["by_exploitation_type"]),
            "export_csv": reverse("cases:register-export-csv") + query,
            "export_xlsx": reverse("cases:register-export-xlsx") + query,
        }
    status = 400 if errors else 200
    return render(request, "cases/register.html", context, status=status)


def _export(request: AuthenticatedRequest, kind: str) -> tuple[date, Iterator[tuple[Any, ...]], str]:
    require_module(request.user, Module.REPORTING)
    as_of = _parse_iso(request.GET.get("as_of"))
    rows = register_export_rows(request.user, as_of=as_of)
    open_page_for_user(
        request.user,
        resource=REGISTER,
        action=Action.EXPORT,
        request=request,
        object_type="cases.register",
        object_id=as_of.isoformat(),
        note=f"Register as of {as_of.isoformat()} exported ({kind})",
    )
    code = request.user.organisation.code if request.user.organisation else "tackle"
    filename = f"register-{code}-{as_of.isoformat()}"
    return as_of, (row.cells() for row in rows), filename


@login_required
def export_csv(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """One row per open case in Home Office categories; nothing that identifies a person."""
    as_of, rows, filename = _export(request, "csv")
    return table_download(CSV, header=EXPORT_COLUMNS, rows=rows, filename=filename, title=f"Open on {as_of}")


@login_required
def export_xlsx(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    """The same rows as the CSV, as a spreadsheet with real dates."""
    as_of, rows, filename = _export(request, "xlsx")
    return table_download(XLSX, header=EXPORT_COLUMNS, rows=rows, filename=filename, title=f"Open on {as_of}")
