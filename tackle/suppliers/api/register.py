"""/api/v1/suppliers: the supplier register with the pages' rules. A list names no person; one
supplier's record shows its named contacts, so it is opened through the door, which audits it. A
body is checked by the page's own form, so the API refuses what the page refuses, naming the field."""

from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.audit.records import record_save
from tackle.core.access import SUPPLIERS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.suppliers import selectors, services
from tackle.suppliers.forms import ConcernTaskCloseForm, ContactForm, SupplierForm
from tackle.suppliers.models import ContractStatus, SupplierContact, TurnoverBand
from tackle.suppliers.sectors import Sector


class SupplierSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    company_number = serializers.CharField(help_text="Companies House number; empty when not known")
    other_names = serializers.ListField(child=serializers.CharField(), help_text="Trading and former names")
    turnover_band = serializers.ChoiceField(TurnoverBand.choices)
    sectors = serializers.ListField(child=serializers.ChoiceField(Sector.choices))
    statement_url = serializers.CharField(help_text="Its modern slavery statement's web address; empty if none")
    statement_checked_on = serializers.DateField(allow_null=True)
    has_statement = serializers.BooleanField()
    must_publish_statement = serializers.BooleanField(help_text="Turnover of £36 million or more (section 54)")
    active_contracts = serializers.IntegerField()
    notes = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupplierContact
        fields = ["uuid", "name", "job_title", "email", "phone", "is_modern_slavery_contact"]


class ConcernTaskSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    case_reference = serializers.CharField()
    created_at = serializers.DateTimeField()
    closed_on = serializers.DateField(allow_null=True)
    outcome = serializers.CharField()


class SupplierContractSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    status = serializers.ChoiceField(ContractStatus.choices)


class SupplierDetailSerializer(SupplierSerializer):
    contacts = ContactSerializer(many=True, help_text="Named people: every opening of a supplier is audited")
    contracts = SupplierContractSerializer(many=True)
    concern_tasks = ConcernTaskSerializer(many=True, help_text="Concerns passed on from casework, by case reference")


class SupplierFilters(serializers.Serializer):
    q = serializers.CharField(
        required=False, max_length=100, help_text="Part of the name, or the whole company number (as the page)"
    )
    turnover_band = serializers.ChoiceField(TurnoverBand.choices, required=False)
    missing_statement = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="true: those whose turnover means they must publish a statement and have none on file",
    )
    sort = sort_choice("name", "created_at", "updated_at", default="name")


class SupplierWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    company_number = serializers.CharField(required=False, allow_blank=True, max_length=8)
    other_names = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    turnover_band = serializers.ChoiceField(TurnoverBand.choices, help_text="unknown when not known")
    sectors = serializers.ListField(child=serializers.ChoiceField(Sector.choices), required=False)
    statement_url = serializers.CharField(required=False, allow_blank=True, max_length=500)
    statement_checked_on = PlausibleDateField(required=False, allow_null=True)
    notes = serializers.CharField(required=False, allow_blank=True)


class ContactWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    job_title = serializers.CharField(required=False, allow_blank=True, max_length=200)
    email = serializers.CharField(required=False, allow_blank=True, max_length=254)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=40)
    is_modern_slavery_contact = serializers.BooleanField(required=False, default=False)


SUPPLIER_EXAMPLE = OpenApiExample(
    "A cleaning contractor",
    value={
        "name": "Sparkle Cleaning Ltd",
        "company_number": "01234567",
        "other_names": ["Sparkle Facilities"],
        "turnover_band": "36m_to_100m",
        "sectors": ["cleaning"],
        "statement_url": "https://sparkle.example/modern-slavery-statement",
    },
    request_only=True,
)
CONTACT_EXAMPLE = OpenApiExample(
    "The supplier's modern slavery contact",
    value={"name": "Priya Shah", "job_title": "Head of compliance", "email": "priya@sparkle.example"},
    request_only=True,
)


def _counted(suppliers: Any) -> Any:
    return suppliers.annotate(active_contracts=Count("contracts", filter=Q(contracts__status=ContractStatus.ACTIVE)))


def _supplier_json(supplier: Any, *, detail: bool = False) -> dict[str, Any]:
    if not hasattr(supplier, "active_contracts"):
        supplier.active_contracts = supplier.contracts.filter(status=ContractStatus.ACTIVE).count()
    values: dict[str, Any] = {str(name): getattr(supplier, str(name)) for name in SupplierSerializer().fields}
    if not detail:
        return dict(SupplierSerializer(values).data)
    values |= {
        "contacts": supplier.contacts.all(),
        "contracts": supplier.contracts.all(),
        "concern_tasks": supplier.concern_tasks.all(),
    }
    return dict(SupplierDetailSerializer(values).data)


def _saved_by_form(request: Request, data: dict[str, Any], supplier: Any = None) -> Any:
    """Saved as the page saves it, once the page's form accepts it (other names one a line there)."""
    user = api_user(request)
    assert user.organisation is not None
    data["other_names"] = "\n".join(str(name) for name in data["other_names"] or [])
    form = checked_by_form(SupplierForm(data, instance=supplier, organisation=user.organisation))
    return record_save(actor=user, obj=form.save(commit=False), request=request._request)


@extend_schema(
    methods=["GET"],
    summary="The supplier register",
    operation_id="supplier_list",
    description="Your organisation's suppliers. Named contacts are on each supplier's own record.",
    parameters=[SupplierFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedSupplierList", SupplierSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a supplier",
    description="Checked as the Add a supplier page: a company number of 8 characters, a name not already in "
    "the register.",
    request=SupplierWriteSerializer,
    responses={201: SupplierSerializer},
    examples=[SUPPLIER_EXAMPLE],
)
@api_view(["GET", "POST"])
def supplier_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=SUPPLIERS, action=Action.RECORD, object_type="suppliers.supplier")
        incoming = body_or_400(SupplierWriteSerializer, request)
        supplier = _saved_by_form(request, merged({}, incoming, SupplierForm.Meta.fields))
        return Response(_supplier_json(supplier), status=status.HTTP_201_CREATED)
    open_page_for_user(user, resource=SUPPLIERS, object_type="suppliers.supplier")
    filters = query_or_400(SupplierFilters, request)
    suppliers = _counted(selectors.suppliers_visible_to(user))
    if query := filters.get("q", "").strip():
        suppliers = suppliers.filter(Q(name__icontains=query) | Q(company_number__iexact=query))
    if filters.get("turnover_band"):
        suppliers = suppliers.filter(turnover_band=filters["turnover_band"])
    if filters.get("missing_statement") is not None:
        missing = Q(pk__in=selectors.suppliers_missing_statement(user.organisation_id or 0).values("pk"))
        suppliers = suppliers.filter(missing) if filters["missing_statement"] else suppliers.exclude(missing)
    response, _count = one_page(
        request, sorted_by(suppliers, filters["sort"]), lambda page: [_supplier_json(s) for s in page]
    )
    return response


class MissingStatementFilters(serializers.Serializer):
    q = serializers.CharField(required=False, max_length=100, help_text="Part of the name, or the whole company number")
    sort = sort_choice("name", "created_at", default="name")


@extend_schema(
    summary="Suppliers with no statement on file",
    operation_id="supplier_missing_statement_list",
    description="As the page of that name: suppliers whose turnover band starts at £36 million or more (section 54 "
    "of the Modern Slavery Act 2015) and whose record has no statement. `unknown_turnover` counts the suppliers "
    "that cannot be checked because their turnover is not known.",
    parameters=[MissingStatementFilters, PAGE_PARAMETER],
    responses=inline_serializer(
        "PaginatedMissingStatementList",
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "unknown_turnover": serializers.IntegerField(help_text="Suppliers whose turnover is not known"),
            "results": SupplierSerializer(many=True),
        },
    ),
)
@api_view(["GET"])
def missing_statement_list(request: Request) -> Response:
    user = api_user(request)
    open_page_for_user(user, resource=SUPPLIERS, object_type="suppliers.supplier")
    filters = query_or_400(MissingStatementFilters, request)
    suppliers = _counted(selectors.suppliers_missing_statement(user.organisation_id or 0))
    if query := filters.get("q", "").strip():
        suppliers = suppliers.filter(Q(name__icontains=query) | Q(company_number__iexact=query))
    response, _count = one_page(
        request, sorted_by(suppliers, filters["sort"]), lambda page: [_supplier_json(s) for s in page]
    )
    unknown = selectors.unknown_turnover_count(user)
    response.data = {**response.data, "unknown_turnover": unknown}
    return response


@extend_schema(methods=["GET"], summary="One supplier, with its named contacts", responses=SupplierDetailSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Change a supplier's details",
    description="Any of the fields, checked as the Change supplier details page.",
    request=SupplierWriteSerializer(partial=True),
    responses={200: SupplierSerializer},
    examples=[SUPPLIER_EXAMPLE],
)
@api_view(["GET", "PATCH"])
def supplier_detail(request: Request, supplier_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.suppliers_visible_to(user)
    if request.method == "PATCH":
        supplier = open_for_user(user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=supplier_uuid)
        incoming = body_or_400(SupplierWriteSerializer, request, partial=True)
        supplier = _saved_by_form(request, merged(supplier, incoming, SupplierForm.Meta.fields), supplier)
        return Response(_supplier_json(supplier))
    supplier = open_for_user(user, visible, resource=SUPPLIERS, request=request._request, uuid=supplier_uuid)
    return Response(_supplier_json(supplier, detail=True))


@extend_schema(
    summary="Add a named contact to a supplier",
    description="Checked as the Add a contact page. The contact is personal data: adding it is audited.",
    request=ContactWriteSerializer,
    responses={201: ContactSerializer},
    examples=[CONTACT_EXAMPLE],
)
@api_view(["POST"])
def contact_create(request: Request, supplier_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.suppliers_visible_to(user)
    supplier = open_for_user(user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=supplier_uuid)
    incoming = body_or_400(ContactWriteSerializer, request)
    form = ContactForm(merged({}, incoming, ContactForm.Meta.fields), instance=SupplierContact(supplier=supplier))
    checked_by_form(form)
    contact = record_save(
        actor=user, obj=form.save(commit=False), organisation_id=supplier.organisation_id, request=request._request
    )
    return Response(ContactSerializer(contact).data, status=status.HTTP_201_CREATED)


class ConcernCloseSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=5000, help_text="What procurement did about the contract")


@extend_schema(
    summary="Close a concern passed from casework",
    description="As the supplier's page: with what procurement did about the contract; the concern stays on the "
    "supplier's record as closed.",
    request=ConcernCloseSerializer,
    responses={200: ConcernTaskSerializer},
)
@api_view(["POST"])
def concern_close(request: Request, concern_uuid: str) -> Response:
    user = api_user(request)
    visible = selectors.concern_tasks_visible_to(user)
    task = open_for_user(user, visible, resource=SUPPLIERS, action=Action.CHANGE, uuid=concern_uuid)
    incoming = body_or_400(ConcernCloseSerializer, request)
    form = checked_by_form(ConcernTaskCloseForm(dict(incoming)))
    task = services.supplier_concern_task_close(
        actor=user,
        task=task,
        closed_on=timezone.localdate(),
        outcome=form.cleaned_data["outcome"],
        request=request._request,
    )
    return Response(ConcernTaskSerializer(task).data)
