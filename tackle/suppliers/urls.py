from django.urls import path

from tackle.suppliers.views import contracts, register, tenders

app_name = "suppliers"

urlpatterns: list = [
    path("", register.index, name="index"),
    path("register/", register.supplier_list, name="supplier-list"),
    path("register/new", register.supplier_new, name="supplier-new"),
    path("register/missing-statements", register.missing_statements, name="missing-statements"),
    path("register/<uuid:supplier_uuid>", register.supplier_detail, name="supplier-detail"),
    path("register/<uuid:supplier_uuid>/edit", register.supplier_edit, name="supplier-edit"),
    path("register/<uuid:supplier_uuid>/contacts/new", register.contact_new, name="contact-new"),
    path("concerns/<uuid:concern_uuid>/close", register.concern_task_close, name="concern-task-close"),
    path("contracts/", contracts.contract_list, name="contract-list"),
    path("contracts/new", contracts.contract_new, name="contract-new"),
    path("contracts/risk-register", contracts.risk_register, name="risk-register"),
    path("contracts/ocds-import", contracts.contract_ocds_import, name="contract-ocds-import"),
    path("contracts/<uuid:contract_uuid>", contracts.contract_detail, name="contract-detail"),
    path("contracts/<uuid:contract_uuid>/edit", contracts.contract_edit, name="contract-edit"),
    path("contracts/<uuid:contract_uuid>/terminate", contracts.contract_terminate, name="contract-terminate"),
    path("contracts/<uuid:contract_uuid>/risks/new", contracts.risk_new, name="risk-new"),
    path("contracts/<uuid:contract_uuid>/actions/new", contracts.action_new, name="action-new"),
    path("contracts/<uuid:contract_uuid>/sanctions/new", contracts.sanction_new, name="sanction-new"),
    path("actions/<uuid:action_uuid>/close", contracts.action_close, name="action-close"),
    path("assessments/", contracts.assessment_list, name="assessment-list"),
    path("assessments/<uuid:assessment_uuid>/complete", contracts.assessment_complete, name="assessment-complete"),
    path("selection/", contracts.selection_list, name="selection-list"),
    path("selection/new", contracts.selection_new, name="selection-new"),
    path("tenders/", tenders.tender_check_new, name="tender-check-new"),
    path("tenders/<uuid:check_uuid>", tenders.tender_check_detail, name="tender-check-detail"),
    path("tenders/clarifications/", tenders.clarification_list, name="clarification-list"),
    path("tenders/clarifications/<uuid:task_uuid>/close", tenders.clarification_close, name="clarification-close"),
]
