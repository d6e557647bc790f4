"""/api/v1/agreements: information-sharing agreements as their pages keep them: either party reads
its own; a coordinator proposes one, the partner accepts it, either party declines a proposal or
revokes an accepted agreement, through the same services and the same checks."""

from collections.abc import Callable

from django import forms
from django.db.models import Q
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.core.access import AGREEMENTS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.disrupt import selectors, services
from tackle.disrupt.access import require_coordinator, require_disruption
from tackle.disrupt.api.common import audit_list, filters_of, organisation_of, user_of
from tackle.disrupt.choices import LegalBasis, SharingCategory
from tackle.disrupt.forms import AgreementForm
from tackle.disrupt.models import SharingAgreement
from tackle.disrupt.selectors import AgreementStatus

CONFIRM_REVOKE = "revoke"


class AgreementSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.code", read_only=True, help_text="Proposed it")
    partner = serializers.CharField(source="partner.code", read_only=True, help_text="Proposed to")
    categories = serializers.ListField(child=serializers.ChoiceField(SharingCategory.choices))
    status = serializers.SerializerMethodField()

    class Meta:
        model = SharingAgreement
        fields = [
            "uuid", "organisation", "partner", "title", "purpose", "legal_basis", "categories", "starts_on",
            "expires_on", "status", "accepted_at", "declined_at", "revoked_at",
        ]  # fmt: skip

    def get_status(self, agreement: SharingAgreement) -> str:
        return str(selectors.agreement_status(agreement))


class AgreementFilters(serializers.Serializer):
    status = serializers.ChoiceField([str(each) for each in AgreementStatus], required=False)
    partner = serializers.CharField(required=False, help_text="The other party's code, either way round")
    sort = sort_choice("starts_on", "expires_on", "title", default="-starts_on")


class AgreementWriteSerializer(serializers.Serializer):
    partner = serializers.CharField(max_length=20, help_text="The code of the organisation proposed to")
    title = serializers.CharField(max_length=200)
    purpose = serializers.CharField()
    legal_basis = serializers.ChoiceField(LegalBasis.choices)
    categories = serializers.ListField(child=serializers.ChoiceField(SharingCategory.choices), allow_empty=False)
    starts_on = PlausibleDateField()
    expires_on = PlausibleDateField(help_text="On or after the start date")


class RevokeSerializer(serializers.Serializer):
    confirm = serializers.ChoiceField(
        [CONFIRM_REVOKE], help_text="Must be 'revoke': revoking cannot be undone, as the page's check says"
    )


@extend_schema(
    methods=["GET"],
    operation_id="agreements_list",
    summary="Sharing agreements your organisation is party to",
    description="Proposed by it or to it, in any state. Every listing is audited.",
    parameters=[AgreementFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedAgreementList", AgreementSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Propose a sharing agreement",
    description="For coordinators, checked as the Propose a sharing agreement page. It shares nothing, either "
    "way, until the partner accepts it.",
    request=AgreementWriteSerializer,
    responses={201: AgreementSerializer},
    examples=[
        OpenApiExample(
            "With the police",
            value={
                "partner": "POL-1",
                "title": "Modern slavery partnership agreement",
                "purpose": "Joint disruption of modern slavery in the borough",
                "legal_basis": "cda_1998_s115",
                "categories": ["intelligence", "premises"],
                "starts_on": "2026-04-01",
                "expires_on": "2027-03-31",
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def agreement_list(request: Request) -> Response:
    user = user_of(request)
    if request.method == "POST":
        require_coordinator(user)
        incoming = body_or_400(AgreementWriteSerializer, request)
        form = AgreementForm(merged({}, incoming, AgreementForm.Meta.fields), organisation=organisation_of(request))
        partner_field = form.fields["partner"]
        assert isinstance(partner_field, forms.ModelChoiceField)
        partner_field.to_field_name = "code"  # organisations are named by their code in the API
        data = checked_by_form(form).cleaned_data
        agreement = services.agreement_propose(
            actor=user, agreement=form.save(commit=False), categories=data["categories"], request=request._request
        )
        return Response(AgreementSerializer(agreement).data, status=status.HTTP_201_CREATED)
    require_disruption(user)
    filters = filters_of(AgreementFilters, request)
    agreements = selectors.agreements_visible_to(user)
    if filters.get("partner"):
        code = filters["partner"]
        agreements = agreements.filter(Q(organisation__code=code) | Q(partner__code=code))
    agreements = sorted_by(agreements, filters["sort"])
    if filters.get("status"):
        wanted = filters["status"]
        agreements = agreements.filter(
            pk__in=[each.pk for each in agreements if selectors.agreement_status(each) == wanted]
        )
    response, count = one_page(request, agreements, lambda page: AgreementSerializer(page, many=True).data)
    audit_list(request, "disrupt.sharingagreement", count)
    return response


@extend_schema(summary="One sharing agreement", description="For either party; audited.", responses=AgreementSerializer)
@api_view(["GET"])
def agreement_detail(request: Request, agreement_uuid: str) -> Response:
    user = user_of(request)
    require_disruption(user)
    visible = selectors.agreements_visible_to(user)
    agreement = open_for_user(user, visible, resource=AGREEMENTS, request=request._request, uuid=agreement_uuid)
    return Response(AgreementSerializer(agreement).data)


# Accept and decline take no body; what they refuse is the agreement's state, said in `detail`.
_REFUSED_BY_STATE = OpenApiResponse(description="Not possible in the agreement's state, or not for your side")


def _act(
    request: Request, agreement_uuid: str, service: Callable[..., SharingAgreement], *, confirmed: bool = True
) -> Response:
    """As the pages: a coordinator of either party; the service says which party may do what, and
    refuses (400) what the agreement's state does not allow."""
    user = user_of(request)
    require_coordinator(user)
    visible = selectors.agreements_visible_to(user)
    agreement = open_for_user(user, visible, resource=AGREEMENTS, action=Action.CHANGE, uuid=agreement_uuid)
    if not confirmed:
        raise ValidationError({"confirm": ["Send confirm: revoke: revoking cannot be undone"]})
    return Response(AgreementSerializer(service(actor=user, agreement=agreement, request=request._request)).data)


@extend_schema(
    summary="Accept a proposed agreement",
    description="For coordinators of the organisation it was proposed to; from then, within its dates, it is in "
    "force. 400 when it was already answered, revoked or has expired.",
    request=None,
    responses={200: AgreementSerializer, 400: _REFUSED_BY_STATE},
)
@api_view(["POST"])
def agreement_accept(request: Request, agreement_uuid: str) -> Response:
    return _act(request, agreement_uuid, services.agreement_accept)


@extend_schema(
    summary="Decline or withdraw a proposal",
    description="For coordinators of either party, before it is accepted: nothing is ever shared under it.",
    request=None,
    responses={200: AgreementSerializer, 400: _REFUSED_BY_STATE},
)
@api_view(["POST"])
def agreement_decline(request: Request, agreement_uuid: str) -> Response:
    return _act(request, agreement_uuid, services.agreement_decline)


@extend_schema(
    summary="Revoke an accepted agreement",
    description="For coordinators of either party. It cannot be undone (a new proposal must be accepted again) "
    "and sharing under it stops at once, so the body must confirm it; anything else changes nothing.",
    request=RevokeSerializer,
    responses=AgreementSerializer,
    examples=[OpenApiExample("Confirmed", value={"confirm": "revoke"}, request_only=True)],
)
@api_view(["POST"])
def agreement_revoke(request: Request, agreement_uuid: str) -> Response:
    confirmed = RevokeSerializer(data=request.data).is_valid()
    return _act(request, agreement_uuid, services.agreement_revoke, confirmed=confirmed)
