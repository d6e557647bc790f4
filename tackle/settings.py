"""Tackle settings: one file, read from the environment (see .env.example)."""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

from django.utils.csp import CSP

from tackle.env import database_from_url, env_bool, env_int, env_list, env_str, file_storage_from_env

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
TACKLE_DEMO = env_bool("TACKLE_DEMO", False)
# Shared reference data lives outside the repository; every reader goes through this one setting.
TACKLE_SHARED_DATA = Path(env_str("TACKLE_SHARED_DATA", str(BASE_DIR.parent / "shared" / "data")))
# The Home Office modern slavery statement registry's yearly CSV; {year} is replaced by the year.
REGISTRY_DOWNLOAD_URL = env_str("REGISTRY_DOWNLOAD_URL", "")
# Statement links are fetched by the server: private and loopback addresses are refused unless 1.
STATEMENT_FETCH_ALLOW_PRIVATE = env_bool("STATEMENT_FETCH_ALLOW_PRIVATE", False)

_INSECURE_DEV_KEY = "insecure-development-key-only-for-debug-and-demo"
SECRET_KEY = env_str("SECRET_KEY", _INSECURE_DEV_KEY if (DEBUG or TACKLE_DEMO) else "")
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be set when neither DEBUG nor TACKLE_DEMO is on.")
# Earlier values of SECRET_KEY, comma-separated, while rotating it: sessions and the webhook secrets
# sealed under an old key (accounts/webhook_secrets.py) still open.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", [])

# Keys the audit log's hashes and checkpoints (HMAC-SHA-256). It must never be stored in the
# database: whoever can rewrite the log there must not also be able to recompute it.
_INSECURE_DEV_AUDIT_KEY = "insecure-development-audit-key-only-for-debug-and-demo"
TACKLE_AUDIT_KEY = env_str("TACKLE_AUDIT_KEY", _INSECURE_DEV_AUDIT_KEY if (DEBUG or TACKLE_DEMO) else "")
TACKLE_AUDIT_KEY_IS_DEVELOPMENT = TACKLE_AUDIT_KEY == _INSECURE_DEV_AUDIT_KEY
if len(TACKLE_AUDIT_KEY) < 32:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "TACKLE_AUDIT_KEY must be set, at least 32 characters, when neither DEBUG nor TACKLE_DEMO is on."
    )
# Seals `tackle backup create` files (AES-256 and an HMAC, keys derived from it); needed to restore
# them. Kept apart from the backups, like the audit key; the commands refuse one under 32 characters.
TACKLE_BACKUP_KEY = env_str("TACKLE_BACKUP_KEY", "")
# `tackle audit checkpoint` appends signed checkpoints here; a deployment ships the file elsewhere.
TACKLE_AUDIT_CHECKPOINT_FILE = Path(env_str("TACKLE_AUDIT_CHECKPOINT_FILE", "") or BASE_DIR / "audit-checkpoints.log")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Before django.contrib.auth, so that its createsuperuser (which checks the password) wins.
    "tackle.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # Before django_tasks_db, so that its db_worker (which survives a locked database) wins.
    "tackle.core",
    "django_tasks_db",
    "tackle.audit",
    "tackle.cases",
    "tackle.statements",
    "tackle.training",
    "tackle.scrutiny",
    "tackle.reporting",
    "tackle.suppliers",
    "tackle.spend",
    "tackle.disrupt",
    "tackle.targeting",
    "tackle.statement_reader",
    "tackle.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions (it reads the chosen language there), before common (which may redirect).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tackle.core.middleware.NoStoreForSignedInUsers",
    "django_otp.middleware.OTPMiddleware",
    "tackle.accounts.middleware.RequireTwoFactorMiddleware",
    # After authentication: the signed-in person's own choice of language wins (issue 21).
    "tackle.accounts.middleware.LanguageOfTheUser",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tackle.urls"
WSGI_APPLICATION = "tackle.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tackle.core.context_processors.tackle",
                "tackle.accounts.context_processors.notifications",
                "tackle.accounts.context_processors.language_switch",
            ],
        },
    },
]
FORM_RENDERER = "tackle.core.forms.GovukFormRenderer"

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'tackle.sqlite3'}")),
}
# An optional read replica for reporting: selectors that count and export use
# tackle.core.db.reporting_alias(); everything that writes, or must read its own writes, uses default.
_REPLICA_URL = env_str("DATABASE_REPLICA_URL", "")
if _REPLICA_URL:
    DATABASES["replica"] = database_from_url(_REPLICA_URL)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker and the web server read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_LOCK_TIMEOUT_SECONDS", 20, minimum=1),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home:dashboard"
LOGOUT_REDIRECT_URL = "accounts:sign-in"

# Lock an account out after repeated failures, whatever address the attempts come from.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30, minimum=1))
# Wrong passwords lock a username only from the address they came from, so a stranger cannot lock a
# named person out everywhere; an address with too many failures across usernames (password
# spraying) is shut out for the cool-off too (tackle/accounts/lockout.py). Addresses are read as the
# audit log reads them, so behind a proxy it is the client's, not the proxy's.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "tackle.accounts.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "tackle.audit.services.client_ip"
TACKLE_SIGN_IN_ADDRESS_LIMIT = env_int("TACKLE_SIGN_IN_ADDRESS_LIMIT", 50, minimum=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Lockout is per username, not per address: a council office shares one address, and locking it
# would lock everyone out after one person mistypes. Attempts are still audited with their address.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

OTP_TOTP_ISSUER = "Tackle"

# Sessions end after 30 minutes without a request.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30, minimum=1) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Outside DEBUG the app expects HTTPS. TACKLE_HTTPS=0 is for plain HTTP on loopback only (make run).
TACKLE_HTTPS = env_bool("TACKLE_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = TACKLE_HTTPS
CSRF_COOKIE_SECURE = TACKLE_HTTPS
LANGUAGE_COOKIE_SECURE = TACKLE_HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = TACKLE_HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000 if TACKLE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = TACKLE_HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
# How many proxies in front of the app append to X-Forwarded-For: the audit log takes the address
# that many entries from the right, which a client cannot forge.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1, minimum=1)
SECURE_REDIRECT_EXEMPT = [r"^api/v1/health$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Static files may come from a CDN (STATIC_URL); its origin is then allowed for static assets only.
STATIC_CDN_ORIGIN = env_str("STATIC_CDN_ORIGIN", "")
_STATIC_SOURCES = [CSP.SELF, *([STATIC_CDN_ORIGIN] if STATIC_CDN_ORIGIN else [])]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": _STATIC_SOURCES,
    "style-src": _STATIC_SOURCES,
    "img-src": [*_STATIC_SOURCES, "data:"],
    "font-src": _STATIC_SOURCES,
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Where people reach this Tackle; used in links inside emails.
TACKLE_BASE_URL = env_str("TACKLE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
        "OPTIONS": {
            key: value
            for key, value in {
                "host": env_str("EMAIL_HOST", ""),
                "port": env_int("EMAIL_PORT", 0),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", False),
            }.items()
            if value
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "tackle@localhost")
# Days an invitation link (to set a new user's password) stays valid.
TACKLE_INVITATION_DAYS = env_int("TACKLE_INVITATION_DAYS", 7, minimum=1)
# Whose accessibility statement, privacy notice, cookies and contact pages a signed-out visitor reads
# (an organisation's code); empty: the only council on this instance (tackle/home/selectors.py).
TACKLE_SERVICE_ORGANISATION = env_str("TACKLE_SERVICE_ORGANISATION", "")

# Optional single sign-on with the council's OpenID Connect provider (Microsoft Entra ID and others):
# off unless OIDC_CLIENT_ID is set. It signs in only users an administrator invited, matched by email.
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
TACKLE_SSO_ENABLED = bool(OIDC_RP_CLIENT_ID)
TACKLE_SSO_PROVIDER_NAME = env_str("OIDC_PROVIDER_NAME", "your organisation's account")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = env_str("OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # an unknown email is refused, never given an account
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso-callback"
LOGIN_REDIRECT_URL_FAILURE = "/account/sso/refused"
if TACKLE_SSO_ENABLED:
    _missing = [
        name
        for name, value in {
            "OIDC_CLIENT_SECRET": OIDC_RP_CLIENT_SECRET,
            "OIDC_AUTHORIZATION_ENDPOINT": OIDC_OP_AUTHORIZATION_ENDPOINT,
            "OIDC_TOKEN_ENDPOINT": OIDC_OP_TOKEN_ENDPOINT,
            "OIDC_USERINFO_ENDPOINT": OIDC_OP_USER_ENDPOINT,
            "OIDC_JWKS_ENDPOINT": OIDC_OP_JWKS_ENDPOINT,
        }.items()
        if not value
    ]
    if _missing:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"OIDC_CLIENT_ID is set, so {', '.join(_missing)} must be set too.")
    AUTHENTICATION_BACKENDS.append("tackle.accounts.sso.InvitedUserOIDCBackend")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# English and Welsh (issue 21; docs/i18n.md). Each name is written in its own language, as the switch
# shows it. Catalogues are compiled from locale/ by `make setup`.
USE_I18N = True
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = env_str("STATIC_URL", "/static/")
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Case documents live in a private folder that neither the web server nor a CDN serves. They leave
# only through cases:document-download, which checks permission and audits. No MEDIA_URL on purpose.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Large uploads are written here while a request is read; a folder of Tackle's own, so that
# `tackle files sweep` can remove the copies a killed process left (core.apps creates it).
FILE_UPLOAD_TEMP_DIR = env_str("TACKLE_UPLOAD_TEMP_DIR", "") or str(
    Path(tempfile.gettempdir()) / f"tackle-uploads-{os.getuid()}"
)
# Spend screening uploads: the largest file, and what one organisation's spend files may take in all.
TACKLE_SPEND_MAX_FILE_BYTES = env_int("TACKLE_SPEND_MAX_FILE_MB", 100, minimum=1) * 1024 * 1024
TACKLE_SPEND_QUOTA_BYTES = env_int("TACKLE_SPEND_QUOTA_MB", 2048, minimum=1) * 1024 * 1024

# Uploads and case documents: MEDIA_ROOT on one machine, or a private, encrypted S3-compatible
# bucket shared by every app server and worker (TACKLE_FILE_STORAGE=s3; tackle/env.py).
STORAGES = {
    "default": file_storage_from_env(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG

TASKS = {
    "default": {
        "BACKEND": env_str("TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
# The worker writes a heartbeat this often and extends the lease of the run it is working on; a
# run whose lease has expired lost its worker and is marked failed. Health says "degraded" when no
# worker has been seen for three heartbeats or a task has waited longer than TASK_QUEUE_STALE_SECONDS.
TASK_WORKER_HEARTBEAT_SECONDS = env_int("TASK_WORKER_HEARTBEAT_SECONDS", 10, minimum=1)
TASK_RUN_LEASE_SECONDS = env_int("TASK_RUN_LEASE_SECONDS", 120, minimum=1)
TASK_QUEUE_STALE_SECONDS = env_int("TASK_QUEUE_STALE_SECONDS", 300, minimum=1)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "tackle.accounts.api_auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "tackle.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Tackle API",
    "DESCRIPTION": "Modern slavery casework, supply chains and reporting for councils.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # One name for a choice set that two fields share, or that shares its field's name with another.
    "ENUM_NAME_OVERRIDES": {
        "FlagKindEnum": "tackle.disrupt.choices.FlagKind",
        "OperationKindEnum": "tackle.disrupt.choices.OperationKind",
        "PremisesTypeEnum": "tackle.disrupt.choices.PremisesType",
        "ActionStatusEnum": "tackle.statements.models.ActionStatus",
        "StatementStatusEnum": "tackle.statements.models.StatementStatus",
        "CommitmentStatusEnum": "tackle.statements.models.CommitmentStatus",
        "MaterialKindEnum": "tackle.training.models.MaterialKind",
        "ServiceKindEnum": "tackle.training.models.ServiceKind",
        "NrmEventKindEnum": "tackle.cases.models.NrmEventKind",
        "SanctionKindEnum": "tackle.suppliers.models.SanctionKind",
        "ReleaseKindEnum": "tackle.reporting.models.ReleaseKind",
        "NeedsAssessmentKindEnum": "tackle.cases.models.NeedsAssessmentKind",
        # Issue 19: every other field name shared by two choice sets (area, kind, status, ...) or one choice
        # set offered under two field names, so that no component gets a hashed name such as StatusD4bEnum.
        "ActionAreaEnum": "tackle.statements.models.Area",
        "NrmOutcomeEnum": "tackle.cases.models.NrmOutcome",
        "ReferralStatusEnum": "tackle.cases.models.ReferralStatus",
        "ExplanationKindEnum": "tackle.cases.models.explanation.KIND_CHOICES",
        "ExplanationLanguageEnum": "tackle.cases.rules.pick_lists.LANGUAGES",
        "SpendImportStatusEnum": "tackle.spend.models.ImportStatus",
        "ContractStatusEnum": "tackle.suppliers.models.ContractStatus",
        "SectorEnum": "tackle.suppliers.sectors.Sector",
        "SpendCategoryEnum": "tackle.scrutiny.models.SpendCategory",
        "CourseFormatEnum": "tackle.training.models.CourseFormat",
        "GroupLevelEnum": "tackle.training.models.GroupLevel",
        "SelfAssessmentQuestionEnum": "tackle.scrutiny.themes.QUESTION_KEYS",
        "SelfAssessmentAnswerEnum": "tackle.scrutiny.api.assessments.ANSWERS",
        "WebhookEventEnum": "tackle.accounts.models.WebhookEvent",
        "HealthCheckResultEnum": "tackle.core.api.CHECK_RESULTS",
        "SettableActionStatusEnum": "tackle.statements.api.plan.SETTABLE_ACTION_STATUSES",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tackle.core.api_schema.document_error_answers",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {"forbidden_in_one_line": {"()": "tackle.core.logs.ForbiddenInOneLine"}},
    "loggers": {"django.request": {"filters": ["forbidden_in_one_line"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
