"""/api/v1/statements/: the council's statement, version by version, with the pages' rules: the
supply roles read it (each opening audited), the modern slavery lead starts one for a period, writes
its sections and review date and adds signatories; an edit to an approved version makes a new draft,
as on the pages. The lead records the decision that approved a submitted version (or corrects its
record) and publishes the approved version, through the pages' forms and services."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.statements.forms import (
    ApprovalForm,
    DetailsForm,
    LanguagesForm,
    PublishForm,
    SectionForm,
    SignatoryForm,
    StartStatementForm,
)
from tackle.statements.models import DecisionMaker, Statement, StatementLanguages, StatementStatus
from tackle.statements.sections import SECTION_TITLES
from tackle.statements.selectors.statement import (
    get_statement_for_user,
    periods_visible_to,
    require_lead,
    section_rows,
    statements_visible_to,
)
from tackle.statements.services import statement as services


class SectionSerializer(serializers.Serializer):
    key = serializers.ChoiceField(list(SECTION_TITLES))
    title = serializers.CharField()
    text = serializers.CharField(allow_blank=True)
    text_cy = serializers.CharField(
        allow_blank=True,
        allow_null=True,
        help_text="The council's own Welsh version (issue 21), empty where it has none yet; null for a statement "
        "published in English only, whose page shows no Welsh",
    )


class SignatorySerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    role = serializers.CharField(max_length=120)


class StatementSerializer(serializers.ModelSerializer):
    period = serializers.UUIDField(source="period.uuid", read_only=True)
    period_label = serializers.CharField(source="period.label", read_only=True)
    languages = serializers.ChoiceField(
        StatementLanguages.choices,
        read_only=True,
        help_text="The languages it is published in: en (English), cy (Welsh) or both (side by side, Welsh first)",
    )
    sections = serializers.SerializerMethodField()
    signatories = SignatorySerializer(many=True, read_only=True)

    class Meta:
        model = Statement
        fields = [
            "uuid", "period", "period_label", "version", "status", "frozen", "languages", "decision_maker",
            "delegated_to", "approval_date", "minute_reference", "approved_at", "published_url", "review_date",
            "created_at", "sections", "signatories",
        ]  # fmt: skip

    @extend_schema_field(SectionSerializer(many=True))
    def get_sections(self, statement: Statement) -> list[dict[str, str | None]]:
        welsh = {}
        if statement.languages != StatementLanguages.ENGLISH:
            welsh = {key: text for key, _title, text in section_rows(statement, language="cy")}
        return [
            {"key": key, "title": str(title), "text": text, "text_cy": welsh.get(key) if welsh else None}
            for key, title, text in section_rows(statement)
        ]


class StatementFilters(serializers.Serializer):
    period = serializers.UUIDField(required=False, help_text="One period of the action plan")
    status = serializers.ChoiceField(StatementStatus.choices, required=False)
    sort = sort_choice("created_at", "version", default="-created_at")


class StatementStartSerializer(serializers.Serializer):
    period = serializers.UUIDField(help_text="The period of the action plan it is for; one statement a period")


class StatementChangeSerializer(serializers.Serializer):
    sections = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text=f"Text by section key: {', '.join(SECTION_TITLES)}",
    )
    sections_cy = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text="The council's Welsh text by section key, for a statement in Welsh or in both languages "
        "(issue 21); the English text is kept",
    )
    languages = serializers.ChoiceField(
        StatementLanguages.choices, required=False, help_text="en, cy or both; set before writing sections_cy"
    )
    review_date = PlausibleDateField(required=False, help_text="After the date it was approved")

    def validate_sections(self, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(SECTION_TITLES))
        if unknown:
            raise ValidationError(f"Not a section of the statement: {', '.join(unknown)}")
        return value

    def validate_sections_cy(self, value: dict[str, str]) -> dict[str, str]:
        return self.validate_sections(value)


class ApprovalSerializer(serializers.Serializer):
    decision_maker = serializers.ChoiceField(DecisionMaker.choices, required=False)
    delegated_to = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="For a delegated decision only"
    )
    approval_date = PlausibleDateField(required=False, help_text="Today or in the past")
    minute_reference = serializers.CharField(required=False, max_length=100)
    review_date = PlausibleDateField(required=False, help_text="After the date of the decision")


class PublicationSerializer(serializers.Serializer):
    published_url = serializers.URLField(help_text="The web address of the published statement")


APPROVAL_FIELDS = ["decision_maker", "delegated_to", "approval_date", "minute_reference", "review_date"]


@extend_schema(
    methods=["GET"],
    operation_id="statements_list",
    summary="Your council's statements, every version",
    parameters=[StatementFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedStatementList", StatementSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Start the statement for a period",
    description="The modern slavery lead only; a period has one statement (later versions come from editing an "
    "approved one).",
    request=StatementStartSerializer,
    responses={201: StatementSerializer},
    examples=[
        OpenApiExample("For a period", value={"period": "7f1d2c9e-4d0a-4b8e-9a51-0c2f3e4d5a6b"}, request_only=True)
    ],
)
@api_view(["GET", "POST"])
def statement_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        periods = periods_visible_to(user)
        require_lead(user)
        incoming = body_or_400(StatementStartSerializer, request)
        form = StartStatementForm(merged({}, incoming, ["period"]), periods=periods)
        form.fields["period"].to_field_name = "uuid"  # type: ignore[attr-defined]
        period = checked_by_form(form).cleaned_data["period"]
        statement = services.statement_create(period=period, actor=user, request=request._request)
        return Response(StatementSerializer(statement).data, status=status.HTTP_201_CREATED)
    statements = statements_visible_to(user).prefetch_related("sections", "signatories")
    filters = query_or_400(StatementFilters, request)
    if filters.get("period"):
        statements = statements.filter(period__uuid=filters["period"])
    if filters.get("status"):
        statements = statements.filter(status=filters["status"])
    response, _count = one_page(
        request, sorted_by(statements, filters["sort"]), lambda page: StatementSerializer(page, many=True).data
    )
    return response


@extend_schema(methods=["GET"], summary="One version of the statement", responses=StatementSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Write sections, their Welsh, the languages or the review date",
    description="The modern slavery lead only. All or nothing. An approved version is frozen: the change makes "
    "a new draft version, which is what is answered (its uuid differs). The languages are set first, so one "
    "request may choose Welsh and write the Welsh; sections_cy is refused for a statement in English only, as "
    "the page does not ask for it.",
    request=StatementChangeSerializer,
    responses={200: StatementSerializer},
    examples=[
        OpenApiExample(
            "A section and the review date",
            value={"sections": {"policies": "Our procurement policy asks..."}, "review_date": "2027-03-31"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "PATCH"])
def statement_detail(request: Request, statement_uuid: str) -> Response:
    user = api_user(request)
    if request.method == "PATCH":
        statement = get_statement_for_user(user, statement_uuid, to_change=True)
        given: dict[str, Any] = body_or_400(StatementChangeSerializer, request)
        with transaction.atomic():
            if "languages" in given:
                languages = checked_by_form(LanguagesForm(merged({}, given, ["languages"]))).cleaned_data
                statement = services.statement_details_update(
                    statement=statement, actor=user, details=languages, request=request._request
                )
            if given.get("sections_cy") and statement.languages == StatementLanguages.ENGLISH:
                raise ValidationError(
                    {"sections_cy": ["The statement is published in English only: set languages to cy or both first"]}
                )
            # The review date first: it is checked against the decision of the version asked for,
            # before a section's edit may turn an approved version into a new draft.
            if "review_date" in given:
                details = checked_by_form(DetailsForm(merged({}, given, ["review_date"]))).cleaned_data
                statement = services.statement_details_update(
                    statement=statement, actor=user, details=details, request=request._request
                )
            for key, text in given.get("sections", {}).items():
                text = checked_by_form(SectionForm({"text": text})).cleaned_data["text"]
                statement = services.statement_section_update(
                    statement=statement, key=key, text=text, actor=user, request=request._request
                )
            # Read afresh: the English sections just written must be kept as written, not as first read.
            english = {key: text for key, _title, text in section_rows(Statement.objects.get(pk=statement.pk))}
            for key, text_cy in given.get("sections_cy", {}).items():
                form = SectionForm({"text": english.get(key, ""), "text_cy": text_cy}, languages=statement.languages)
                cleaned = checked_by_form(form).cleaned_data
                statement = services.statement_section_update(
                    statement=statement,
                    key=key,
                    text=cleaned["text"],
                    text_cy=cleaned["text_cy"],
                    actor=user,
                    request=request._request,
                )
        return Response(StatementSerializer(statement).data)
    statement = get_statement_for_user(user, statement_uuid, request=request._request)
    return Response(StatementSerializer(statement).data)


@extend_schema(
    summary="Add a signatory",
    description="The modern slavery lead only. On an approved version, a new draft version is made and answered.",
    request=SignatorySerializer,
    responses={201: StatementSerializer},
    examples=[OpenApiExample("The chief executive", value={"name": "Sam Patel", "role": "Chief Executive"})],
)
@api_view(["POST"])
def statement_signatory_add(request: Request, statement_uuid: str) -> Response:
    user = api_user(request)
    statement = get_statement_for_user(user, statement_uuid, to_change=True)
    incoming = body_or_400(SignatorySerializer, request)
    data = checked_by_form(SignatoryForm(merged({}, incoming, ["name", "role"]))).cleaned_data
    statement = services.signatory_add(statement=statement, actor=user, request=request._request, **data)
    return Response(StatementSerializer(statement).data, status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Record (or correct) the decision that approved this version",
    description="The modern slavery lead only, as the Record the approval page: a version submitted for "
    "approval, or an approved one not yet published, whose record is then corrected. Fields left out keep "
    "the recorded value. The version is frozen.",
    request=ApprovalSerializer,
    responses={200: StatementSerializer},
    examples=[
        OpenApiExample(
            "Cabinet",
            value={
                "decision_maker": "cabinet",
                "approval_date": "2026-07-01",
                "minute_reference": "CAB 45/26",
                "review_date": "2027-07-01",
            },
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def statement_approve(request: Request, statement_uuid: str) -> Response:
    user = api_user(request)
    statement = get_statement_for_user(user, statement_uuid, to_change=True)
    incoming = body_or_400(ApprovalSerializer, request)
    form = ApprovalForm(merged(statement, incoming, APPROVAL_FIELDS), today=timezone.localdate())
    data = checked_by_form(form).cleaned_data
    statement = services.statement_approve(statement=statement, actor=user, request=request._request, **data)
    return Response(StatementSerializer(statement).data)


@extend_schema(
    summary="Publish the approved version",
    description="The modern slavery lead only, as the Publish page: an approved version with everything the "
    "checklist asks for; it cannot be undone.",
    request=PublicationSerializer,
    responses={200: StatementSerializer},
    examples=[
        OpenApiExample(
            "On the council's site",
            value={"published_url": "https://www.example.gov.uk/modern-slavery-statement"},
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def statement_publish(request: Request, statement_uuid: str) -> Response:
    user = api_user(request)
    statement = get_statement_for_user(user, statement_uuid, to_change=True)
    incoming = body_or_400(PublicationSerializer, request)
    data = checked_by_form(PublishForm(merged({}, incoming, ["published_url"]))).cleaned_data
    statement = services.statement_publish(statement=statement, actor=user, request=request._request, **data)
    return Response(StatementSerializer(statement).data)


@extend_schema(
    summary="Submit a draft for approval",
    description="The modern slavery lead only, as the statement page's Submit for approval: a draft with at "
    "least one signatory. The decision is then recorded through .../approval.",
    request=None,
    responses={200: StatementSerializer, 400: OpenApiResponse(description="Not a draft, or no signatory yet")},
)
@api_view(["POST"])
def statement_submit(request: Request, statement_uuid: str) -> Response:
    user = api_user(request)
    statement = get_statement_for_user(user, statement_uuid, to_change=True)
    statement = services.statement_submit(statement=statement, actor=user, request=request._request)
    return Response(StatementSerializer(statement).data)
