"""Signing a test client in as a persona, two-factor included: the conftest's `client_for` fixture
and tests that sign in outside a fixture (the access matrix builds its clients once) share it."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from tackle.accounts.models import User


def sign_in(client: Client, user: User) -> Client:
    """Sign in as the user, completing two-factor sign-in when their role needs it."""
    client.force_login(user)
    if user.needs_two_factor():
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="Test app", defaults={"confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
