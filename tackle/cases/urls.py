from django.urls import path

from tackle.cases.views import (
    allocation,
    case,
    concern,
    concern_steps,
    correction,
    explanations,
    home_office_form,
    pack,
    pathway_settings,
    queue,
    record_retention,
    retention,
    support,
    support_records,
    timeline,
)
from tackle.cases.views import register as register_views

app_name = "cases"

# Each module of the cases app adds its own pages below, in its own block.
urlpatterns: list = [
    path("", queue.queue, name="queue"),
    path("settings/pathway", pathway_settings.edit, name="pathway-settings"),
    path("concerns/new", concern.concern_new, name="concern-new"),
    # The same concern one question per page, for a phone (issue 18); ?step= names the question.
    path("concerns/record", concern_steps.concern_steps, name="concern-steps-new"),
    path("encounters/<uuid:encounter_uuid>", concern.encounter_detail, name="encounter-detail"),
    path("<uuid:case_uuid>/change/<slug:group>", correction.case_change_edit, name="case-change-edit"),
    path("<uuid:case_uuid>/", case.case_detail, name="case-detail"),
    path("<uuid:case_uuid>/recorded", case.concern_recorded, name="concern-recorded"),
    path("<uuid:case_uuid>/referrals/<uuid:referral_uuid>", case.referral_edit, name="referral-edit"),
    path("<uuid:case_uuid>/nrm/new", case.nrm_event_new, name="nrm-event-new"),
    path("<uuid:case_uuid>/consent", case.consent_edit, name="consent-edit"),
    # Explanations in the person's language (issue 21, item 4): printed during the consent conversation,
    # kept and approved by the lead or administrator.
    path("<uuid:case_uuid>/consent/explanation", explanations.consent_explanation, name="consent-explanation"),
    path(
        "<uuid:case_uuid>/consent/explanation.pdf",
        explanations.consent_explanation_pdf,
        name="consent-explanation-pdf",
    ),
    path("settings/explanations", explanations.explanation_list, name="explanation-list"),
    path(
        "settings/explanations/languages/new",
        explanations.explanation_language_new,
        name="explanation-language-new",
    ),
    path(
        "settings/explanations/<slug:language>/<slug:kind>",
        explanations.explanation_versions,
        name="explanation-versions",
    ),
    path(
        "settings/explanations/<slug:language>/<slug:kind>/edit",
        explanations.explanation_edit_page,
        name="explanation-edit",
    ),
    path(
        "settings/explanations/<slug:language>/<slug:kind>/<int:number>/approve",
        explanations.explanation_approve_page,
        name="explanation-approve",
    ),
    # Data protection duties (issue 15, item 5): retention, legal holds, subject access requests.
    path("retention/", retention.retention_due, name="retention-due"),
    path("retention/schedule", retention.retention_schedule, name="retention-schedule"),
    path("retention/schedule/edit", retention.retention_schedule_edit, name="retention-schedule-edit"),
    path("retention/holds/new", retention.legal_hold_new, name="legal-hold-new"),
    path("retention/holds/<uuid:hold_uuid>/lift", retention.legal_hold_lift_page, name="legal-hold-lift"),
    path("retention/records/holds/new", record_retention.record_hold_new, name="record-hold-new"),
    path(
        "retention/records/holds/<uuid:hold_uuid>/lift",
        record_retention.record_hold_lift_page,
        name="record-hold-lift",
    ),
    path(
        "retention/records/<slug:record_type>/<str:reference>",
        record_retention.record_decide_page,
        name="record-retention-decide",
    ),
    path("retention/subject-access", retention.subject_access_find, name="subject-access-find"),
    path("<uuid:case_uuid>/retention", retention.retention_decide, name="retention-decide"),
    path("<uuid:case_uuid>/subject-access", retention.subject_access, name="subject-access"),
    path("<uuid:case_uuid>/shares/new", case.share_new, name="share-new"),
    path("<uuid:case_uuid>/shares/<int:share_id>/revoke", case.share_revoke, name="share-revoke"),
    path("<uuid:case_uuid>/pack", pack.pack_page, name="nrm-pack"),
    path("<uuid:case_uuid>/pack.json", pack.pack_json, name="nrm-pack-json"),
    path("<uuid:case_uuid>/pack.pdf", pack.pack_pdf, name="nrm-pack-pdf"),
    path("<uuid:case_uuid>/pack/export", pack.pack_export, name="nrm-pack-export"),  # check, then download
    # The whole Home Office form, section by section (issue 14, section 4).
    path("<uuid:case_uuid>/pack/form", home_office_form.form_overview, name="nrm-pack-form"),
    path("<uuid:case_uuid>/pack/form/<slug:section>", home_office_form.section_edit, name="nrm-pack-section-edit"),
    path("<uuid:case_uuid>/pack/redaction", home_office_form.redaction_edit, name="nrm-pack-redaction-edit"),
    # Support (issue 3): phases, assessments, placements, safety plans, missing episodes, outcomes,
    # notes, documents, closure.
    path("<uuid:case_uuid>/support", support.support, name="support"),
    path("<uuid:case_uuid>/support/phases/add", support_records.support_phase_add, name="support-phase-add"),
    path(
        "<uuid:case_uuid>/support/needs-assessments/add",
        support_records.needs_assessment_add,
        name="needs-assessment-add",
    ),
    path(
        "<uuid:case_uuid>/support/needs-assessments/<uuid:needs_assessment_uuid>/complete",
        support_records.needs_assessment_complete,
        name="needs-assessment-complete",
    ),
    path("<uuid:case_uuid>/support/placements/add", support_records.placement_add, name="placement-add"),
    path(
        "<uuid:case_uuid>/support/placements/<uuid:placement_uuid>/end",
        support_records.placement_end,
        name="placement-end",
    ),
    path("<uuid:case_uuid>/support/safety-plans/add", support_records.safety_plan_add, name="safety-plan-add"),
    path(
        "<uuid:case_uuid>/support/safety-plans/<uuid:plan_uuid>/review",
        support_records.safety_plan_review,
        name="safety-plan-review",
    ),
    path(
        "<uuid:case_uuid>/support/missing-episodes/add",
        support_records.missing_episode_add,
        name="missing-episode-add",
    ),
    path(
        "<uuid:case_uuid>/support/missing-episodes/<uuid:episode_uuid>/return",
        support_records.missing_episode_return,
        name="missing-episode-return",
    ),
    path("<uuid:case_uuid>/support/outcome-scores/add", support_records.outcome_scores_add, name="outcome-scores-add"),
    path("<uuid:case_uuid>/support/notes/add", support_records.note_add, name="note-add"),
    path("<uuid:case_uuid>/support/documents/add", support_records.document_add, name="document-add"),
    path(
        "<uuid:case_uuid>/support/documents/<uuid:document_uuid>",
        support.document_download,
        name="document-download",
    ),
    path("<uuid:case_uuid>/close", support.close, name="case-close"),
    path("<uuid:case_uuid>/reopen", support.reopen, name="case-reopen"),
    # The case's one timeline (issue 14, section 5).
    path("<uuid:case_uuid>/timeline", timeline.timeline, name="case-timeline"),
    # Allocation and caseloads (issue 14, section 2).
    path("caseloads", queue.caseloads, name="caseloads"),
    path("<uuid:case_uuid>/allocation", allocation.allocation_edit, name="allocation-edit"),
    # The register (issue 3, section 5): open cases on a date, and its exports.
    path("register", register_views.register, name="register"),
    path("register/export.csv", register_views.export_csv, name="register-export-csv"),
    path("register/export.xlsx", register_views.export_xlsx, name="register-export-xlsx"),
]
