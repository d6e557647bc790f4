"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.audit import api

urlpatterns: list = [
    path("audit-events", api.AuditEventList.as_view(), name="audit-event-list"),
    path("audit/verification", api.audit_verification, name="audit-verification"),
    path("audit/certificate", api.audit_certificate, name="audit-certificate"),
    path("audit/certificate.pdf", api.audit_certificate_pdf, name="audit-certificate-pdf"),
]
