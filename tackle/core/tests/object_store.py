"""A real S3-compatible server for tests: moto's server mode, started as a subprocess on a free
loopback port, and a bucket of each test's own. Tackle reaches it through django-storages exactly
as it would reach a deployment's bucket (docs/deployment.md); nothing of Tackle is mocked.
The root conftest loads this module as a plugin, so any test may ask for `object_storage`."""

import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest

from tackle.env import file_storage_from_env

HOST = "127.0.0.1"
# Moto takes any keys; these are what a deployment would set (TACKLE_S3_*), passed the same way.
ACCESS_KEY, SECRET_KEY, REGION = "tackle-test", "tackle-test-secret", "eu-west-2"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server() -> Iterator[str]:
    """moto's S3 server in its own process for the whole session; yields its endpoint URL."""
    port = _free_port()
    command = [sys.executable, "-m", "moto.server", "-H", HOST, "-p", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection((HOST, port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"moto's server did not start on {endpoint}") from None
                time.sleep(0.1)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass(frozen=True)
class ObjectStorage:
    endpoint: str
    bucket: str

    def env(self) -> dict[str, str]:
        """The settings a deployment sets to use this bucket (docs/deployment.md)."""
        return {
            "TACKLE_FILE_STORAGE": "s3",
            "TACKLE_S3_BUCKET": self.bucket,
            "TACKLE_S3_ENDPOINT_URL": self.endpoint,
            "TACKLE_S3_REGION": REGION,
            "TACKLE_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "TACKLE_S3_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def client(self) -> Any:
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def object_keys(self) -> list[str]:
        listed = self.client().list_objects_v2(Bucket=self.bucket)
        return sorted(item["Key"] for item in listed.get("Contents", []))


@pytest.fixture
def object_storage(s3_server: str, settings: Any, monkeypatch: pytest.MonkeyPatch) -> ObjectStorage:
    """A new, empty bucket made the default storage, configured through the environment as a
    deployment configures it. MEDIA_ROOT is pointed at nothing, so a write to disk would fail."""
    storage = ObjectStorage(endpoint=s3_server, bucket=f"tackle-{secrets.token_hex(6)}")
    storage.client().create_bucket(Bucket=storage.bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    for name, value in storage.env().items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": file_storage_from_env()}
    settings.MEDIA_ROOT = os.devnull + "/no-media-root-with-object-storage"
    return storage
