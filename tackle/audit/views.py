"""The audit log's pages: the entries with their filters, a case's access report, the CSV export, the
chain's check and the integrity certificate. The log sits below accounts, so these pages cannot use
the door (accounts/door.py): each checks the policy table itself and audits what it shows."""

from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from tackle.audit import task_wording
from tackle.audit.certificate import certificate_context, certificate_pdf_download
from tackle.audit.forms import AuditFilterForm
from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.selectors import (
    audit_events_filtered,
    audit_events_visible_to,
    audit_verification_latest,
    require_audit,
)
from tackle.audit.services import audit_record
from tackle.audit.subjects import references_for, subject_find
from tackle.audit.tasks import verify_audit_chain
from tackle.core.access import AUDIT_INTEGRITY, AUDIT_LOG, Action, allows
from tackle.core.exports import CSV, XLSX, table_download
from tackle.core.tasks import task_run_start


def _own(request: HttpRequest) -> int:
    """The user's organisation, whose log these pages show; without one there is no log to show."""
    user: Any = request.user
    if user.organisation_id is None:
        raise PermissionDenied("Your account belongs to no organisation.")
    return int(user.organisation_id)


def _filtered(request: HttpRequest, form: AuditFilterForm) -> models.QuerySet[AuditEvent]:
    events = audit_events_visible_to(request.user)
    if form.is_bound and form.is_valid():
        return audit_events_filtered(events, **form.filters())
    return events.order_by("-sequence")


def _with_references(request: HttpRequest, events: Any) -> list[tuple[AuditEvent, str]]:
    """Each entry with the reference of the case it concerns ("" for anything else)."""
    events = list(events)
    found = references_for(_own(request), [event.object_id for event in events])
    return [(event, found.get(event.object_id, "")) for event in events]


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    require_audit(request.user, AUDIT_LOG)
    form = AuditFilterForm(request.GET or None, organisation_id=_own(request))
    events = _filtered(request, form).select_related("actor_organisation")
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    subject = form.cleaned_data.get("reference") if form.is_bound and form.is_valid() else None
    context = {
        "form": form,
        "page": page,
        "rows": _with_references(request, page),
        "query": query.urlencode(),
        "subject": subject,
        "may_export": allows(request.user.role, AUDIT_LOG, Action.EXPORT),  # type: ignore[union-attr]
    }
    # The log names staff and where they worked from: reading it is audited like any list of personal
    # data, after the page's rows were read, so a search is not answered with its own entry.
    audit_record(
        action=AuditAction.LIST,
        request=request,
        object_type="audit.auditevent",
        note=f"Audit log searched for {subject.reference}" if subject else "Audit log",
    )
    return render(request, "audit/event_list.html", context)


@login_required
def case_access(request: HttpRequest, case_reference: str) -> HttpResponse:
    """Every entry about one case and the records inside it, oldest first: who opened or changed it,
    when, what and from which organisation. Another organisation's case is not found (404)."""
    require_audit(request.user, AUDIT_LOG)
    subject = subject_find(_own(request), case_reference)
    if subject is None:
        raise Http404("No case of your organisation has this reference.")
    events = list(
        audit_events_visible_to(request.user)
        .filter(object_id__in=list(subject.parts))
        .select_related("actor_organisation", "organisation")
        .order_by("sequence")
    )
    audit_record(
        action=AuditAction.VIEW,
        request=request,
        object_type="audit.access_report",
        note=f"Access report for {subject.reference}",
    )
    opened = [event for event in events if event.action in (AuditAction.VIEW, AuditAction.EXPORT, AuditAction.LIST)]
    context = {
        "subject": subject,
        # Each entry, what in the case it was about, and the organisation of whoever did it.
        "rows": [(event, subject.parts.get(event.object_id, ""), _actor_organisation(event)) for event in events],
        "opened_count": len(opened),
        "people": sorted({event.actor_username or "Tackle" for event in events}),
        "refused_count": sum(event.action == AuditAction.REFUSED for event in events),
    }
    return render(request, "audit/case_access.html", context)


def _actor_organisation(event: AuditEvent) -> Any:
    """A partner's organisation when they acted on another's record; else the record's owner's."""
    return event.actor_organisation or event.organisation


# The header row is read by people: lazy, read (str) per download in the language of its request.
_CSV_COLUMNS = [
    gettext_lazy("Entry"),
    gettext_lazy("When (UTC)"),
    gettext_lazy("Who"),
    gettext_lazy("Their organisation"),
    gettext_lazy("What happened"),
    gettext_lazy("Record type"),
    gettext_lazy("Record identifier"),
    gettext_lazy("Case reference"),
    gettext_lazy("Fields changed"),
    gettext_lazy("Note"),
    gettext_lazy("From (IP address)"),
    gettext_lazy("Page"),
    gettext_lazy("Fingerprint"),
    gettext_lazy("Previous fingerprint"),
]


def _exported_events(request: HttpRequest, kind: str) -> Any:
    """The filtered entries, newest first, after the export's own entry is written (not in them);
    a redirect back to the named errors when the filters do not read."""
    require_audit(request.user, AUDIT_LOG, Action.EXPORT)
    form = AuditFilterForm(request.GET or None, organisation_id=_own(request))
    if form.is_bound and not form.is_valid():
        return redirect(f"{reverse('audit:event-list')}?{request.GET.urlencode()}")  # the errors, named
    events = _filtered(request, form).select_related("actor_organisation", "organisation")
    exported = audit_record(
        action=AuditAction.EXPORT,
        request=request,
        object_type="audit.auditevent",
        note=f"Audit log {kind.upper()}: {events.count()} entries",
    )
    return events.filter(sequence__lt=exported.sequence)  # the entries counted, not the export's own


def _export_rows(request: HttpRequest, events: Any) -> Iterator[list[Any]]:
    chunk: list[AuditEvent] = []
    for event in events.iterator(chunk_size=500):
        chunk.append(event)
        if len(chunk) == 500:
            yield from _cells(request, chunk)
            chunk = []
    yield from _cells(request, chunk)


def _export(request: HttpRequest, kind: str) -> HttpResponse | StreamingHttpResponse:
    """The filtered entries as `kind`; the export is itself an entry in the log. A cell a
    spreadsheet would run as a formula is quoted (core/exports.py)."""
    events = _exported_events(request, kind)
    if isinstance(events, HttpResponse):
        return events
    stamp = timezone.now().strftime("%Y-%m-%d-%H%M")
    rows = _export_rows(request, events)
    return table_download(
        kind,
        header=[str(column) for column in _CSV_COLUMNS],
        rows=rows,
        filename=f"audit-log-{stamp}",
        title=gettext("Audit log"),
    )


@login_required
def export_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    return _export(request, CSV)


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    return _export(request, XLSX)


def _cells(request: HttpRequest, events: list[AuditEvent]) -> Iterator[list[Any]]:
    for event, reference in _with_references(request, events):
        organisation = _actor_organisation(event)
        yield [
            event.sequence,
            event.occurred_at.isoformat(timespec="seconds"),
            event.actor_username or "Tackle",
            organisation.name if organisation is not None else "",
            event.get_action_display(),
            event.object_type,
            event.object_id,
            reference,
            " ".join(event.changed_fields or []),
            event.note,
            event.ip_address or "",
            event.path,
            event.hash,
            event.previous_hash,
        ]


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    require_audit(request.user, AUDIT_INTEGRITY)
    if request.method == "POST":
        require_audit(request.user, AUDIT_INTEGRITY, Action.RECORD)
        run = task_run_start(
            task=verify_audit_chain, user=request.user, name=task_wording.TASK_NAME, started_by_id=request.user.pk
        )
        return redirect("home:task-run-detail", run_uuid=run.uuid)
    return render(request, "audit/verify.html", {"last": audit_verification_latest(request.user)})


@login_required
def certificate(request: HttpRequest) -> HttpResponse:
    """A printable, dated statement of the newest check: the page prints itself cleanly (print CSS)."""
    require_audit(request.user, AUDIT_INTEGRITY)
    return render(request, "audit/certificate.html", certificate_context(request.user))


@login_required
def certificate_pdf(request: HttpRequest) -> HttpResponse:
    require_audit(request.user, AUDIT_INTEGRITY, Action.EXPORT)
    return certificate_pdf_download(request, request.user, note="Integrity certificate PDF")
