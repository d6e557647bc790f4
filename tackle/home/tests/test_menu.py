"""The menu: at most seven items in the bar for every role, the rest grouped on the More page."""

import pytest
from django.urls import reverse

from tackle.core.navigation import MOST_TOP_LEVEL, nav_items_for
from tackle.core.roles import Role


def _menu(client) -> list[dict]:
    return client.get(reverse("home:dashboard")).context["nav_items"]


@pytest.mark.parametrize("role", Role.values)
def test_each_role_has_at_most_seven_menu_items_and_reaches_every_module(client_for, make_user, council_a, role):
    user = make_user(role, council_a)
    client = client_for(user)
    menu = _menu(client)
    assert len(menu) <= MOST_TOP_LEVEL
    every_entry = {url for _, url in nav_items_for(user)}
    in_bar = {item["url"] for item in menu}
    grouped = set()
    if any(item["label"] == "More" for item in menu):
        more = client.get(reverse("home:more"))
        grouped = {url for _, url in more.context["entries"]}
        assert not grouped & in_bar, "an entry in the bar is not repeated under More"
    assert every_entry <= in_bar | grouped, "every module the role may use is in the bar or under More"


def test_the_lead_keeps_daily_work_in_the_bar_and_groups_the_rest(client_for, lead_a):
    labels = [item["label"] for item in _menu(client_for(lead_a))]
    assert labels == ["Home", "Cases", "Disrupt", "Figures", "Supply chains", "Statement", "More"]
    more = client_for(lead_a).get(reverse("home:more"))
    assert [item.label for item, _ in more.context["entries"]] == [
        "Register",
        "Targeting",
        "Spend screening",
        "Statement reader",
        "Training",
        "Scrutiny",
        "Audit log",
        "API tokens",
    ]
    assert "Premises ranked from regulators" in more.content.decode()


def test_a_page_grouped_under_more_marks_more_as_the_current_section(client_for, lead_a):
    menu = client_for(lead_a).get(reverse("training:index")).context["nav_items"]
    assert [item["label"] for item in menu if item["active"]] == ["More"]


def test_a_role_whose_entries_fit_has_no_more_item_but_the_page_still_lists_them(client_for, councillor_a):
    client = client_for(councillor_a)
    assert "More" not in [item["label"] for item in _menu(client)]
    entries = client.get(reverse("home:more")).context["entries"]
    assert [item.label for item, _ in entries] == ["Register", "Figures", "Training", "Scrutiny"]
