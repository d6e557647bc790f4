import re

import pytest
from django.urls import reverse

from tackle.core.models import TaskRun


def test_signed_out_home_redirects_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:sign-in"))


def test_demo_banner_shows_only_in_demo_mode(client_for, councillor_a, settings):
    client = client_for(councillor_a)
    assert 'data-testid="demo-banner"' not in client.get("/").content.decode()
    settings.TACKLE_DEMO = True
    assert 'data-testid="demo-banner"' in client.get("/").content.decode()


def test_unknown_page_is_a_govuk_404(client_for, councillor_a):
    response = client_for(councillor_a).get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


class TestTaskRunPages:
    @pytest.fixture
    def run(self, lead_a):
        return TaskRun.objects.create(
            name="Check", organisation=lead_a.organisation, started_by=lead_a, done=3, total=4
        )

    def test_starter_sees_progress(self, client_for, lead_a, run):
        client = client_for(lead_a)
        assert client.get(reverse("core:task-run-detail", args=[run.uuid])).status_code == 200
        status = client.get(reverse("core:task-run-status", args=[run.uuid])).json()
        assert status["percent"] == 75 and status["finished"] is False

    def test_another_organisation_gets_404(self, client_for, lead_b, run):
        assert client_for(lead_b).get(reverse("core:task-run-detail", args=[run.uuid])).status_code == 404
        assert client_for(lead_b).get(reverse("core:task-run-status", args=[run.uuid])).status_code == 404

    def test_a_colleague_gets_404(self, client_for, auditor_a, run):
        assert client_for(auditor_a).get(reverse("core:task-run-status", args=[run.uuid])).status_code == 404


def test_one_menu_entry_is_current_the_most_specific(client_for, lead_a):
    html = client_for(lead_a).get("/cases/register").content.decode()
    assert html.count('aria-current="page"') == 1
    assert re.search(r'href="/cases/register"[^>]*aria-current="page"', html), html[:3000]
