"""Case-related API routes, included under /api/v1/ by tackle/urls.py."""

from django.urls import path

from tackle.cases.api import case as api
from tackle.cases.api import closure as api_closure
from tackle.cases.api import encounter as api_encounter
from tackle.cases.api import nrm_form as api_nrm_form
from tackle.cases.api import pathway as api_pathway
from tackle.cases.api import register as api_register

urlpatterns: list = [
    path("pathway", api_pathway.pathway, name="pathway"),
    path("cases/", api.case_list, name="case-list"),
    path("cases/<uuid:case_uuid>", api.case_detail, name="case-detail"),
    path("cases/<uuid:case_uuid>/allocation", api.case_allocation, name="case-allocation-edit"),
    path("cases/<uuid:case_uuid>/close", api_closure.case_close_api, name="case-close"),
    path("cases/<uuid:case_uuid>/reopen", api_closure.case_reopen_api, name="case-reopen"),
    path("cases/<uuid:case_uuid>/nrm-events", api.nrm_event_create, name="case-nrm-event-create"),
    path("cases/<uuid:case_uuid>/nrm-form", api_nrm_form.nrm_form, name="case-nrm-form"),
    path("cases/<uuid:case_uuid>/history", api_encounter.case_history, name="case-history"),
    path("encounters", api_encounter.encounter_create, name="encounter-create"),
    path("encounters/<uuid:encounter_uuid>", api_encounter.encounter_detail, name="encounter-detail"),
    path("register", api_register.register, name="register"),
]
