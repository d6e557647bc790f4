"""A role that sees personal data must set up two-factor sign-in before anything else."""

import base64
import re

import pytest
from accessibility import assert_accessible
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pages import HomePage, SignInPage, TwoFactorSetupPage
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_lead_sets_up_two_factor_then_signs_out(page: Page, live_server, lead_a) -> None:
    # lead_a is not a demo user and demo mode is off, so two-factor sign-in is required.
    SignInPage(page).open().sign_in(lead_a.username, "correct-horse-battery")

    expect(page).to_have_url(re.compile(r"/account/two-factor/setup\?next=/$"))
    setup = TwoFactorSetupPage(page)
    expect(setup.heading).to_have_text("Set up two-factor sign-in")
    assert_accessible(page)

    # A wrong-length code shows the GOV.UK error state, which must be accessible too.
    setup.enter_code("12345")
    expect(setup.error_summary).to_contain_text("The code must be 6 digits")
    assert_accessible(page)

    # Compute the code as an authenticator app would, from the key shown on the page.
    key = base64.b32decode(setup.secret())
    device = TOTPDevice.objects.get(user=lead_a, confirmed=False)
    assert device.bin_key == key, "the key on the page must be the one the device checks against"
    code = totp(key, step=device.step, t0=device.t0, digits=device.digits)
    setup.enter_code(f"{code:0{device.digits}d}")

    home = HomePage(page)
    home.expect_here()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Two-factor sign-in is set up")
    expect(home.organisation_name).to_have_text(lead_a.organisation.name)
    assert_accessible(page)

    sign_in = home.sign_out()
    sign_in.expect_here()
    expect(page).to_have_url(f"{live_server.url}/account/sign-in")
    expect(home.organisation_name).to_have_count(0)
