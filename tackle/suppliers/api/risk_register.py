"""/api/v1/contract-risk-register and /contract-open-risks: the contract risk register page's two
tables (active contracts by computed risk; open risks by likelihood x impact), read through the same
selectors as the page, for the roles that see contracts."""

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_page_for_user
from tackle.core.access import CONTRACTS
from tackle.core.api_lists import one_page, query_or_400, sort_choice
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.suppliers import selectors
from tackle.suppliers.api.contracts import RiskScoreSerializer
from tackle.suppliers.models import ContractTier
from tackle.suppliers.rules.contract_risk import RiskLevel


class RegisterRowSerializer(serializers.Serializer):
    contract = serializers.UUIDField(source="contract.uuid")
    title = serializers.CharField(source="contract.title")
    reference = serializers.CharField(source="contract.reference")
    supplier = serializers.UUIDField(source="contract.supplier.uuid")
    supplier_name = serializers.CharField(source="contract.supplier.name")
    tier = serializers.ChoiceField(ContractTier.choices, source="contract.tier")
    risk = RiskScoreSerializer(help_text="The computed modern slavery risk, every reason with its points")
    open_risks = serializers.IntegerField()
    open_actions = serializers.IntegerField()
    overdue_assessment = serializers.BooleanField(help_text="An annual assessment is past its due date")


class RegisterFilters(serializers.Serializer):
    level = serializers.ChoiceField([level.value for level in RiskLevel], required=False)
    overdue_assessment = serializers.BooleanField(required=False, allow_null=True, default=None)
    supplier = serializers.UUIDField(required=False, help_text="One supplier's contracts")
    sort = sort_choice("score", "title", default="-score")


class OpenRiskSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    description = serializers.CharField()
    contract = serializers.UUIDField(source="contract.uuid")
    contract_title = serializers.CharField(source="contract.title")
    supplier = serializers.UUIDField(source="contract.supplier.uuid")
    supplier_name = serializers.CharField(source="contract.supplier.name")
    likelihood = serializers.IntegerField()
    impact = serializers.IntegerField()
    score = serializers.IntegerField(help_text="Likelihood x impact")
    mitigation = serializers.CharField()
    owner = serializers.CharField(source="owner.username", allow_null=True, default=None, help_text="A username")


class OpenRiskFilters(serializers.Serializer):
    contract = serializers.UUIDField(required=False, help_text="One contract's open risks")
    supplier = serializers.UUIDField(required=False, help_text="The open risks of one supplier's contracts")
    min_score = serializers.IntegerField(required=False, min_value=1, max_value=25)
    sort = sort_choice("score", "contract_title", default="-score")


def _sorted(rows: list[Any], sort: str, keys: dict[str, Any]) -> list[Any]:
    """Sorted as asked, ties in the page's order (Python's sort is stable)."""
    return sorted(rows, key=keys[sort.lstrip("-")], reverse=sort.startswith("-"))


def _register(request: Request) -> list[selectors.RegisterRow]:
    user = api_user(request)
    open_page_for_user(user, resource=CONTRACTS, object_type="suppliers.contract")
    return selectors.contract_risk_register(user, today=timezone.localdate())


@extend_schema(
    summary="The contract risk register",
    description="Your organisation's active contracts, highest computed modern slavery risk first, with their "
    "open risks, open actions and whether an annual assessment is overdue, as the Contract risk register page "
    "lists them. Reasons are in English.",
    parameters=[RegisterFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedContractRiskRegisterList", RegisterRowSerializer),
)
@api_view(["GET"])
def risk_register(request: Request) -> Response:
    rows = _register(request)
    filters = query_or_400(RegisterFilters, request)
    if filters.get("level"):
        rows = [row for row in rows if row.risk.level == filters["level"]]
    if filters["overdue_assessment"] is not None:
        rows = [row for row in rows if row.overdue_assessment == filters["overdue_assessment"]]
    if filters.get("supplier"):
        rows = [row for row in rows if row.contract.supplier.uuid == filters["supplier"]]
    keys = {"score": lambda row: row.risk.score, "title": lambda row: row.contract.title.lower()}
    response, _count = one_page(
        request, _sorted(rows, filters["sort"], keys), lambda page: RegisterRowSerializer(page, many=True).data
    )
    return response


@extend_schema(
    summary="Open risks on active contracts",
    description="Every risk recorded on an active contract and not closed, highest likelihood x impact first, as "
    "the register page's second table lists them.",
    parameters=[OpenRiskFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedContractOpenRiskList", OpenRiskSerializer),
)
@api_view(["GET"])
def open_risks(request: Request) -> Response:
    rows = _register(request)
    filters = query_or_400(OpenRiskFilters, request)
    risks = selectors.open_contract_risks(rows)
    if filters.get("contract"):
        risks = [risk for risk in risks if risk.contract.uuid == filters["contract"]]
    if filters.get("supplier"):
        risks = [risk for risk in risks if risk.contract.supplier.uuid == filters["supplier"]]
    if filters.get("min_score"):
        risks = [risk for risk in risks if risk.score >= filters["min_score"]]
    keys = {"score": lambda risk: risk.score, "contract_title": lambda risk: risk.contract.title.lower()}
    response, _count = one_page(
        request, _sorted(risks, filters["sort"], keys), lambda page: OpenRiskSerializer(page, many=True).data
    )
    return response
