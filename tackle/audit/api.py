from rest_framework import generics, serializers
from rest_framework.exceptions import PermissionDenied

from tackle.audit.models import AuditEvent
from tackle.audit.selectors import audit_events_filtered, audit_events_visible_to
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
    """The organisation's audit trail, newest first. Filter with ?actor=, ?action=, ?object_id=."""

    serializer_class = AuditEventSerializer

    def get_queryset(self):  # type: ignore[no-untyped-def]
        user = self.request.user
        if not user.may_use(Module.AUDIT):
            raise PermissionDenied("Your role cannot read the audit log.")
        params = self.request.query_params
        return audit_events_filtered(
            audit_events_visible_to(user),
            actor=params.get("actor", ""),
            action=params.get("action", ""),
            object_id=params.get("object_id", ""),
        )
