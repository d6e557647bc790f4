"""A list page's CSV or XLSX download, through the door.

`list_download` answers a list page asked for with `?download=csv|xlsx`: the role must hold the
export action on the list's resource (403 otherwise), the export of a resource holding personal
data is written to the audit log with the filters it was taken with, and a list that also shows
records shared by other organisations exports only the user's own organisation's unless the role
may export shared records too. The writing itself is the kernel's (core/exports.py).
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

from tackle.accounts.door import open_page_for_user
from tackle.core.access import Action, Resource, Scope, allows, scopes_for
from tackle.core.exports import Column, download_links, records_download, requested_format
from tackle.core.periods import today_in_london


def _own_unless_shared(user: Any, records: Iterable[Any], resource: Resource) -> Iterable[Any]:
    if Scope.SHARED in scopes_for(user.role, resource, Action.EXPORT):
        return records
    if isinstance(records, models.QuerySet) and any(f.name == "organisation" for f in records.model._meta.fields):
        return records.filter(organisation_id=user.organisation_id)
    return [r for r in records if getattr(r, "organisation_id", user.organisation_id) == user.organisation_id]


def list_download(
    request: HttpRequest,
    records: Iterable[Any],
    *,
    resource: Resource,
    columns: Sequence[Column],
    name: str,
    title: str,
    table: str = "",
) -> HttpResponse | StreamingHttpResponse | None:
    """The download the request asks for, or None when it asks for the page (or another of its
    tables). `name` is the file's stem and the audit entry's object type; `records` the page's
    filtered records; `table` names a table other than the page's main list."""
    kind = requested_format(request, table)
    if kind is None:
        return None
    user: Any = request.user
    filters = request.GET.copy()
    for not_a_filter in ("download", "page", "table"):
        filters.pop(not_a_filter, None)
    open_page_for_user(
        user,
        resource=resource,
        action=Action.EXPORT,
        request=request,
        object_type=f"export.{name}",
        note=f"{title} exported ({kind.upper()}){f'; filters {filters.urlencode()}' if filters else ''}",
    )
    records = _own_unless_shared(user, records, resource)
    code = user.organisation.code if user.organisation else "tackle"
    filename = f"{name}-{code}-{today_in_london().isoformat()}"
    return records_download(kind, records, columns=columns, filename=filename, title=title)


def list_download_links(request: HttpRequest, resource: Resource, table: str = "") -> list[dict[str, str]]:
    """The list's download links, for a role that may export it; none for one that may not."""
    user: Any = request.user
    return download_links(request, table) if allows(user.role, resource, Action.EXPORT) else []
