"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.statements.api import commitments, evidence, plan, statement

urlpatterns: list = [
    path("statements/", statement.statement_list, name="statement-list"),
    path("statements/<uuid:statement_uuid>", statement.statement_detail, name="statement-detail"),
    path(
        "statements/<uuid:statement_uuid>/signatories",
        statement.statement_signatory_add,
        name="statement-signatory-add",
    ),
    path("statements/<uuid:statement_uuid>/submission", statement.statement_submit, name="statement-submit"),
    path("statements/<uuid:statement_uuid>/approval", statement.statement_approve, name="statement-approve"),
    path("statements/<uuid:statement_uuid>/publication", statement.statement_publish, name="statement-publish"),
    path("action-plan/periods", plan.period_list, name="plan-period-list"),
    path("action-plan/periods/<uuid:plan_period_uuid>", plan.period_detail, name="plan-period-detail"),
    path("action-plan/periods/<uuid:plan_period_uuid>/close", plan.period_close, name="plan-period-close"),
    path("action-plan/actions/", plan.action_list, name="plan-action-list"),
    path("action-plan/actions/<uuid:plan_action_uuid>", plan.action_detail, name="plan-action-detail"),
    path("action-plan/actions/<uuid:plan_action_uuid>/progress", plan.action_progress, name="plan-action-progress"),
    path("commitments/", commitments.commitment_list, name="plan-commitment-list"),
    path("commitments/<uuid:commitment_uuid>", commitments.commitment_detail, name="plan-commitment-detail"),
    path("commitments/charter", evidence.charter, name="plan-charter"),
    path("commitments/<uuid:commitment_uuid>/evidence", evidence.evidence, name="plan-commitment-evidence"),
    path(
        "commitments/<uuid:commitment_uuid>/evidence/accept",
        evidence.evidence_accept,
        name="plan-commitment-evidence-accept",
    ),
    path("commitments/<uuid:commitment_uuid>/actions", evidence.commitment_actions, name="plan-commitment-actions"),
    path("commitments/<uuid:commitment_uuid>/judgement", commitments.commitment_judge, name="plan-commitment-judge"),
]
