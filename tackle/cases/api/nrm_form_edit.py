"""Answering the Home Office form through the API, as its pages do: one section's answers
(`PATCH /api/v1/cases/{uuid}/nrm-form/{section}`, the child or adult branch the case is on, the
section page's own form and service) and the lead's review and redaction of a Duty to Notify's
account (`/nrm-form/redaction`, the redaction page's form and service). Audited by the services."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user
from tackle.cases.api.nrm_form import NrmFormSerializer
from tackle.cases.forms.home_office_form import RedactionForm, SectionForm
from tackle.cases.models import Case
from tackle.cases.nrm_pack import FormState, api_form, form_state
from tackle.cases.rules.home_office_form import SECTION_BY_KEY, SECTIONS, Kind, Section
from tackle.cases.selectors import case_list_visible_to
from tackle.cases.services.home_office_form import duty_to_notify_redact, home_office_section_save
from tackle.core.access import DTN_REDACTIONS, NRM_PACKS, Action, Resource
from tackle.core.api_lists import body_or_400, checked_by_form, merged
from tackle.core.api_schema import STALE_VERSION


def _case(request: Request, case_uuid: Any, resource: Resource, action: Action, note: str = "") -> Case:
    user = api_user(request)
    visible = case_list_visible_to(user)
    return open_for_user(
        user, visible, resource=resource, action=action, request=request._request, note=note, uuid=case_uuid
    )


class SectionAnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(
        help_text="By question key, the answer in the codes the question offers (a list for several, a whole "
        "number for a count); a question left out keeps its answer, null or an empty text clears it"
    )
    version = serializers.IntegerField(
        required=False, allow_null=True, help_text="The form's version read: 409 if someone changed it since"
    )


class NrmFormSavedSerializer(NrmFormSerializer):
    version = serializers.IntegerField(help_text="The form's version now")


class HomeOfficeQuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    question = serializers.CharField()
    kind = serializers.CharField(help_text="choice, choices, number, text, long_text, email or documents")
    choices = serializers.ListField(child=serializers.CharField(), help_text="The codes an answer may take")
    held = serializers.BooleanField(help_text="Tackle holds it from the case record: not answered here")
    answer = serializers.JSONField(allow_null=True, help_text="As stored: a code, codes, a number or text")


class HomeOfficeSectionSerializer(serializers.Serializer):
    section = serializers.CharField()
    title = serializers.CharField()
    version = serializers.IntegerField(help_text="Send it back with the answers to refuse a lost update")
    questions = HomeOfficeQuestionSerializer(many=True, help_text="What the case's form and branch ask here")


SECTION_PARAMETER = OpenApiParameter(
    "section", OpenApiTypes.STR, OpenApiParameter.PATH, enum=[section.key for section in SECTIONS]
)


@extend_schema(
    methods=["GET"],
    operation_id="v1_cases_nrm_form_section_retrieve",
    summary="One section of the case's Home Office form",
    description="The questions this case's form and branch ask in the section, with the codes each answer may "
    "take and the answers as stored. For those who may read referral packs; audited.",
    parameters=[SECTION_PARAMETER],
    responses=HomeOfficeSectionSerializer,
)
@extend_schema(
    methods=["PATCH"],
    operation_id="v1_cases_nrm_form_section_partial_update",
    summary="Answer one section of the case's Home Office form",
    description="As the section's page: the questions the case's form and branch (child or adult) ask there, "
    "checked as the page checks them; a question Tackle holds from the case record is changed on the case, "
    "not here. A section the case's form does not ask answers 404. For those who may change referral packs "
    "(a write token with the cases module); audited. Answers the form as it reads now.",
    parameters=[SECTION_PARAMETER],
    request=SectionAnswersSerializer,
    responses={200: NrmFormSavedSerializer, **STALE_VERSION},
    examples=[
        OpenApiExample(
            "Last contact", value={"answers": {"last_contact": "within_week"}, "version": 3}, request_only=True
        )
    ],
)
@api_view(["GET", "PATCH"])
def nrm_form_section(request: Request, case_uuid: Any, section: str) -> Response:
    reading = request.method == "GET"
    case = _case(request, case_uuid, NRM_PACKS, Action.VIEW if reading else Action.CHANGE, "Home Office form by API")
    state = form_state(case)
    chosen = SECTION_BY_KEY.get(section)
    if chosen is None or chosen not in state.sections:
        raise NotFound("This case's form has no such section")
    if reading:
        return Response(_section(state, chosen))
    incoming = body_or_400(SectionAnswersSerializer, request)
    asked = state.asked_to_answer(chosen)
    keys = [question.key for question in asked]
    held = {question.key for question in chosen.questions if question.held}
    refused = {
        key: ["Tackle holds this from the case record: change it on the case"]
        if key in held
        else ["Not a question this section asks of this case"]
        for key in incoming["answers"]
        if key not in keys
    }
    if refused:
        raise ValidationError(refused)
    stored = state.row.answers if state.row else {}
    data = merged(stored, incoming["answers"], keys)
    form = checked_by_form(SectionForm(data, initial=stored, questions=asked, documents=state.documents))
    row = home_office_section_save(
        case=case,
        section_key=chosen.key,
        answers=form.answers(),
        actor=api_user(request),
        expected_version=incoming.get("version"),
        request=request._request,
    )
    return Response({**api_form(case), "version": row.version})


def _section(state: FormState, section: Section) -> dict[str, Any]:
    questions = [
        {
            "key": question.key,
            "question": question.label,
            "kind": question.kind.value,
            "choices": list(state.documents) if question.kind == Kind.DOCUMENTS else [c for c, _ in question.choices],
            "held": question.held,
            "answer": state.values.get(question.key),
        }
        for question in state.asked(section)
    ]
    version = state.row.version if state.row else 1  # the version a first save starts from
    return {"section": section.key, "title": section.title, "version": version, "questions": questions}


class RedactionTextSerializer(serializers.Serializer):
    key = serializers.CharField()
    question = serializers.CharField()
    written = serializers.CharField(help_text="What was written, kept on the case; never in the pack")
    redacted = serializers.CharField(
        allow_null=True, help_text="The lead's version that goes in the pack; null until reviewed"
    )


class RedactionSerializer(serializers.Serializer):
    form = serializers.ChoiceField(["nrm", "duty_to_notify"])
    reviewed = serializers.BooleanField(help_text="The lead's redaction covers the account as it reads now")
    texts = RedactionTextSerializer(many=True, help_text="A Duty to Notify's free texts; none for an NRM referral")


class RedactionWriteSerializer(serializers.Serializer):
    texts = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=15000),
        help_text="Every text to review, by key, as it may go in the pack; an empty text withholds it all",
    )


def _redaction(case: Case) -> dict[str, Any]:
    state = form_state(case)
    redacted = state.redacted
    return {
        "form": state.form,
        "reviewed": not state.review_needed,
        "texts": [
            {"key": key, "question": label, "written": written, "redacted": redacted.get(key)}
            for key, (label, written) in state.texts_to_review.items()
        ],
    }


@extend_schema(
    methods=["GET"],
    summary="The Duty to Notify's account to review and redact",
    description="Each free text of a Duty to Notify, as written and as the lead redacted it. The lead only; "
    "audited. An NRM referral has none.",
    responses=RedactionSerializer,
)
@extend_schema(
    methods=["PUT"],
    summary="Review and redact the Duty to Notify's account",
    description="As the redaction page: every text, edited so that nothing in it could identify the person "
    "(no names, addresses or exact places; the town is enough). What was written stays on the case; only this "
    "goes in the pack. A later change to the account asks for the review again. The lead only, a write token "
    "with the cases module; audited.",
    request=RedactionWriteSerializer,
    responses=RedactionSerializer,
    examples=[
        OpenApiExample(
            "Redacted",
            value={"texts": {"account": "Seen working long hours at a car wash in Leeds"}},
            request_only=True,
        )
    ],
)
@api_view(["GET", "PUT"])
def nrm_form_redaction(request: Request, case_uuid: Any) -> Response:
    if request.method == "GET":
        case = _case(request, case_uuid, DTN_REDACTIONS, Action.VIEW, note="Duty to Notify account by API")
        return Response(_redaction(case))
    case = _case(request, case_uuid, DTN_REDACTIONS, Action.CHANGE)
    texts = body_or_400(RedactionWriteSerializer, request)["texts"]
    to_review = form_state(case).texts_to_review
    refused = {key: ["Not a text of this account"] for key in texts if key not in to_review}
    refused |= {key: ["Give this text as it may go in the pack"] for key in to_review if key not in texts}
    if refused:
        raise ValidationError(refused)
    form = checked_by_form(RedactionForm(texts, texts=to_review))
    duty_to_notify_redact(case=case, actor=api_user(request), texts=form.cleaned_data, request=request._request)
    return Response(_redaction(case))
