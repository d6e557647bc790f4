"""Small helpers that read settings from the environment and refuse bad values."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

# Written once by `make run` (tools/write_local_settings.py), git-ignored: a developer's machine gets
# a generated secret and demo mode, so every `tackle` command works from a new shell. A deployment
# has no such file and sets its environment instead. TACKLE_LOCAL_SETTINGS names another file, or
# "" for none.
LOCAL_SETTINGS_FILE = Path(__file__).resolve().parent.parent / "tackle.local.env"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def database_from_url(url: str) -> dict[str, object]:
    """Turn a DATABASE_URL into a Django DATABASES entry (sqlite:/// or postgres://)."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        # sqlite:///relative.db gives "/relative.db"; sqlite:////abs.db gives "//abs.db".
        name = path[1:] if path.startswith("/") else path
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name or ":memory:"}
    if parsed.scheme in {"postgres", "postgresql"}:
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        host = options.pop("host", None) or unquote(parsed.hostname or "")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": host,
            "PORT": str(parsed.port or ""),
            "OPTIONS": options,
            "CONN_MAX_AGE": env_int("DATABASE_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(f"DATABASE_URL must start with sqlite:// or postgres://; got {parsed.scheme!r}")


def file_storage_from_env() -> dict[str, object]:
    """The STORAGES["default"] entry for uploads and case documents (docs/deployment.md): the file
    system under MEDIA_ROOT for one machine, or, with TACKLE_FILE_STORAGE=s3, an S3-compatible bucket
    that every app server and task worker reaches. Objects are private (no public ACL, no URL handed
    out: files leave only through the permission-checked downloads) and encrypted at rest."""
    kind = env_str("TACKLE_FILE_STORAGE", "filesystem").strip().lower()
    if kind == "filesystem":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"TACKLE_FILE_STORAGE must be filesystem or s3; got {kind!r}")
    bucket = env_str("TACKLE_S3_BUCKET", "").strip()
    if not bucket:
        raise ImproperlyConfigured("TACKLE_FILE_STORAGE is s3, so TACKLE_S3_BUCKET must name the bucket.")
    encryption = env_str("TACKLE_S3_ENCRYPTION", "AES256").strip()
    if encryption not in {"AES256", "aws:kms"}:
        raise ImproperlyConfigured(f"TACKLE_S3_ENCRYPTION must be AES256 or aws:kms; got {encryption!r}")
    object_parameters = {"ServerSideEncryption": encryption}
    if encryption == "aws:kms" and env_str("TACKLE_S3_KMS_KEY_ID", ""):
        object_parameters["SSEKMSKeyId"] = env_str("TACKLE_S3_KMS_KEY_ID", "")
    options: dict[str, object] = {
        "bucket_name": bucket,
        "location": env_str("TACKLE_S3_PREFIX", "").strip("/"),
        "object_parameters": object_parameters,
        "default_acl": "private",
        # A name already taken gets a new one rather than replacing another record's file.
        "file_overwrite": False,
        "querystring_auth": True,
    }
    # Unset keys leave boto3 to its own chain (AWS_ACCESS_KEY_ID, an instance or workload role).
    for option, name in (
        ("endpoint_url", "TACKLE_S3_ENDPOINT_URL"),
        ("region_name", "TACKLE_S3_REGION"),
        ("access_key", "TACKLE_S3_ACCESS_KEY_ID"),
        ("secret_key", "TACKLE_S3_SECRET_ACCESS_KEY"),
    ):
        if env_str(name, ""):
            options[option] = env_str(name, "")
    if "endpoint_url" in options:
        options["addressing_style"] = "path"  # a self-hosted server rarely has a name per bucket
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def load_local_settings() -> Path | None:
    """Fill the environment variables not already set from the local settings file, if there is one.
    The environment always wins, so a deployment's own settings are never overridden."""
    named = os.environ.get("TACKLE_LOCAL_SETTINGS")
    path = LOCAL_SETTINGS_FILE if named is None else (Path(named) if named else None)
    if path is None or not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        name, equals, value = text.partition("=")
        if not equals or not name.strip().isidentifier():
            raise ImproperlyConfigured(f"{path}, line {number}: write each setting as NAME=value")
        os.environ.setdefault(name.strip(), value.strip())
    return path
