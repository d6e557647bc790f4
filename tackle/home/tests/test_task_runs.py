import pytest
from django.urls import reverse

from tackle.core.models import TaskRun


class TestTaskRunPages:
    @pytest.fixture
    def run(self, lead_a):
        return TaskRun.objects.create(
            name="Check", organisation=lead_a.organisation, started_by=lead_a, done=3, total=4
        )

    def test_starter_sees_progress(self, client_for, lead_a, run):
        client = client_for(lead_a)
        assert client.get(reverse("home:task-run-detail", args=[run.uuid])).status_code == 200
        status = client.get(reverse("home:task-run-status", args=[run.uuid])).json()
        assert status["percent"] == 75 and status["finished"] is False

    def test_another_organisation_gets_404(self, client_for, lead_b, run):
        assert client_for(lead_b).get(reverse("home:task-run-detail", args=[run.uuid])).status_code == 404
        assert client_for(lead_b).get(reverse("home:task-run-status", args=[run.uuid])).status_code == 404

    def test_a_colleague_gets_404(self, client_for, auditor_a, run):
        assert client_for(auditor_a).get(reverse("home:task-run-status", args=[run.uuid])).status_code == 404
