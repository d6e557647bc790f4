"""Signing a test client in as a persona, two-factor included: the conftest's `client_for` fixture
and tests that sign in outside a fixture (the access matrix builds its clients once) share it."""

import uuid

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

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


def two_factor_set_up(user: User) -> None:
    """The user has set up an authenticator app, as anyone who holds an API token must have."""
    TOTPDevice.objects.get_or_create(user=user, name="Test app", defaults={"confirmed": True})


def token_client(user: User, *, scope: str = "write", modules: tuple[str, ...] = ()) -> APIClient:
    """An API client using a new token of the user's (who is given two-factor first)."""
    from tackle.accounts.services import api_token_create

    two_factor_set_up(user)
    _, raw = api_token_create(user=user, name=f"test script {uuid.uuid4().hex[:8]}", scope=scope, modules=modules)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client
