from rest_framework import generics, serializers
from rest_framework.exceptions import PermissionDenied

from tackle.audit.models import AuditEvent
from tackle.audit.selectors import audit_events_filtered, audit_events_visible_to
from tackle.audit.subjects import subject_find
from tackle.core.roles import Module


class AuditEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = [
            "sequence",
            "occurred_at",
            "actor_username",
            "action",
            "object_type",
            "object_id",
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
