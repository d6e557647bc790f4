from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.db.models import Max, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from tackle.core.errors import ApplicationError, ConflictError
from tackle.core.models import WorkerHeartbeat


def database_is_up(alias: str = "default") -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def worker_is_alive(now: datetime) -> tuple[bool, datetime | None]:
    seen = WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]
    stale_before = now - timedelta(seconds=3 * settings.TASK_WORKER_HEARTBEAT_SECONDS)
    return (seen is not None and seen >= stale_before), seen


def queue_is_moving(now: datetime) -> tuple[bool, datetime | None]:
    oldest = DBTaskResult.objects.ready().aggregate(since=Min("enqueued_at"))["since"]
    stale_before = now - timedelta(seconds=settings.TASK_QUEUE_STALE_SECONDS)
    return (oldest is None or oldest >= stale_before), oldest


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


# What each part's check answers; one named choice set in the schema (ENUM_NAME_OVERRIDES).
CHECK_RESULTS = ("ok", "error")
_PART = serializers.ChoiceField(choices=CHECK_RESULTS)
_PART_CHECKED_SOMETIMES = serializers.ChoiceField(choices=CHECK_RESULTS, required=False)
# `?check=databases` answers the status and the databases only; the replica is there when configured.
_HEALTH: dict[str, serializers.Field] = {
    "status": serializers.ChoiceField(choices=["ok", "degraded"]),
    "database": _PART,
    "replica": _PART_CHECKED_SOMETIMES,
    "worker": _PART_CHECKED_SOMETIMES,
    "worker_last_heartbeat": serializers.DateTimeField(allow_null=True, required=False),
    "queue": _PART_CHECKED_SOMETIMES,
    "queue_oldest_waiting_since": serializers.DateTimeField(allow_null=True, required=False),
}


@extend_schema(
    summary="Service health",
    description=(
        'No authentication. 200 when every part works; 503 and status "degraded" naming the part '
        "that does not: the database (and replica), the task worker (no heartbeat for three beats) "
        "or the queue (a task waiting longer than TASK_QUEUE_STALE_SECONDS). A load balancer checks "
        "`?check=databases`, which leaves out the worker and the queue: a stopped worker must not "
        "take every app server out of rotation."
    ),
    parameters=[OpenApiParameter("check", str, enum=["all", "databases"], required=False)],
    responses={200: inline_serializer("Health", _HEALTH), 503: inline_serializer("HealthDegraded", _HEALTH)},
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def health(request: Request) -> Response:
    parts = {"database": database_is_up("default")}
    if "replica" in settings.DATABASES:
        parts["replica"] = database_is_up("replica")
    body: dict[str, Any] = {}
    if request.query_params.get("check") != "databases":
        now = timezone.now()
        try:
            parts["worker"], seen = worker_is_alive(now)
            parts["queue"], oldest = queue_is_moving(now)
        except DatabaseError:
            parts["worker"], seen = False, None
            parts["queue"], oldest = False, None
        body = {"worker_last_heartbeat": _when(seen), "queue_oldest_waiting_since": _when(oldest)}
    healthy = all(parts.values())
    body = {
        "status": "ok" if healthy else "degraded",
        **{part: "ok" if up else "error" for part, up in parts.items()},
        **body,
    }
    return Response(body, status=status.HTTP_200_OK if healthy else status.HTTP_503_SERVICE_UNAVAILABLE)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ConflictError):
        return Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, ApplicationError):
        detail = {exc.field: [exc.message]} if exc.field else {"detail": exc.message}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
