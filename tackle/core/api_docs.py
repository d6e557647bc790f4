"""Readable API documentation as a GOV.UK page, generated from the same OpenAPI schema."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

_METHODS = ("get", "post", "put", "patch", "delete")


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    operations = []
    for path, item in sorted(schema.get("paths", {}).items()):
        for method in _METHODS:
            if method not in item:
                continue
            operation = item[method]
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary") or operation.get("operationId", ""),
                    "description": operation.get("description", ""),
                    "parameters": [p.get("name") for p in operation.get("parameters", [])],
                    "responses": sorted(operation.get("responses", {}).keys()),
                    "public": operation.get("security") == [] or {} in operation.get("security", [{}]),
                }
            )
    return operations


def api_docs(request: HttpRequest) -> HttpResponse:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return render(request, "core/api_docs.html", {"operations": _operations(schema), "info": schema.get("info", {})})
