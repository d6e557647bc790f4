"""/api/v1/operations: planned, read and changed; agencies and outcomes recorded."""

from typing import Any

from django import forms
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.audit.records import record_save
from tackle.core.access import OPERATIONS
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.disrupt import selectors, services
from tackle.disrupt.access import require_coordinator, require_disruption
from tackle.disrupt.api.common import audit_list, by_uuid_fields, filters_of, organisation_of, own, user_of, uuids
from tackle.disrupt.choices import (
    AgencyAttendance,
    ExploitationType,
    OperationKind,
    PremisesType,
    SharingCategory,
)
from tackle.disrupt.forms import AgencyForm, OpenCasesForm, OperationForm, OutcomeForm, ReceptionCentreForm
from tackle.disrupt.models import Operation, OperationOutcome, ReceptionCentrePlan


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
    user = user_of(request)
    visible = selectors.intelligence_visible_to(user)
    form = OperationForm(data, instance=instance, organisation=organisation_of(request), intelligence=visible)
    by_uuid_fields(form, "premises", "intelligence")
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
    user = user_of(request)
    if request.method == "POST":
        require_coordinator(user)
        incoming = body_or_400(OperationCreateSerializer, request)
        form = _operation_form(request, merged({}, incoming, OperationCreateSerializer().fields))
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
    filters = filters_of(OperationFilters, request)
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
    audit_list(request, "disrupt.operation", count)
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
    user = user_of(request)
    if request.method == "PATCH":
        require_coordinator(user)
        operation = own(Operation, request, operation_uuid, OPERATIONS)
        incoming = body_or_400(OperationWriteSerializer, request, partial=True)
        visible = selectors.intelligence_visible_to(user)
        current = {
            **_operation_form(request, {}, operation).initial,
            "premises": uuids(operation.premises.all()),
            "intelligence": uuids(operation.intelligence.filter(pk__in=visible.values("pk"))),
        }
        form = _operation_form(request, merged(current, incoming, OperationForm.Meta.fields), operation)
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


class AgencyWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    attendance = serializers.ChoiceField(AgencyAttendance.choices)
    interventions = serializers.IntegerField(min_value=0, required=False, default=0)
    organisation = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text="Its code, if it uses Tackle: its users see it"
    )


@extend_schema(
    summary="Add an agency to an operation",
    description="Your organisation's operation, coordinators only; checked as the Add an agency page.",
    request=AgencyWriteSerializer,
    responses={201: OperationSerializer},
    examples=[
        OpenApiExample(
            "Police, present",
            value={"name": "Test Police", "attendance": "present", "interventions": 2, "organisation": "POL-1"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def agency_add(request: Request, operation_uuid: str) -> Response:
    user = user_of(request)
    require_coordinator(user)
    operation = own(Operation, request, operation_uuid, OPERATIONS)
    incoming = body_or_400(AgencyWriteSerializer, request)
    form = AgencyForm(merged({}, incoming, ["name", "attendance", "interventions", "organisation"]))
    field = form.fields["organisation"]
    assert isinstance(field, forms.ModelChoiceField)
    field.to_field_name = "code"  # organisations are named by their code in the API
    data = checked_by_form(form).cleaned_data
    services.operation_add_agency(actor=user, operation=operation, request=request._request, **data)
    return Response(_operation_json(request, operation), status=status.HTTP_201_CREATED)


class OutcomeWriteSerializer(serializers.Serializer):
    people_encountered = serializers.IntegerField(min_value=0)
    victims_adult = serializers.IntegerField(min_value=0, required=False, default=0)
    victims_child = serializers.IntegerField(min_value=0, required=False, default=0)
    nrm_referrals = serializers.IntegerField(min_value=0, required=False, default=0)
    duty_to_notify = serializers.IntegerField(min_value=0, required=False, default=0)
    safeguarding_referrals = serializers.IntegerField(min_value=0, required=False, default=0)
    arrests_modern_slavery = serializers.IntegerField(min_value=0, required=False, default=0)
    arrests_immigration = serializers.IntegerField(min_value=0, required=False, default=0)
    arrests_other = serializers.IntegerField(min_value=0, required=False, default=0)
    premises_closed = serializers.IntegerField(min_value=0, required=False, default=0)
    exploitation_types = serializers.ListField(
        child=serializers.ChoiceField(ExploitationType.choices), required=False, default=list
    )
    notes = serializers.CharField(required=False, allow_blank=True, default="")


@extend_schema(
    summary="Record or correct an operation's outcomes",
    description="Your organisation's operation, coordinators only, on or after the day of the operation; the whole "
    "outcome each time. Potential victims cannot outnumber the people encountered, nor fall below the cases "
    "already opened for them.",
    request=OutcomeWriteSerializer,
    responses={200: OperationSerializer},
    examples=[
        OpenApiExample(
            "Eleven people, six potential victims",
            value={"people_encountered": 11, "victims_adult": 5, "victims_child": 1, "exploitation_types": ["labour"]},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def outcome_record(request: Request, operation_uuid: str) -> Response:
    user = user_of(request)
    require_coordinator(user)
    operation = own(Operation, request, operation_uuid, OPERATIONS)
    incoming = body_or_400(OutcomeWriteSerializer, request)
    outcome = getattr(operation, "outcome", None) or OperationOutcome(operation=operation)
    form = checked_by_form(OutcomeForm(merged({}, incoming, OutcomeForm.Meta.fields), instance=outcome))
    record = form.save(commit=False)
    record.exploitation_types = list(form.cleaned_data["exploitation_types"])
    services.outcome_record(actor=user, outcome=record, request=request._request)
    operation = Operation.objects.get(pk=operation.pk)  # with the outcome as saved
    return Response(_operation_json(request, operation))


class ReceptionCentreSerializer(serializers.Serializer):
    venue = serializers.CharField(max_length=300)
    capacity = serializers.IntegerField(min_value=0, help_text="How many people it can receive")
    nights = serializers.IntegerField(min_value=0, required=False, default=0, help_text="0 for the day only")
    facilities = serializers.CharField(required=False, allow_blank=True, default="")
    partners = serializers.CharField(required=False, allow_blank=True, default="", help_text="Who staffs it")


@extend_schema(
    methods=["GET"],
    summary="The operation's reception centre plan",
    description="404 while none is planned.",
    responses=ReceptionCentreSerializer,
)
@extend_schema(
    methods=["PUT"],
    summary="Plan or correct the reception centre",
    description="Your organisation's operation, coordinators only, as the Reception centre plan page; the whole "
    "plan each time.",
    request=ReceptionCentreSerializer,
    responses={200: ReceptionCentreSerializer},
    examples=[OpenApiExample("A hall", value={"venue": "Town hall annex", "capacity": 20, "nights": 1})],
)
@api_view(["GET", "PUT"])
def reception_centre(request: Request, operation_uuid: str) -> Response:
    user = user_of(request)
    if request.method == "PUT":
        require_coordinator(user)
        operation = own(Operation, request, operation_uuid, OPERATIONS)
        plan = getattr(operation, "reception_centre", None) or ReceptionCentrePlan(operation=operation)
        incoming = body_or_400(ReceptionCentreSerializer, request)
        form = checked_by_form(
            ReceptionCentreForm(merged({}, incoming, ReceptionCentreForm.Meta.fields), instance=plan)
        )
        plan = services.reception_centre_save(actor=user, plan=form.save(commit=False), request=request._request)
        return Response(ReceptionCentreSerializer(plan).data)
    require_disruption(user)
    operation = selectors.open_shared_record(
        user,
        selectors.operations_visible_to(user),
        resource=OPERATIONS,
        category=SharingCategory.OPERATIONS,
        request=request._request,
        record_uuid=operation_uuid,
    )
    plan = getattr(operation, "reception_centre", None)
    if plan is None:
        raise NotFound("No reception centre is planned for this operation.")
    return Response(ReceptionCentreSerializer(plan).data)


class OpenCasesSerializer(serializers.Serializer):
    what_was_seen = serializers.CharField(help_text="Written into each new case")
    exploitation_types = serializers.ListField(
        child=serializers.ChoiceField(ExploitationType.choices),
        required=False,
        help_text="Left out: the types in the operation's outcome",
    )


class OpenedCaseSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()


@extend_schema(
    summary="Open a case for each potential victim without one",
    description="Your organisation's operation, coordinators only, as the Open cases page: once its outcome is "
    "recorded, one concern in identify and refer for each potential victim the outcome counts beyond the cases "
    "already opened (children as children). 400 when none is waiting.",
    request=OpenCasesSerializer,
    responses={201: OpenedCaseSerializer(many=True)},
    examples=[OpenApiExample("Car wash", value={"what_was_seen": "Workers sleeping on site, no pay slips"})],
)
@api_view(["POST"])
def cases_open(request: Request, operation_uuid: str) -> Response:
    user = user_of(request)
    require_coordinator(user)
    operation = own(Operation, request, operation_uuid, OPERATIONS)
    incoming = body_or_400(OpenCasesSerializer, request)
    outcome = getattr(operation, "outcome", None)
    if "exploitation_types" not in incoming:
        incoming["exploitation_types"] = outcome.exploitation_types if outcome else []
    form = checked_by_form(OpenCasesForm(merged({}, incoming, ["what_was_seen", "exploitation_types"])))
    facts = services.VictimFacts(
        what_was_seen=form.cleaned_data["what_was_seen"],
        exploitation_types=list(form.cleaned_data["exploitation_types"]),
    )
    cases = services.operation_open_cases(actor=user, operation=operation, facts=facts, request=request._request)
    return Response(OpenedCaseSerializer(cases, many=True).data, status=status.HTTP_201_CREATED)
