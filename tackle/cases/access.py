"""The cases app's checks, derived from the policy table (tackle/core/access.py)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext_noop

from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import CASE_SEARCH, CASELOADS, CASES, Action, allows

# A partner agency sees only the cases a council shares with it, so it could not open a concern it
# recorded: it tells the council, whose lead records it and may share the case back.
# Marked here, translated where shown (gettext(TELL_THE_COUNCIL)).
TELL_THE_COUNCIL = gettext_noop(
    "Your role cannot record a concern in Tackle. Tell the council's modern slavery lead: they record it "
    "and can share the case with your organisation."
)


def may_record_concerns(user: Any) -> bool:
    return allows(user.role, CASES, Action.RECORD)


def may_search_cases(user: Any) -> bool:
    """Searching by name or date of birth reaches personal data: only roles granted case_search."""
    return allows(user.role, CASE_SEARCH, Action.VIEW)


def require_search_allowed(user: Any, params: Any) -> None:
    if params.get("search") and not may_search_cases(user):
        raise PermissionDenied("Your role cannot search cases by a person's details.")


def may_see_caseloads(user: Any) -> bool:
    return allows(user.role, CASELOADS, Action.VIEW)


def audit_case_list(request: HttpRequest, *, searched: bool, count: int, note: str) -> None:
    """A list of cases was shown. A search's words are personal data: the entry says that a search
    happened and how many cases it found, and its path keeps the filters but not the words."""
    if not searched:
        audit_record(action=AuditAction.LIST, request=request, object_type="cases.case", note=note)
        return
    params = request.GET.copy()
    params.pop("search", None)
    path = request.path + (f"?{params.urlencode()}" if params else "")
    audit_record(
        action=AuditAction.LIST,
        request=request,
        object_type="cases.case",
        note=f"{note}: searched, {count} found",
        path=path,
    )
