"""`/api/v1/cases/{uuid}/support/documents`: a case's documents listed, uploaded with the upload page's
checks (the service reads the file's real type from its first bytes, refuses empty files and files of
10MB or more) and downloaded as the page's download does: the door, every download audited, no copies
in caches. The support record's access rules are the page's (see support.py)."""

from typing import Any

from django.http import FileResponse, Http404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tackle.accounts.api_auth import api_user
from tackle.accounts.door import open_for_user
from tackle.cases.api.support import CaseDocumentSerializer, created, one_page_of, support_case
from tackle.cases.forms.support import CaseDocumentForm
from tackle.cases.models import DOCUMENT_TYPES
from tackle.cases.selectors import get_case_for_user
from tackle.cases.services import support as services
from tackle.core.access import SUPPORT
from tackle.core.api_lists import body_or_400, checked_by_form, query_or_400, sort_choice
from tackle.core.api_schema import PAGE_PARAMETER, paginated


class DocumentFilters(serializers.Serializer):
    content_type = serializers.ChoiceField(list(DOCUMENT_TYPES), required=False)
    sort = sort_choice("uploaded_at", "title", default="-uploaded_at")


class DocumentUploadSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, help_text="What the document is")
    file = serializers.FileField(help_text="PDF, DOCX, JPG, PNG or TXT, smaller than 10MB")


@extend_schema(
    methods=["GET"],
    operation_id="case_document_list",
    summary="A case's documents",
    description="Their details, newest first by default; each file through its own operation. Audited as a view "
    "of the support record.",
    parameters=[DocumentFilters, PAGE_PARAMETER],
    responses=paginated("PaginatedCaseDocumentList", CaseDocumentSerializer),
)
@extend_schema(
    methods=["POST"],
    summary="Upload a document to a case",
    description="Multipart, as the Upload a document page: case workers of the case's organisation; a closed "
    "case takes documents too. The file's type is read from its content, not its name or the client's claim; "
    "an empty file, one of 10MB or more, or one of another type is refused naming file. Audited.",
    request={"multipart/form-data": DocumentUploadSerializer},
    responses={201: CaseDocumentSerializer},
)
@api_view(["GET", "POST"])
def document_list(request: Request, case_uuid: Any) -> Response:
    if request.method == "POST":
        case = support_case(request, case_uuid, to_change=True)
        values = body_or_400(DocumentUploadSerializer, request)
        form = checked_by_form(CaseDocumentForm({"title": values["title"]}, {"file": values["file"]}))
        document = services.case_document_upload(
            case=case,
            actor=api_user(request),
            request=request._request,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        )
        return created(document, CaseDocumentSerializer)
    case = support_case(request, case_uuid, what="documents")
    filters = query_or_400(DocumentFilters, request)
    documents = case.documents.select_related("uploaded_by")
    if filters.get("content_type"):
        documents = documents.filter(content_type=filters["content_type"])
    return one_page_of(request, documents, filters["sort"], CaseDocumentSerializer)


@extend_schema(
    summary="Download a case's document",
    description="The file as uploaded, under a safe name made from its title. As the page's download: case "
    "workers, and a partner whose share of the case is for support; every download is audited.",
    responses={(200, content_type): OpenApiTypes.BINARY for content_type in DOCUMENT_TYPES},
)
@api_view(["GET"])
def document_download(request: Request, case_uuid: Any, document_uuid: Any) -> FileResponse:
    user = api_user(request)
    case = get_case_for_user(user, case_uuid, resource=SUPPORT)  # the download's own entry below, as the page
    document = open_for_user(
        user,
        case.documents.all(),
        resource=SUPPORT,
        request=request._request,
        note="Document downloaded by API",
        part_of=case,
        uuid=document_uuid,
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:  # the attempt stays in the audit log
        raise Http404(gettext("The file is missing from storage.")) from None
    response = FileResponse(
        handle, as_attachment=True, filename=document.download_name, content_type=document.content_type
    )
    response["Cache-Control"] = "private, no-store"  # personal data: no copies in shared or client caches
    return response
