"""/api/v1/intelligence: in full or as its sanitised summary, as sharing allows; recorded and shared."""

from typing import Any

from django import forms
from django.db.models import Q
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.accounts.sharing import record_share_revoke, shares_of
from tackle.audit.records import record_save
from tackle.core.access import INTELLIGENCE
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.disrupt import selectors, services
from tackle.disrupt.access import require_disruption
from tackle.disrupt.api.common import audit_list, by_uuid_fields, filters_of, organisation_of, own, user_of
from tackle.disrupt.choices import (
    ExploitationType,
    HandlingCode,
    IntelligenceAssessment,
    SourceEvaluation,
)
from tackle.disrupt.forms import IntelligenceForm, ShareForm, ShareRevokeConfirmForm
from tackle.disrupt.models import Intelligence

# Withheld (null) where only the sanitised summary is shared with the user's organisation.
_FULL_ONLY = ("what", "where", "people", "vehicles", "source_evaluation", "intelligence_assessment",
              "handling_conditions", "premises", "businesses")  # fmt: skip


class IntelligenceSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.code", read_only=True)
    reference = serializers.CharField(read_only=True)
    grade = serializers.CharField(read_only=True, help_text="As officers quote it, for example 1B P")
    full = serializers.SerializerMethodField(help_text="False: you see the sanitised summary only")
    exploitation_types = serializers.ListField(child=serializers.ChoiceField(ExploitationType.choices))
    what = serializers.CharField(allow_null=True)
    where = serializers.CharField(allow_null=True)
    people = serializers.CharField(allow_null=True)
    vehicles = serializers.CharField(allow_null=True)
    source_evaluation = serializers.ChoiceField(SourceEvaluation.choices, allow_null=True)
    intelligence_assessment = serializers.ChoiceField(IntelligenceAssessment.choices, allow_null=True)
    handling_conditions = serializers.CharField(allow_null=True)
    premises = serializers.SerializerMethodField(help_text="The premises it concerns that you may see")
    businesses = serializers.SerializerMethodField(help_text="The businesses it concerns that you may see")

    class Meta:
        model = Intelligence
        fields = [
            "uuid", "reference", "organisation", "full", "received_on", "recorded_at", "grade", "handling_code",
            "exploitation_types", "sanitised_summary", *_FULL_ONLY,
        ]  # fmt: skip

    def _full(self, record: Intelligence) -> bool:
        return record.pk in self.context["full"]

    def get_full(self, record: Intelligence) -> bool:
        return self._full(record)

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField(), allow_null=True))
    def get_premises(self, record: Intelligence) -> list[str]:
        visible = selectors.premises_visible_to(self.context["viewer"]).filter(intelligence=record)
        return [str(uuid) for uuid in visible.values_list("uuid", flat=True)]

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField(), allow_null=True))
    def get_businesses(self, record: Intelligence) -> list[str]:
        visible = selectors.businesses_visible_to(self.context["viewer"]).filter(intelligence=record)
        return [str(uuid) for uuid in visible.values_list("uuid", flat=True)]

    def to_representation(self, record: Intelligence) -> dict[str, Any]:
        data = super().to_representation(record)
        if not self._full(record):
            data.update(dict.fromkeys(_FULL_ONLY))
        return data


class IntelligenceFilters(serializers.Serializer):
    handling_code = serializers.ChoiceField(HandlingCode.choices, required=False)
    source_evaluation = serializers.ChoiceField(SourceEvaluation.choices, required=False)
    received_from = PlausibleDateField(required=False, help_text="Received on or after this day")
    received_to = PlausibleDateField(required=False, help_text="Received on or before this day")
    summaries = serializers.BooleanField(
        required=False, default=True, help_text="Include records you see as their sanitised summary only"
    )
    sort = sort_choice("received_on", "recorded_at", default="-received_on")


class IntelligenceWriteSerializer(serializers.Serializer):
    received_on = PlausibleDateField(help_text="Today or earlier")
    what = serializers.CharField()
    where = serializers.CharField(required=False, allow_blank=True, max_length=300)
    premises = serializers.ListField(
        child=serializers.UUIDField(), required=False, help_text="Your organisation's premises it concerns"
    )
    businesses = serializers.ListField(
        child=serializers.UUIDField(), required=False, help_text="Your organisation's businesses it concerns"
    )
    people = serializers.CharField(required=False, allow_blank=True, help_text="Names or descriptions, one a line")
    vehicles = serializers.CharField(required=False, allow_blank=True)
    exploitation_types = serializers.ListField(child=serializers.ChoiceField(ExploitationType.choices), required=False)
    source_evaluation = serializers.ChoiceField(SourceEvaluation.choices)
    intelligence_assessment = serializers.ChoiceField(IntelligenceAssessment.choices)
    handling_code = serializers.ChoiceField(HandlingCode.choices)
    handling_conditions = serializers.CharField(
        required=False, allow_blank=True, max_length=500, help_text="Required for handling code C"
    )
    sanitised_summary = serializers.CharField(required=False, allow_blank=True)


INTELLIGENCE_EXAMPLE = OpenApiExample(
    "Workers collected by minibus",
    value={
        "received_on": "2026-03-02",
        "what": "Workers collected by minibus at 6am, appear to sleep on site",
        "where": "Mill Lane car wash",
        "exploitation_types": ["labour"],
        "source_evaluation": "1",
        "intelligence_assessment": "B",
        "handling_code": "P",
        "sanitised_summary": "Possible labour exploitation at a hand car wash",
    },
    request_only=True,
)


def _intelligence_json(request: Request, records: Any, full: set[int], many: bool = False) -> Any:
    context = {"viewer": request.user, "full": full}
    return IntelligenceSerializer(records, many=many, context=context).data


@extend_schema(
    methods=["GET"],
    operation_id="intelligence_list",
    summary="Intelligence you may see",
    description="Your organisation's, what was shared with it explicitly, and what a sharing agreement in force "
    "gives: in full (handling code P, agreement for intelligence) or as the sanitised summary only (agreement for "
    "summaries), where the fields that could name anyone are null. Every listing is audited.",
    parameters=[IntelligenceFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedIntelligenceList", IntelligenceSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record intelligence",
    description="Any organisation in the partnership records its own, checked as the Record intelligence page.",
    request=IntelligenceWriteSerializer,
    responses={201: IntelligenceSerializer},
    examples=[INTELLIGENCE_EXAMPLE],
)
@api_view(["GET", "POST"])
def intelligence_list(request: Request) -> Response:
    user = user_of(request)
    require_disruption(user)
    if request.method == "POST":
        incoming = body_or_400(IntelligenceWriteSerializer, request)
        form = IntelligenceForm(
            merged({}, incoming, IntelligenceForm.Meta.fields), organisation=organisation_of(request)
        )
        by_uuid_fields(form, "premises", "businesses")
        data = checked_by_form(form).cleaned_data
        record = form.save(commit=False)
        record.organisation = user.organisation
        record.recorded_by = user
        record.exploitation_types = list(data["exploitation_types"])
        m2m = {"premises": data["premises"], "businesses": data["businesses"]}
        record = record_save(actor=user, obj=record, m2m=m2m, request=request._request)
        return Response(_intelligence_json(request, record, {record.pk}), status=status.HTTP_201_CREATED)
    filters = filters_of(IntelligenceFilters, request)
    full = selectors.intelligence_visible_to(user)
    records = Intelligence.objects.filter(pk__in=full.values("pk"))
    if filters["summaries"]:
        summaries = selectors.intelligence_summaries_visible_to(user)
        records = Intelligence.objects.filter(Q(pk__in=full.values("pk")) | Q(pk__in=summaries.values("pk")))
    for name, lookup in (
        ("handling_code", "handling_code"),
        ("source_evaluation", "source_evaluation"),
        ("received_from", "received_on__gte"),
        ("received_to", "received_on__lte"),
    ):
        if filters.get(name) is not None:
            records = records.filter(**{lookup: filters[name]})
    records = sorted_by(records.select_related("organisation"), filters["sort"])

    def serialize(page: list[Intelligence]) -> Any:
        in_full = set(full.filter(pk__in=[record.pk for record in page]).values_list("pk", flat=True))
        return _intelligence_json(request, page, in_full, many=True)

    response, count = one_page(request, records, serialize)
    audit_list(request, "disrupt.intelligence", count)
    return response


@extend_schema(
    summary="One piece of intelligence",
    description="In full, or as its sanitised summary where only that is shared with you (the other fields null). "
    "Audited, naming the sharing agreement that let you see it.",
    responses=IntelligenceSerializer,
)
@api_view(["GET"])
def intelligence_detail(request: Request, intelligence_uuid: str) -> Response:
    user = user_of(request)
    require_disruption(user)
    found = selectors.get_intelligence_for_user(user, intelligence_uuid, request=request._request)
    return Response(_intelligence_json(request, found.record, {found.record.pk} if found.full else set()))


class ShareWriteSerializer(serializers.Serializer):
    organisation = serializers.CharField(max_length=20, help_text="The code of the organisation to share with")
    reason = serializers.CharField(max_length=300, help_text="The purpose and lawful basis")
    expires_on = PlausibleDateField(required=False, allow_null=True, help_text="Empty: until revoked")


class ShareSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    organisation = serializers.CharField(source="organisation.code")
    reason = serializers.CharField()
    expires_at = serializers.DateTimeField(allow_null=True)
    revoked_at = serializers.DateTimeField(allow_null=True)


@extend_schema(
    summary="Share intelligence with an organisation",
    description="Your organisation's record only (404 for anyone else's). The organisation sees the full record, "
    "whatever its handling code, until the share ends or is revoked.",
    request=ShareWriteSerializer,
    responses={201: ShareSerializer},
    examples=[
        OpenApiExample(
            "With the police",
            value={"organisation": "POL-1", "reason": "Operation Lantern", "expires_on": "2026-12-31"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def intelligence_share(request: Request, intelligence_uuid: str) -> Response:
    user = user_of(request)
    require_disruption(user)
    record = own(Intelligence, request, intelligence_uuid, INTELLIGENCE)
    incoming = body_or_400(ShareWriteSerializer, request)
    given = merged({}, incoming, ["organisation", "reason", "expires_on"])
    form = ShareForm(given, organisation=organisation_of(request))
    organisation_field = form.fields["organisation"]
    assert isinstance(organisation_field, forms.ModelChoiceField)
    organisation_field.to_field_name = "code"  # organisations are named by their code in the API
    data = checked_by_form(form).cleaned_data
    share = services.record_share(
        actor=user,
        record=record,
        organisation=data["organisation"],
        reason=data["reason"],
        expires_on=data["expires_on"],
        request=request._request,
    )
    return Response(ShareSerializer(share).data, status=status.HTTP_201_CREATED)


class ShareRevokeSerializer(serializers.Serializer):
    confirm = serializers.CharField(help_text="Must be 'revoke': a revoked share cannot be restored")


@extend_schema(
    summary="Revoke a share of intelligence",
    description="Your organisation's record only (404 for anyone else's). The organisation stops seeing it at once; "
    "it cannot be undone (share it anew instead), so the body must confirm it, as the page's check does.",
    request=ShareRevokeSerializer,
    responses=ShareSerializer,
    examples=[OpenApiExample("Confirmed", value={"confirm": "revoke"}, request_only=True)],
)
@api_view(["POST"])
def intelligence_share_revoke(request: Request, intelligence_uuid: str, share_id: int) -> Response:
    user = user_of(request)
    require_disruption(user)
    record = own(Intelligence, request, intelligence_uuid, INTELLIGENCE)
    share = open_for_user(user, shares_of(record), resource=INTELLIGENCE, pk=share_id)
    sent = request.data.get("confirm", "") if isinstance(request.data, dict) else ""
    confirmation = ShareRevokeConfirmForm({"confirm": sent})
    if not confirmation.is_valid():  # the page's own check, its message under the field a client sends
        raise ValidationError({"confirm": [str(error) for error in confirmation.non_field_errors()]})
    share = record_share_revoke(actor=user, record=record, share=share, request=request._request)
    return Response(ShareSerializer(share).data)
