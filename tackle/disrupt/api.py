"""/api/v1/premises, /intelligence and /operations: list, read, record and change disruption records
with the pages' rules. Which records a user sees is selectors.py's; a record is opened through the
door (accounts/door.py), which audits it; a list is audited as the pages' lists are; a body is
checked by the page's own form, so the API refuses what the page refuses, naming the field."""

from typing import Any, cast

from django import forms
from django.db.models import Q
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user
from tackle.accounts.models import Organisation, User
from tackle.audit.models import AuditAction
from tackle.audit.records import record_save
from tackle.audit.services import audit_record
from tackle.core.access import INTELLIGENCE, OPERATIONS, PREMISES, Action, Resource
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.disrupt import selectors, services
from tackle.disrupt.access import require_coordinator, require_disruption
from tackle.disrupt.choices import (
    ExploitationType,
    FlagKind,
    HandlingCode,
    IntelligenceAssessment,
    OperationKind,
    PremisesType,
    SharingCategory,
    SourceEvaluation,
)
from tackle.disrupt.forms import IntelligenceForm, OperationForm, PremisesForm, ShareForm
from tackle.disrupt.models import Intelligence, Operation, Premises

_UUIDS = serializers.ListField(child=serializers.UUIDField(), read_only=True)


def _user(request: Request) -> User:
    return cast(User, request.user)


def _own(model: type[Any], request: Request, record_uuid: Any, resource: Resource) -> Any:
    """A record the user's organisation owns, to change: anyone else's is not found (as the pages)."""
    owned = model._default_manager.filter(organisation_id=_user(request).organisation_id)
    return open_for_user(_user(request), owned, resource=resource, action=Action.CHANGE, uuid=record_uuid)


def _filters(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    """The list's filters; one it does not have is refused by name rather than ignored, so that a
    misspelt filter never answers every record."""
    unknown = sorted(set(request.query_params) - set(serializer_class().fields) - {"page"})
    if unknown:
        raise ValidationError({name: ["Not a filter of this list"] for name in unknown})
    return query_or_400(serializer_class, request)


def _organisation(request: Request) -> Organisation:
    organisation = _user(request).organisation
    assert organisation is not None  # require_disruption has checked the user belongs to one
    return organisation


def _by_uuid(form: forms.BaseForm, *names: str) -> None:
    """Related records are named by their uuid in the API, never by a database id."""
    for name in names:
        field = form.fields[name]
        assert isinstance(field, forms.ModelChoiceField)
        field.to_field_name = "uuid"


def _uuids(records: Any) -> list[str]:
    return [str(record.uuid) for record in records]


def _audit_list(request: Request, object_type: str, count: int) -> None:
    audit_record(action=AuditAction.LIST, request=request._request, object_type=object_type, note=f"API, {count}")


# Premises -----------------------------------------------------------------------------------------


class FlagSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    kind = serializers.ChoiceField(FlagKind.choices)
    note = serializers.CharField()
    raised_at = serializers.DateTimeField()


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
    user = _user(request)
    if request.method == "POST":
        require_coordinator(user)
        incoming = PremisesWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        form = checked_by_form(PremisesForm(merged({}, incoming.validated_data, PremisesForm.Meta.fields)))
        premises = form.save(commit=False)
        premises.organisation = user.organisation
        premises.created_by = user
        premises = record_save(actor=user, obj=premises, request=request._request)
        return Response(_premises_json(request, premises), status=status.HTTP_201_CREATED)
    require_disruption(user)
    filters = _filters(PremisesFilters, request)
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
    _audit_list(request, "disrupt.premises", count)
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
    user = _user(request)
    if request.method == "PATCH":
        require_coordinator(user)
        premises = _own(Premises, request, premises_uuid, PREMISES)
        incoming = PremisesWriteSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        initial = PremisesForm(instance=premises).initial
        form = checked_by_form(
            PremisesForm(merged(initial, incoming.validated_data, PremisesForm.Meta.fields), instance=premises)
        )
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


# Intelligence -------------------------------------------------------------------------------------

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
    user = _user(request)
    require_disruption(user)
    if request.method == "POST":
        incoming = IntelligenceWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        form = IntelligenceForm(
            merged({}, incoming.validated_data, IntelligenceForm.Meta.fields), organisation=_organisation(request)
        )
        _by_uuid(form, "premises", "businesses")
        data = checked_by_form(form).cleaned_data
        record = form.save(commit=False)
        record.organisation = user.organisation
        record.recorded_by = user
        record.exploitation_types = list(data["exploitation_types"])
        m2m = {"premises": data["premises"], "businesses": data["businesses"]}
        record = record_save(actor=user, obj=record, m2m=m2m, request=request._request)
        return Response(_intelligence_json(request, record, {record.pk}), status=status.HTTP_201_CREATED)
    filters = _filters(IntelligenceFilters, request)
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
    _audit_list(request, "disrupt.intelligence", count)
    return response


@extend_schema(
    summary="One piece of intelligence",
    description="In full, or as its sanitised summary where only that is shared with you (the other fields null). "
    "Audited, naming the sharing agreement that let you see it.",
    responses=IntelligenceSerializer,
)
@api_view(["GET"])
def intelligence_detail(request: Request, intelligence_uuid: str) -> Response:
    user = _user(request)
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
    user = _user(request)
    require_disruption(user)
    record = _own(Intelligence, request, intelligence_uuid, INTELLIGENCE)
    incoming = ShareWriteSerializer(data=request.data)
    incoming.is_valid(raise_exception=True)
    given = merged({}, incoming.validated_data, ["organisation", "reason", "expires_on"])
    form = ShareForm(given, organisation=_organisation(request))
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


# Operations ---------------------------------------------------------------------------------------


class AgencySerializer(serializers.Serializer):
    name = serializers.CharField()
    attendance = serializers.CharField()
    interventions = serializers.IntegerField()


class OutcomeSerializer(serializers.Serializer):
    people_encountered = serializers.IntegerField()
    victims_adult = serializers.IntegerField()
    victims_child = serializers.IntegerField()
    nrm_referrals = serializers.IntegerField()
    duty_to_notify = serializers.IntegerField()
    safeguarding_referrals = serializers.IntegerField()
    arrests_modern_slavery = serializers.IntegerField()
    arrests_immigration = serializers.IntegerField()
    arrests_other = serializers.IntegerField()
    premises_closed = serializers.IntegerField()
    exploitation_types = serializers.ListField(child=serializers.CharField())


class OperationSerializer(serializers.ModelSerializer):
    organisation = serializers.CharField(source="organisation.code", read_only=True)
    premises: serializers.RelatedField = serializers.SlugRelatedField(slug_field="uuid", many=True, read_only=True)
    intelligence = serializers.SerializerMethodField(help_text="The intelligence it acts on that you may see")
    agencies = AgencySerializer(many=True, read_only=True)
    outcome = serializers.SerializerMethodField(help_text="What it found, once recorded")

    class Meta:
        model = Operation
        fields = [
            "uuid", "organisation", "name", "kind", "objective", "operation_date", "lead_agency", "tactical_plan",
            "risk_assessment", "premises", "intelligence", "agencies", "outcome", "created_at",
        ]  # fmt: skip

    @extend_schema_field(serializers.ListField(child=serializers.UUIDField()))
    def get_intelligence(self, operation: Operation) -> list[str]:
        visible = selectors.intelligence_visible_to(self.context["viewer"]).filter(operations=operation)
        return [str(uuid) for uuid in visible.values_list("uuid", flat=True)]

    @extend_schema_field(OutcomeSerializer(allow_null=True))
    def get_outcome(self, operation: Operation) -> dict[str, Any] | None:
        outcome = getattr(operation, "outcome", None)
        return OutcomeSerializer(outcome).data if outcome is not None else None


class OperationFilters(serializers.Serializer):
    kind = serializers.ChoiceField(OperationKind.choices, required=False)
    date_from = PlausibleDateField(required=False, help_text="On or after this day")
    date_to = PlausibleDateField(required=False, help_text="On or before this day")
    outcome_recorded = serializers.BooleanField(required=False, allow_null=True, default=None)
    sort = sort_choice("operation_date", "name", default="-operation_date")


class OperationWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    kind = serializers.ChoiceField(OperationKind.choices)
    objective = serializers.CharField()
    operation_date = PlausibleDateField()
    lead_agency = serializers.CharField(max_length=200)
    premises = serializers.ListField(child=serializers.UUIDField(), required=False, help_text="Your premises")
    intelligence = serializers.ListField(
        child=serializers.UUIDField(), required=False, help_text="Intelligence you may see in full"
    )
    tactical_plan = serializers.CharField(required=False, allow_blank=True)
    risk_assessment = serializers.CharField(required=False, allow_blank=True)


class OperationCreateSerializer(OperationWriteSerializer):
    new_premises_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    new_premises_address = serializers.CharField(
        required=False, allow_blank=True, max_length=300, help_text="Premises not recorded yet; reused when known"
    )
    new_premises_postcode = serializers.CharField(required=False, allow_blank=True, max_length=10)
    new_premises_type = serializers.ChoiceField(PremisesType.choices, required=False, allow_blank=True)


def _operation_json(request: Request, operations: Any, many: bool = False) -> Any:
    return OperationSerializer(operations, many=many, context={"viewer": request.user}).data


def _operation_form(request: Request, data: dict[str, Any], instance: Operation | None = None) -> OperationForm:
    user = _user(request)
    visible = selectors.intelligence_visible_to(user)
    form = OperationForm(data, instance=instance, organisation=_organisation(request), intelligence=visible)
    _by_uuid(form, "premises", "intelligence")
    return form


@extend_schema(
    methods=["GET"],
    operation_id="operations_list",
    summary="Operations you may see",
    description="Your organisation's, those shared with it, and those it takes part in. Every listing is audited.",
    parameters=[OperationFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedOperationList", OperationSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Plan an operation",
    description="Coordinators only. Checked as the Plan an operation page; a new address typed in is reused when "
    "your organisation already holds it.",
    request=OperationCreateSerializer,
    responses={201: OperationSerializer},
    examples=[
        OpenApiExample(
            "A planned visit",
            value={
                "name": "Operation Lantern",
                "kind": "planned",
                "objective": "Check the welfare of the workers",
                "operation_date": "2026-04-01",
                "lead_agency": "West Midlands Police",
                "new_premises_address": "12 Mill Lane",
                "new_premises_postcode": "B66 1AA",
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def operation_list(request: Request) -> Response:
    user = _user(request)
    if request.method == "POST":
        require_coordinator(user)
        incoming = OperationCreateSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        form = _operation_form(request, merged({}, incoming.validated_data, incoming.fields))
        data = checked_by_form(form).cleaned_data
        operation = form.save(commit=False)
        operation.organisation = user.organisation
        operation.created_by = user
        new_premises = None
        if data.get("new_premises_address"):
            new_premises = services.NewPremises(
                address=data["new_premises_address"],
                postcode=data["new_premises_postcode"],
                name=data.get("new_premises_name", ""),
                premises_type=data.get("new_premises_type") or PremisesType.OTHER,
            )
        operation = services.operation_create(
            actor=user,
            operation=operation,
            premises=list(data["premises"]),
            intelligence=list(data["intelligence"]),
            new_premises=new_premises,
            request=request._request,
        )
        return Response(_operation_json(request, operation), status=status.HTTP_201_CREATED)
    require_disruption(user)
    filters = _filters(OperationFilters, request)
    operations = selectors.operations_visible_to(user).select_related("outcome").prefetch_related("agencies")
    if filters.get("kind"):
        operations = operations.filter(kind=filters["kind"])
    if filters.get("date_from"):
        operations = operations.filter(operation_date__gte=filters["date_from"])
    if filters.get("date_to"):
        operations = operations.filter(operation_date__lte=filters["date_to"])
    if filters["outcome_recorded"] is not None:
        operations = operations.filter(outcome__isnull=not filters["outcome_recorded"])
    response, count = one_page(
        request, sorted_by(operations, filters["sort"]), lambda page: _operation_json(request, page, many=True)
    )
    _audit_list(request, "disrupt.operation", count)
    return response


@extend_schema(methods=["GET"], summary="One operation", responses=OperationSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Change the plan",
    description="Your organisation's operation, coordinators only; checked as the Change the plan page. Links to "
    "intelligence you can no longer see stay as they were.",
    request=OperationWriteSerializer(partial=True),
    responses={200: OperationSerializer},
)
@api_view(["GET", "PATCH"])
def operation_detail(request: Request, operation_uuid: str) -> Response:
    user = _user(request)
    if request.method == "PATCH":
        require_coordinator(user)
        operation = _own(Operation, request, operation_uuid, OPERATIONS)
        incoming = OperationWriteSerializer(data=request.data, partial=True)
        incoming.is_valid(raise_exception=True)
        visible = selectors.intelligence_visible_to(user)
        current = {
            **_operation_form(request, {}, operation).initial,
            "premises": _uuids(operation.premises.all()),
            "intelligence": _uuids(operation.intelligence.filter(pk__in=visible.values("pk"))),
        }
        form = _operation_form(request, merged(current, incoming.validated_data, OperationForm.Meta.fields), operation)
        data = checked_by_form(form).cleaned_data
        hidden = operation.intelligence.exclude(pk__in=visible.values("pk"))
        operation = record_save(
            actor=user,
            obj=form.save(commit=False),
            changed=form.changed_data,
            m2m={"premises": list(data["premises"]), "intelligence": [*data["intelligence"], *hidden]},
            request=request._request,
        )
        return Response(_operation_json(request, operation))
    require_disruption(user)
    operation = selectors.open_shared_record(
        user,
        selectors.operations_visible_to(user),
        resource=OPERATIONS,
        category=SharingCategory.OPERATIONS,
        request=request._request,
        record_uuid=operation_uuid,
    )
    return Response(_operation_json(request, operation))
