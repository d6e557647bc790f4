from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.access import TELL_THE_COUNCIL, may_record_concerns
from tackle.cases.forms.concern import ConcernForm, OtherPersonForm, unbound_copy
from tackle.cases.selectors import case_list_visible_to, encounters_visible_to, possible_duplicates
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.cases.services.encounter import MAX_PEOPLE, encounter_record
from tackle.core.access import CASES, Action
from tackle.core.errors import ApplicationError
from tackle.core.forms import add_application_error
from tackle.core.roles import Module


def _people_count(data: Any) -> int:
    """How many people the form holds: the first, and one more each time 'Add another person' is pressed."""
    try:
        count = int(data.get("people", 1))
    except (TypeError, ValueError):
        count = 1
    if "add_person" in data:
        count += 1
    return max(1, min(count, MAX_PEOPLE))


@login_required
def concern_new(request: AuthenticatedRequest) -> HttpResponse:
    """Any role the policy lets record a case records a concern; possible duplicates show before saving.
    Several people met together: 'Add another person' (a plain submit button, no JavaScript) adds a
    short section for each, and each becomes a case of their own, linked to one encounter."""
    refused = refuse_recording(request)
    if refused is not None:
        return refused
    organisation = request.user.organisation
    assert organisation is not None  # the door lets no one without an organisation through
    data = request.POST if request.method == "POST" else None
    count = _people_count(data or {})
    prefixes = [f"person{number}" for number in range(2, count + 1)]
    if data is not None and "add_person" in data:  # the form as typed, with one more person: no errors yet
        form = unbound_copy(ConcernForm, data)
        others = [unbound_copy(OtherPersonForm, data, prefix=prefix) for prefix in prefixes]
        return _page(request, form, others, count, [])
    form = ConcernForm(data)
    others = [OtherPersonForm(data, prefix=prefix) for prefix in prefixes]
    duplicates = []
    if data is not None and form.is_valid() and all(other.is_valid() for other in others):
        details = form.details()
        if not data.get("not_a_duplicate"):
            duplicates = list(
                possible_duplicates(
                    organisation_id=organisation.pk,
                    person_name=details["person_name"],
                    location=details["location"],
                )
            )
        if not duplicates:
            recorded = record_concern(request, form, others)
            if recorded is not None:
                return recorded
    return _page(request, form, others, count, duplicates)


def refuse_recording(request: AuthenticatedRequest) -> HttpResponse | None:
    """The answer to a user who may not record a concern (the door's 403), or None, with the page's
    opening audited."""
    # Not a partner agency: it sees only cases shared with it, so could not open what it recorded.
    # It is told, before typing anything, whom to tell instead.
    if request.user.may_use(Module.CASES) and not may_record_concerns(request.user):
        return render(
            request, "cases/concern_tell_the_council.html", {"message": gettext(TELL_THE_COUNCIL)}, status=403
        )
    open_page_for_user(request.user, resource=CASES, action=Action.RECORD, object_type="concern form")
    return None


def record_concern(
    request: AuthenticatedRequest, form: ConcernForm, others: list[OtherPersonForm]
) -> HttpResponse | None:
    """Saves valid forms through the services, for the one-page form and the step-by-step one alike:
    one person is a case; several met together are an encounter with a case each. The redirect to
    what was recorded, or None with the service's refusal added to `form`."""
    organisation = request.user.organisation
    assert organisation is not None
    details = form.details()
    try:
        if not others:
            case = case_record_concern(
                organisation=organisation,
                recorded_by=request.user,
                details=ConcernDetails(**details),
                request=request,
            )
            return redirect("cases:concern-recorded", case_uuid=case.uuid)
        encounter, _ = encounter_record(
            organisation=organisation,
            recorded_by=request.user,
            encountered_at=details["encountered_at"],
            location=details["location"],
            what_was_seen=details["what_was_seen"],
            people=[ConcernDetails(**details), *(ConcernDetails(**other.details(details)) for other in others)],
            request=request,
        )
        return redirect("cases:encounter-detail", encounter_uuid=encounter.uuid)
    except ApplicationError as error:
        add_application_error(form, error)  # a person's error (`people[1].age`) shows above the form
        return None


def _page(request: AuthenticatedRequest, form: Any, others: list, count: int, duplicates: list) -> HttpResponse:
    context = {
        "form": form,
        "others": [(number, other) for number, other in enumerate(others, start=2)],
        "people": count,
        "may_add": count < MAX_PEOPLE,
        "duplicates": duplicates,
    }
    return render(request, "cases/concern_new.html", context)


@login_required
def encounter_detail(request: AuthenticatedRequest, encounter_uuid: str) -> HttpResponse:
    """The people met together and the case of each, as far as the user may see them."""
    encounter = open_for_user(
        request.user, encounters_visible_to(request.user), resource=CASES, request=request, uuid=encounter_uuid
    )
    cases = case_list_visible_to(request.user).filter(encounter=encounter).prefetch_related("referrals").order_by("pk")
    return render(request, "cases/encounter_detail.html", {"encounter": encounter, "cases": cases})
