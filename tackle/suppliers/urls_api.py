"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.suppliers.api import contracts, diligence, ocds, register, risk_register, tenders

urlpatterns: list = [
    path("suppliers/", register.supplier_list, name="supplier-list"),
    path("suppliers/missing-statements", register.missing_statement_list, name="supplier-missing-statement-list"),
    path("suppliers/<uuid:supplier_uuid>", register.supplier_detail, name="supplier-detail"),
    path("suppliers/<uuid:supplier_uuid>/contacts", register.contact_create, name="supplier-contact-create"),
    path("supplier-concerns/<uuid:concern_uuid>/close", register.concern_close, name="supplier-concern-close"),
    path("contracts/", contracts.contract_list, name="contract-list"),
    path("contracts/ocds-import", ocds.ocds_import, name="contract-ocds-import"),
    path("contract-risk-register/", risk_register.risk_register, name="contract-risk-register"),
    path("contract-open-risks/", risk_register.open_risks, name="contract-open-risk-list"),
    path("contracts/<uuid:contract_uuid>", contracts.contract_detail, name="contract-detail"),
    path("contracts/<uuid:contract_uuid>/terminate", contracts.contract_terminate, name="contract-terminate"),
    path("contracts/<uuid:contract_uuid>/risks", contracts.risk_create, name="contract-risk-create"),
    path("contracts/<uuid:contract_uuid>/actions", contracts.action_create, name="contract-action-create"),
    path("contracts/<uuid:contract_uuid>/sanctions", contracts.sanction_create, name="contract-sanction-create"),
    path("contract-actions/<uuid:action_uuid>/close", diligence.action_close, name="contract-action-close"),
    path("supplier-assessments/", diligence.assessment_list, name="supplier-assessment-list"),
    path(
        "supplier-assessments/<uuid:assessment_uuid>/complete",
        diligence.assessment_complete,
        name="supplier-assessment-complete",
    ),
    path("selection-responses/", diligence.selection_list, name="supplier-selection-list"),
    path("tender-checks/", tenders.tender_check_list, name="tender-check-list"),
    path("tender-checks/<uuid:check_uuid>", tenders.tender_check_detail, name="tender-check-detail"),
    path("clarifications/", tenders.clarification_list, name="clarification-list"),
    path("clarifications/<uuid:task_uuid>/close", tenders.clarification_close, name="clarification-close"),
]
