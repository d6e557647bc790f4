"""`/api/v1/cases/{uuid}/shares`: a case shared with a partner organisation, as the case's Share and
Revoke pages do it: the same forms and services (scope, purpose, lawful basis, consent, expiry;
audited), for those who may change the case. The partner then sees only what the scope opens."""

from typing import Any

from django import forms
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.cases.forms.case import ShareForm
from tackle.cases.forms.share_revoke import ShareRevokeConfirmForm
from tackle.cases.selectors import get_case_for_user
from tackle.cases.services.share import case_share, case_share_revoke, shares_of
from tackle.core.access import ShareScope
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.models import LawfulBasis, ShareConsent
from tackle.core.periods import end_of_day

_FIELDS = ["organisation", "scope", "purpose", "lawful_basis", "lawful_basis_detail", "consent", "consent_note"]


class CaseShareSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = serializers.CharField(source="organisation.code")
    organisation_name = serializers.CharField(source="organisation.name")
    scope = serializers.ChoiceField([scope.value for scope in ShareScope])
    purpose = serializers.CharField(source="reason")
    lawful_basis = serializers.ChoiceField(LawfulBasis.choices)
    lawful_basis_detail = serializers.CharField()
    consent = serializers.ChoiceField(ShareConsent.choices)
    consent_note = serializers.CharField()
    shared_by = serializers.CharField(source="shared_by.username")
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField(allow_null=True)
    revoked_at = serializers.DateTimeField(allow_null=True)


class CaseShareWriteSerializer(serializers.Serializer):
    organisation = serializers.CharField(max_length=20, help_text="The code of the partner organisation")
    scope = serializers.ChoiceField([scope.value for scope in ShareScope], help_text="What the partner will see")
    purpose = serializers.CharField(max_length=300)
    lawful_basis = serializers.ChoiceField(LawfulBasis.choices, help_text="UK GDPR Article 6")
    lawful_basis_detail = serializers.CharField(required=False, allow_blank=True, default="")
    consent = serializers.ChoiceField(ShareConsent.choices, help_text="Did the person consent to this share?")
    consent_note = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Why consent was not given or not asked"
    )
    expires_on = PlausibleDateField(required=False, allow_null=True, default=None, help_text="Empty: until revoked")


class ShareFilter(serializers.Serializer):
    organisation = serializers.CharField(required=False, max_length=20, help_text="A partner's organisation code")
    sort = sort_choice("created_at", "expires_at", default="-created_at")


class CaseShareRevokeSerializer(serializers.Serializer):
    confirm = serializers.CharField(help_text="Must be 'revoke': a revoked share cannot be restored")


@extend_schema(
    methods=["GET"],
    summary="A case's shares with partners",
    description="Live, ended and revoked (newest first unless sorted), as the case page lists them to those who "
    "may change the case.",
    parameters=[ShareFilter, PAGE_PARAMETER],
    responses=paginated("PaginatedCaseShareList", CaseShareSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Share a case with a partner",
    description="As the case's Share page: what the partner will see (summary, referral or support), the "
    "purpose, the lawful basis and whether the person consented (a reason where not; consent is the basis only "
    "when given), until an optional date. Audited.",
    request=CaseShareWriteSerializer,
    responses={201: CaseShareSerializer},
    examples=[
        OpenApiExample(
            "With the police, for the referral",
            value={
                "organisation": "POL-1",
                "scope": "referral",
                "purpose": "Joint safeguarding visit",
                "lawful_basis": "public_task",
                "consent": "given",
                "expires_on": "2026-12-31",
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def share_list(request: Request, case_uuid: Any) -> Response:
    user = api_user(request)
    case = get_case_for_user(user, case_uuid, to_change=True)  # the page lists them to case workers only
    if request.method == "GET":
        wanted = query_or_400(ShareFilter, request)
        shares = shares_of(case)
        if wanted.get("organisation"):
            shares = shares.filter(organisation__code=wanted["organisation"])
        shares = sorted_by(shares, wanted["sort"])
        response, _ = one_page(request, shares, lambda page: CaseShareSerializer(page, many=True).data)
        return response
    incoming = body_or_400(CaseShareWriteSerializer, request)
    form = ShareForm(merged({}, incoming, [*_FIELDS, "expires_on"]), organisation_id=case.organisation_id)
    organisation_field = form.fields["organisation"]
    assert isinstance(organisation_field, forms.ModelChoiceField)
    organisation_field.to_field_name = "code"  # organisations are named by their code in the API
    data = checked_by_form(form).cleaned_data
    expires_on = data["expires_on"]
    share = case_share(  # ApplicationError: 400 naming the field, as the page shows it
        case=case,
        actor=user,
        expires_at=end_of_day(expires_on) if expires_on else None,
        request=request._request,
        **{name: data[name] for name in _FIELDS},
    )
    return Response(CaseShareSerializer(share).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Revoke a case's share",
    description="As the case's Revoke page: the partner stops seeing the case at once; it cannot be undone (share "
    "anew instead), so the body must confirm it. Audited.",
    request=CaseShareRevokeSerializer,
    responses=CaseShareSerializer,
    examples=[OpenApiExample("Confirmed", value={"confirm": "revoke"}, request_only=True)],
)
@api_view(["POST"])
def share_revoke(request: Request, case_uuid: Any, share_id: int) -> Response:
    user = api_user(request)
    case = get_case_for_user(user, case_uuid, to_change=True)
    share = get_object_or_404(shares_of(case), pk=share_id)
    sent = request.data.get("confirm", "") if isinstance(request.data, dict) else ""
    confirmation = ShareRevokeConfirmForm({"confirm": sent})
    if not confirmation.is_valid():  # the page's own check, its message under the field a client sends
        raise ValidationError({"confirm": [str(error) for error in confirmation.non_field_errors()]})
    share = case_share_revoke(case=case, share=share, actor=user, request=request._request)
    return Response(CaseShareSerializer(share).data)
