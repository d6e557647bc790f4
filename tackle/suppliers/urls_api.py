"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.suppliers.api import contracts, register

urlpatterns: list = [
    path("suppliers/", register.supplier_list, name="supplier-list"),
    path("suppliers/<uuid:supplier_uuid>", register.supplier_detail, name="supplier-detail"),
    path("suppliers/<uuid:supplier_uuid>/contacts", register.contact_create, name="supplier-contact-create"),
    path("contracts/", contracts.contract_list, name="contract-list"),
    path("contracts/<uuid:contract_uuid>", contracts.contract_detail, name="contract-detail"),
    path("contracts/<uuid:contract_uuid>/terminate", contracts.contract_terminate, name="contract-terminate"),
]
