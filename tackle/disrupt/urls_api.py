"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.disrupt.api import (
    agreements,
    annual_report,
    briefing,
    businesses,
    intelligence,
    meetings,
    operations,
    premises,
)

urlpatterns: list = [
    path("premises/", premises.premises_list, name="premises-list"),
    path("premises/<uuid:premises_uuid>", premises.premises_detail, name="premises-detail"),
    path("premises/<uuid:premises_uuid>/flags", premises.flag_add, name="premises-flag-add"),
    path("premises/<uuid:premises_uuid>/flags/<uuid:flag_uuid>/clear", premises.flag_clear, name="premises-flag-clear"),
    path("businesses/", businesses.business_list, name="business-list"),
    path("intelligence/", intelligence.intelligence_list, name="intelligence-list"),
    path("intelligence/<uuid:intelligence_uuid>", intelligence.intelligence_detail, name="intelligence-detail"),
    path("intelligence/<uuid:intelligence_uuid>/shares", intelligence.intelligence_share, name="intelligence-share"),
    path(
        "intelligence/<uuid:intelligence_uuid>/shares/<int:share_id>/revoke",
        intelligence.intelligence_share_revoke,
        name="intelligence-share-revoke",
    ),
    path("agreements/", agreements.agreement_list, name="agreement-list"),
    path("agreements/<uuid:agreement_uuid>", agreements.agreement_detail, name="agreement-detail"),
    path("agreements/<uuid:agreement_uuid>/accept", agreements.agreement_accept, name="agreement-accept"),
    path("agreements/<uuid:agreement_uuid>/decline", agreements.agreement_decline, name="agreement-decline"),
    path("agreements/<uuid:agreement_uuid>/revoke", agreements.agreement_revoke, name="agreement-revoke"),
    path("operations/", operations.operation_list, name="operation-list"),
    path("operations/<uuid:operation_uuid>", operations.operation_detail, name="operation-detail"),
    path("operations/<uuid:operation_uuid>/agencies", operations.agency_add, name="operation-agency-add"),
    path("operations/<uuid:operation_uuid>/outcome", operations.outcome_record, name="operation-outcome-edit"),
    path(
        "operations/<uuid:operation_uuid>/reception-centre",
        operations.reception_centre,
        name="operation-reception-centre",
    ),
    path("operations/<uuid:operation_uuid>/cases", operations.cases_open, name="operation-cases-open"),
    path("meeting-actions/", meetings.action_list, name="briefing-action-list"),
    path("meeting-actions/<uuid:action_uuid>/close", meetings.action_close, name="briefing-action-close"),
    path("briefings/held", meetings.briefing_held, name="briefing-held"),
    path("briefings/pack", briefing.briefing_pack_read, name="briefing-pack"),
    path("disruption-report", annual_report.annual_report_read, name="briefing-annual-report"),
    path("disruption-report.pdf", annual_report.annual_report_pdf, name="briefing-annual-report-pdf"),
]
