"""A webhook endpoint's signing secret, sealed at rest (issue 19, item 5).

Tackle must read the secret back to sign each delivery (HMAC), so it cannot be hashed like a
token; it is encrypted instead, with AES-SIV under a key derived from SECRET_KEY by HKDF-SHA256
with this use's own label, from the `cryptography` package already pinned. The administrator is
shown `whsec_` and the base64 of 32 random bytes; the database holds those bytes sealed: 48 bytes,
64 characters, the column's old width. SECRET_KEY_FALLBACKS still open secrets sealed under a
previous SECRET_KEY, so the key can be rotated the way Django rotates it; a secret no key opens
must be rotated on the endpoint's page. A row from before sealing (the secret as shown) is read
as it is until migration 0010 seals it.
"""

import secrets
from base64 import urlsafe_b64decode, urlsafe_b64encode

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PREFIX = "whsec_"
_LABEL = b"tackle webhook signing secret"


class SecretUnreadable(Exception):
    """No key Tackle holds opens this sealed secret (SECRET_KEY changed with no fallback)."""


def _sealer(secret_key: str) -> AESSIV:
    key = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=_LABEL).derive(secret_key.encode())
    return AESSIV(key)


def _shown(raw: bytes) -> str:
    return PREFIX + urlsafe_b64encode(raw).decode().rstrip("=")


def seal(shown: str) -> str:
    """What the database keeps of a secret as shown (`whsec_...`)."""
    encoded = shown.removeprefix(PREFIX)
    raw = urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
    return urlsafe_b64encode(_sealer(settings.SECRET_KEY).encrypt(raw, [_LABEL])).decode()


def new_secret() -> tuple[str, str]:
    """A new secret: as shown to the administrator once, and as the database keeps it."""
    shown = _shown(secrets.token_bytes(32))
    return shown, seal(shown)


def is_sealed(stored: str) -> bool:
    return not stored.startswith(PREFIX)


def signing_secret(stored: str) -> str:
    """The secret as shown, which signs the deliveries, from what the database keeps."""
    if not is_sealed(stored):
        return stored
    sealed = urlsafe_b64decode(stored)
    for secret_key in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            return _shown(_sealer(secret_key).decrypt(sealed, [_LABEL]))
        except InvalidTag:
            continue
    raise SecretUnreadable
