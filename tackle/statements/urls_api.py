"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.statements.api import plan, statement

urlpatterns: list = [
    path("statements/", statement.statement_list, name="statement-list"),
    path("statements/<uuid:statement_uuid>", statement.statement_detail, name="statement-detail"),
    path(
        "statements/<uuid:statement_uuid>/signatories",
        statement.statement_signatory_add,
        name="statement-signatory-add",
    ),
    path("action-plan/periods", plan.period_list, name="plan-period-list"),
    path("action-plan/actions/", plan.action_list, name="plan-action-list"),
    path("action-plan/actions/<uuid:plan_action_uuid>", plan.action_detail, name="plan-action-detail"),
    path("action-plan/actions/<uuid:plan_action_uuid>/progress", plan.action_progress, name="plan-action-progress"),
]
