"""/api/v1/self-assessments: the yearly self-assessments as the Scrutiny pages keep them: listed,
started, read with what Tackle proposes for each question, answered, the committee's report and
the comparison of every year. For whoever may use the self-assessment (councillors, the lead,
community safety, the records officer), through the pages' forms and services; audited as the pages."""

from typing import Any

from django.db.models import Count
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_page_for_user
from tackle.accounts.selectors import disclosure_for
from tackle.audit.models import AuditAction
from tackle.audit.services import audit_record
from tackle.core.access import ASSESSMENTS, Action
from tackle.core.api_lists import body_or_400, checked_by_form, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.core.disclosure import Audience
from tackle.core.periods import financial_year_label, financial_year_of, today_in_london
from tackle.scrutiny.forms import AnswersForm, AssessmentNewForm
from tackle.scrutiny.models import Assessment
from tackle.scrutiny.proposals.questions import proposals_for
from tackle.scrutiny.report import report_pdf
from tackle.scrutiny.selectors import assessments_visible_to, get_assessment_for_user
from tackle.scrutiny.services import assessment_answer, assessment_create
from tackle.scrutiny.themes import ANSWER_CHOICES, ANSWER_LABELS, QUESTION_KEYS, THEMES
from tackle.statements.selectors.commitments import commitment_rows

ANSWERS = [value for value, _label in ANSWER_CHOICES]


class SelfAssessmentSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    year = serializers.IntegerField(help_text="The financial year it covers starts in April of this year")
    financial_year = serializers.SerializerMethodField(help_text="As 2025-26")
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    answered = serializers.IntegerField(help_text="Questions answered")

    def get_financial_year(self, assessment: Assessment) -> str:
        return financial_year_label(assessment.year)


PROPOSAL = inline_serializer(
    "SelfAssessmentProposal",
    {
        "answer": serializers.ChoiceField(ANSWERS),
        "evidence": serializers.CharField(help_text="What Tackle holds, in words"),
    },
    allow_null=True,
    help_text="What Tackle's own records suggest; null where they say nothing",
)
_ANSWERED: dict[str, serializers.Field] = {
    "key": serializers.ChoiceField(QUESTION_KEYS),
    "text": serializers.CharField(),
    "answer": serializers.ChoiceField(ANSWERS, allow_null=True, help_text="null: not answered"),
    "answer_label": serializers.CharField(allow_blank=True),
    "evidence": serializers.CharField(allow_blank=True),
}


def _theme_schema(name: str, questions: dict[str, serializers.Field]) -> serializers.Serializer:
    return inline_serializer(
        f"{name}Theme",
        {
            "key": serializers.CharField(),
            "title": serializers.CharField(),
            "questions": inline_serializer(f"{name}Question", questions, many=True),
        },
        many=True,
    )


THEME = _theme_schema("SelfAssessment", {**_ANSWERED, "proposal": PROPOSAL})
SELF_ASSESSMENT = inline_serializer(
    "SelfAssessmentDetail",
    {
        "uuid": serializers.UUIDField(),
        "year": serializers.IntegerField(),
        "financial_year": serializers.CharField(),
        "created_at": serializers.DateTimeField(),
        "updated_at": serializers.DateTimeField(),
        "themes": THEME,
    },
)
ANSWERS_SAVED = inline_serializer(
    "SelfAssessmentAnswersSaved",
    {
        "changed": serializers.ListField(child=serializers.CharField(), help_text="The questions whose answer changed"),
        "self_assessment": SELF_ASSESSMENT,
    },
)
REPORT = inline_serializer(
    "SelfAssessmentReport",
    {
        "organisation": serializers.CharField(),
        "year": serializers.IntegerField(),
        "financial_year": serializers.CharField(),
        "figures_note": serializers.CharField(help_text="How small counts in the evidence are shown"),
        "themes": _theme_schema("SelfAssessmentReport", _ANSWERED),
        "commitments": inline_serializer(
            "SelfAssessmentReportCommitment",
            {
                "commitment": serializers.CharField(),
                "source": serializers.CharField(),
                "progress": serializers.CharField(),
                "evidence": serializers.CharField(help_text="The latest pieces, in words"),
            },
            many=True,
        ),
    },
)
COMPARISON = inline_serializer(
    "SelfAssessmentComparison",
    {
        "years": serializers.ListField(child=serializers.IntegerField(), help_text="Earliest first"),
        "themes": inline_serializer(
            "SelfAssessmentComparedTheme",
            {
                "key": serializers.CharField(),
                "title": serializers.CharField(),
                "questions": inline_serializer(
                    "SelfAssessmentComparedQuestion",
                    {
                        "key": serializers.ChoiceField(QUESTION_KEYS),
                        "text": serializers.CharField(),
                        "answers": serializers.ListField(
                            child=serializers.ChoiceField(ANSWERS, allow_null=True),
                            help_text="One per year, in the order of years; null: not answered",
                        ),
                    },
                    many=True,
                ),
            },
            many=True,
        ),
    },
)


class SelfAssessmentFilters(serializers.Serializer):
    year_from = serializers.IntegerField(required=False, min_value=1990, max_value=2100, help_text="This year or later")
    year_to = serializers.IntegerField(required=False, min_value=1990, max_value=2100, help_text="This year or earlier")
    sort = sort_choice("year", "updated_at", default="-year")


class SelfAssessmentNewSerializer(serializers.Serializer):
    year = serializers.IntegerField(help_text="This financial year's or one of the five before it, as the page offers")


class AnswerSerializer(serializers.Serializer):
    question = serializers.ChoiceField(QUESTION_KEYS)
    answer = serializers.ChoiceField(ANSWERS)
    evidence = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)


class AnswersSerializer(serializers.Serializer):
    answers = AnswerSerializer(many=True, allow_empty=False)


def _themes(assessment: Assessment, proposals: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Every theme and question in the guide's order with the answer saved; with what Tackle proposes
    where `proposals` is given (the report leaves them out, as its page does)."""
    saved = {answer.question: answer for answer in assessment.answers.all()}

    def question(key: str, text: Any) -> dict[str, Any]:
        answer = saved.get(key)
        shown: dict[str, Any] = {
            "key": key,
            "text": str(text),
            "answer": answer.answer if answer else None,
            "answer_label": str(ANSWER_LABELS.get(answer.answer, "")) if answer else "",
            "evidence": answer.evidence if answer else "",
        }
        if proposals is not None:
            proposal = proposals.get(key)
            shown["proposal"] = {"answer": proposal.answer, "evidence": proposal.evidence} if proposal else None
        return shown

    return [
        {"key": theme.key, "title": str(theme.title), "questions": [question(q.key, q.text) for q in theme.questions]}
        for theme in THEMES
    ]


def _detail(assessment: Assessment) -> dict[str, Any]:
    return {
        "uuid": str(assessment.uuid),
        "year": assessment.year,
        "financial_year": financial_year_label(assessment.year),
        "created_at": serializers.DateTimeField().to_representation(assessment.created_at),
        "updated_at": serializers.DateTimeField().to_representation(assessment.updated_at),
        "themes": _themes(assessment, proposals_for(assessment.organisation, assessment.year)),
    }


def _opened(request: Request, assessment_uuid: str, *, action: Action = Action.VIEW, note: str = "") -> Assessment:
    """The door audits a read (not a change: the service does)."""
    audited = request._request if action != Action.CHANGE else None
    return get_assessment_for_user(api_user(request), assessment_uuid, action=action, request=audited, note=note)


@extend_schema(
    methods=["GET"],
    operation_id="self_assessment_list",
    summary="The council's self-assessments",
    description="As the Scrutiny page lists them, newest year first: councillors, the lead, community safety and "
    "the records officer. Every listing is audited.",
    parameters=[SelfAssessmentFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedSelfAssessmentList", SelfAssessmentSerializer),
)
@extend_schema(
    methods=["POST"],
    operation_id="self_assessment_create",
    summary="Start a self-assessment",
    description="As the Start a self-assessment page: one per year, for this financial year or one of the five "
    "before it. A year already started is refused (400 naming year).",
    request=SelfAssessmentNewSerializer,
    responses={201: SELF_ASSESSMENT},
    examples=[OpenApiExample("This year", value={"year": 2026}, request_only=True)],
)
@api_view(["GET", "POST"])
def self_assessment_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        open_page_for_user(user, resource=ASSESSMENTS, action=Action.RECORD, object_type="scrutiny.assessment")
        year = body_or_400(SelfAssessmentNewSerializer, request)["year"]
        form = checked_by_form(AssessmentNewForm({"year": str(year)}, latest=financial_year_of(today_in_london())))
        assessment = assessment_create(actor=user, year=form.cleaned_data["year"], request=request._request)
        return Response(_detail(assessment), status=status.HTTP_201_CREATED)
    filters = query_or_400(SelfAssessmentFilters, request)
    assessments = assessments_visible_to(user).annotate(answered=Count("answers"))
    if filters.get("year_from") is not None:
        assessments = assessments.filter(year__gte=filters["year_from"])
    if filters.get("year_to") is not None:
        assessments = assessments.filter(year__lte=filters["year_to"])
    response, count = one_page(
        request,
        sorted_by(assessments, filters["sort"]),
        lambda page: SelfAssessmentSerializer(page, many=True).data,
    )
    note = f"API, {count}"
    audit_record(action=AuditAction.LIST, request=request._request, object_type="scrutiny.assessment", note=note)
    return response


@extend_schema(
    operation_id="self_assessment_read",
    summary="One self-assessment: every question, its answer and evidence, and what Tackle proposes",
    description="As the assessment's page, under the guide's seven themes. Audited.",
    responses=SELF_ASSESSMENT,
    examples=[
        OpenApiExample(
            "One question answered, another proposed",
            value={
                "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                "year": 2025,
                "financial_year": "2025-26",
                "created_at": "2025-06-02T09:30:00Z",
                "updated_at": "2025-06-09T14:00:00Z",
                "themes": [
                    {
                        "key": "structures",
                        "title": "Council structures and processes",
                        "questions": [
                            {
                                "key": "strategy_lead",
                                "text": "Is there a named officer who leads on modern slavery for the council?",
                                "answer": None,
                                "answer_label": "",
                                "evidence": "",
                                "proposal": {
                                    "answer": "yes",
                                    "evidence": "Modern slavery coordinator leads on modern slavery (Community "
                                    "safety) since 1 April 2023.",
                                },
                            }
                        ],
                    }
                ],
            },
            response_only=True,
        )
    ],
)
@api_view(["GET"])
def self_assessment_detail(request: Request, self_assessment_uuid: str) -> Response:
    return Response(_detail(_opened(request, self_assessment_uuid)))


@extend_schema(
    operation_id="self_assessment_answer",
    summary="Save answers",
    description="As the answer form: each question named once with yes, partly, no or not_known and its evidence "
    "(4000 characters at most). Questions left out keep their answers. Answers the questions that changed and "
    "the assessment.",
    request=AnswersSerializer,
    responses={200: ANSWERS_SAVED},
    examples=[
        OpenApiExample(
            "Training",
            value={
                "answers": [
                    {"question": "knowledge_staff_trained", "answer": "partly", "evidence": "72% of staff trained"}
                ]
            },
            request_only=True,
        )
    ],
)
@api_view(["POST"])
def self_assessment_answers(request: Request, self_assessment_uuid: str) -> Response:
    user = api_user(request)
    assessment = _opened(request, self_assessment_uuid, action=Action.CHANGE)
    given = body_or_400(AnswersSerializer, request)["answers"]
    keys = [item["question"] for item in given]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValidationError({"answers": [f"Name each question once: {', '.join(repeated)} more than once"]})
    data = {}
    for item in given:
        data[f"{item['question']}-answer"], data[f"{item['question']}-evidence"] = item["answer"], item["evidence"]
    form = AnswersForm(data)
    if not form.is_valid():  # the page's own checks, which the serializer already makes: named as one field
        raise ValidationError({"answers": [str(error) for errors in form.errors.values() for error in errors]})
    changed = assessment_answer(assessment=assessment, actor=user, answers=form.answers(), request=request._request)
    assessment.refresh_from_db()
    return Response({"changed": changed, "self_assessment": _detail(assessment)})


@extend_schema(
    operation_id="self_assessment_report",
    summary="The scrutiny report for a committee",
    description="As the report page (also a PDF there): the answers and evidence under each theme, the small "
    "numbers note and the commitments the council has adopted with their progress. Audited.",
    responses=REPORT,
)
@api_view(["GET"])
def self_assessment_report(request: Request, self_assessment_uuid: str) -> Response:
    assessment = _opened(request, self_assessment_uuid, note="Scrutiny report (API)")
    return Response(
        {
            "organisation": assessment.organisation.name,
            "year": assessment.year,
            "financial_year": financial_year_label(assessment.year),
            "figures_note": str(disclosure_for(assessment.organisation_id, Audience.COUNCILLORS).small_counts_note()),
            "themes": _themes(assessment, None),
            "commitments": [vars(row) for row in commitment_rows(assessment.organisation_id)],
        }
    )


@extend_schema(
    operation_id="self_assessment_report_pdf",
    summary="The scrutiny report as a PDF",
    description="The document the report page downloads (tagged PDF/UA); audited as a download.",
    responses={(200, "application/pdf"): OpenApiTypes.BINARY},
)
@api_view(["GET"])
def self_assessment_report_pdf(request: Request, self_assessment_uuid: str) -> HttpResponse:
    return report_pdf(_opened(request, self_assessment_uuid, action=Action.EXPORT, note="Scrutiny report (PDF, API)"))


@extend_schema(
    operation_id="self_assessment_comparison",
    summary="Every year's answers side by side",
    description="As the comparison page: each question with its answer in each year, earliest first. Audited.",
    responses=COMPARISON,
    examples=[
        OpenApiExample(
            "Two years",
            value={
                "years": [2025, 2026],
                "themes": [
                    {
                        "key": "knowledge",
                        "title": "Knowledge and training",
                        "questions": [
                            {
                                "key": "knowledge_staff_trained",
                                "text": "Have the staff most likely to meet victims been trained to spot the signs "
                                "and act?",
                                "answers": ["no", "partly"],
                            }
                        ],
                    }
                ],
            },
            response_only=True,
        )
    ],
)
@api_view(["GET"])
def self_assessment_comparison(request: Request) -> Response:
    user = api_user(request)
    assessments = list(assessments_visible_to(user).order_by("year").prefetch_related("answers"))
    open_page_for_user(
        user,
        resource=ASSESSMENTS,
        request=request._request,
        object_type="scrutiny.assessment",
        note="Comparison by year (API)",
    )
    by_year = {a.year: {answer.question: answer.answer for answer in a.answers.all()} for a in assessments}
    themes = [
        {
            "key": theme.key,
            "title": str(theme.title),
            "questions": [
                {"key": q.key, "text": str(q.text), "answers": [by_year[a.year].get(q.key) for a in assessments]}
                for q in theme.questions
            ],
        }
        for theme in THEMES
    ]
    return Response({"years": [a.year for a in assessments], "themes": themes})
