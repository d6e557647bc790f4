from django.urls import path

from tackle.scrutiny import views

app_name = "scrutiny"

urlpatterns = [
    path("", views.index, name="index"),
    path("assessments/new", views.assessment_new, name="assessment-new"),
    path("assessments/compare", views.assessment_compare, name="assessment-compare"),
    path("assessments/<uuid:assessment_uuid>", views.assessment_detail, name="assessment-detail"),
    path("assessments/<uuid:assessment_uuid>/answers", views.assessment_edit, name="assessment-edit"),
    path("assessments/<uuid:assessment_uuid>/report", views.assessment_report, name="assessment-report"),
    path("assessments/<uuid:assessment_uuid>/report.pdf", views.assessment_report_pdf, name="assessment-report-pdf"),
    path("lead", views.arrangements, name="arrangements"),
    path("lead/<uuid:record_uuid>", views.arrangement_edit, name="arrangement-edit"),
    path("spending", views.spend, name="spend"),
    path("lead/<uuid:record_uuid>/delete", views.arrangement_delete, name="arrangement-delete"),
    path("spending/<uuid:record_uuid>", views.spend_edit, name="spend-edit"),
    path("spending/<uuid:record_uuid>/delete", views.spend_delete, name="spend-delete"),
    path("foi", views.foi, name="foi"),
    path("foi/draft.docx", views.foi_download, name="foi-docx"),
    path("foi/issue", views.foi_issue, name="foi-issue"),
]
