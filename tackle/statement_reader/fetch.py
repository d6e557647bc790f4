"""Download a file from the web with a time limit and a size limit.

The server, not the person's browser, makes the request, so by default it refuses addresses on the
server's own network (loopback, private ranges), redirects included: a pasted link must not reach
internal systems. STATEMENT_FETCH_ALLOW_PRIVATE=1 lifts that for a closed network (and for tests,
which serve files from a local server).
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

from django.conf import settings

from tackle.core.errors import ApplicationError

USER_AGENT = "Tackle statement reader (council modern slavery duties)"


class FetchError(ApplicationError):
    """The file could not be downloaded; the message says why, for the person who asked."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str
    name: str


def _check_address(url: str, *, allow_private: bool) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise FetchError("The address must start with http:// or https://.")
    if allow_private or settings.STATEMENT_FETCH_ALLOW_PRIVATE:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parsed.hostname, parsed.port or 443)}
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"The address {parsed.hostname} could not be found.") from None
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if not ip.is_global:
            raise FetchError("That address is on a private network, which Tackle does not fetch from.")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private

    def redirect_request(  # type: ignore[override]
        self, req: urllib.request.Request, fp: object, code: int, msg: str, headers: Message, newurl: str
    ) -> urllib.request.Request | None:
        _check_address(newurl, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)  # type: ignore[arg-type]


def fetch(url: str, *, max_bytes: int, timeout: float, allow_private: bool = False) -> Fetched:
    """allow_private: for addresses an administrator configured, not ones a user typed."""
    url = url.strip()
    _check_address(url, allow_private=allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private=allow_private))
    # Only http and https get here: _check_address refused every other scheme.
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"The file is larger than {max_bytes // (1024 * 1024)} MB.")
            data = response.read(max_bytes + 1)
            content_type = response.headers.get("Content-Type", "")
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise FetchError(f"The server answered {error.code} ({error.reason}).") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"The file could not be downloaded ({reason}).") from None
    if len(data) > max_bytes:
        raise FetchError(f"The file is larger than {max_bytes // (1024 * 1024)} MB.")
    name = PurePosixPath(unquote(urlparse(final_url).path)).name
    return Fetched(data=data, content_type=content_type, name=name)
