"""/api/v1/commitments/: what shows a commitment is kept, and the charter, with the pages' rules. The
supply roles read a commitment's evidence with what Tackle proposes from its own records (each
opening audited); the modern slavery lead records evidence, accepts a proposal, links the plan's
actions that deliver it, and adopts the Co-operative Party charter, whose ten commitments are fixed
in Tackle (there is no charter of a council's own to write)."""

from typing import Any, cast

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.models import User
from tackle.core.api_fields import PlausibleDateField
from tackle.core.api_lists import body_or_400, checked_by_form, merged
from tackle.statements.api.commitments import CommitmentSerializer, _one
from tackle.statements.charter import COOP_CHARTER, COOP_CHARTER_SOURCE
from tackle.statements.commitment_proposals import evidence_proposals
from tackle.statements.forms import AdoptCharterForm, CommitmentActionsForm, EvidenceForm
from tackle.statements.selectors.commitments import (
    commitments_visible_to,
    get_commitment_for_user,
    linkable_actions,
    progress_of,
    with_progress_data,
)
from tackle.statements.selectors.statement import require_lead
from tackle.statements.services import commitments as services

EVIDENCE_FIELDS = ["text", "url", "recorded_on"]


class EvidenceRecordSerializer(serializers.Serializer):
    text = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    recorded_on = serializers.DateField()


class ProposalSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Give it to .../evidence/accept to record it")
    text = serializers.CharField()
    url = serializers.CharField(allow_blank=True)


class EvidenceSerializer(serializers.Serializer):
    recorded = EvidenceRecordSerializer(many=True)
    proposals = ProposalSerializer(many=True, help_text="What Tackle holds that is not yet recorded")


class EvidenceWriteSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="What shows the commitment is being kept")
    url = serializers.URLField(required=False, allow_blank=True, max_length=500)
    recorded_on = PlausibleDateField(required=False, help_text="Today or in the past; today when left out")


class AcceptSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="A proposal's key, from GET .../evidence")


class ActionLinksSerializer(serializers.Serializer):
    actions = serializers.ListField(
        child=serializers.UUIDField(),
        allow_empty=True,
        help_text="Every action of your plan that delivers it (replaces the links); dropped and carried-over "
        "actions cannot be linked",
    )


class CharterItemSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    meaning = serializers.CharField()
    adopted = serializers.BooleanField(help_text="Your council holds this commitment")


class CharterSerializer(serializers.Serializer):
    source = serializers.CharField()  # type: ignore[assignment]
    commitments = CharterItemSerializer(many=True)


class AdoptionSerializer(serializers.Serializer):
    adopted_on = PlausibleDateField(help_text="Today or in the past")
    adopted_by = serializers.CharField(max_length=120, help_text="For example, Full Council")


class AdoptedSerializer(serializers.Serializer):
    added = CommitmentSerializer(many=True, help_text="Only those not already held: adopting again adds none")


def _evidence(commitment: Any, user: User) -> dict[str, Any]:
    proposals = evidence_proposals(commitment, user=user)
    data = {"recorded": list(commitment.evidence.all()), "proposals": proposals}
    return cast(dict[str, Any], EvidenceSerializer(data).data)


@extend_schema(
    methods=["GET"],
    operation_id="commitments_evidence_list",
    summary="A commitment's evidence, and what Tackle proposes from its records",
    responses=EvidenceSerializer,
)
@extend_schema(
    methods=["POST"],
    summary="Record evidence that a commitment is being kept",
    description="The modern slavery lead only, as the Add evidence page.",
    request=EvidenceWriteSerializer,
    responses={201: EvidenceSerializer},
    examples=[
        OpenApiExample(
            "A published policy",
            value={"text": "Procurement policy updated", "url": "https://www.example.gov.uk/policy"},
            request_only=True,
        )
    ],
)
@api_view(["GET", "POST"])
def evidence(request: Request, commitment_uuid: str) -> Response:
    user = api_user(request)
    if request.method == "POST":
        commitment = get_commitment_for_user(user, commitment_uuid, to_change=True)
        incoming = body_or_400(EvidenceWriteSerializer, request)
        given = {"recorded_on": timezone.localdate(), **incoming}
        data = checked_by_form(EvidenceForm(merged({}, given, EVIDENCE_FIELDS))).cleaned_data
        services.commitment_evidence_add(commitment=commitment, actor=user, request=request._request, **data)
        return Response(_evidence(commitment, user), status=status.HTTP_201_CREATED)
    commitment = get_commitment_for_user(user, commitment_uuid, request=request._request)
    return Response(_evidence(commitment, user))


@extend_schema(
    summary="Record one of Tackle's proposals as evidence",
    description="The modern slavery lead only, as the page's Record this button: the proposal is worked out "
    "again now; one no longer proposed is refused.",
    request=AcceptSerializer,
    responses={201: EvidenceSerializer},
    examples=[OpenApiExample("Training", value={"key": "procurement_training"}, request_only=True)],
)
@api_view(["POST"])
def evidence_accept(request: Request, commitment_uuid: str) -> Response:
    user = api_user(request)
    commitment = get_commitment_for_user(user, commitment_uuid, to_change=True)
    incoming = body_or_400(AcceptSerializer, request)
    key = incoming["key"]
    services.commitment_evidence_accept(commitment=commitment, actor=user, request=request._request, key=key)
    return Response(_evidence(commitment, user), status=status.HTTP_201_CREATED)


@extend_schema(
    summary="Link the plan's actions that deliver a commitment",
    description="The modern slavery lead only, as the Link actions page: the links become exactly these.",
    request=ActionLinksSerializer,
    responses={200: CommitmentSerializer},
    examples=[OpenApiExample("One action", value={"actions": ["0b8e6a52-7c1d-4f3e-9a2b-5d6c7e8f9a01"]})],
)
@api_view(["POST"])
def commitment_actions(request: Request, commitment_uuid: str) -> Response:
    user = api_user(request)
    commitment = get_commitment_for_user(user, commitment_uuid, to_change=True)
    incoming = body_or_400(ActionLinksSerializer, request)
    form = CommitmentActionsForm(merged({}, incoming, ["actions"]), actions=linkable_actions(commitment))
    form.fields["actions"].to_field_name = "uuid"  # type: ignore[attr-defined]
    actions = checked_by_form(form).cleaned_data["actions"]
    services.commitment_link_actions(commitment=commitment, actor=user, request=request._request, actions=actions)
    return Response(_one(commitment))


@extend_schema(
    methods=["GET"],
    operation_id="commitments_charter_read",
    summary="The Co-operative Party charter's commitments, and which your council holds",
    responses=CharterSerializer,
)
@extend_schema(
    methods=["POST"],
    summary="Adopt the charter",
    description="The modern slavery lead only, as the commitments page's Adopt the charter: adds each of its "
    "commitments your council does not hold yet.",
    request=AdoptionSerializer,
    responses={201: AdoptedSerializer},
    examples=[OpenApiExample("Full Council", value={"adopted_on": "2026-03-12", "adopted_by": "Full Council"})],
)
@api_view(["GET", "POST"])
def charter(request: Request) -> Response:
    user = api_user(request)
    held = commitments_visible_to(user)
    if request.method == "POST":
        require_lead(user)
        incoming = body_or_400(AdoptionSerializer, request)
        form = AdoptCharterForm(merged({}, incoming, ["adopted_on", "adopted_by"]))
        data = checked_by_form(form).cleaned_data
        created = services.charter_adopt(organisation=user.organisation, actor=user, request=request._request, **data)
        rows = progress_of(with_progress_data(held.filter(pk__in=[c.pk for c in created]).order_by("pk")))
        return Response(AdoptedSerializer({"added": rows}).data, status=status.HTTP_201_CREATED)
    keys = set(held.exclude(charter_key="").values_list("charter_key", flat=True))
    items = [{"key": i.key, "title": i.title, "meaning": i.meaning, "adopted": i.key in keys} for i in COOP_CHARTER]
    return Response(CharterSerializer({"source": COOP_CHARTER_SOURCE, "commitments": items}).data)
