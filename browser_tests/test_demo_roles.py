"""Every demo persona signs in through the sign-in page and every page in their menu passes axe."""

import pytest
from accessibility import assert_accessible
from pages import HomePage, SignInPage
from playwright.sync_api import Page, expect

from tackle.accounts import demo
from tackle.accounts.models import User
from tackle.core.navigation import menu_for
from tackle.core.roles import Role

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("role", Role.values)
def test_demo_role_signs_in_and_every_menu_page_is_accessible(page: Page, settings, role: str) -> None:
    # Demo users skip two-factor sign-in only in demo mode, which also shows the demo banner.
    settings.TACKLE_DEMO = True
    demo.load()
    user = User.objects.select_related("organisation").get(username=demo.demo_username(role))
    menu = menu_for(user)
    # At most seven items in the bar; the rest are grouped under "More" (and mark it as current).
    # The labels are translatable (lazy): read them as the English the page shows by default.
    expected_labels = [str(item.label) for item, _ in menu.top] + (["More"] if menu.more else [])
    grouped = [(str(item.label), url) for item, url in menu.more]

    sign_in = SignInPage(page).open()
    # The banner warns people not to type real personal data into a demo: it must be on every page.
    expect(sign_in.demo_banner).to_be_visible()
    assert_accessible(page)
    sign_in.sign_in(user.username, demo.demo_password())

    home = HomePage(page)
    home.expect_here()
    assert home.nav_labels() == expected_labels, "the menu must show exactly the modules this role may use"

    assert len(expected_labels) <= 7
    bar = list(zip(expected_labels, home.nav_paths(), strict=True))
    for label, path, current in [(label, path, label) for label, path in bar] + [(*entry, "More") for entry in grouped]:
        response = page.goto(path)
        assert response is not None and response.status == 200, (
            f"{label} ({path}) answered {response and response.status}"
        )
        expect(home.demo_banner).to_be_visible()
        expect(home.organisation_name).to_have_text(user.organisation.name)
        assert home.nav_labels() == expected_labels
        expect(page.locator("#navigation a[aria-current=page]")).to_have_text(current)
        assert_accessible(page)
