"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.suppliers.api import register

urlpatterns: list = [
    path("suppliers/", register.supplier_list, name="supplier-list"),
    path("suppliers/<uuid:supplier_uuid>", register.supplier_detail, name="supplier-detail"),
    path("suppliers/<uuid:supplier_uuid>/contacts", register.contact_create, name="supplier-contact-create"),
]
