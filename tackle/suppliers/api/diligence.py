"""/api/v1/ due diligence after award, with the pages' rules: closing an action of a supplier's plan,
the annual assessments of high-tier contracts (listed, and recorded once done), and bidders' answers
to the selection questionnaire's Modern Slavery Act question (listed and recorded). Each body is
checked by the page's own form and saved by the page's service; nothing here names a person."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.core.access import CONTRACTS, SUPPLIERS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.suppliers import selectors, services
from tackle.suppliers.api.contracts import ActionSerializer
from tackle.suppliers.forms import ActionCloseForm, AssessmentCompleteForm, SelectionResponseForm
from tackle.suppliers.models import AssessmentOutcome, MsaAnswer


class ActionCloseSerializer(serializers.Serializer):
    closed_on = PlausibleDateField(required=False, help_text="Today or in the past; today when left out")
    note = serializers.CharField(required=False, allow_blank=True, default="", help_text="What was done")


@extend_schema(
    summary="Close an action of a supplier's plan",
    description="As the Close the action page; an action closed already is refused (400).",
    request=ActionCloseSerializer,
    responses={200: ActionSerializer},
    examples=[OpenApiExample("Done", value={"closed_on": "2026-01-12", "note": "Statement published"})],
)
@api_view(["POST"])
def action_close(request: Request, action_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.actions_visible_to(user)
    action = open_for_user(user, visible, resource=CONTRACTS, action=Action.CHANGE, uuid=action_uuid)
    given = {"closed_on": timezone.localdate(), **body_or_400(ActionCloseSerializer, request)}
    data = checked_by_form(ActionCloseForm(merged({}, given, ["closed_on", "note"]))).cleaned_data
    action = services.action_close(actor=user, action=action, closed_on=data["closed_on"], note=data["note"])
    return Response(ActionSerializer(action).data)


class SupplierAssessmentSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    contract = serializers.UUIDField(source="contract.uuid")
    contract_title = serializers.CharField(source="contract.title")
    supplier_name = serializers.CharField(source="contract.supplier.name")
    due_on = serializers.DateField()
    completed_on = serializers.DateField(allow_null=True)
    outcome = serializers.CharField(help_text="One of the assessment outcomes; empty until done")
    findings = serializers.CharField()


class AssessmentFilters(serializers.Serializer):
    done = serializers.BooleanField(required=False, allow_null=True, default=None, help_text="Leave out for all")
    sort = sort_choice("due_on", "completed_on", default="due_on")


class AssessmentCompleteSerializer(serializers.Serializer):
    completed_on = PlausibleDateField(required=False, help_text="Today or in the past; today when left out")
    outcome = serializers.ChoiceField(AssessmentOutcome.choices)
    findings = serializers.CharField()


@extend_schema(
    summary="Annual assessments of suppliers on high-tier contracts",
    description="Scheduled when a high-tier contract is saved; done once recorded.",
    parameters=[AssessmentFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedAssessmentList", SupplierAssessmentSerializer),
)
@api_view(["GET"])
def assessment_list(request: Request) -> Response:
    user = api_user(request)
    open_page_for_user(user, resource=SUPPLIERS, object_type="suppliers.supplierassessment")
    filters = query_or_400(AssessmentFilters, request)
    assessments = selectors.assessments_visible_to(user)
    if filters["done"] is not None:
        assessments = assessments.filter(completed_on__isnull=not filters["done"])
    response, _count = one_page(
        request,
        sorted_by(assessments, filters["sort"]),
        lambda page: SupplierAssessmentSerializer(page, many=True).data,
    )
    return response


@extend_schema(
    summary="Record an annual assessment done",
    description="As the Record the annual supplier assessment page: an assessment not yet done (else 404).",
    request=AssessmentCompleteSerializer,
    responses={200: SupplierAssessmentSerializer},
    examples=[
        OpenApiExample(
            "Satisfactory",
            value={"completed_on": "2026-01-12", "outcome": "satisfactory", "findings": "Payslips and contracts seen"},
        )
    ],
)
@api_view(["POST"])
def assessment_complete(request: Request, assessment_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.assessments_visible_to(user).filter(completed_on__isnull=True)
    assessment = open_for_user(user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=assessment_uuid)
    given = {"completed_on": timezone.localdate(), **body_or_400(AssessmentCompleteSerializer, request)}
    form = AssessmentCompleteForm(merged({}, given, ["completed_on", "outcome", "findings"]))
    data = checked_by_form(form).cleaned_data
    assessment = services.assessment_complete(actor=user, assessment=assessment, **data)
    return Response(SupplierAssessmentSerializer(assessment).data)


class SelectionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    supplier = serializers.UUIDField(source="supplier.uuid")
    supplier_name = serializers.CharField(source="supplier.name")
    procurement = serializers.CharField()
    answered_on = serializers.DateField()
    is_relevant_organisation = serializers.BooleanField()
    is_compliant = serializers.BooleanField(allow_null=True)
    statement_url = serializers.CharField()
    explanation = serializers.CharField()
    outcome = serializers.ChoiceField(MsaAnswer.choices)


class SelectionFilters(serializers.Serializer):
    outcome = serializers.ChoiceField(MsaAnswer.choices, required=False)
    sort = sort_choice("answered_on", default="-answered_on")


class SelectionWriteSerializer(serializers.Serializer):
    supplier = serializers.UUIDField(help_text="The bidder, in your register")
    procurement = serializers.CharField(max_length=200)
    answered_on = PlausibleDateField(required=False, help_text="Today when left out")
    is_relevant_organisation = serializers.BooleanField(
        required=False, allow_null=True, help_text="Turnover of £36 million or more, supplying in the UK"
    )
    is_compliant = serializers.BooleanField(required=False, allow_null=True, help_text="If relevant")
    statement_url = serializers.URLField(required=False, allow_blank=True, max_length=500, help_text="If compliant")
    explanation = serializers.CharField(required=False, allow_blank=True, help_text="If not compliant")


SELECTION_FIELDS = [
    "supplier", "procurement", "answered_on", "is_relevant_organisation", "is_compliant", "statement_url",
    "explanation",
]  # fmt: skip


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


@extend_schema(
    methods=["GET"],
    operation_id="selection_responses_list",
    summary="Bidders' answers to the selection questionnaire's Modern Slavery Act question",
    parameters=[SelectionFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedSelectionList", SelectionSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Record a bidder's answers",
    description="As the Record a selection questionnaire response page: a relevant organisation says whether it "
    "complies; a compliant one gives its statement's address; one not compliant explains.",
    request=SelectionWriteSerializer,
    responses={201: SelectionSerializer},
    examples=[
        OpenApiExample(
            "Compliant",
            value={
                "supplier": "5b0e2c1a-9d7f-4e3b-8a6c-1f2e3d4c5b6a",
                "procurement": "Cleaning lot 2",
                "is_relevant_organisation": True,
                "is_compliant": True,
                "statement_url": "https://www.example.co.uk/modern-slavery",
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def selection_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=SUPPLIERS, action=Action.RECORD, object_type="suppliers.selectionresponse")
        given = {"answered_on": timezone.localdate(), **body_or_400(SelectionWriteSerializer, request)}
        for name in ("is_relevant_organisation", "is_compliant"):
            given[name] = _yes_no(given.get(name))
        assert user.organisation is not None
        form = SelectionResponseForm(merged({}, given, SELECTION_FIELDS), organisation=user.organisation)
        form.fields["supplier"].to_field_name = "uuid"  # type: ignore[attr-defined]
        data = checked_by_form(form).cleaned_data
        response = services.selection_response_record(
            actor=user,
            organisation=user.organisation,
            supplier=data["supplier"],
            procurement=data["procurement"],
            answered_on=data["answered_on"],
            answers=form.answers(),
        )
        return Response(SelectionSerializer(response).data, status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=SUPPLIERS, object_type="suppliers.selectionresponse")
    filters = query_or_400(SelectionFilters, request)
    responses = selectors.selection_responses_visible_to(user)
    if filters.get("outcome"):
        responses = responses.filter(outcome=filters["outcome"])
    page, _count = one_page(
        request, sorted_by(responses, filters["sort"]), lambda rows: SelectionSerializer(rows, many=True).data
    )
    return page
