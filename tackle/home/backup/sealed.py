"""A backup file sealed with a key from the environment: AES-256 in counter mode, then an
HMAC-SHA-256 over everything before the tag (encrypt-then-MAC), both keys derived from
TACKLE_BACKUP_KEY by HKDF with a random salt. Written and read in chunks, so a backup of any size
needs little memory; the tag is checked over the whole file before anything is decrypted.

    MAGIC (16 bytes) | salt (16) | counter block (16) | ciphertext | HMAC tag (32)
"""

import hashlib
import hmac
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"TACKLE-BACKUP-1\n"
HEADER = len(MAGIC) + 16 + 16
TAG = 32
CHUNK = 1024 * 1024
MIN_KEY_CHARS = 32


class SealError(Exception):
    """The file is not a Tackle backup, was changed, or was sealed with another key."""


def _keys(secret: str, salt: bytes) -> tuple[bytes, bytes]:
    if len(secret) < MIN_KEY_CHARS:
        raise SealError(f"TACKLE_BACKUP_KEY must be set, at least {MIN_KEY_CHARS} characters.")
    derived = HKDF(algorithm=hashes.SHA256(), length=64, salt=salt, info=b"tackle backup v1").derive(secret.encode())
    return derived[:32], derived[32:]


class SealedWriter:
    """A write-only file object: what is written is encrypted into `out`; close() adds the tag."""

    def __init__(self, out: BinaryIO, secret: str) -> None:
        salt, counter = os.urandom(16), os.urandom(16)
        encryption_key, mac_key = _keys(secret, salt)
        self._out = out
        self._encryptor = Cipher(algorithms.AES(encryption_key), modes.CTR(counter)).encryptor()
        self._mac = hmac.new(mac_key, digestmod=hashlib.sha256)
        self._emit(MAGIC + salt + counter)

    def _emit(self, data: bytes) -> None:
        self._out.write(data)
        self._mac.update(data)

    def write(self, data: bytes) -> int:
        self._emit(self._encryptor.update(bytes(data)))
        return len(data)

    def close(self) -> None:
        self._emit(self._encryptor.finalize())
        self._out.write(self._mac.digest())


def _header_and_keys(path: Path, secret: str) -> tuple[bytes, bytes, bytes, int]:
    size = path.stat().st_size
    with path.open("rb") as file:
        header = file.read(HEADER)
    if size < HEADER + TAG or not header.startswith(MAGIC):
        raise SealError(f"{path} is not a Tackle backup.")
    encryption_key, mac_key = _keys(secret, header[len(MAGIC) : len(MAGIC) + 16])
    return header, encryption_key, mac_key, size - HEADER - TAG


def _ciphertext(path: Path, length: int) -> Iterator[bytes]:
    with path.open("rb") as file:
        file.seek(HEADER)
        while length > 0:
            chunk = file.read(min(CHUNK, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk


def verify(path: Path, secret: str) -> None:
    """Raise SealError unless the whole file carries a tag made with this key."""
    header, _encryption_key, mac_key, length = _header_and_keys(path, secret)
    mac = hmac.new(mac_key, header, digestmod=hashlib.sha256)
    for chunk in _ciphertext(path, length):
        mac.update(chunk)
    with path.open("rb") as file:
        file.seek(HEADER + length)
        tag = file.read(TAG)
    if not hmac.compare_digest(mac.digest(), tag):
        raise SealError(f"{path} was changed after it was made, or was made with another TACKLE_BACKUP_KEY.")


class SealedReader:
    """A read-only file object over the decrypted contents. Call verify() first."""

    def __init__(self, path: Path, secret: str) -> None:
        header, encryption_key, _mac_key, length = _header_and_keys(path, secret)
        self._decryptor = Cipher(algorithms.AES(encryption_key), modes.CTR(header[-16:])).decryptor()
        self._chunks = _ciphertext(path, length)
        self._buffer = b""

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += self._decryptor.update(chunk)
        if size < 0:
            size = len(self._buffer)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data
