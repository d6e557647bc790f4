"""/api/v1/contracts: contracts and their due diligence with the pages' rules. A contract is saved by
the same service as the pages (a high-tier one gets its annual assessment scheduled), after the
page's own form accepts the body; termination is the page's service too."""

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.models import User
from tackle.audit.records import record_save
from tackle.core.access import CONTRACTS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.suppliers import selectors, services
from tackle.suppliers.forms import ActionForm, ContractForm, RiskForm, SanctionForm, TerminateForm
from tackle.suppliers.models import (
    AssessmentOutcome,
    ContractAction,
    ContractRisk,
    ContractStatus,
    ContractTier,
    Sanction,
    SanctionKind,
    TerminationReason,
)
from tackle.suppliers.rules.contract_risk import RiskLevel, contract_risk
from tackle.suppliers.sectors import Sector


class ContractSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    reference = serializers.CharField()
    title = serializers.CharField()
    supplier = serializers.UUIDField(source="supplier.uuid")
    supplier_name = serializers.CharField(source="supplier.name")
    category = serializers.ChoiceField(Sector.choices)
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    start_on = serializers.DateField()
    end_on = serializers.DateField()
    contract_manager = serializers.CharField(
        source="contract_manager.username", allow_null=True, default=None, help_text="A username, or null"
    )
    tier = serializers.ChoiceField(ContractTier.choices)
    labour_intensive = serializers.BooleanField()
    overseas_supply_chain = serializers.BooleanField()
    subcontracted = serializers.BooleanField()
    status = serializers.ChoiceField(ContractStatus.choices)
    terminated_on = serializers.DateField(allow_null=True)
    termination_reason = serializers.CharField(help_text="One of the termination reasons; empty unless terminated")
    termination_details = serializers.CharField()
    created_at = serializers.DateTimeField()


class ReasonSerializer(serializers.Serializer):
    points = serializers.IntegerField()
    text = serializers.CharField()


class RiskScoreSerializer(serializers.Serializer):
    score = serializers.IntegerField()
    level = serializers.ChoiceField([level.value for level in RiskLevel])
    reasons = ReasonSerializer(many=True, help_text="Why: each risk factor found and its points")


class AssessmentSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    due_on = serializers.DateField()
    completed_on = serializers.DateField(allow_null=True)
    outcome = serializers.CharField(help_text=f"One of {', '.join(AssessmentOutcome.values)}; empty until done")
    findings = serializers.CharField()


class RiskSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    description = serializers.CharField()
    likelihood = serializers.IntegerField()
    impact = serializers.IntegerField()
    score = serializers.IntegerField()
    mitigation = serializers.CharField()
    closed_on = serializers.DateField(allow_null=True)


class ActionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    description = serializers.CharField()
    due_on = serializers.DateField()
    closed_on = serializers.DateField(allow_null=True)
    closing_note = serializers.CharField()


class SanctionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    kind = serializers.ChoiceField(SanctionKind.choices)
    imposed_on = serializers.DateField()
    reason = serializers.CharField()


class ContractDetailSerializer(ContractSerializer):
    risk = RiskScoreSerializer(help_text="The computed modern slavery risk, as the contract's page shows it")
    assessments = AssessmentSerializer(many=True)
    risks = RiskSerializer(many=True)
    actions = ActionSerializer(many=True)
    sanctions = SanctionSerializer(many=True)


class ContractFilters(serializers.Serializer):
    status = serializers.ChoiceField(ContractStatus.choices, required=False)
    supplier = serializers.UUIDField(required=False, help_text="One supplier's contracts")
    tier = serializers.ChoiceField(ContractTier.choices, required=False)
    category = serializers.ChoiceField(Sector.choices, required=False)
    sort = sort_choice("title", "value", "start_on", "end_on", "created_at", default="title")


class ContractWriteSerializer(serializers.Serializer):
    supplier = serializers.UUIDField(help_text="A supplier in your register")
    reference = serializers.CharField(required=False, allow_blank=True, max_length=50)
    title = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(Sector.choices)
    value = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0, help_text="Whole-life, in pounds")
    start_on = PlausibleDateField()
    end_on = PlausibleDateField()
    contract_manager = serializers.CharField(
        required=False, allow_null=True, max_length=150, help_text="A contract manager's username, or null"
    )
    tier = serializers.ChoiceField(ContractTier.choices)
    labour_intensive = serializers.BooleanField(required=False, default=False)
    overseas_supply_chain = serializers.BooleanField(required=False, default=False)
    subcontracted = serializers.BooleanField(required=False, default=False)


class TerminationSerializer(serializers.Serializer):
    terminated_on = PlausibleDateField()
    reason = serializers.ChoiceField(TerminationReason.choices)
    details = serializers.CharField(help_text="What happened, and the steps taken before termination")


CONTRACT_EXAMPLE = OpenApiExample(
    "Office cleaning",
    value={
        "supplier": "3f9c1d52-6a43-4a57-9a0e-2b8f0f6f3c11",
        "title": "Office cleaning",
        "category": "cleaning",
        "value": "450000.00",
        "start_on": "2025-04-01",
        "end_on": "2028-03-31",
        "tier": "high_risk",
        "labour_intensive": True,
    },
    request_only=True,
)


def _contract_json(contract: Any, *, detail: bool = False) -> dict[str, Any]:
    if not detail:
        return dict(ContractSerializer(contract).data)
    outcome = selectors.latest_outcomes([contract.pk]).get(contract.pk, "")
    risk = contract_risk(selectors.facts_for(contract, outcome))
    contract.risk = risk
    return dict(ContractDetailSerializer(contract).data)


def _form_data(request: Request, values: dict[str, Any]) -> dict[str, Any]:
    """The page's form names the supplier and the manager by row; the API by uuid and username."""
    user = api_user(request)
    data = merged({}, values, ContractForm.Meta.fields)
    if "supplier" in values:
        supplier = selectors.suppliers_visible_to(user).filter(uuid=values["supplier"]).first()
        if supplier is None:
            raise ValidationError({"supplier": ["Select a supplier in your register"]})
        data["supplier"] = supplier.pk
    if values.get("contract_manager"):
        manager = User.objects.filter(organisation=user.organisation, username=values["contract_manager"]).first()
        if manager is None:
            raise ValidationError({"contract_manager": ["No one in your organisation has this username"]})
        data["contract_manager"] = manager.pk
    return data


def _saved(request: Request, data: dict[str, Any], contract: Any = None) -> Any:
    user = api_user(request)
    assert user.organisation is not None
    form = checked_by_form(ContractForm(data, instance=contract, organisation=user.organisation))
    return services.contract_save(actor=user, contract=form.save(commit=False), today=timezone.localdate())


@extend_schema(
    methods=["GET"],
    summary="Contracts",
    operation_id="contract_list",
    description="Your organisation's contracts.",
    parameters=[ContractFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedContractList", ContractSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a contract",
    description="Checked as the Add a contract page. A high value, high risk or business critical contract gets "
    "its annual supplier assessment scheduled.",
    request=ContractWriteSerializer,
    responses={201: ContractSerializer},
    examples=[CONTRACT_EXAMPLE],
)
@api_view(["GET", "POST"])
def contract_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=CONTRACTS, action=Action.RECORD, object_type="suppliers.contract")
        incoming = body_or_400(ContractWriteSerializer, request)
        contract = _saved(request, _form_data(request, incoming))
        return Response(_contract_json(contract), status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=CONTRACTS, object_type="suppliers.contract")
    filters = query_or_400(ContractFilters, request)
    contracts = selectors.contracts_visible_to(user)
    for name, lookup in (("status", "status"), ("supplier", "supplier__uuid"), ("tier", "tier")):
        if filters.get(name):
            contracts = contracts.filter(**{lookup: filters[name]})
    if filters.get("category"):
        contracts = contracts.filter(category=filters["category"])
    response, _count = one_page(
        request, sorted_by(contracts, filters["sort"]), lambda page: [_contract_json(c) for c in page]
    )
    return response


@extend_schema(methods=["GET"], summary="One contract, with its due diligence", responses=ContractDetailSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Change a contract's details",
    description="Any of the fields, checked as the Change contract details page. A terminated contract cannot "
    "be changed.",
    request=ContractWriteSerializer(partial=True),
    responses={200: ContractSerializer},
    examples=[CONTRACT_EXAMPLE],
)
@api_view(["GET", "PATCH"])
def contract_detail(request: Request, contract_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.contracts_visible_to(user)
    if request.method == "PATCH":
        contract = open_for_user(user, visible, resource=CONTRACTS, action=Action.CHANGE, uuid=contract_uuid)
        incoming = body_or_400(ContractWriteSerializer, request, partial=True)
        data = merged(contract, {}, ContractForm.Meta.fields)
        given = _form_data(request, incoming)
        data |= {name: given[name] for name in incoming}
        return Response(_contract_json(_saved(request, data, contract)))
    contract = open_for_user(user, visible, resource=CONTRACTS, request=request._request, uuid=contract_uuid)
    return Response(_contract_json(contract, detail=True))


@extend_schema(
    summary="Terminate a contract",
    description="The last step, after action plans and sanctions; it cannot be undone. Pending assessments are "
    "dropped.",
    request=TerminationSerializer,
    responses={200: ContractSerializer},
)
@api_view(["POST"])
def contract_terminate(request: Request, contract_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.contracts_visible_to(user)
    contract = open_for_user(user, visible, resource=CONTRACTS, action=Action.CHANGE, uuid=contract_uuid)
    incoming = body_or_400(TerminationSerializer, request)
    form = checked_by_form(TerminateForm(merged({}, incoming, ["terminated_on", "reason", "details"])))
    data = form.cleaned_data
    contract = services.contract_terminate(
        actor=user,
        contract=contract,
        terminated_on=data["terminated_on"],
        reason=data["reason"],
        details=data["details"],
    )
    return Response(_contract_json(contract))


class RiskWriteSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=300)
    likelihood = serializers.IntegerField(min_value=1, max_value=5, help_text="1 (rare) to 5 (almost certain)")
    impact = serializers.IntegerField(min_value=1, max_value=5, help_text="1 (minor) to 5 (severe)")
    mitigation = serializers.CharField(required=False, allow_blank=True)
    owner = serializers.CharField(required=False, allow_null=True, max_length=150, help_text="A username, or null")


class ActionWriteSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=300, help_text="What the supplier must do")
    due_on = PlausibleDateField()


class SanctionWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(SanctionKind.choices)
    imposed_on = PlausibleDateField()
    reason = serializers.CharField()


def _part_saved(
    request: Request, contract_uuid: str, form_class: Any, serializer_class: type[serializers.Serializer]
) -> Any:
    """A risk, action or sanction added to a contract, as its page adds it: the contract opened to
    change, the page's form, record_save."""
    user = api_user(request)
    visible = selectors.contracts_visible_to(user)
    contract = open_for_user(user, visible, resource=CONTRACTS, action=Action.CHANGE, uuid=contract_uuid)
    values = body_or_400(serializer_class, request)
    if values.get("owner"):
        owner = User.objects.filter(organisation=user.organisation, username=values["owner"]).first()
        if owner is None:
            raise ValidationError({"owner": ["No one in your organisation has this username"]})
        values["owner"] = owner.pk
    instances = {
        RiskForm: ContractRisk(contract=contract),
        ActionForm: ContractAction(contract=contract, created_by=user),
        SanctionForm: Sanction(contract=contract, recorded_by=user),
    }
    kwargs: dict[str, Any] = {"organisation": user.organisation} if form_class is RiskForm else {}
    data = merged({}, values, form_class.Meta.fields)
    form = checked_by_form(form_class(data, instance=instances[form_class], **kwargs))
    return record_save(
        actor=user, obj=form.save(commit=False), organisation_id=contract.organisation_id, request=request._request
    )


@extend_schema(
    summary="Add a risk to a contract's register", request=RiskWriteSerializer, responses={201: RiskSerializer}
)
@api_view(["POST"])
def risk_create(request: Request, contract_uuid: str) -> Response:
    risk = _part_saved(request, contract_uuid, RiskForm, RiskWriteSerializer)
    return Response(RiskSerializer(risk).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Add an action to a supplier's action plan",
    request=ActionWriteSerializer,
    responses={201: ActionSerializer},
)
@api_view(["POST"])
def action_create(request: Request, contract_uuid: str) -> Response:
    action = _part_saved(request, contract_uuid, ActionForm, ActionWriteSerializer)
    return Response(ActionSerializer(action).data, status=status.HTTP_201_CREATED)


@extend_schema(summary="Record a sanction", request=SanctionWriteSerializer, responses={201: SanctionSerializer})
@api_view(["POST"])
def sanction_create(request: Request, contract_uuid: str) -> Response:
    sanction = _part_saved(request, contract_uuid, SanctionForm, SanctionWriteSerializer)
    return Response(SanctionSerializer(sanction).data, status=status.HTTP_201_CREATED)
