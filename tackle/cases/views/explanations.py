"""The organisation's explanation texts (issue 21, item 4): the lead or administrator keeps them
(tackle/core/access.py CONSENT_EXPLANATIONS); the officer prints the one offered in the person's
language during the consent conversation. Glue over cases/services/explanations.py."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.http import AuthenticatedRequest
from tackle.cases.forms.explanations import ExplanationApproveForm, ExplanationEditForm, ExplanationLanguageForm
from tackle.cases.models import ExplanationLanguage, ExplanationVersion
from tackle.cases.rules.explanations import ExplanationKind, language_from_slug, language_slug
from tackle.cases.rules.pick_lists import LANGUAGE_LABELS, LANGUAGES
from tackle.cases.selectors import (
    ExplanationOffer,
    explanation_languages_visible_to,
    explanation_offer,
    get_case_for_user,
    offered_versions,
)
from tackle.cases.services.explanations import (
    explanation_approve,
    explanation_edit,
    explanation_language_add,
    explanations_shipped_ensure,
)
from tackle.core.access import CONSENT_EXPLANATIONS, Action
from tackle.core.documents import tagged_pdf
from tackle.core.form_page import form_page

_LIST = "cases:explanation-list"


def _organisation(user: Any) -> Any:
    if user.organisation is None:
        raise PermissionDenied(gettext("You are not a member of an organisation."))
    return user.organisation


def _language(request: AuthenticatedRequest, slug: str, action: Action) -> ExplanationLanguage:
    """One of the organisation's languages through the door: 404 for one it does not keep."""
    name = language_from_slug(slug)
    if name is None:
        raise Http404(gettext("No such language"))
    visible = explanation_languages_visible_to(request.user)
    return open_for_user(request.user, visible, resource=CONSENT_EXPLANATIONS, action=action, language=name)


def _kind(slug: str) -> ExplanationKind:
    try:
        return ExplanationKind(slug)
    except ValueError as error:
        raise Http404(gettext("No such explanation")) from error


@login_required
def explanation_list(request: AuthenticatedRequest) -> HttpResponse:
    open_page_for_user(request.user, resource=CONSENT_EXPLANATIONS, object_type="cases.explanationlanguage")
    explanations_shipped_ensure(organisation=_organisation(request.user))
    rows = []
    for language in explanation_languages_visible_to(request.user).prefetch_related("versions"):
        offered = {version.kind: version for version in offered_versions(language)}
        latest: dict[str, ExplanationVersion] = {}
        for version in language.versions.all():
            if version.number > getattr(latest.get(version.kind), "number", 0):
                latest[version.kind] = version
        kinds = [{"kind": kind, "offered": offered.get(kind), "latest": latest.get(kind)} for kind in ExplanationKind]
        rows.append({"language": language, "slug": language_slug(language.language), "kinds": kinds})
    return render(request, "cases/explanation_list.html", {"rows": rows})


@login_required
def explanation_language_new(request: AuthenticatedRequest) -> HttpResponse:
    open_page_for_user(request.user, resource=CONSENT_EXPLANATIONS, action=Action.CHANGE, object_type="")
    organisation = _organisation(request.user)
    form = ExplanationLanguageForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: explanation_language_add(
            organisation=organisation, language=data["language"], actor=request.user, request=request
        ),
        title=gettext("Add a language"),
        back=reverse(_LIST),
        success=gettext("Language added: write its texts"),
        next_url=lambda kept: reverse(
            "cases:explanation-edit", args=[language_slug(kept.language), ExplanationKind.NRM.value]
        ),
        button=gettext("Add language"),
    )


@login_required
def explanation_versions(request: AuthenticatedRequest, language: str, kind: str) -> HttpResponse:
    kept, chosen = _language(request, language, Action.VIEW), _kind(kind)
    versions = kept.versions.filter(kind=chosen).select_related("written_by", "approved_by").order_by("-number")
    offered = next((version for version in offered_versions(kept) if version.kind == chosen), None)
    context = {"kept": kept, "kind": chosen, "versions": versions, "offered": offered, "slug": language}
    return render(request, "cases/explanation_versions.html", context)


@login_required
def explanation_edit_page(request: AuthenticatedRequest, language: str, kind: str) -> HttpResponse:
    kept, chosen = _language(request, language, Action.CHANGE), _kind(kind)
    latest = kept.versions.filter(kind=chosen).order_by("-number").first()
    form = ExplanationEditForm(
        request.POST if request.method == "POST" else None,
        initial={"title": latest.title, "body": latest.body} if latest else {"title": chosen.label},
    )
    for name in ("title", "body"):  # typed in the text's language: spelling checkers and screen readers follow
        form.fields[name].widget.attrs["lang"] = kept.lang
    back = reverse("cases:explanation-versions", args=[language, chosen.value])
    return form_page(
        request,
        form,
        lambda data: explanation_edit(
            language=kept,
            kind=chosen,
            title=data["title"],
            body=data["body"],
            actor=request.user,
            request=request,
        ),
        title=gettext("Edit: %(kind)s") % {"kind": chosen.label},
        caption=str(LANGUAGE_LABELS.get(kept.language, kept.language)),  # in the reader's language
        back=back,
        success=gettext("New version saved: approve it to offer it"),
        template="cases/explanation_edit.html",
        context={"lang": kept},
    )


@login_required
def explanation_approve_page(request: AuthenticatedRequest, language: str, kind: str, number: int) -> HttpResponse:
    kept, chosen = _language(request, language, Action.CHANGE), _kind(kind)
    version = get_object_or_404(kept.versions, kind=chosen, number=number)
    back = reverse("cases:explanation-versions", args=[language, chosen.value])
    return form_page(
        request,
        ExplanationApproveForm(request.POST if request.method == "POST" else None),
        lambda _data: explanation_approve(version=version, actor=request.user, request=request),
        title=gettext("Approve version %(number)s") % {"number": version.number},
        caption=f"{LANGUAGE_LABELS.get(kept.language, kept.language)}: {chosen.label}",
        back=back,
        success=gettext("Version approved: it is offered from now on"),
        button=gettext("Approve and offer"),
        template="cases/explanation_approve.html",
        context={"version": version, "lang": kept},
    )


def chosen_language(request: HttpRequest) -> str:
    """The person's language the officer picked (?language=), or empty for none from the list."""
    asked = request.GET.get("language", "")
    return asked if asked in LANGUAGES else ""


def _offer_for_print(request: AuthenticatedRequest, case_uuid: str) -> tuple[Any, ExplanationOffer]:
    # Printing is part of the consent conversation: the same people, the same case.
    case = get_case_for_user(request.user, case_uuid, to_change=True)
    explanations_shipped_ensure(organisation=case.organisation)
    return case, explanation_offer(case.organisation_id, chosen_language(request) or "English")


@login_required
def consent_explanation(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    """The texts on a page of their own, to print and hand over. Nothing about the person is on it."""
    case, offer = _offer_for_print(request, case_uuid)
    return render(request, "cases/consent_explanation_print.html", {"case": case, "offer": offer, "page": True})


@login_required
def consent_explanation_pdf(request: AuthenticatedRequest, case_uuid: str) -> HttpResponse:
    case, offer = _offer_for_print(request, case_uuid)
    if not offer.versions:
        raise Http404(gettext("No approved explanation"))
    html = render_to_string("cases/consent_explanation_print.html", {"case": case, "offer": offer})
    # The title in the text's own language: the headings joined, as the person reads them.
    pdf = tagged_pdf(html, title=" · ".join(version.title for version in offer.versions), language=offer.lang)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="explanation-{language_slug(offer.language)}.pdf"'
    return response
