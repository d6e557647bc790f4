import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tackle.core.access import PERSONAL_DATA_ROLES
from tackle.core.roles import Role


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift):06d}"


def _password_sign_in(client, user):
    client.post(reverse("accounts:sign-in"), {"username": user.username, "password": "correct-horse-battery"})


@pytest.mark.parametrize("role", sorted(PERSONAL_DATA_ROLES))
def test_personal_data_roles_must_set_up_two_factor_first(client, make_user, council_a, role):
    _password_sign_in(client, make_user(role, council_a))
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two-factor-setup"))


@pytest.mark.parametrize("role", [Role.COUNCILLOR])
def test_roles_without_personal_data_go_straight_in(client, make_user, council_a, role):
    _password_sign_in(client, make_user(role, council_a))
    assert client.get("/").status_code == 200


def test_setting_up_an_app_then_entering_its_code_lets_the_lead_in(client, lead_a):
    _password_sign_in(client, lead_a)
    page = client.get(reverse("accounts:two-factor-setup"))
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=lead_a, confirmed=False)
    response = client.post(reverse("accounts:two-factor-setup"), {"code": _code(device), "next": "/"})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/").status_code == 200


def test_a_wrong_code_keeps_the_user_out(client, lead_a):
    TOTPDevice.objects.create(user=lead_a, name="app", confirmed=True)
    _password_sign_in(client, lead_a)
    assert client.get("/")["Location"].startswith(reverse("accounts:two-factor-verify"))
    response = client.post(reverse("accounts:two-factor-verify"), {"code": "000000"})
    assert "The code is not right" in response.content.decode()
    assert client.get("/").status_code == 302


def test_the_right_code_on_verify_lets_the_user_in(client, lead_a):
    device = TOTPDevice.objects.create(user=lead_a, name="app", confirmed=True)
    _password_sign_in(client, lead_a)
    client.post(reverse("accounts:two-factor-verify"), {"code": _code(device)})
    assert client.get("/").status_code == 200


def test_next_cannot_send_the_user_off_site(client, lead_a):
    device = TOTPDevice.objects.create(user=lead_a, name="app", confirmed=True)
    _password_sign_in(client, lead_a)
    response = client.post(
        reverse("accounts:two-factor-verify"), {"code": _code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_demo_users_skip_two_factor_only_in_demo_mode(client, make_user, council_a, settings):
    demo_lead = make_user(Role.MODERN_SLAVERY_LEAD, council_a, is_demo=True)
    settings.TACKLE_DEMO = True
    assert not demo_lead.needs_two_factor()
    settings.TACKLE_DEMO = False
    assert demo_lead.needs_two_factor()


def test_session_expires_after_thirty_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
