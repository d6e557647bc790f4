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
    assert str(Role(role).label) in page


@pytest.mark.parametrize("role", Role.values)
def test_every_link_on_a_home_page_opens_for_that_role(client_for, make_user, council_a, role):
    # A counter or a task the role cannot follow would be a link to a 403.
    client = client_for(make_user(role, council_a))
    board = client.get(reverse("home:dashboard")).context["dashboard"]
    links = [task["url"] for task in board.tasks] + [figure["url"] for figure in board.figures if "url" in figure]
    links += [board.start["url"]] if board.start else []
    for url in links:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", Role.values)
def test_the_next_tasks_do_not_repeat_the_menu(client_for, make_user, council_a, role):
    response = client_for(make_user(role, council_a)).get(reverse("home:dashboard"))
    menu = {item["url"] for item in response.context["nav_items"]}
    assert not menu & {task["url"] for task in response.context["dashboard"].tasks}


def test_the_counters_link_to_the_lists_they_count(client_for, lead_a):
    board = client_for(lead_a).get(reverse("home:dashboard")).context["dashboard"]
    links = {figure["label"]: figure["url"] for figure in board.figures}
    assert links["Overdue actions"] == reverse("cases:queue") + "?overdue=true"
    assert links["Open cases"] == reverse("cases:queue") + "?status=open"
    assert links["Audit entries in the last 30 days"] == reverse("audit:event-list")


def test_the_frontline_officer_starts_a_concern_from_the_home_page(client_for, frontline_a):
    response = client_for(frontline_a).get(reverse("home:dashboard"))
    assert response.context["dashboard"].start["url"] == reverse("cases:concern-steps-new")
    assert 'class="govuk-button govuk-button--start"' in response.content.decode()


def test_a_councillor_has_no_start_button(client_for, councillor_a):
    assert client_for(councillor_a).get(reverse("home:dashboard")).context["dashboard"].start is None


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
