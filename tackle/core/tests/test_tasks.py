"""Background tasks run through the real database backend and the real worker command."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tackle.accounts.models import OrganisationSettings
from tackle.audit import task_wording as audit_wording
from tackle.core.models import TaskRun, TaskStatus
from tackle.core.tasks import CHECKED, STARTING, WORKER_STOPPED, task_run_text
from tackle.spend.screening import wording as spend_wording
from tackle.statement_reader import wording as reader_wording


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


@pytest.mark.django_db(transaction=True)
def test_a_welsh_reader_sees_the_run_in_welsh_while_it_is_stored_in_english(client_for, auditor_a):
    """Issue 21: the run's name and messages are records in English, shown in the reader's language."""
    OrganisationSettings.objects.update_or_create(
        organisation=auditor_a.organisation, defaults={"welsh_language_service": True}
    )
    auditor_a.language = "cy"
    auditor_a.save(update_fields=["language"])
    client = client_for(auditor_a)
    client.post(reverse("audit:verify"))
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    run = TaskRun.objects.get(started_by=auditor_a)
    assert run.name == "Check the audit log"
    assert run.message.startswith("The audit log is intact: ")

    page = client.get(reverse("home:task-run-detail", args=[run.uuid])).content.decode()
    assert "Gwirio\u2019r log archwilio</h1>" in page
    assert "Mae\u2019r log archwilio yn gyfan: gwiriwyd" in page
    status = client.get(reverse("home:task-run-status", args=[run.uuid])).json()
    assert status["message"].startswith("Mae\u2019r log archwilio yn gyfan: gwiriwyd ")


def test_every_task_s_stored_sentences_read_in_welsh():
    """Each app that runs a task registers its wording; text made from no template shows as stored."""
    stored = {
        STARTING: "Yn dechrau",
        CHECKED % {"done": "1,200", "total": "3,000"}: "1,200 o 3,000 wedi\u2019u gwirio",
        WORKER_STOPPED: "Stopiodd y gweithiwr cefndir tra oedd hyn yn rhedeg; dechreuwch ef eto.",
        spend_wording.TASK_NAME: "Sgrinio ffeiliau gwariant",
        spend_wording.FILES_READ % {"percent": 40}: "40% o\u2019r ffeiliau wedi\u2019u darllen",
        spend_wording.SCREENED % {"read": "1,000", "accepted": "990", "rejected": "10"}: (
            "Sgriniwyd 1,000 rhes: 990 wedi\u2019u derbyn, 10 wedi\u2019u gwrthod."
        ),
        audit_wording.STOPPED % {"error": "OperationalError"}: "Nid oedd modd gorffen y gwiriad: OperationalError",
        reader_wording.TASK_NAME: "Darllen datganiad",
        "Something no template made": "Something no template made",
    }
    with translation.override("cy"):
        assert {text: task_run_text(text) for text in stored} == stored
    assert task_run_text(STARTING) == "Starting"
