from django.urls import path

from tackle.disrupt.views import agreements, intelligence, meeting, operations, premises

app_name = "disrupt"

urlpatterns: list = [
    path("", meeting.index, name="index"),
    path("premises/", premises.premises_list, name="premises-list"),
    path("premises/new", premises.premises_new, name="premises-new"),
    path("premises/<uuid:premises_uuid>", premises.premises_detail, name="premises-detail"),
    path("premises/<uuid:premises_uuid>/edit", premises.premises_edit, name="premises-edit"),
    path("premises/<uuid:premises_uuid>/flags/new", premises.flag_new, name="flag-new"),
    path("premises/<uuid:premises_uuid>/flags/<uuid:flag_uuid>/clear", premises.flag_clear, name="flag-clear"),
    path("businesses/", premises.business_list, name="business-list"),
    path("businesses/new", premises.business_new, name="business-new"),
    path("intelligence/", intelligence.intelligence_list, name="intelligence-list"),
    path("intelligence/new", intelligence.intelligence_new, name="intelligence-new"),
    path("intelligence/<uuid:intelligence_uuid>", intelligence.intelligence_detail, name="intelligence-detail"),
    path("intelligence/<uuid:intelligence_uuid>/share", intelligence.intelligence_share, name="intelligence-share"),
    path(
        "intelligence/<uuid:intelligence_uuid>/shares/<int:share_id>/revoke",
        intelligence.intelligence_share_revoke,
        name="intelligence-share-revoke",
    ),
    path("agreements/", agreements.agreement_list, name="agreement-list"),
    path("agreements/new", agreements.agreement_new, name="agreement-new"),
    path("agreements/<uuid:agreement_uuid>", agreements.agreement_detail, name="agreement-detail"),
    path("agreements/<uuid:agreement_uuid>/accept", agreements.agreement_accept, name="agreement-accept"),
    path("agreements/<uuid:agreement_uuid>/decline", agreements.agreement_decline, name="agreement-decline"),
    path("agreements/<uuid:agreement_uuid>/revoke", agreements.agreement_revoke, name="agreement-revoke"),
    path("operations/", operations.operation_list, name="operation-list"),
    path("operations/new", operations.operation_create, name="operation-create"),
    path("operations/<uuid:operation_uuid>", operations.operation_detail, name="operation-detail"),
    path("operations/<uuid:operation_uuid>/edit", operations.operation_edit, name="operation-edit"),
    path("operations/<uuid:operation_uuid>/agencies/new", operations.agency_new, name="agency-new"),
    path(
        "operations/<uuid:operation_uuid>/reception-centre", operations.reception_centre_edit, name="reception-centre"
    ),
    path("operations/<uuid:operation_uuid>/outcomes", operations.outcome_edit, name="outcome-edit"),
    path("operations/<uuid:operation_uuid>/cases/new", operations.cases_open, name="cases-open"),
    path("briefing/", meeting.briefing, name="briefing"),
    path("briefing.pdf", meeting.briefing_pdf, name="briefing-pdf"),
    path("briefing/held", meeting.briefing_held, name="briefing-held"),
    path("actions/", meeting.action_list, name="action-list"),
    path("actions/new", meeting.action_new, name="action-new"),
    path("actions/<uuid:action_uuid>/close", meeting.action_close, name="action-close"),
    path("report/", meeting.annual_report, name="annual-report"),
    path("report.pdf", meeting.annual_report_pdf, name="annual-report-pdf"),
]
