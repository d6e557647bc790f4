"""`GET /api/v1/foi-answer`: the draft answer to a modern slavery FOI request, as the FOI page drafts
it: the request's questions in its order, its periods in its order, counts of people shown as the
public sees them with the section 40(2) wording where one is withheld. Officers only, audited."""

import re
from typing import Any, cast

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.accounts.models import Organisation, User
from tackle.core.access import SCRUTINY_RECORDS
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import checked_by_form, query_or_400
from tackle.core.periods import financial_year_of, today_in_london
from tackle.scrutiny.foi import build_foi_answer, standard_request
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


FOI_ANSWER = inline_serializer(
    "FoiAnswer",
    {
        "organisation": serializers.CharField(),
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


def _asked(query: dict[str, Any]) -> FoiRequest:
    """The request through the page's own form, so it is refused as the page refuses it; a question
    field's error (q3) is the API's `questions`."""
    if "kind" not in query and not query.get("questions"):
        latest = financial_year_of(today_in_london())
        return standard_request([latest - 2, latest - 1, latest])
    data = {name: value for name, value in query.items() if name != "questions" and value is not None}
    data.update({f"q{number}": key for number, key in enumerate(query.get("questions", []), start=1)})
    if len(query.get("questions", [])) > len(QUESTIONS):
        raise ValidationError({"questions": [f"A request asks {len(QUESTIONS)} questions or fewer"]})
    try:
        return checked_by_form(FoiForm(data)).request()
    except ValidationError as refused:
        errors: dict[str, list[str]] = {}
        for name, messages in cast(dict[str, list[str]], refused.detail).items():
            errors.setdefault("questions" if _QUESTION_FIELD.match(name) else name, []).extend(messages)
        raise ValidationError(errors) from None


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
    asked = _asked(query)
    answer = build_foi_answer(cast(Organisation, user.organisation), asked)
    open_page_for_user(
        user,
        resource=SCRUTINY_RECORDS,
        request=request._request,
        object_type="scrutiny.foi",
        note=f"FOI draft {', '.join(answer.years)} (API)",
    )
    return Response(
        {
            "organisation": answer.organisation_name,
            "periods": answer.years,
            "questions": [
                {"number": item.number, "question": item.question, "answer": item.answer} for item in answer.items
            ],
            "exemptions": answer.exemptions,
        }
    )
