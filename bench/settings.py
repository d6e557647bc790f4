"""The production settings plus one bench-only URL, so the reference view runs in the same server."""

from tackle.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
