from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.pathway import PathwaySettingsForm
from tackle.cases.services.pathway import pathway_settings_of, pathway_settings_update
from tackle.core import access
from tackle.core.errors import ApplicationError
from tackle.core.forms import add_application_error


@login_required
def edit(request: AuthenticatedRequest) -> HttpResponse:
    """The organisation's pathway settings. Only its modern slavery lead may see or change them."""
    user = request.user
    may_change = access.allows(user.role, access.PATHWAY_SETTINGS, access.Action.CHANGE)
    if not may_change or user.organisation is None or not user.is_active:
        raise PermissionDenied(gettext("Only the modern slavery lead can change the pathway settings."))
    settings = pathway_settings_of(user.organisation)
    form = PathwaySettingsForm(
        request.POST if request.method == "POST" else None, initial=PathwaySettingsForm.initial_from(settings)
    )
    if request.method == "POST" and form.is_valid():
        try:
            pathway_settings_update(
                organisation=user.organisation, actor=user, request=request, **form.settings_values()
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, gettext("Pathway settings saved"))
            return redirect("cases:pathway-settings")
    return render(request, "cases/pathway_settings.html", {"form": form})
