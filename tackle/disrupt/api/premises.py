"""/api/v1/premises: premises and their address flags."""

from typing import Any

from django.db.models import Q
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.audit.records import record_save
from tackle.core.access import PREMISES, Action
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.disrupt import selectors, services
from tackle.disrupt.access import require_coordinator, require_disruption
from tackle.disrupt.api.common import audit_list, filters_of, own, user_of
from tackle.disrupt.choices import (
    FlagKind,
    PremisesType,
    SharingCategory,
)
from tackle.disrupt.forms import FlagForm, PremisesForm
from tackle.disrupt.models import Premises


class FlagSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    kind = serializers.ChoiceField(FlagKind.choices)
    note = serializers.CharField(allow_blank=True)
    raised_at = serializers.DateTimeField()
    cleared_at = serializers.DateTimeField(allow_null=True)


class PremisesSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.code", read_only=True)
    flags = serializers.SerializerMethodField(
        help_text="Live address flags: only the owning council's coordinators see them; empty for everyone else"
    )

    class Meta:
        model = Premises
        fields = ["uuid", "organisation", "name", "address", "postcode", "uprn", "premises_type", "created_at", "flags"]

    @extend_schema_field(FlagSerializer(many=True))
    def get_flags(self, premises: Premises) -> Any:
        viewer = self.context["viewer"]
        return FlagSerializer(selectors.flags_visible_to(viewer, premises), many=True).data


class PremisesFilters(serializers.Serializer):
    premises_type = serializers.ChoiceField(PremisesType.choices, required=False)
    postcode = serializers.CharField(required=False, max_length=8, help_text="The start of the postcode, as B66")
    search = serializers.CharField(required=False, max_length=100, help_text="Part of the trading name or address")
    sort = sort_choice("postcode", "name", "created_at", default="postcode")


class PremisesWriteSerializer(serializers.Serializer):
    name = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text="Trading name")
    address = serializers.CharField(max_length=300)
    postcode = serializers.CharField(max_length=10, help_text="A UK postcode, for example B66 1AA")
    uprn = serializers.CharField(required=False, allow_blank=True, max_length=12)
    premises_type = serializers.ChoiceField(PremisesType.choices)


PREMISES_EXAMPLE = OpenApiExample(
    "A hand car wash",
    value={
        "name": "Sparkle Hand Car Wash",
        "address": "12 Mill Lane",
        "postcode": "B66 1AA",
        "premises_type": "hand_car_wash",
    },
    request_only=True,
)


def _premises_json(request: Request, premises: Any, many: bool = False) -> Any:
    return PremisesSerializer(premises, many=many, context={"viewer": request.user}).data


@extend_schema(
    methods=["GET"],
    operation_id="premises_list",
    summary="Premises you may see",
    description="Your organisation's, and those shared with it explicitly or by a sharing agreement for "
    "premises. Every listing is audited.",
    parameters=[PremisesFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedPremisesList", PremisesSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add premises",
    description="Coordinators only (the modern slavery lead, community safety). Checked as the Add premises page.",
    request=PremisesWriteSerializer,
    responses={201: PremisesSerializer},
    examples=[PREMISES_EXAMPLE],
)
@api_view(["GET", "POST"])
def premises_list(request: Request) -> Response:
    user = user_of(request)
    if request.method == "POST":
        require_coordinator(user)
        incoming = body_or_400(PremisesWriteSerializer, request)
        form = checked_by_form(PremisesForm(merged({}, incoming, PremisesForm.Meta.fields)))
        premises = form.save(commit=False)
        premises.organisation = user.organisation
        premises.created_by = user
        premises = record_save(actor=user, obj=premises, request=request._request)
        return Response(_premises_json(request, premises), status=status.HTTP_201_CREATED)
    require_disruption(user)
    filters = filters_of(PremisesFilters, request)
    premises = selectors.premises_visible_to(user).select_related("organisation")
    if filters.get("premises_type"):
        premises = premises.filter(premises_type=filters["premises_type"])
    if filters.get("postcode"):
        premises = premises.filter(postcode__istartswith=filters["postcode"].strip())
    if filters.get("search"):
        premises = premises.filter(Q(name__icontains=filters["search"]) | Q(address__icontains=filters["search"]))
    response, count = one_page(
        request, sorted_by(premises, filters["sort"]), lambda page: _premises_json(request, page, many=True)
    )
    audit_list(request, "disrupt.premises", count)
    return response


@extend_schema(methods=["GET"], summary="One premises", responses=PremisesSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Change premises",
    description="Your organisation's premises, coordinators only; any of the fields, checked as the page.",
    request=PremisesWriteSerializer(partial=True),
    responses={200: PremisesSerializer},
)
@api_view(["GET", "PATCH"])
def premises_detail(request: Request, premises_uuid: str) -> Response:
    user = user_of(request)
    if request.method == "PATCH":
        require_coordinator(user)
        premises = own(Premises, request, premises_uuid, PREMISES)
        incoming = body_or_400(PremisesWriteSerializer, request, partial=True)
        initial = PremisesForm(instance=premises).initial
        form = checked_by_form(PremisesForm(merged(initial, incoming, PremisesForm.Meta.fields), instance=premises))
        premises = record_save(
            actor=user, obj=form.save(commit=False), changed=form.changed_data, request=request._request
        )
        return Response(_premises_json(request, premises))
    require_disruption(user)
    premises = selectors.open_shared_record(
        user,
        selectors.premises_visible_to(user),
        resource=PREMISES,
        category=SharingCategory.PREMISES,
        request=request._request,
        record_uuid=premises_uuid,
    )
    return Response(_premises_json(request, premises))


class FlagWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(FlagKind.choices)
    note = serializers.CharField(required=False, allow_blank=True, max_length=500)


@extend_schema(
    summary="Flag an address",
    description="Your organisation's premises, coordinators only; one live flag of each kind. Flags are seen by "
    "the owning council's coordinators only.",
    request=FlagWriteSerializer,
    responses={201: FlagSerializer},
    examples=[OpenApiExample("Officer safety", value={"kind": "officer_safety", "note": "Dogs"}, request_only=True)],
)
@api_view(["POST"])
def flag_add(request: Request, premises_uuid: str) -> Response:
    user = user_of(request)
    require_coordinator(user)
    premises = own(Premises, request, premises_uuid, PREMISES)
    incoming = body_or_400(FlagWriteSerializer, request)
    data = checked_by_form(FlagForm(merged({}, incoming, ["kind", "note"]))).cleaned_data
    flag = services.flag_raise(
        actor=user, premises=premises, kind=data["kind"], note=data["note"], request=request._request
    )
    return Response(FlagSerializer(flag).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Clear an address flag",
    description="Your organisation's premises, coordinators only. A flag cleared already is refused (400).",
    request=None,
    responses={200: FlagSerializer},
)
@api_view(["POST"])
def flag_clear(request: Request, premises_uuid: str, flag_uuid: str) -> Response:
    user = user_of(request)
    require_coordinator(user)
    premises = own(Premises, request, premises_uuid, PREMISES)
    flag = open_for_user(user, premises.flags.all(), resource=PREMISES, action=Action.CHANGE, uuid=flag_uuid)
    flag = services.flag_clear(actor=user, flag=flag, request=request._request)
    return Response(FlagSerializer(flag).data)
