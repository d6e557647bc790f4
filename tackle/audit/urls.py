from django.urls import path

from tackle.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("export.csv", views.export_csv, name="event-export-csv"),
    path("export.xlsx", views.export_xlsx, name="event-export-xlsx"),
    path("cases/<str:case_reference>", views.case_access, name="case-access"),
    path("verify", views.verify, name="verify"),
    path("certificate", views.certificate, name="certificate"),
    path("certificate.pdf", views.certificate_pdf, name="certificate-pdf"),
]
