"""/api/v1/campaigns/<uuid>/materials, /api/v1/campaign-materials and /api/v1/partner-services: a
campaign's materials and the copies handed out, and the partner directory, as their pages keep them.
Everyone with training reads them; the partnership editors (lead, administrator, community safety)
add them through the pages' forms. Nothing here names a person, so nothing is audited but the saves.
The directory has no page to change an entry, so the API adds and reads only."""

from typing import Any

from django.db.models import Sum
from django.db.models.functions import Coalesce
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.models import User
from tackle.audit.records import record_save
from tackle.core.access import PARTNERSHIPS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.training import selectors
from tackle.training.access import require_partnership_editor, require_training
from tackle.training.forms import DistributionForm, MaterialForm, PartnerServiceForm
from tackle.training.models import Distribution, Material, MaterialKind, PlaceType, ServiceKind

# Materials and the copies handed out ---------------------------------------------------------------


class CampaignMaterialSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    campaign = serializers.UUIDField(source="campaign.uuid")
    title = serializers.CharField()
    kind = serializers.ChoiceField(MaterialKind.choices)
    languages = serializers.CharField(help_text="Separated by commas")
    distributed = serializers.IntegerField(help_text="Copies handed out so far")


class DistributionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    material = serializers.UUIDField(source="material.uuid")
    place_type = serializers.ChoiceField(PlaceType.choices, help_text="Where")
    place_name = serializers.CharField()
    quantity = serializers.IntegerField()
    distributed_on = serializers.DateField()


class CampaignMaterialDetailSerializer(CampaignMaterialSerializer):
    distributions = DistributionSerializer(many=True, help_text="Latest first")


class MaterialFilters(serializers.Serializer):
    kind = serializers.ChoiceField(MaterialKind.choices, required=False)
    sort = sort_choice("title", default="title")


class CampaignMaterialWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(MaterialKind.choices)
    languages = serializers.CharField(
        required=False, max_length=300, help_text="Separated by commas; English if left out"
    )


class DistributionFilters(serializers.Serializer):
    place_type = serializers.ChoiceField(PlaceType.choices, required=False)
    distributed_from = PlausibleDateField(required=False, help_text="On or after this date")
    distributed_to = PlausibleDateField(required=False, help_text="On or before this date")
    sort = sort_choice("distributed_on", "quantity", default="-distributed_on")


class DistributionWriteSerializer(serializers.Serializer):
    place_type = serializers.ChoiceField(PlaceType.choices, help_text="Where")
    place_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    quantity = serializers.IntegerField(help_text="How many, 1 or more")
    distributed_on = PlausibleDateField()


def _materials(user: User) -> Any:
    return Material.objects.filter(campaign__in=selectors.campaigns_visible_to(user)).select_related("campaign")


def _counted(materials: Any) -> Any:
    return materials.annotate(distributed=Coalesce(Sum("distributions__quantity"), 0))


def _material_json(material_pk: int, user: User) -> dict[str, Any]:
    material = _counted(_materials(user)).get(pk=material_pk)
    distributions = material.distributions.order_by("-distributed_on", "-pk")
    return {
        **CampaignMaterialSerializer(material).data,
        "distributions": DistributionSerializer(distributions, many=True).data,
    }


@extend_schema(
    methods=["GET"],
    operation_id="partnership_campaign_material_list",
    summary="A campaign's materials",
    description="Everyone with training, as the campaign's page.",
    parameters=[MaterialFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedMaterialList", CampaignMaterialSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add material to a campaign",
    description="The modern slavery lead, community safety or an administrator; checked as the Add material page.",
    request=CampaignMaterialWriteSerializer,
    responses={201: CampaignMaterialDetailSerializer},
    examples=[
        OpenApiExample(
            "A leaflet",
            value={"title": "Spot the signs", "kind": "leaflet", "languages": "English, Polish, Romanian"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def material_list(request: Request, campaign_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.campaigns_visible_to(user)
    if request.method == "POST":
        require_partnership_editor(user)
        campaign = open_for_user(user, visible, resource=PARTNERSHIPS, action=Action.RECORD, uuid=campaign_uuid)
        values = body_or_400(CampaignMaterialWriteSerializer, request)
        assert user.organisation is not None
        form = MaterialForm(
            merged({"languages": "English"}, values, MaterialForm.Meta.fields),
            organisation=user.organisation,
            instance=Material(campaign=campaign),
        )
        material = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response(_material_json(material.pk, user), status=status.HTTP_201_CREATED)
    require_training(user)
    campaign = open_for_user(user, visible, resource=PARTNERSHIPS, uuid=campaign_uuid)
    filters = query_or_400(MaterialFilters, request)
    materials = _counted(_materials(user).filter(campaign=campaign))
    if filters.get("kind"):
        materials = materials.filter(kind=filters["kind"])
    response, _count = one_page(
        request, sorted_by(materials, filters["sort"]), lambda page: CampaignMaterialSerializer(page, many=True).data
    )
    return response


@extend_schema(
    operation_id="partnership_material_read",
    summary="One material, with every distribution of it",
    responses=CampaignMaterialDetailSerializer,
)
@api_view(["GET"])
def material_detail(request: Request, material_uuid: str) -> Response:
    user = api_user(request)
    require_training(user)
    material = open_for_user(user, _materials(user), resource=PARTNERSHIPS, uuid=material_uuid)
    return Response(_material_json(material.pk, user))


@extend_schema(
    methods=["GET"],
    operation_id="partnership_material_distribution_list",
    summary="Where a material was handed out",
    description="Everyone with training, as the campaign's page.",
    parameters=[DistributionFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedDistributionList", DistributionSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record a distribution",
    description="The modern slavery lead, community safety or an administrator; checked as the Record a "
    "distribution page.",
    request=DistributionWriteSerializer,
    responses={201: DistributionSerializer},
    examples=[
        OpenApiExample(
            "Taxis",
            value={"place_type": "taxi", "place_name": "Station rank", "quantity": 300, "distributed_on": "2026-02-10"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def distribution_list(request: Request, material_uuid: str) -> Response:
    user = api_user(request)
    if request.method == "POST":
        require_partnership_editor(user)
        material = open_for_user(
            user, _materials(user), resource=PARTNERSHIPS, action=Action.RECORD, uuid=material_uuid
        )
        values = body_or_400(DistributionWriteSerializer, request)
        assert user.organisation is not None
        form = DistributionForm(
            merged({}, values, DistributionForm.Meta.fields),
            organisation=user.organisation,
            instance=Distribution(material=material),
        )
        distribution = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response(DistributionSerializer(distribution).data, status=status.HTTP_201_CREATED)
    require_training(user)
    material = open_for_user(user, _materials(user), resource=PARTNERSHIPS, uuid=material_uuid)
    filters = query_or_400(DistributionFilters, request)
    distributions = material.distributions.select_related("material")
    for name, lookup in (
        ("place_type", "place_type"),
        ("distributed_from", "distributed_on__gte"),
        ("distributed_to", "distributed_on__lte"),
    ):
        if filters.get(name):
            distributions = distributions.filter(**{lookup: filters[name]})
    response, _count = one_page(
        request, sorted_by(distributions, filters["sort"]), lambda page: DistributionSerializer(page, many=True).data
    )
    return response


# The partner directory -----------------------------------------------------------------------------


class PartnerServiceSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(ServiceKind.choices)
    offers = serializers.CharField(help_text="What they offer")
    how_to_refer = serializers.CharField()
    contact = serializers.CharField()
    link = serializers.CharField(help_text="A web address; empty when none")


class PartnerServiceFilters(serializers.Serializer):
    kind = serializers.ChoiceField(ServiceKind.choices, required=False)
    sort = sort_choice("name", default="name")


class PartnerServiceWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(ServiceKind.choices)
    offers = serializers.CharField(help_text="What they offer")
    how_to_refer = serializers.CharField()
    contact = serializers.CharField(required=False, allow_blank=True, max_length=200)
    link = serializers.CharField(required=False, allow_blank=True, max_length=200, help_text="A web address")


@extend_schema(
    methods=["GET"],
    operation_id="partnership_service_list",
    summary="The partner directory",
    description="Everyone with training, as the Partner directory page.",
    parameters=[PartnerServiceFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedPartnerServiceList", PartnerServiceSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a service to the directory",
    description="The modern slavery lead, community safety or an administrator; checked as the Add a service "
    "page. There is no page to change an entry, so neither does the API.",
    request=PartnerServiceWriteSerializer,
    responses={201: PartnerServiceSerializer},
    examples=[
        OpenApiExample(
            "A helpline",
            value={
                "name": "Modern Slavery Helpline",
                "kind": "helpline",
                "offers": "Advice, day and night",
                "how_to_refer": "Call 08000 121 700",
                "link": "https://www.modernslaveryhelpline.org",
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def service_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        require_partnership_editor(user)
        open_page_for_user(user, resource=PARTNERSHIPS, action=Action.RECORD, object_type="training.partnerservice")
        values = body_or_400(PartnerServiceWriteSerializer, request)
        assert user.organisation is not None
        form = PartnerServiceForm(merged({}, values, PartnerServiceForm.Meta.fields), organisation=user.organisation)
        service = record_save(actor=user, obj=checked_by_form(form).save(commit=False), request=request._request)
        return Response(PartnerServiceSerializer(service).data, status=status.HTTP_201_CREATED)
    require_training(user)
    open_page_for_user(user, resource=PARTNERSHIPS, object_type="training.partnerservice")
    filters = query_or_400(PartnerServiceFilters, request)
    services = selectors.services_visible_to(user)
    if filters.get("kind"):
        services = services.filter(kind=filters["kind"])
    response, _count = one_page(
        request, sorted_by(services, filters["sort"]), lambda page: PartnerServiceSerializer(page, many=True).data
    )
    return response


@extend_schema(
    operation_id="partnership_service_read", summary="One directory entry", responses=PartnerServiceSerializer
)
@api_view(["GET"])
def service_detail(request: Request, service_uuid: str) -> Response:
    user = api_user(request)
    require_training(user)
    service = open_for_user(user, selectors.services_visible_to(user), resource=PARTNERSHIPS, uuid=service_uuid)
    return Response(PartnerServiceSerializer(service).data)
