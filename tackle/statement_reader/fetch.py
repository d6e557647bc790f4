"""The statement reader fetches through the kernel's fetcher (core/fetch.py), which webhooks share
for the same checks on an address; these are the names the reader's modules import."""

from tackle.core.fetch import Fetched, FetchError, fetch

__all__ = ["FetchError", "Fetched", "fetch"]
