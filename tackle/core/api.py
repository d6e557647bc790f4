from typing import Any

from django.conf import settings
from django.db import connections
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from tackle.core.errors import ApplicationError


def database_is_up(alias: str = "default") -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


@extend_schema(
    summary="Service health",
    description="No authentication. 200 when every part works, 503 naming the part that does not.",
    responses={
        200: inline_serializer("Health", {"status": serializers.CharField(), "database": serializers.CharField()}),
        503: inline_serializer(
            "HealthFailing", {"status": serializers.CharField(), "database": serializers.CharField()}
        ),
    },
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def health(request: Request) -> Response:
    parts = {"database": database_is_up("default")}
    if "replica" in settings.DATABASES:
        parts["replica"] = database_is_up("replica")
    healthy = all(parts.values())
    body = {"status": "ok" if healthy else "error", **{part: "ok" if up else "error" for part, up in parts.items()}}
    return Response(body, status=status.HTTP_200_OK if healthy else status.HTTP_503_SERVICE_UNAVAILABLE)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ApplicationError):
        detail = {exc.field: [exc.message]} if exc.field else {"detail": exc.message}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
