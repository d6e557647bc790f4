"""Helpers shared by the disruption pages."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect, render

from tackle.core.errors import ApplicationError
from tackle.core.http import AuthenticatedRequest
from tackle.core.permissions import get_visible_or_404


def form_page(
    request: AuthenticatedRequest,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], object],
    *,
    title: str,
    back: str,
    success: str,
    next_url: Callable[[Any], str] | None = None,
    button: str = "Save",
    caption: str = "",
    intro: str = "",
) -> HttpResponse:
    """One form on a page: a rule that says no shows as a form error and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ApplicationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, success)
            return redirect(next_url(saved) if next_url else back)
    context = {"form": form, "title": title, "back": back, "button": button, "caption": caption, "intro": intro}
    return render(request, "disrupt/form_page.html", context)


def own_or_404[M: models.Model](model: type[M], request: AuthenticatedRequest, record_uuid: Any) -> M:
    """A record the user's organisation owns, to change: anyone else's is not found."""
    return get_visible_or_404(
        model._default_manager.filter(organisation_id=request.user.organisation_id), uuid=record_uuid
    )


def organisation_of(request: AuthenticatedRequest) -> Any:
    organisation = request.user.organisation
    assert organisation is not None  # require_disruption has checked the user belongs to one
    return organisation
