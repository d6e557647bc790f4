"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.scrutiny.api import assessments, foi, records

urlpatterns: list = [
    path("foi-answer", foi.foi_answer, name="foi-answer"),
    path("foi-answer/issue", foi.foi_answer_issue, name="foi-answer-issue"),
    path("self-assessments", assessments.self_assessment_list, name="scrutiny-assessment-list"),
    path("self-assessments/comparison", assessments.self_assessment_comparison, name="scrutiny-assessment-compare"),
    path(
        "self-assessments/<uuid:self_assessment_uuid>",
        assessments.self_assessment_detail,
        name="scrutiny-assessment-detail",
    ),
    path(
        "self-assessments/<uuid:self_assessment_uuid>/answers",
        assessments.self_assessment_answers,
        name="scrutiny-assessment-answers-edit",
    ),
    path(
        "self-assessments/<uuid:self_assessment_uuid>/report",
        assessments.self_assessment_report,
        name="scrutiny-assessment-report",
    ),
    path(
        "self-assessments/<uuid:self_assessment_uuid>/report.pdf",
        assessments.self_assessment_report_pdf,
        name="scrutiny-assessment-report-pdf",
    ),
    path("lead-arrangements", records.lead_arrangement_list, name="scrutiny-arrangement-list"),
    path(
        "lead-arrangements/<uuid:lead_arrangement_uuid>",
        records.lead_arrangement_detail,
        name="scrutiny-arrangement-detail",
    ),
    path("scrutiny-spending", records.spending_list, name="scrutiny-spending-list"),
    path("scrutiny-spending/<uuid:spending_uuid>", records.spending_detail, name="scrutiny-spending-detail"),
]
