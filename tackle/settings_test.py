"""Settings for the test suite: the production settings, with each test-only difference named here.

Security settings outside DEBUG (secure cookies, HSTS, SSL redirect) are tested separately by
loading tackle.settings in a subprocess with a production environment.
"""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-never-used-in-production")
os.environ.setdefault("TACKLE_AUDIT_KEY", "test-only-audit-key-never-used-in-production")
# The test client and the browser tests speak plain HTTP on loopback.
os.environ.setdefault("TACKLE_HTTPS", "0")

from tackle.settings import *  # noqa: F403

# Hashing with Argon2 in every test that creates a user would slow the suite for no gain in
# coverage; test_security checks that production uses Argon2.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A file, not Django's default in-memory SQLite: the test database then behaves like the real one
# (WAL, closing and reopening connections, a worker in another thread).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"{tempfile.gettempdir()}/tackle-test-{os.getpid()}.sqlite3"}  # noqa: F405
    if "replica" in DATABASES:  # noqa: F405
        DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # noqa: F405

# Each test process appends its audit checkpoints to a file of its own, never the repository's.
TACKLE_AUDIT_CHECKPOINT_FILE = Path(f"{tempfile.gettempdir()}/tackle-test-{os.getpid()}-audit-checkpoints.log")
