"""Case-related API routes, included under /api/v1/ by tackle/urls.py."""

from django.urls import path

from tackle.cases.api import case as api
from tackle.cases.api import caseload as api_caseload
from tackle.cases.api import closure as api_closure
from tackle.cases.api import consent as api_consent
from tackle.cases.api import documents as api_documents
from tackle.cases.api import encounter as api_encounter
from tackle.cases.api import explanations as api_explanations
from tackle.cases.api import legal_holds as api_legal_holds
from tackle.cases.api import nrm_form as api_nrm_form
from tackle.cases.api import nrm_form_edit as api_nrm_form_edit
from tackle.cases.api import nrm_pack as api_nrm_pack
from tackle.cases.api import pathway as api_pathway
from tackle.cases.api import pathway_settings as api_pathway_settings
from tackle.cases.api import record_retention as api_record_retention
from tackle.cases.api import referral as api_referral
from tackle.cases.api import register as api_register
from tackle.cases.api import retention as api_retention
from tackle.cases.api import retention_decision as api_retention_decision
from tackle.cases.api import share as api_share
from tackle.cases.api import subject_access as api_subject_access
from tackle.cases.api import support as api_support
from tackle.cases.api import support_later as api_support_later
from tackle.cases.api import support_records as api_support_records

urlpatterns: list = [
    path("pathway", api_pathway.pathway, name="pathway"),
    path("cases/", api.case_list, name="case-list"),
    path("cases/<uuid:case_uuid>", api.case_detail, name="case-detail"),
    path("cases/<uuid:case_uuid>/allocation", api.case_allocation, name="case-allocation-edit"),
    path("cases/<uuid:case_uuid>/close", api_closure.case_close_api, name="case-close"),
    path("cases/<uuid:case_uuid>/reopen", api_closure.case_reopen_api, name="case-reopen"),
    path("cases/<uuid:case_uuid>/nrm-events", api.nrm_event_create, name="case-nrm-event-create"),
    path("cases/<uuid:case_uuid>/nrm-form", api_nrm_form.nrm_form, name="case-nrm-form"),
    path(
        "cases/<uuid:case_uuid>/nrm-form/redaction",
        api_nrm_form_edit.nrm_form_redaction,
        name="case-nrm-form-redaction",
    ),
    path(
        "cases/<uuid:case_uuid>/nrm-form/<slug:section>",
        api_nrm_form_edit.nrm_form_section,
        name="case-nrm-form-section",
    ),
    path("cases/<uuid:case_uuid>/nrm-pack/export", api_nrm_pack.nrm_pack_export, name="case-nrm-pack-export"),
    path("cases/<uuid:case_uuid>/history", api_encounter.case_history, name="case-history"),
    # The support record (issue 19): the Support page and its add pages, through the same door and services.
    path("cases/<uuid:case_uuid>/support", api_support.support_record, name="support-record"),
    path("cases/<uuid:case_uuid>/support/notes", api_support.note_list, name="support-notes"),
    path("cases/<uuid:case_uuid>/support/documents", api_documents.document_list, name="support-documents"),
    path(
        "cases/<uuid:case_uuid>/support/documents/<uuid:document_uuid>",
        api_documents.document_download,
        name="support-document-download",
    ),
    path("cases/<uuid:case_uuid>/support/phases", api_support_records.phase_list, name="support-phases"),
    path(
        "cases/<uuid:case_uuid>/support/needs-assessments",
        api_support_records.needs_assessment_list,
        name="support-needs-assessments",
    ),
    path("cases/<uuid:case_uuid>/support/placements", api_support_records.placement_list, name="support-placements"),
    path(
        "cases/<uuid:case_uuid>/support/safety-plans",
        api_support_records.safety_plan_list,
        name="support-safety-plans",
    ),
    path(
        "cases/<uuid:case_uuid>/support/safety-plans/<uuid:plan_uuid>",
        api_support_records.safety_plan_detail,
        name="support-safety-plan-detail",
    ),
    path(
        "cases/<uuid:case_uuid>/support/safety-plans/<uuid:plan_uuid>/reviews",
        api_support_records.safety_plan_review,
        name="support-safety-plan-review",
    ),
    path(
        "cases/<uuid:case_uuid>/support/missing-episodes",
        api_support_records.missing_episode_list,
        name="support-missing-episodes",
    ),
    path(
        "cases/<uuid:case_uuid>/support/missing-episodes/<uuid:episode_uuid>/return",
        api_support_later.missing_episode_return,
        name="support-missing-episode-return",
    ),
    path(
        "cases/<uuid:case_uuid>/support/needs-assessments/<uuid:needs_assessment_uuid>/complete",
        api_support_later.needs_assessment_complete,
        name="support-needs-assessment-complete",
    ),
    path(
        "cases/<uuid:case_uuid>/support/placements/<uuid:placement_uuid>/end",
        api_support_later.placement_end,
        name="support-placement-end",
    ),
    path(
        "cases/<uuid:case_uuid>/support/outcome-scores",
        api_support_records.outcome_score_list,
        name="support-outcome-scores",
    ),
    path("encounters", api_encounter.encounter_create, name="encounter-create"),
    path("encounters/<uuid:encounter_uuid>", api_encounter.encounter_detail, name="encounter-detail"),
    path("register", api_register.register, name="register"),
    # Data protection duties (issue 15, item 5), as the retention and subject access pages.
    path("retention/due", api_retention.retention_due_list, name="retention-due"),
    path("retention/schedule", api_retention.retention_schedule, name="retention-schedule"),
    path("retention/holds", api_legal_holds.legal_holds, name="retention-holds"),
    path("retention/holds/<uuid:hold_uuid>/lift", api_legal_holds.legal_hold_lift_api, name="retention-hold-lift"),
    path("cases/<uuid:case_uuid>/retention", api_retention_decision.case_retention, name="case-retention"),
    path(
        "retention/records/<slug:record_type>/<str:reference>",
        api_record_retention.record_retention,
        name="retention-record",
    ),
    path("subject-access/<str:reference>", api_subject_access.subject_access_find, name="subject-access-find"),
    path(
        "cases/<uuid:case_uuid>/subject-access/export",
        api_subject_access.subject_access_export,
        name="case-subject-access-export",
    ),
    # Consent, referral actions, shares, caseloads and pathway settings, as the pages (issue 19).
    path("cases/<uuid:case_uuid>/consent", api_consent.case_consent, name="case-consent-edit"),
    path("cases/<uuid:case_uuid>/referrals", api_referral.referral_list, name="case-referral-list"),
    path(
        "cases/<uuid:case_uuid>/referrals/<uuid:referral_uuid>",
        api_referral.referral_edit,
        name="case-referral-edit",
    ),
    path("cases/<uuid:case_uuid>/shares", api_share.share_list, name="case-share-list"),
    path("cases/<uuid:case_uuid>/shares/<int:share_id>/revoke", api_share.share_revoke, name="case-share-revoke"),
    path("caseloads", api_caseload.caseloads, name="caseloads"),
    path("pathway-settings", api_pathway_settings.pathway_settings, name="pathway-settings"),
    path("explanations", api_explanations.explanation_list, name="explanation-list"),
    path(
        "explanations/<slug:language>/<slug:kind>", api_explanations.explanation_versions, name="explanation-versions"
    ),
    path(
        "explanations/<slug:language>/<slug:kind>/<int:number>/approve",
        api_explanations.explanation_approve_api,
        name="explanation-approve",
    ),
]
