"""One small form on its own page: show it, check it, save it through a service, redirect.

A rule a service enforces (ApplicationError) shows as an error on the form and nothing is saved."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tackle.core.errors import ApplicationError
from tackle.core.forms import add_application_error


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], object],
    *,
    title: str,
    back: str,
    success: str,
    next_url: str | Callable[[Any], str] | None = None,
    button: str = "",  # empty: "Save", in the reader's language (core/form_page.html)
    caption: str = "",
    intro: str = "",
    warning: str = "",
    template: str = "core/form_page.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """`next_url`: where to go after saving, or a function of what `save` returned; `back` otherwise.
    `warning` also turns the button red, for a step that cannot be undone. `template` may extend
    core/form_page.html to show more above the form (its blocks), from `context`."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, success)
            target = next_url(saved) if callable(next_url) else next_url
            return redirect(target or back)
    context = {
        **(context or {}),
        "form": form,
        "title": title,
        "back": back,
        "button": button,
        "caption": caption,
        "intro": intro,
        "warning": warning,
    }
    return render(request, template, context)
