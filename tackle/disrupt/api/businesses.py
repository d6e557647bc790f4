"""/api/v1/businesses: as the Businesses pages keep them: listed for anyone in the partnership who
may see them (their own and what agreements share), added by coordinators, not changed."""

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.audit.records import record_save
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.disrupt import selectors
from tackle.disrupt.access import require_coordinator, require_disruption
from tackle.disrupt.api.common import audit_list, by_uuid_fields, filters_of, organisation_of, user_of
from tackle.disrupt.forms import BusinessForm
from tackle.disrupt.models import Business


class BusinessSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.code", read_only=True)
    premises = serializers.SerializerMethodField(help_text="Its premises that you may see")

    class Meta:
        model = Business
        fields = ["uuid", "organisation", "name", "company_number", "operator", "premises", "created_at"]

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_premises(self, business: Business) -> list[str]:
        visible = selectors.premises_visible_to(self.context["viewer"]).filter(businesses=business)
        return [str(uuid) for uuid in visible.values_list("uuid", flat=True)]


class BusinessFilters(serializers.Serializer):
    company_number = serializers.CharField(required=False, max_length=8)
    sort = sort_choice("name", "created_at", default="name")


class BusinessWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    company_number = serializers.CharField(required=False, allow_blank=True, max_length=20)
    operator = serializers.CharField(required=False, allow_blank=True, max_length=200)
    premises = serializers.ListField(
        child=serializers.UUIDField(), required=False, help_text="Your organisation's premises it trades from"
    )


def _json(request: Request, records: Any, many: bool = False) -> Any:
    return BusinessSerializer(records, many=many, context={"viewer": request.user}).data


@extend_schema(
    methods=["GET"],
    operation_id="businesses_list",
    summary="Businesses you may see",
    description="Your organisation's and those a sharing agreement for premises gives. Every listing is audited.",
    parameters=[BusinessFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedBusinessList", BusinessSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a business",
    description="For coordinators, checked as the Add a business page (the company number normalised).",
    request=BusinessWriteSerializer,
    responses={201: BusinessSerializer},
    examples=[
        OpenApiExample(
            "A hand car wash",
            value={"name": "Shine Hand Car Wash Ltd", "company_number": "12345678", "operator": "J Smith"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def business_list(request: Request) -> Response:
    user = user_of(request)
    if request.method == "POST":
        require_coordinator(user)
        incoming = body_or_400(BusinessWriteSerializer, request)
        form = BusinessForm(merged({}, incoming, BusinessForm.Meta.fields), organisation=organisation_of(request))
        by_uuid_fields(form, "premises")
        data = checked_by_form(form).cleaned_data
        business = form.save(commit=False)
        business.organisation = organisation_of(request)
        business.created_by = user
        business = record_save(actor=user, obj=business, m2m={"premises": data["premises"]}, request=request._request)
        return Response(_json(request, business), status=status.HTTP_201_CREATED)
    require_disruption(user)
    filters = filters_of(BusinessFilters, request)
    businesses = selectors.businesses_visible_to(user).select_related("organisation")
    if filters.get("company_number"):
        businesses = businesses.filter(company_number=filters["company_number"].strip().upper())
    response, count = one_page(request, sorted_by(businesses, filters["sort"]), lambda page: _json(request, page, True))
    audit_list(request, "disrupt.business", count)
    return response
