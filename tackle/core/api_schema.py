"""What the OpenAPI schema says beyond each view's own success answer: the error answers every
operation can give (so a client, and the contract test, know them), and the page wrapper for a
function view that paginates by hand."""

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

_DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# A refused field names itself with a list of messages; a rule broken as a whole says `detail`;
# a list of nested records (an encounter's people) answers a list of such objects.
_FIELD_ERRORS = {"type": "object", "additionalProperties": {}}

_DESCRIPTIONS = {
    "400": "A field or parameter is refused; each is named with what to do",
    "401": "No valid token or session",
    "403": "Your role, or your token's scope, may not do this",
    "404": "No such record among those you may see, or no such page",
}


def _json(ref: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": ref}}}}


def _error_schema(code: str) -> str:
    return "#/components/schemas/FieldErrors" if code == "400" else "#/components/schemas/ErrorDetail"


def _error_codes(path: str, operation: dict[str, Any]) -> list[str]:
    if operation.get("security") == [{}]:  # {} alone: a public probe (health), which names its own answers
        return []
    codes = []
    parameters = operation.get("parameters", [])
    if "requestBody" in operation or any(p["in"] == "query" and p["name"] != "page" for p in parameters):
        codes.append("400")
    codes += ["401", "403"]
    if "{" in path or any(parameter["name"] == "page" for parameter in parameters):
        codes.append("404")
    return codes


def document_error_answers(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: add the error answers an operation can give, unless its
    view documents them itself."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["ErrorDetail"] = _DETAIL
    schemas["FieldErrors"] = _FIELD_ERRORS
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code in _error_codes(path, operation):
                responses.setdefault(code, _json(_error_schema(code), _DESCRIPTIONS[code]))
            for code, response in responses.items():  # one a view names with a description only
                if code.startswith("4") and "content" not in response:
                    response.update(_json(_error_schema(code), response.get("description") or ""))
    return result


PAGE_PARAMETER = OpenApiParameter("page", OpenApiTypes.INT, description="A page number within the results")


def paginated(name: str, serializer: type[serializers.Serializer]) -> serializers.Serializer:
    """The schema of one page of `serializer`s, as PageNumberPagination answers it."""
    return inline_serializer(
        name,
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
        },
    )


# Optimistic locking: a write that sends the version it read is refused when the record moved on.
STALE_VERSION = {409: OpenApiResponse(description="Someone changed the record since the version sent was read")}
