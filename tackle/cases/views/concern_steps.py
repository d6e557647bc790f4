"""Recording a concern one question per page (issue 18, item 1), for an officer on a phone.

The one-page form (`concern.concern_new`, at concerns/new) stays as it was: API clients, tests and
officers at a desk use it, and both pages save through the same `record_concern`. This flow posts
the one-page form's own field names, step by step, and keeps them in the session only: nothing
reaches the database until "Send" on the check page, so a concern left half-way leaves no record.
The answers are kept under the user's id, so another user of the same browser never sees them."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.forms.utils import ErrorDict
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.concern import ConcernForm, OtherPersonForm
from tackle.cases.forms.concern_steps import CHECK, Step, people_in, steps_for
from tackle.cases.selectors import possible_duplicates
from tackle.cases.views.concern import record_concern, refuse_recording

SESSION_KEY = "concern_answers"


def _stored(request: AuthenticatedRequest) -> dict[str, Any]:
    saved = request.session.get(SESSION_KEY)
    if not saved or saved.get("user") != request.user.pk:
        return {"user": request.user.pk, "data": {}, "answered": []}
    return saved


def _as_query(data: dict[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def step_url(slug: str) -> str:
    return f"{reverse('cases:concern-steps-new')}?step={slug}"


def _step_form(step: Step, data: dict[str, list[str]] | None, *, show_errors: bool) -> Any:
    """The step's form (the one-page form's, for the step's person) showing only the step's fields.
    It is bound to every answer so far, so a rule over several fields (no consent without a reason,
    unless a child) sees the answers of earlier steps."""
    form_class = step.form_class()
    if data is None:
        blank = form_class(prefix=step.prefix)
        blank.fields = {name: blank.fields[name] for name in step.fields}
        return blank
    form: Any = form_class(_as_query(data), prefix=step.prefix)
    errors = {name: error for name, error in form.errors.items() if name in step.fields}
    form.fields = {name: form.fields[name] for name in step.fields}
    form._errors = ErrorDict(errors if show_errors else {}, renderer=form.renderer)
    form._bound_fields_cache.clear()
    return form


@login_required
def concern_steps(request: AuthenticatedRequest) -> HttpResponse:
    refused = refuse_recording(request)
    if refused is not None:
        return refused
    stored = _stored(request)
    steps = steps_for(stored["data"])
    first_open = next(step for step in steps if step.slug not in stored["answered"] or step.slug == CHECK)
    step = next((step for step in steps if step.slug == request.GET.get("step", first_open.slug)), None)
    if step is None or steps.index(step) > steps.index(first_open):  # out of order: the first question left
        return redirect(step_url(first_open.slug))
    if step.slug == CHECK:
        return _check(request, stored, steps)
    if request.method == "POST":
        answers = {key: values for key, values in stored["data"].items() if not step.owns(key)}
        answers |= {key: request.POST.getlist(key) for key in request.POST if step.owns(key)}
        form = _step_form(step, answers, show_errors=True)
        if not form.errors:
            stored = {**stored, "data": answers, "answered": sorted({*stored["answered"], step.slug})}
            request.session[SESSION_KEY] = stored
            following = next(s for s in steps_for(answers) if s.slug not in stored["answered"] or s.slug == CHECK)
            return redirect(step_url(following.slug))
    else:
        answered = step.slug in stored["answered"]
        form = _step_form(step, stored["data"] if answered else None, show_errors=False)
    previous = steps[steps.index(step) - 1].slug if steps.index(step) else None
    context = {
        "form": form,
        "title": step.title,
        "caption": gettext("Record a concern"),
        "back": step_url(previous) if previous else reverse("home:dashboard"),
        "button": gettext("Continue"),
        "first": previous is None,
    }
    return render(request, "cases/concern_step.html", context)


def _full_forms(data: dict[str, list[str]], people: int) -> tuple[ConcernForm, list[OtherPersonForm]]:
    query = _as_query(data)
    return ConcernForm(query), [OtherPersonForm(query, prefix=f"person{number}") for number in range(2, people + 1)]


def _check(request: AuthenticatedRequest, stored: dict[str, Any], steps: list[Step]) -> HttpResponse:
    form, others = _full_forms(stored["data"], people_in(steps))
    forms_of = {1: form, **dict(enumerate(others, start=2))}
    for step in steps[:-1]:  # an answer the whole form refuses: back to its question, with the error
        if not step.another and any(name in forms_of[max(step.person, 1)].errors for name in step.fields):
            stored["answered"] = [slug for slug in stored["answered"] if slug != step.slug]
            request.session[SESSION_KEY] = stored
            return redirect(step_url(step.slug))
    details = form.details()
    organisation = request.user.organisation
    assert organisation is not None
    duplicates = list(
        possible_duplicates(
            organisation_id=organisation.pk, person_name=details["person_name"], location=details["location"]
        )
    )
    if request.method == "POST":
        recorded = record_concern(request, form, others)
        if recorded is not None:
            del request.session[SESSION_KEY]
            return recorded
    context = {
        "sections": _summary(steps, forms_of, stored["data"]),
        "errors": form.non_field_errors(),
        "duplicates": duplicates,
        "back": step_url(steps[-2].slug),
        "people": people_in(steps),
    }
    return render(request, "cases/concern_check.html", context)


def _summary(
    steps: list[Step], forms_of: Mapping[int, forms.BaseForm], data: dict[str, list[str]]
) -> list[dict[str, Any]]:
    """Check your answers: a summary list for the concern and one for each person, each row with
    its Change link."""
    sections: dict[int, dict[str, Any]] = {}
    for step in steps[:-1]:
        title = gettext("Person %(number)d") % {"number": step.person} if step.person else gettext("The concern")
        section = sections.setdefault(step.person, {"title": title, "rows": []})
        if step.another:
            said = (data.get(f"{step.prefix}-another") or [""])[0]
            section["rows"].append(
                {
                    "key": gettext("Anyone else met there?"),
                    "value": gettext("Yes") if said == "yes" else gettext("No"),
                    "url": step_url(step.slug),
                }
            )
            continue
        form = forms_of[max(step.person, 1)]
        for name in step.fields:
            field = form.fields[name]
            value = _shown(field, form.cleaned_data.get(name))
            section["rows"].append({"key": field.label, "value": value, "url": step_url(step.slug)})
    return list(sections.values())


def _shown(field: Any, value: Any) -> str:
    labels: dict[Any, Any] = dict(getattr(field, "choices", None) or [])
    if isinstance(field, forms.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(field, forms.MultipleChoiceField):
        return ", ".join(str(labels.get(item, item)) for item in value or []) or gettext("None")
    if isinstance(field, forms.ChoiceField):
        return str(labels.get(value, value)) if value else gettext("Not given")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, date):
        return date_format(value, "j F Y")
    return str(value) if value not in (None, "") else gettext("Not given")
