import pytest
from django.urls import reverse

from tackle.core.roles import Role


@pytest.mark.parametrize("role", Role.values)
def test_every_role_has_a_home_dashboard(client_for, make_user, council_a, role):
    response = client_for(make_user(role, council_a)).get(reverse("home:dashboard"))
    assert response.status_code == 200
    board = response.context["dashboard"]
    assert board.role == role
    page = response.content.decode()
    assert council_a.name in page
    assert Role(role).label in page


def test_councillor_dashboard_has_no_audit_or_user_figures(client_for, councillor_a):
    board = client_for(councillor_a).get(reverse("home:dashboard")).context["dashboard"]
    labels = {figure["label"] for figure in board.figures}
    assert "Active users" not in labels and "Audit entries in the last 30 days" not in labels


def test_administrator_dashboard_counts_only_own_organisation(client_for, admin_a, lead_a, lead_b):
    board = client_for(admin_a).get(reverse("home:dashboard")).context["dashboard"]
    figures = {figure["label"]: figure["value"] for figure in board.figures}
    assert figures["Active users"] == 2  # the administrator and lead_a; lead_b is elsewhere


def test_navigation_shows_only_modules_the_role_may_use(client_for, frontline_a, auditor_a):
    frontline_nav = [item["label"] for item in client_for(frontline_a).get("/").context["nav_items"]]
    auditor_nav = [item["label"] for item in client_for(auditor_a).get("/").context["nav_items"]]
    assert "Audit log" not in frontline_nav and "Users" not in frontline_nav
    assert "Audit log" in auditor_nav
