"""`/api/v1/cases/{uuid}/referrals`: the case's referral actions (MASH, the NRM, the Duty to Notify...)
as the case page lists them, and one updated as its Update page does: the page's form and
referral_update (audited). A partner sees them only where the case's share reaches the referral."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.cases.api.case import ReferralSerializer
from tackle.cases.forms.case import ReferralUpdateForm
from tackle.cases.models import Referral, ReferralStatus
from tackle.cases.selectors import get_case_for_user, share_scope_for
from tackle.cases.services.case import referral_update
from tackle.core.access import ShareScope
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated


class ReferralActionSerializer(ReferralSerializer):
    overdue = serializers.SerializerMethodField()

    class Meta(ReferralSerializer.Meta):
        fields = [*ReferralSerializer.Meta.fields, "overdue"]

    def get_overdue(self, referral: Referral) -> bool:
        return referral.is_open and referral.due_by is not None and referral.due_by < timezone.now()


class ReferralFilter(serializers.Serializer):
    status = serializers.ChoiceField(ReferralStatus.choices, required=False)
    sort = sort_choice("due_by", "code", default="due_by")


class ReferralUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(ReferralStatus.choices, required=False)
    sent_at = serializers.DateTimeField(required=False, allow_null=True, help_text="Needed when sent or done")
    outcome = serializers.CharField(required=False, allow_blank=True, help_text="Outcome or notes")


@extend_schema(
    operation_id="v1_cases_referrals_list",
    summary="A case's referral actions",
    description="As the case page lists them, each with its deadline and whether it is overdue. A partner sees "
    "them only where the case's share reaches the referral (403 for a summary share). Audited as a view.",
    parameters=[ReferralFilter, PAGE_PARAMETER],
    responses=paginated("PaginatedReferralActionList", ReferralActionSerializer),
)
@api_view(["GET"])
def referral_list(request: Request, case_uuid: Any) -> Response:
    user = api_user(request)
    case = get_case_for_user(user, case_uuid, request=request._request, note="Referral actions")
    scope = share_scope_for(user, case)
    if scope is not None and not (scope and ShareScope(scope).reaches(ShareScope.REFERRAL)):
        raise PermissionDenied(gettext("What was shared with your organisation does not include this."))
    wanted = query_or_400(ReferralFilter, request)
    referrals = case.referrals.all()
    if wanted.get("status"):
        referrals = referrals.filter(status=wanted["status"])
    response, _ = one_page(
        request, sorted_by(referrals, wanted["sort"]), lambda page: ReferralActionSerializer(page, many=True).data
    )
    return response


@extend_schema(
    methods=["GET"],
    operation_id="v1_cases_referral_retrieve",
    summary="One referral action, to update",
    description="As the action's Update page: for those who may change the case.",
    responses=ReferralActionSerializer,
)
@extend_schema(
    methods=["PATCH"],
    summary="Update a referral action",
    description="As the action's Update page, through the same form and service: sent or done needs when "
    "(`sent_at`); a Duty to Notify is never sent for a child. Fields left out keep their values. Audited.",
    request=ReferralUpdateSerializer,
    responses=ReferralActionSerializer,
    examples=[
        OpenApiExample(
            "Sent to the MASH",
            value={"status": "sent", "sent_at": "2026-03-02T09:40:00Z", "outcome": "Strategy meeting booked"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "PATCH"])
def referral_edit(request: Request, case_uuid: Any, referral_uuid: Any) -> Response:
    user = api_user(request)
    case = get_case_for_user(user, case_uuid, to_change=True)
    referral = get_object_or_404(case.referrals, uuid=referral_uuid)
    if request.method == "GET":
        return Response(ReferralActionSerializer(referral).data)
    incoming = body_or_400(ReferralUpdateSerializer, request)
    form = checked_by_form(ReferralUpdateForm(merged(referral, incoming, ["status", "sent_at", "outcome"])))
    referral = referral_update(
        referral=referral,
        actor=user,
        status=form.cleaned_data["status"],
        sent_at=form.cleaned_data["sent_at"],
        outcome=form.cleaned_data["outcome"],
        request=request._request,
    )
    return Response(ReferralActionSerializer(referral).data)
