"""/api/v1/briefings/pack: the daily briefing pack as JSON, with what the briefing page and its PDF
show (disrupt/briefing.py builds all three): intelligence and concerns since the last meeting, the
open actions and the operations of the next two weeks. Coordinators only, audited as the page is."""

from typing import Any

from django.utils import timezone
from django.utils.text import Truncator
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_page_for_user
from tackle.cases.selectors import openable_case_uuids
from tackle.core.access import BRIEFINGS
from tackle.disrupt.access import require_coordinator
from tackle.disrupt.api.common import user_of
from tackle.disrupt.briefing import briefing_pack

SHOWN_WORDS = 25  # as the pack shows each record: the start, to be opened in full on its own


class PackIntelligenceSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    grade = serializers.CharField(help_text="As officers quote it, for example 1B P")
    where = serializers.CharField(help_text="Empty when not stated")
    organisation = serializers.CharField(help_text="Who recorded it")
    what = serializers.CharField(help_text=f"The first {SHOWN_WORDS} words of what is reported, as the pack shows")


class PackSummarySerializer(serializers.Serializer):
    organisation = serializers.CharField()
    summary = serializers.CharField(help_text=f"The first {SHOWN_WORDS} words of the sanitised summary")


class PackConcernSerializer(serializers.Serializer):
    reference = serializers.CharField()
    uuid = serializers.UUIDField(allow_null=True, help_text="null when your role cannot open the case")
    age_group = serializers.CharField()
    exploitation_types = serializers.ListField(child=serializers.CharField())
    operation = serializers.CharField(allow_null=True, help_text="The operation that found the person, if any")


class PackActionSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    title = serializers.CharField()
    owner = serializers.CharField()
    due_on = serializers.DateField()
    overdue = serializers.BooleanField()


class PackOperationSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    name = serializers.CharField()
    operation_date = serializers.DateField()
    lead_agency = serializers.CharField()


class BriefingPackSerializer(serializers.Serializer):
    since = serializers.DateTimeField(help_text="The pack covers from here (the last meeting, or 24 hours ago)")
    generated_at = serializers.DateTimeField()
    last_meeting_held_at = serializers.DateTimeField(allow_null=True)
    intelligence = PackIntelligenceSerializer(many=True)
    summaries = PackSummarySerializer(many=True, help_text="Shared as sanitised summaries only")
    concerns = PackConcernSerializer(many=True)
    open_actions = PackActionSerializer(many=True, help_text="Earliest due first")
    upcoming_operations = PackOperationSerializer(many=True, help_text="The next two weeks")


def _shown(text: str) -> str:
    return Truncator(text).words(SHOWN_WORDS, truncate=" …")


def pack_data(user: Any) -> dict[str, Any]:
    pack = briefing_pack(user)
    today = timezone.localdate(pack.generated_at)
    openable = openable_case_uuids(user, [case.uuid for case in pack.concerns])
    return {
        "since": pack.since,
        "generated_at": pack.generated_at,
        "last_meeting_held_at": pack.last_briefing.held_at if pack.last_briefing else None,
        "intelligence": [
            {
                "uuid": record.uuid,
                "grade": record.grade,
                "where": record.where,
                "organisation": record.organisation.name,
                "what": _shown(record.what),
            }
            for record in pack.intelligence
        ],
        "summaries": [
            {"organisation": record.organisation.name, "summary": _shown(record.sanitised_summary)}
            for record in pack.summaries
        ],
        "concerns": [
            {
                "reference": case.reference,
                "uuid": case.uuid if case.uuid in openable else None,
                "age_group": case.age_group,
                "exploitation_types": list(case.exploitation_types),
                "operation": _operation_name(case),
            }
            for case in pack.concerns
        ],
        "open_actions": [
            {
                **{name: getattr(action, name) for name in ("uuid", "title", "owner", "due_on")},
                "overdue": action.due_on < today,
            }
            for action in pack.open_actions
        ],
        "upcoming_operations": pack.upcoming,
    }


def _operation_name(case: Any) -> str | None:
    link = getattr(case, "operation_link", None)
    return link.operation.name if link is not None else None


@extend_schema(
    summary="The daily briefing pack",
    description="Coordinators only, as the briefing page: what is new since the last meeting (never less than the "
    "last 24 hours), the open actions and the operations of the next two weeks. Audited as the page is.",
    responses=BriefingPackSerializer,
)
@api_view(["GET"])
def briefing_pack_read(request: Request) -> Response:
    user = user_of(request)
    require_coordinator(user)
    open_page_for_user(
        user, resource=BRIEFINGS, request=request._request, object_type="disrupt.briefing", note="Briefing pack (API)"
    )
    return Response(BriefingPackSerializer(pack_data(user)).data)
