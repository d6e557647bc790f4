"""`/api/v1/explanations`: the organisation's explanation texts read before consent (issue 21, item 4), kept
by the lead or administrator as the Explanation texts pages keep them: languages added, a new version
written, a version approved to be offered; the pages' forms and services (audited). By language slug
(`romanian`) and kind, as the pages' addresses name them."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.cases.forms.explanations import ExplanationEditForm, ExplanationLanguageForm
from tackle.cases.models import ExplanationLanguage, ExplanationVersion
from tackle.cases.models.explanation import KIND_CHOICES
from tackle.cases.rules.explanations import ExplanationKind, language_from_slug, language_slug
from tackle.cases.rules.pick_lists import LANGUAGES
from tackle.cases.selectors import explanation_languages_visible_to, offered_versions
from tackle.cases.services.explanations import (
    explanation_approve,
    explanation_edit,
    explanation_language_add,
    explanations_shipped_ensure,
)
from tackle.core.access import CONSENT_EXPLANATIONS, Action
from tackle.core.api_lists import body_or_400, checked_by_form


class VersionSerializer(serializers.ModelSerializer):
    language = serializers.CharField(source="language.language", read_only=True)
    written_by = serializers.CharField(source="written_by.username", allow_null=True, default=None)
    approved_by = serializers.CharField(source="approved_by.username", allow_null=True, default=None)

    class Meta:
        model = ExplanationVersion
        fields = [
            "language",
            "kind",
            "number",
            "title",
            "body",
            "written_by",
            "written_at",
            "approved_by",
            "approved_at",
        ]


class KindSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(KIND_CHOICES)  # as the version's kind: one choice set in the schema
    offered = serializers.IntegerField(allow_null=True, help_text="The number of the version offered; null: none")
    latest = serializers.IntegerField(allow_null=True, help_text="The newest version's number, approved or not")


class LanguageSerializer(serializers.Serializer):
    language = serializers.CharField()
    slug = serializers.CharField(help_text="How the addresses below name the language")
    kinds = KindSerializer(many=True)


class LanguageAddSerializer(serializers.Serializer):
    language = serializers.ChoiceField(LANGUAGES)


class VersionWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, help_text="The heading, in the text's own language")
    body = serializers.CharField()


def _language_row(language: ExplanationLanguage) -> dict[str, Any]:
    offered = {version.kind: version.number for version in offered_versions(language)}
    latest: dict[str, int] = {}
    for version in language.versions.all():
        latest[version.kind] = max(version.number, latest.get(version.kind, 0))
    kinds = [{"kind": kind.value, "offered": offered.get(kind), "latest": latest.get(kind)} for kind in ExplanationKind]
    return {"language": language.language, "slug": language_slug(language.language), "kinds": kinds}


def _opened(request: Request, slug: str, kind: str, action: Action) -> tuple[ExplanationLanguage, ExplanationKind]:
    """One of the organisation's languages through the door (404 for one it does not keep), and the kind."""
    name = language_from_slug(slug)
    if name is None or kind not in ExplanationKind:
        raise Http404(gettext("No such explanation"))
    user = api_user(request)
    kept = open_for_user(
        user, explanation_languages_visible_to(user), resource=CONSENT_EXPLANATIONS, action=action, language=name
    )
    return kept, ExplanationKind(kind)


@extend_schema(
    methods=["GET"],
    summary="Explanation texts by language",
    description="As the Explanation texts page: each language the organisation keeps, and for each kind of text "
    "the version offered (approved last) and the newest. For the lead and the administrator.",
    responses=LanguageSerializer(many=True),
)
@extend_schema(
    methods=["POST"],
    summary="Add a language",
    description="As the Add a language page: a language from the list the organisation does not keep yet.",
    request=LanguageAddSerializer,
    responses={201: LanguageSerializer},
    examples=[OpenApiExample("Romanian", value={"language": "Romanian"}, request_only=True)],
)
@api_view(["GET", "POST"])
def explanation_list(request: Request) -> Response:
    user = api_user(request)
    writing = request.method == "POST"
    action = Action.CHANGE if writing else Action.VIEW
    open_page_for_user(user, resource=CONSENT_EXPLANATIONS, action=action, object_type="cases.explanationlanguage")
    organisation: Any = user.organisation
    explanations_shipped_ensure(organisation=organisation)
    if writing:
        incoming = body_or_400(LanguageAddSerializer, request)
        data = checked_by_form(ExplanationLanguageForm(incoming)).cleaned_data
        kept = explanation_language_add(
            organisation=organisation, language=data["language"], actor=user, request=request._request
        )
        return Response(LanguageSerializer(_language_row(kept)).data, status=status.HTTP_201_CREATED)
    languages = explanation_languages_visible_to(user).prefetch_related("versions").order_by("language")
    return Response(LanguageSerializer([_language_row(language) for language in languages], many=True).data)


@extend_schema(
    methods=["GET"],
    operation_id="v1_explanation_versions_list",
    summary="One text's versions",
    description="Every version of one kind of text in one language, newest first.",
    responses=VersionSerializer(many=True),
)
@extend_schema(
    methods=["POST"],
    operation_id="v1_explanation_versions_create",
    summary="Write a new version",
    description="As the text's Edit page: a new version, offered once approved. Audited.",
    request=VersionWriteSerializer,
    responses={201: VersionSerializer},
    examples=[
        OpenApiExample(
            "Consent in Romanian",
            value={"title": "Consimțământul dumneavoastră", "body": "Puteți spune da sau nu."},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def explanation_versions(request: Request, language: str, kind: str) -> Response:
    writing = request.method == "POST"
    kept, chosen = _opened(request, language, kind, Action.CHANGE if writing else Action.VIEW)
    if writing:
        data = checked_by_form(ExplanationEditForm(body_or_400(VersionWriteSerializer, request))).cleaned_data
        version = explanation_edit(
            language=kept, kind=chosen, title=data["title"], body=data["body"], actor=api_user(request),
            request=request._request,
        )  # fmt: skip
        return Response(VersionSerializer(version).data, status=status.HTTP_201_CREATED)
    versions = kept.versions.filter(kind=chosen).select_related("written_by", "approved_by").order_by("-number")
    return Response(VersionSerializer(versions, many=True).data)


@extend_schema(
    summary="Approve a version",
    description="As the version's Approve page: it is offered from now on. Audited.",
    request=None,
    responses=VersionSerializer,
)
@api_view(["POST"])
def explanation_approve_api(request: Request, language: str, kind: str, number: int) -> Response:
    kept, chosen = _opened(request, language, kind, Action.CHANGE)
    version = get_object_or_404(kept.versions, kind=chosen, number=number)
    version = explanation_approve(version=version, actor=api_user(request), request=request._request)
    return Response(VersionSerializer(version).data)
