"""The demo administrator onboards a new officer and, when they leave, offboards them."""

import re
from urllib.parse import urlsplit

import pytest
from accessibility import assert_accessible
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pages import HomePage, SetPasswordPage, SignInPage, TwoFactorSetupPage, UserPage, UsersPage
from playwright.sync_api import Browser, Page, expect

from tackle.accounts import demo
from tackle.accounts.models import User
from tackle.core.roles import Role

pytestmark = pytest.mark.browser

PASSWORD = "a long enough passphrase for tests"


def test_administrator_invites_changes_the_role_of_and_deactivates_a_user(
    page: Page, browser: Browser, live_server, settings
) -> None:
    settings.TACKLE_DEMO = True
    demo.load()
    SignInPage(page).open().sign_in(demo.demo_username(Role.ADMINISTRATOR), demo.demo_password())
    HomePage(page).expect_here()

    users = UsersPage(page).open()
    assert_accessible(page)
    invite = users.invite()
    expect(invite.heading).to_have_text("Invite a user")
    assert_accessible(page)
    person = invite.send(
        first_name="Jo", last_name="Smith", email="jo.smith@example.gov.uk", username="jsmith", role="Frontline officer"
    )
    expect(person.heading).to_have_text("Jo Smith")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Invitation sent")
    expect(person.role).to_have_text("Frontline officer")
    assert_accessible(page)

    # The invited person, in their own browser, follows the emailed link and sets a password.
    link = re.search(r"http\S+/account/invitation/\S+", mail.outbox[-1].body)
    assert link is not None
    invitee_context = browser.new_context(base_url=live_server.url)
    invitee = invitee_context.new_page()
    invitee.goto(urlsplit(link.group(0)).path)
    set_password = SetPasswordPage(invitee)
    expect(set_password.heading).to_have_text("Set your password")
    expect(invitee.get_by_test_id("invited-username")).to_have_text("jsmith")
    assert_accessible(invitee)
    set_password.set_password(PASSWORD)

    # Then the usual two-factor set-up: the role sees personal data.
    setup = TwoFactorSetupPage(invitee)
    expect(setup.heading).to_have_text("Set up two-factor sign-in")
    device = TOTPDevice.objects.get(user__username="jsmith", confirmed=False)
    setup.enter_code(f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}")
    HomePage(invitee).expect_here()
    assert_accessible(invitee)

    # The administrator moves them to another role.
    person.change_role("Safeguarding manager")
    expect(person.role).to_have_text("Safeguarding manager")
    assert User.objects.get(username="jsmith").role == Role.SAFEGUARDING_MANAGER
    assert_accessible(page)

    # They leave: a confirmation page, then their session ends at once.
    person.open_deactivate()
    expect(page.locator("h1")).to_have_text("Deactivate this user")
    expect(page.locator(".govuk-warning-text")).to_contain_text("signed out at once")
    assert_accessible(page)
    person.confirm("Deactivate user")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("was deactivated and signed out")
    expect(UserPage(page).status).to_have_text("Deactivated")
    assert_accessible(page)

    invitee.reload()
    SignInPage(invitee).expect_here()
    invitee_context.close()
