from django.urls import path

from tackle.statements.views import commitments, plan, statement

app_name = "statements"

urlpatterns: list = [
    path("", plan.index, name="index"),
    path("periods/", plan.period_list, name="period-list"),
    path("periods/new", plan.period_new, name="period-new"),
    path("periods/<uuid:period_uuid>/edit", plan.period_edit, name="period-edit"),
    path("periods/<uuid:period_uuid>/delete", plan.period_delete, name="period-delete"),
    path("periods/<uuid:period_uuid>/actions/new", plan.action_new, name="action-new"),
    path("periods/<uuid:period_uuid>/review", plan.period_review, name="period-review"),
    path("periods/<uuid:period_uuid>/close", plan.period_close, name="period-close"),
    path("actions/<uuid:action_uuid>/", plan.action_detail, name="action-detail"),
    path("actions/<uuid:action_uuid>/status", plan.action_status, name="action-status"),
    path("actions/<uuid:action_uuid>/progress", plan.action_progress, name="action-progress"),
    path("statement/", statement.statement_list, name="statement-list"),
    path("statement/<uuid:statement_uuid>/", statement.statement_detail, name="statement-detail"),
    path("statement/<uuid:statement_uuid>/sections/<str:key>", statement.section_edit, name="section-edit"),
    path("statement/<uuid:statement_uuid>/details", statement.details_edit, name="details-edit"),
    path("statement/<uuid:statement_uuid>/languages", statement.languages_edit, name="languages-edit"),
    path("statement/<uuid:statement_uuid>/signatories/new", statement.signatory_new, name="signatory-new"),
    path("statement/<uuid:statement_uuid>/approve", statement.statement_approve, name="statement-approve"),
    path("statement/<uuid:statement_uuid>/publish", statement.statement_publish, name="statement-publish"),
    path("statement/<uuid:statement_uuid>/<str:step>", statement.statement_move, name="statement-move"),
    path("statement/<uuid:statement_uuid>.<str:fmt>", statement.statement_download, name="statement-download"),
    path(
        "statement/<uuid:statement_uuid>/compare/<uuid:other_uuid>",
        statement.statement_compare,
        name="statement-compare",
    ),
    path("commitments/", commitments.commitment_list, name="commitment-list"),
    path("commitments/new", commitments.commitment_new, name="commitment-new"),
    path("commitments/adopt-charter", commitments.charter_adopt, name="commitment-adopt-charter"),
    path("commitments/<uuid:commitment_uuid>/", commitments.commitment_detail, name="commitment-detail"),
    path("commitments/<uuid:commitment_uuid>/edit", commitments.commitment_edit, name="commitment-edit"),
    path("commitments/<uuid:commitment_uuid>/actions", commitments.commitment_actions, name="commitment-actions"),
    path("commitments/<uuid:commitment_uuid>/evidence/new", commitments.evidence_new, name="commitment-evidence-new"),
    path(
        "commitments/<uuid:commitment_uuid>/evidence/accept",
        commitments.evidence_accept,
        name="commitment-evidence-accept",
    ),
    path("commitments/<uuid:commitment_uuid>/judgement", commitments.commitment_judge, name="commitment-judge"),
]
