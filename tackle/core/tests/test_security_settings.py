"""Production settings, read by a fresh interpreter with a production environment."""

import json
import os
import subprocess
import sys

import pytest

_PROBE = """
import json
from tackle import settings as s
print(json.dumps({
    "hasher": s.PASSWORD_HASHERS[0],
    "session_secure": s.SESSION_COOKIE_SECURE,
    "csrf_secure": s.CSRF_COOKIE_SECURE,
    "hsts": s.SECURE_HSTS_SECONDS,
    "ssl_redirect": s.SECURE_SSL_REDIRECT,
    "session_age": s.SESSION_COOKIE_AGE,
    "csp_script": [str(v) for v in s.SECURE_CSP["script-src"]],
}))
"""


def _settings_with(**env: str) -> dict:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "TACKLE_DEMO", "TACKLE_HTTPS", "SECRET_KEY", "TACKLE_AUDIT_KEY"}
    }
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE], env={**clean, **env}, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        return {"error": completed.stderr}
    return json.loads(completed.stdout)


def test_production_uses_argon2_secure_cookies_hsts_and_no_inline_script():
    values = _settings_with(SECRET_KEY="x" * 50, TACKLE_AUDIT_KEY="k" * 32)
    assert values["hasher"].endswith("Argon2PasswordHasher")
    assert values["session_secure"] and values["csrf_secure"] and values["ssl_redirect"]
    assert values["hsts"] >= 31536000
    assert values["session_age"] == 1800
    assert values["csp_script"] == ["'self'"]


def test_debug_relaxes_https_only():
    values = _settings_with(DEBUG="1")
    assert not values["session_secure"] and values["hsts"] == 0


def test_production_refuses_to_start_without_a_secret_key():
    values = _settings_with()
    assert "SECRET_KEY must be set" in values["error"]


def test_production_refuses_to_start_without_an_audit_key():
    assert "TACKLE_AUDIT_KEY must be set" in _settings_with(SECRET_KEY="x" * 50, TACKLE_AUDIT_KEY="")["error"]
    assert "TACKLE_AUDIT_KEY must be set" in _settings_with(SECRET_KEY="x" * 50, TACKLE_AUDIT_KEY="short")["error"]


def test_demo_mode_needs_no_audit_key_but_refuses_an_empty_one():
    assert _settings_with(TACKLE_DEMO="1", TACKLE_AUDIT_KEY="")["error"]  # set but empty is refused too
    assert "error" not in _settings_with(TACKLE_DEMO="1")


def test_a_malformed_boolean_is_refused_with_its_name():
    values = _settings_with(SECRET_KEY="x" * 50, TACKLE_AUDIT_KEY="k" * 32, TACKLE_DEMO="perhaps")
    assert "TACKLE_DEMO must be one of" in values["error"]


def test_pages_send_a_content_security_policy_without_inline_script(client, db):
    response = client.get("/account/sign-in")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.content.decode()


def test_a_static_cdn_origin_is_allowed_for_assets_only():
    values = _settings_with(SECRET_KEY="x" * 50, TACKLE_AUDIT_KEY="k" * 32, STATIC_CDN_ORIGIN="https://cdn.example.org")
    assert values["csp_script"] == ["'self'", "https://cdn.example.org"]


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_a_replica_url_adds_the_reporting_alias(settings):
    from tackle.core.db import reporting_alias

    assert reporting_alias() == "default"
    settings.DATABASES = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
    assert reporting_alias() == "replica"
