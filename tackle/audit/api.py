from rest_framework import generics, serializers
from rest_framework.exceptions import PermissionDenied

from tackle.audit.models import AuditEvent
from tackle.audit.selectors import audit_events_filtered, audit_events_visible_to
from tackle.audit.subjects import references_for, subject_find
from tackle.core.roles import Module


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
