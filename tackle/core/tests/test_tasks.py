"""Background tasks run through the real database backend and the real worker command."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tackle.core.models import TaskRun, TaskStatus


@pytest.mark.django_db(transaction=True)
def test_audit_check_runs_on_the_worker_and_reports_progress(client_for, auditor_a):
    client = client_for(auditor_a)
    response = client.post(reverse("audit:verify"))
    run = TaskRun.objects.get(started_by=auditor_a)
    assert response["Location"] == reverse("home:task-run-detail", args=[run.uuid])
    assert run.status == TaskStatus.QUEUED
    assert DBTaskResult.objects.filter(id=run.task_result_id).exists()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    status = client.get(reverse("home:task-run-status", args=[run.uuid])).json()
    assert status["status"] == "succeeded"
    assert status["percent"] == 100
    assert "intact" in status["message"]
    assert status["finished"] is True
