"""`GET /api/v1/foi-answer`: the draft answer to a modern slavery FOI request, as the FOI page drafts
it: the request's questions in its order, its periods in its order, counts of people shown as the
public sees them with the section 40(2) wording where one is withheld, in English or, where the
organisation offers the Welsh service, in Welsh. `POST /api/v1/foi-answer/issue` issues it as the
page's Issue this answer does: its counts kept as released (final). Officers only, audited."""

import re
from typing import Any, cast

from django.conf import settings
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.accounts.models import Organisation, User
from tackle.accounts.selectors import welsh_offered_to
from tackle.core.access import SCRUTINY_RECORDS, Action
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, query_or_400
from tackle.core.periods import financial_year_of, today_in_london
from tackle.reporting.api_releases import ReleaseSerializer
from tackle.reporting.services import foi_release
from tackle.scrutiny.foi import FoiAnswer, build_foi_answer, standard_request
from tackle.scrutiny.foi.questions import QUESTIONS
from tackle.scrutiny.foi.request import BeforeRecords, FoiRequest, PeriodKind
from tackle.scrutiny.forms import FoiForm
from tackle.scrutiny.selectors import require_officer


class FoiQuery(serializers.Serializer):
    questions = serializers.ListField(
        child=serializers.ChoiceField(list(QUESTIONS)),
        required=False,
        help_text="The request's questions, in its order (repeat the parameter); numbered as asked",
    )
    kind = serializers.ChoiceField(
        [kind.value for kind in PeriodKind],
        required=False,
        help_text="How the request names its periods. Left out, with no questions: every question for the last "
        "three financial years, as the page drafts before a request is entered",
    )
    first_year = serializers.IntegerField(required=False, help_text="Calendar or financial (2023 for 2023-24)")
    last_year = serializers.IntegerField(required=False, help_text="Years are answered in the order asked")
    starts_on = PlausibleDateField(required=False, help_text="For kind=dates")
    ends_on = PlausibleDateField(required=False, help_text="For kind=dates; this day is included")
    before_records = serializers.ChoiceField(
        [choice.value for choice in BeforeRecords],
        required=False,
        default=BeforeRecords.NOT_HELD,
        help_text="For a period before the council's records began: not held, or refused on cost (section 12)",
    )
    language = serializers.ChoiceField(
        [code for code, _name in settings.LANGUAGES],
        required=False,
        help_text="The language to answer in, as the page's Answer in: cy (Welsh) only where your organisation "
        "offers the Welsh language service; English (en-gb) when left out",
    )


FOI_ANSWER = inline_serializer(
    "FoiAnswer",
    {
        "organisation": serializers.CharField(),
        "language": serializers.CharField(help_text="The language the answer is written in: en-gb or cy"),
        "periods": serializers.ListField(child=serializers.CharField(), help_text="In the request's order"),
        "questions": inline_serializer(
            "FoiAnsweredQuestion",
            {
                "number": serializers.IntegerField(),
                "question": serializers.CharField(),
                "answer": serializers.ListField(child=serializers.CharField(), help_text="Its paragraphs"),
            },
            many=True,
        ),
        "exemptions": serializers.ListField(
            child=serializers.CharField(), help_text="The section 40(2) and section 12 wording, where used"
        ),
    },
)
_QUESTION_FIELD = re.compile(r"^q\d+$")


def _asked(query: dict[str, Any], *, welsh: bool) -> tuple[FoiRequest, str]:
    """The request and the language to answer in, through the page's own form, so it is refused as
    the page refuses it; a question field's error (q3) is the API's `questions`. Welsh only where the
    organisation offers it, as the page offers Answer in only then."""
    language = query.get("language") or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE and not welsh:
        raise ValidationError({"language": ["Your organisation does not offer the Welsh language service"]})
    if "kind" not in query and not query.get("questions"):
        latest = financial_year_of(today_in_london())
        return standard_request([latest - 2, latest - 1, latest]), language
    data = {name: value for name, value in query.items() if name != "questions" and value is not None}
    data.update({f"q{number}": key for number, key in enumerate(query.get("questions", []), start=1)})
    data["language"] = language
    if len(query.get("questions", [])) > len(QUESTIONS):
        raise ValidationError({"questions": [f"A request asks {len(QUESTIONS)} questions or fewer"]})
    try:
        form = checked_by_form(FoiForm(data, welsh=welsh))
    except ValidationError as refused:
        errors: dict[str, list[str]] = {}
        for name, messages in cast(dict[str, list[str]], refused.detail).items():
            errors.setdefault("questions" if _QUESTION_FIELD.match(name) else name, []).extend(messages)
        raise ValidationError(errors) from None
    return form.request(), language


def _answer_json(answer: FoiAnswer) -> dict[str, Any]:
    return {
        "organisation": answer.organisation_name,
        "language": answer.language,
        "periods": answer.shown_years or answer.years,
        "questions": [
            {"number": item.number, "question": item.question, "answer": item.answer} for item in answer.items
        ],
        "exemptions": answer.exemptions,
    }


@extend_schema(
    operation_id="foi_answer_retrieve",
    summary="Draft the answer to a modern slavery FOI request",
    description="As the FOI page drafts it, from the council's records. Officers only (the lead, community safety, "
    "the records officer): councillors and other roles get 403. Each draft is audited.",
    parameters=[FoiQuery],
    responses={200: FOI_ANSWER, 403: OpenApiResponse(description="Your role does not answer FOI requests")},
    examples=[
        OpenApiExample(
            "Two questions for two financial years",
            value={
                "organisation": "Council A",
                "language": "en-gb",
                "periods": ["2023-24", "2024-25"],
                "questions": [
                    {"number": 1, "question": "Does the council have a specialist lead...?", "answer": ["Yes."]}
                ],
                "exemptions": [],
            },
            response_only=True,
        )
    ],
)
@api_view(["GET"])
def foi_answer(request: Request) -> Response:
    user = cast(User, request.user)
    require_officer(user)
    query = query_or_400(FoiQuery, request)
    if "kind" not in request.query_params:
        query.pop("kind", None)
    asked, language = _asked(query, welsh=welsh_offered_to(user))
    answer = build_foi_answer(cast(Organisation, user.organisation), asked, language)
    open_page_for_user(
        user,
        resource=SCRUTINY_RECORDS,
        request=request._request,
        object_type="scrutiny.foi",
        note=f"FOI draft {', '.join(answer.years)} (API)",
    )
    return Response(_answer_json(answer))


class FoiIssueSerializer(FoiQuery):
    questions = serializers.ListField(
        child=serializers.ChoiceField(list(QUESTIONS)),
        allow_empty=False,
        help_text="The request's questions, in its order; numbered as asked",
    )
    kind = serializers.ChoiceField([kind.value for kind in PeriodKind], help_text="How the request names its periods")


ISSUE_EXAMPLE = {
    "questions": ["lead", "nrm_referrals"], "kind": "financial", "first_year": 2024, "last_year": 2024, "language": "cy"
}  # fmt: skip
FOI_ISSUED = inline_serializer("FoiIssued", {"release": ReleaseSerializer(), "answer": FOI_ANSWER})


@extend_schema(
    summary="Issue the answer to a modern slavery FOI request",
    description="As the FOI page's Issue this answer: the request drafted as the page drafts it, and its counts "
    "of people kept as released to the public, so that a later answer or the Figures page for the same or an "
    "overlapping period is protected against them. Each request is issued on its own: the same question "
    "asked again by another requester is issued again with the same counts. Officers only (the lead, "
    "community safety, the records officer) with a write token with the scrutiny module; audited.",
    request=FoiIssueSerializer,
    responses={201: FOI_ISSUED},
    examples=[OpenApiExample("Two questions for a financial year, in Welsh", value=ISSUE_EXAMPLE, request_only=True)],
)
@api_view(["POST"])
def foi_answer_issue(request: Request) -> Response:
    user = cast(User, request.user)
    require_officer(user)
    open_page_for_user(user, resource=SCRUTINY_RECORDS, action=Action.RECORD, object_type="scrutiny.foi")
    asked, language = _asked(body_or_400(FoiIssueSerializer, request), welsh=welsh_offered_to(user))
    answer = build_foi_answer(cast(Organisation, user.organisation), asked, language)
    release = foi_release(
        actor=user, period_label=", ".join(answer.years), starts_on=asked.span.starts_on,
        ends_before=asked.span.ends_before, cells=answer.cells, request=request._request,
    )  # fmt: skip
    body = {"release": ReleaseSerializer(release).data, "answer": _answer_json(answer)}
    return Response(body, status=status.HTTP_201_CREATED)
