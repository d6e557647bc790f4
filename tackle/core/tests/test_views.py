import re

import pytest
from django.urls import reverse

from tackle.core.models import TaskRun
from tackle.core.roles import Role


@pytest.mark.parametrize("role", Role.values)
def test_every_role_has_a_home_dashboard(client_for, make_user, council_a, role):
    response = client_for(make_user(role, council_a)).get(reverse("core:home"))
    assert response.status_code == 200
    board = response.context["dashboard"]
    assert board.role == role
    page = response.content.decode()
    assert council_a.name in page
    assert Role(role).label in page


def test_councillor_dashboard_has_no_audit_or_user_figures(client_for, councillor_a):
    board = client_for(councillor_a).get(reverse("core:home")).context["dashboard"]
    labels = {figure["label"] for figure in board.figures}
    assert "Active users" not in labels and "Audit entries in the last 30 days" not in labels


def test_administrator_dashboard_counts_only_own_organisation(client_for, admin_a, lead_a, lead_b):
    board = client_for(admin_a).get(reverse("core:home")).context["dashboard"]
    figures = {figure["label"]: figure["value"] for figure in board.figures}
    assert figures["Active users"] == 2  # the administrator and lead_a; lead_b is elsewhere


def test_navigation_shows_only_modules_the_role_may_use(client_for, frontline_a, auditor_a):
    frontline_nav = [item["label"] for item in client_for(frontline_a).get("/").context["nav_items"]]
    auditor_nav = [item["label"] for item in client_for(auditor_a).get("/").context["nav_items"]]
    assert "Audit log" not in frontline_nav and "Users" not in frontline_nav
    assert "Audit log" in auditor_nav


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
