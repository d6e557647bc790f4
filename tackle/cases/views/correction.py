from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.correction import CORRECTION_FORMS
from tackle.cases.selectors import get_case_for_user
from tackle.cases.services.correction import case_correct
from tackle.core.form_page import form_page


@login_required
def case_change_edit(request: AuthenticatedRequest, case_uuid: str, group: str) -> HttpResponse:
    """Correct or complete one group of the case's details, with a reason; the case page lists them."""
    form_class = CORRECTION_FORMS.get(group)
    if form_class is None:
        raise Http404(gettext("No such part of the case"))
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    form = form_class(request.POST if request.method == "POST" else None, case=case)
    return form_page(
        request,
        form,
        lambda data: case_correct(
            case=case,
            actor=request.user,
            changes=form.changes(),
            reason=data["reason"],
            expected_version=data["version"],
            request=request,
        ),
        title=form_class.title,
        caption=case.reference,
        back=reverse("cases:case-detail", args=[case.uuid]),
        success=gettext("Case updated"),
        intro=gettext("Correct or add what you now know. Leave out anything you do not know."),
    )
