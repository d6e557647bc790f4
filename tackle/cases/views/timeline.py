from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.selectors import get_case_for_user
from tackle.cases.timeline import case_timeline, sees_whole_timeline


@login_required
def timeline(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    """Everything that happened on the case, with who and when; opening it is audited as a view."""
    case = get_case_for_user(request.user, case_uuid, request=request, note="Timeline")
    context = {
        "case": case,
        "entries": case_timeline(request.user, case),
        "whole": sees_whole_timeline(request.user, case),
    }
    return render(request, "cases/case_timeline.html", context)
