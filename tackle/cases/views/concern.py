from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from tackle.accounts.door import open_page_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.concern import ConcernForm
from tackle.cases.selectors import possible_duplicates
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.core.access import CASES, Action
from tackle.core.errors import ApplicationError
from tackle.core.forms import add_application_error


@login_required
def concern_new(request: AuthenticatedRequest) -> HttpResponse:
    """Any role the policy lets record a case records a concern; possible duplicates show before saving."""
    # Not a partner agency: it sees only cases shared with it, so could not open what it recorded.
    open_page_for_user(request.user, resource=CASES, action=Action.RECORD, object_type="concern form")
    organisation = request.user.organisation
    assert organisation is not None  # the door lets no one without an organisation through
    form = ConcernForm(request.POST if request.method == "POST" else None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        details = form.details()
        if not request.POST.get("not_a_duplicate"):
            duplicates = list(
                possible_duplicates(
                    organisation_id=organisation.pk,
                    person_name=details["person_name"],
                    location=details["location"],
                )
            )
        if not duplicates:
            try:
                case = case_record_concern(
                    organisation=organisation,
                    recorded_by=request.user,
                    details=ConcernDetails(**details),
                    request=request,
                )
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                return redirect("cases:concern-recorded", case_uuid=case.uuid)
    return render(request, "cases/concern_new.html", {"form": form, "duplicates": duplicates})
