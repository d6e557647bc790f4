from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.audit import task_wording
from tackle.audit.certificate import certificate_context, certificate_pdf_download, certificate_statement
from tackle.audit.models import AuditEvent, AuditVerification
from tackle.audit.selectors import (
    audit_events_filtered,
    audit_events_visible_to,
    audit_verification_latest,
    require_audit,
)
from tackle.audit.subjects import references_for, subject_find
from tackle.audit.tasks import verify_audit_chain
from tackle.core.access import AUDIT_INTEGRITY, Action
from tackle.core.roles import Module
from tackle.core.tasks import task_run_start


class AuditEventSerializer(serializers.ModelSerializer):
    # The reference of the organisation's case the entry concerns, "" for anything else; the list
    # puts the page's references in the context (one lookup a page, audit/subjects.py).
    case_reference = serializers.SerializerMethodField()

    def get_case_reference(self, event: AuditEvent) -> str:
        return str(self.context.get("case_references", {}).get(event.object_id, ""))

    class Meta:
        model = AuditEvent
        fields = [
            "sequence",
            "occurred_at",
            "actor_username",
            "action",
            "object_type",
            "object_id",
            "case_reference",
            "changed_fields",
            "note",
            "ip_address",
            "path",
            "hash",
            "previous_hash",
        ]


class AuditEventList(generics.ListAPIView):
    """The organisation's audit trail, newest first. Filter with ?actor=, ?action=, ?object_id=, or
    ?case_reference= (every entry about one of the organisation's cases and the records inside it;
    none for a reference the organisation does not hold)."""

    serializer_class = AuditEventSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        user = self.request.user
        if not user.may_use(Module.AUDIT):
            raise PermissionDenied("Your role cannot read the audit log.")
        params = self.request.query_params
        object_ids = None
        if params.get("case_reference"):
            subject = subject_find(user.organisation_id, params["case_reference"])
            object_ids = list(subject.parts) if subject is not None else []
        return audit_events_filtered(
            audit_events_visible_to(user),
            actor=params.get("actor", ""),
            action=params.get("action", ""),
            object_id=params.get("object_id", ""),
            object_ids=object_ids,
        )

    def get_serializer(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if args:
            events = list(args[0])
            kwargs["context"] = self.get_serializer_context() | {
                "case_references": references_for(self.request.user.organisation_id, [e.object_id for e in events])
            }
            args = (events, *args[1:])
        return super().get_serializer(*args, **kwargs)


# The chain's check and the integrity certificate (issue 19), as the Check the audit log and
# certificate pages: the policy table's audit integrity, checked here as those pages check it.


class AuditVerificationSerializer(serializers.ModelSerializer):
    ran_by = serializers.CharField(
        source="ran_by_username", allow_null=True, help_text="Who started it; null for the server's scheduled check"
    )

    class Meta:
        model = AuditVerification
        fields = [
            "ran_at", "ran_by", "intact", "checked", "first_bad_sequence", "problem", "last_hash",
            "checkpoint_written_at", "checkpoint_sequence",
        ]  # fmt: skip

    def to_representation(self, instance: AuditVerification) -> dict[str, Any]:
        shown = super().to_representation(instance)
        shown["ran_by"] = instance.ran_by_username if instance.ran_by_id else None
        return shown


VERIFICATION_EXAMPLE = {
    "ran_at": "2026-04-20T10:15:00+01:00",
    "ran_by": "sam.lead",
    "intact": True,
    "checked": 12408,
    "first_bad_sequence": None,
    "problem": "",
    "last_hash": "9f2c4e0b7d1a3c5e8f6a2b4d6e8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f",
    "checkpoint_written_at": "2026-04-20T02:00:00+00:00",
    "checkpoint_sequence": 12100,
}


LATEST = inline_serializer("AuditVerificationLatest", {"latest": AuditVerificationSerializer(allow_null=True)})


def _integrity(request: Request, action: Action = Action.VIEW) -> Any:
    """The user, after the pages' checks: the audit module, and the role's audit integrity action."""
    user: Any = request.user
    require_audit(user, AUDIT_INTEGRITY, action)
    return user


@extend_schema(
    methods=["GET"],
    summary="The newest check of the audit log's chain",
    description=(
        "As the Check the audit log page: when the whole log was last checked, by whom, and what it found (each "
        "entry still carries its keyed fingerprint and follows the one before; the log reaches the newest signed "
        "checkpoint). Checks run by your organisation or by the server's schedule; `latest` is null before any."
    ),
    responses={200: LATEST},
    examples=[OpenApiExample("Intact", value={"latest": VERIFICATION_EXAMPLE}, response_only=True)],
)
@extend_schema(
    methods=["POST"],
    summary="Start a check of the audit log's chain",
    description=(
        "As the page's Start a check button: the check runs in the background over the whole log. Answers 202 "
        "with the task run; read this address again until `latest` is the new check. Those who may check the log "
        "only (a write token with the audit module)."
    ),
    request=None,
    responses={202: inline_serializer("AuditVerificationStarted", {"task_run": serializers.UUIDField()})},
)
@api_view(["GET", "POST"])
def audit_verification(request: Request) -> Response:
    if request.method == "POST":
        user = _integrity(request, Action.RECORD)
        run = task_run_start(task=verify_audit_chain, user=user, name=task_wording.TASK_NAME, started_by_id=user.pk)
        return Response({"task_run": run.uuid}, status=status.HTTP_202_ACCEPTED)
    latest = audit_verification_latest(_integrity(request))
    return Response({"latest": AuditVerificationSerializer(latest).data if latest else None})


@extend_schema(
    summary="The audit log's integrity certificate",
    description=(
        "As the certificate page: a dated statement of the newest check, in its words, with the check itself "
        "and how many of the checked entries concern your organisation. `certified` is false before any check "
        "and when the check found the log altered."
    ),
    responses={
        200: inline_serializer(
            "AuditCertificate",
            {
                "organisation": serializers.CharField(),
                "issued_at": serializers.DateTimeField(),
                "certified": serializers.BooleanField(),
                "statement": serializers.CharField(help_text="As the certificate words it"),
                "own_entries": serializers.IntegerField(help_text="Checked entries that concern your organisation"),
                "check": AuditVerificationSerializer(allow_null=True),
            },
        )
    },
)
@api_view(["GET"])
def audit_certificate(request: Request) -> Response:
    context = certificate_context(_integrity(request))
    last = context["last"]
    return Response(
        {
            "organisation": context["organisation"].name,
            "issued_at": context["issued_at"],
            "certified": bool(last and last.intact),
            "statement": certificate_statement(context),
            "own_entries": context["own_entries"],
            "check": AuditVerificationSerializer(last).data if last else None,
        }
    )


@extend_schema(
    summary="The audit log's integrity certificate as a PDF",
    description="The certificate page's PDF (tagged PDF/UA), the same document; its download is audited.",
    responses={(200, "application/pdf"): OpenApiTypes.BINARY},
)
@api_view(["GET"])
def audit_certificate_pdf(request: Request) -> HttpResponse:
    user = _integrity(request, Action.EXPORT)
    return certificate_pdf_download(request._request, user, note="Integrity certificate PDF (API)")
