"""Single sign-on against a real OpenID Connect provider (django-oauth-toolkit, RS256 with a key
made here) started on the loopback address in a child process. Nothing of Tackle is mocked: the
test client follows the redirects and Tackle's backend calls the provider's token, key and userinfo
endpoints over HTTP."""

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings as django_settings
from django.test import Client

from tackle.accounts.models import User
from tackle.accounts.services import user_deactivate
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.roles import Role

CLIENT_ID, CLIENT_SECRET = "tackle-test", "a-client-secret-for-tests"
CALLBACK = "http://testserver/account/sso/callback"
PASSWORD = "provider-password"
PROVIDER_USERS = [
    {"username": "invited", "email": "Invited.Person@example.gov.uk", "password": PASSWORD},
    {"username": "stranger", "email": "stranger@example.org", "password": PASSWORD},
    {"username": "leaver", "email": "leaver@example.gov.uk", "password": PASSWORD},
]


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    environment = {
        **os.environ,
        "OIDC_TEST_RSA_PRIVATE_KEY": pem,
        "OIDC_TEST_CLIENT_ID": CLIENT_ID,
        "OIDC_TEST_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_TEST_REDIRECT_URI": CALLBACK,
        "OIDC_TEST_USERS": json.dumps(PROVIDER_USERS),
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tackle.accounts.tests.oidc_provider.serve"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        port = process.stdout.readline().strip()
        assert port.isdigit(), "the test provider did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def sso(settings, provider: str) -> str:
    settings.TACKLE_SSO_ENABLED = True
    settings.TACKLE_SSO_PROVIDER_NAME = "Test Council account"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider}/o/authorize/"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider}/o/token/"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider}/o/userinfo/"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{provider}/o/.well-known/jwks.json"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "tackle.accounts.sso.InvitedUserOIDCBackend"]
    return provider


def sign_in_with_provider(client: Client, provider: str, username: str):  # type: ignore[no-untyped-def]
    """Press "Sign in with ..." in Tackle, sign in at the provider, and bring the code back."""
    start = client.get("/account/sso/start")
    assert start.status_code == 302 and start["Location"].startswith(f"{provider}/o/authorize/")
    browser = requests.Session()
    login_page = browser.get(f"{provider}/login")
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.text)
    assert csrf is not None
    signed_in = browser.post(
        f"{provider}/login",
        data={"csrfmiddlewaretoken": csrf.group(1), "username": username, "password": PASSWORD, "next": "/"},
        allow_redirects=False,
    )
    assert signed_in.status_code == 302
    authorised = browser.get(start["Location"], allow_redirects=False)
    assert authorised.status_code == 302 and authorised.headers["Location"].startswith(CALLBACK)
    back = urlsplit(authorised.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def test_an_invited_user_signs_in_matched_by_email(sso, make_user, council_a):
    person = make_user(Role.COUNCILLOR, council_a, email="invited.person@example.gov.uk")
    client = Client()
    response = sign_in_with_provider(client, sso, "invited")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    assert int(client.session["_auth_user_id"]) == person.pk
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN, actor=person).exists()


def test_an_unknown_email_is_refused_and_no_user_is_created(sso, council_a):
    users_before = User.objects.count()
    client = Client()
    response = sign_in_with_provider(client, sso, "stranger")
    assert response.status_code == 302 and response["Location"] == "/account/sso/refused"
    page = client.get(response["Location"])
    assert page.status_code == 403
    assert "Tackle has no active user with that email address" in page.content.decode()
    assert User.objects.count() == users_before and "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action=AuditAction.SIGN_IN_FAILED, note__startswith="Single sign-on").exists()


def test_a_deactivated_user_is_refused(sso, make_user, council_a):
    make_user(Role.COUNCILLOR, council_a, email="leaver@example.gov.uk", is_active=False)
    client = Client()
    response = sign_in_with_provider(client, sso, "leaver")
    assert response["Location"] == "/account/sso/refused" and "_auth_user_id" not in client.session


def test_a_signed_in_user_deactivated_later_is_signed_out(sso, make_user, council_a, admin_a):
    person = make_user(Role.COUNCILLOR, council_a, email="invited.person@example.gov.uk")
    client = Client()
    sign_in_with_provider(client, sso, "invited")
    user_deactivate(user=person, actor=admin_a)
    assert client.get("/").status_code == 302


def test_the_sign_in_page_offers_the_provider_only_when_configured(client, db, settings):
    assert "Sign in with" not in client.get("/account/sign-in").content.decode()
    assert client.get("/account/sso/start").status_code == 404
    assert client.get("/account/sso/callback").status_code == 404
    settings.TACKLE_SSO_ENABLED = True
    settings.TACKLE_SSO_PROVIDER_NAME = "Microsoft"
    assert "Sign in with Microsoft" in client.get("/account/sign-in").content.decode()
