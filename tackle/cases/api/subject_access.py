"""Subject access requests through the API, as their pages answer them: the case a request names,
found by its reference (`GET /api/v1/subject-access/{reference}`), and the archive of everything held
about its person (`GET /api/v1/cases/{uuid}/subject-access/export`, a zip, audited as an export).
The lead and the administrator only (SUBJECT_ACCESS)."""

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.cases.api.retention import reaching_case_records
from tackle.cases.selectors import case_of_organisation_named, cases_of_organisation
from tackle.cases.subject_access import subject_access_archive
from tackle.core.access import SUBJECT_ACCESS, Action


class SubjectAccessFoundSerializer(serializers.Serializer):
    case = serializers.UUIDField(help_text="For the archive's address")
    reference = serializers.CharField()


@extend_schema(
    summary="Find the case a subject access request names",
    description="As the subject access page: the request names a case by its reference (in any case of "
    "letters); none of your organisation's has it: 404. The lead and the administrator.",
    responses=SubjectAccessFoundSerializer,
)
@api_view(["GET"])
def subject_access_find(request: Request, reference: str) -> Response:
    user = reaching_case_records(request)
    open_page_for_user(user, resource=SUBJECT_ACCESS, object_type="cases.case")
    case = case_of_organisation_named(user, reference)
    if case is None:
        raise NotFound("No case of your organisation has this reference")
    return Response({"case": case.uuid, "reference": case.reference})


@extend_schema(
    summary="The subject access archive of a case",
    description="Everything Tackle holds about the case's person in one zip, as the subject access page "
    "downloads it: an index, the records as JSON and CSV, the documents, and other people's details marked "
    "for you to decide on. The lead and the administrator, a token reaching case records; audited as an export.",
    responses={(200, "application/zip"): OpenApiTypes.BINARY},
)
@api_view(["GET"])
def subject_access_export(request: Request, case_uuid: Any) -> HttpResponse:
    user = reaching_case_records(request)
    case = open_for_user(
        user,
        cases_of_organisation(user),
        resource=SUBJECT_ACCESS,
        action=Action.EXPORT,
        request=request._request,
        note="subject access export",
        uuid=case_uuid,
    )
    response = HttpResponse(subject_access_archive(case), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{case.reference}.zip"'
    return response
