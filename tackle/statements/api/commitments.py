"""/api/v1/commitments/: the promises the council adopted, with the pages' rules: the supply roles
read them with their progress (an opening audited), the modern slavery lead adds and corrects them
and records the judgement that one is met or not yet met, which is what moves its status to met."""

from typing import Any, cast

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged, one_page, query_or_400, sort_choice, sorted_by
from tackle.core.api_schema import PAGE_PARAMETER, paginated
from tackle.statements.forms import CommitmentForm, JudgementForm
from tackle.statements.models import Commitment, CommitmentStatus
from tackle.statements.selectors.commitments import (
    CommitmentProgress,
    commitments_visible_to,
    get_commitment_for_user,
    progress_of,
    with_progress_data,
)
from tackle.statements.selectors.statement import require_lead
from tackle.statements.services import commitments as services

DETAIL_FIELDS = list(CommitmentForm.Meta.fields)


# `source` as a field name: the stubs take it for Field.source, hence the ignores below.
class CommitmentSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="commitment.uuid")
    source = serializers.CharField(source="commitment.source")  # type: ignore[assignment]
    title = serializers.CharField(source="commitment.title")
    meaning = serializers.CharField(source="commitment.meaning")
    adopted_on = serializers.DateField(source="commitment.adopted_on", allow_null=True)
    adopted_by = serializers.CharField(source="commitment.adopted_by")
    status = serializers.ChoiceField(CommitmentStatus.choices, help_text="Worked out from the record")
    met_on = serializers.DateField(source="commitment.met_on", allow_null=True, help_text="The lead's judgement")
    met_note = serializers.CharField(source="commitment.met_note")
    actions = serializers.SerializerMethodField()
    actions_total = serializers.IntegerField()
    actions_done = serializers.IntegerField()
    actions_overdue = serializers.IntegerField()
    evidence_count = serializers.IntegerField()

    def get_actions(self, row: CommitmentProgress) -> list[str]:
        return [str(action.uuid) for action in row.commitment.actions.all()]


# The list's sort: by a field of the commitment; `status` from the progress worked out.
SORTS = {"created_at", "title", "adopted_on"}


class CommitmentFilters(serializers.Serializer):
    status = serializers.ChoiceField(CommitmentStatus.choices, required=False)
    source = serializers.CharField(required=False, help_text="Where it comes from contains this text")  # type: ignore[assignment]
    sort = sort_choice(*sorted(SORTS), default="created_at")


class CommitmentWriteSerializer(serializers.Serializer):
    source = serializers.CharField(max_length=200, help_text="For example, a charter or a council motion")  # type: ignore[assignment]
    title = serializers.CharField(max_length=200)
    meaning = serializers.CharField(required=False, allow_blank=True)
    adopted_on = PlausibleDateField(required=False, allow_null=True)
    adopted_by = serializers.CharField(required=False, allow_blank=True, max_length=120)


class CommitmentChangeSerializer(CommitmentWriteSerializer):
    source = serializers.CharField(required=False, max_length=200)  # type: ignore[assignment]
    title = serializers.CharField(required=False, max_length=200)


class JudgementSerializer(serializers.Serializer):
    met = serializers.BooleanField(help_text="Met needs evidence on record and a note saying why")
    note = serializers.CharField(required=False, allow_blank=True)


def _one(commitment: Commitment) -> dict[str, Any]:
    (row,) = progress_of(with_progress_data(Commitment.objects.filter(pk=commitment.pk)))
    return cast(dict[str, Any], CommitmentSerializer(row).data)


@extend_schema(
    methods=["GET"],
    operation_id="commitments_list",
    summary="Your council's commitments with their progress",
    parameters=[CommitmentFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedCommitmentList", CommitmentSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Add a commitment",
    description="The modern slavery lead only; checked as the Add a commitment page.",
    request=CommitmentWriteSerializer,
    responses={201: CommitmentSerializer},
    examples=[
        OpenApiExample(
            "From a motion",
            value={
                "source": "Council motion, March 2026",
                "title": "Pay the real Living Wage in contracts",
                "adopted_on": "2026-03-12",
                "adopted_by": "Full Council",
            },
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def commitment_list(request: Request) -> Response:
    user = api_user(request)
    if request.method == "POST":
        commitments_visible_to(user)  # 403 for a role without the module, then for one that may not change it
        require_lead(user)
        incoming = body_or_400(CommitmentWriteSerializer, request)
        data = checked_by_form(CommitmentForm(merged({}, incoming, DETAIL_FIELDS))).cleaned_data
        commitment = services.commitment_create(
            organisation=user.organisation, actor=user, request=request._request, **data
        )
        return Response(_one(commitment), status=status.HTTP_201_CREATED)
    filters = query_or_400(CommitmentFilters, request)
    commitments = commitments_visible_to(user)
    if filters.get("source"):
        commitments = commitments.filter(source__icontains=filters["source"])
    rows = progress_of(with_progress_data(sorted_by(commitments, filters["sort"])))
    if filters.get("status"):
        rows = [row for row in rows if row.status == filters["status"]]
    response, _count = one_page(request, rows, lambda page: CommitmentSerializer(page, many=True).data)
    return response


@extend_schema(methods=["GET"], summary="One commitment with its progress", responses=CommitmentSerializer)
@extend_schema(
    methods=["PATCH"],
    summary="Correct a commitment",
    description="The modern slavery lead only, as the Change the commitment page; fields left out keep their value.",
    request=CommitmentChangeSerializer,
    responses={200: CommitmentSerializer},
    examples=[OpenApiExample("Who adopted it", value={"adopted_by": "Cabinet"}, request_only=True)],
)
@api_view(["GET", "PATCH"])
def commitment_detail(request: Request, commitment_uuid: str) -> Response:
    user = api_user(request)
    if request.method == "PATCH":
        commitment = get_commitment_for_user(user, commitment_uuid, to_change=True)
        incoming = body_or_400(CommitmentChangeSerializer, request)
        # The form works on a copy: a model form writes into its instance, and the service saves only
        # what differs from the record it is given.
        copy = Commitment.objects.get(pk=commitment.pk)
        form = CommitmentForm(merged(commitment, incoming, DETAIL_FIELDS), instance=copy)
        details = {name: checked_by_form(form).cleaned_data[name] for name in DETAIL_FIELDS}
        services.commitment_update(commitment=commitment, actor=user, request=request._request, details=details)
        return Response(_one(commitment))
    return Response(_one(get_commitment_for_user(user, commitment_uuid, request=request._request)))


@extend_schema(
    summary="Judge whether a commitment is met",
    description="The modern slavery lead only, as the Is it met? page: met needs evidence on record and a note "
    "saying how it shows the commitment is kept; not met clears an earlier judgement.",
    request=JudgementSerializer,
    responses={200: CommitmentSerializer},
    examples=[
        OpenApiExample("Met", value={"met": True, "note": "Every new contract carries the clause"}, request_only=True)
    ],
)
@api_view(["POST"])
def commitment_judge(request: Request, commitment_uuid: str) -> Response:
    user = api_user(request)
    commitment = get_commitment_for_user(user, commitment_uuid, to_change=True)
    incoming = body_or_400(JudgementSerializer, request)
    given = {"met": "yes" if incoming["met"] else "no", "note": incoming.get("note", "")}
    data = checked_by_form(JudgementForm(given)).cleaned_data
    services.commitment_judge(commitment=commitment, actor=user, request=request._request, **data)
    return Response(_one(commitment))
