"""Reach a web address from the server within one deadline and a size limit: download a file
(the statement reader, the registry) or post an event (webhooks).

The server, not the person's browser, makes the request, so by default it refuses addresses on the
server's own network (loopback, private ranges), redirects included: a pasted link must not reach
internal systems. STATEMENT_FETCH_ALLOW_PRIVATE=1 lifts that for a closed network (and for tests,
which serve files from a local server).

The name is looked up once and the connection made to the address that was checked (the Host
header and the TLS server name keep the name), so a DNS server that answers differently the second
time cannot steer the request to loopback. The deadline covers the whole fetch, redirects and
every byte: a server that drips its answer is cut off when it passes.
"""

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlparse

from django.conf import settings

from tackle.core.error_wording import (
    ANSWERED,
    FETCH_TOO_BIG,
    HOST_UNKNOWN,
    NOT_DOWNLOADED,
    NOT_HTTP,
    ONE_SECOND,
    PRIVATE,
    REDIRECTS,
    SECONDS,
    UNREACHABLE,
    worded,
)
from tackle.core.errors import ApplicationError

USER_AGENT = "Tackle statement reader (council modern slavery duties)"
WEBHOOK_USER_AGENT = "Tackle webhooks (council modern slavery duties)"
MOST_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024


class FetchError(ApplicationError):
    """The file could not be downloaded; the message says why, for the person who asked, and
    `english` says it for whoever stores it (error_wording)."""

    def __init__(self, message: str, english: str | None = None) -> None:
        super().__init__(message)
        self.english = message if english is None else english


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str
    name: str


def _checked_address(url: str, *, allow_private: bool) -> str:
    """The one address this URL's host will be reached at, after checking it."""
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise FetchError(*worded(NOT_HTTP))
    try:
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        infos = socket.getaddrinfo(parsed.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        raise FetchError(*worded(HOST_UNKNOWN, {"host": parsed.hostname})) from None
    addresses = [str(info[4][0]).split("%")[0] for info in infos]
    private = not all(ipaddress.ip_address(address).is_global for address in addresses)
    if private and not (allow_private or settings.STATEMENT_FETCH_ALLOW_PRIVATE):
        raise FetchError(*worded(PRIVATE))
    # http.client reads "host:port" from the host it is given, so an IPv6 address keeps brackets.
    return f"[{addresses[0]}]" if ":" in addresses[0] else addresses[0]


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the checked address but verifies the certificate for the name."""

    def __init__(self, address: str, port: int, *, server_name: str, timeout: float) -> None:
        super().__init__(address, port, timeout=timeout, context=ssl.create_default_context())
        self.server_name = server_name

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.server_name)  # type: ignore[attr-defined]


def _connection(url: str, address: str, remaining: float) -> http.client.HTTPConnection:
    parsed = urlparse(url)
    if parsed.scheme == "https":
        return _PinnedHTTPSConnection(address, parsed.port or 443, server_name=str(parsed.hostname), timeout=remaining)
    return http.client.HTTPConnection(address, parsed.port or 80, timeout=remaining)


def _too_slow(timeout: float) -> FetchError:
    return (
        FetchError(*worded(ONE_SECOND)) if timeout == 1 else FetchError(*worded(SECONDS, {"seconds": f"{timeout:g}"}))
    )


def _too_large(max_bytes: int) -> FetchError:
    return FetchError(*worded(FETCH_TOO_BIG, {"megabytes": max_bytes // (1024 * 1024)}))


def _get(url: str, address: str, *, deadline: float, max_bytes: int) -> tuple[int, str, str, bytes]:
    """One request: (status, Location, Content-Type, body). A timer closes the socket at the
    deadline, so that no read, however slow its bytes arrive, outlives it."""
    connection = _connection(url, address, max(deadline - time.monotonic(), 0.01))
    watchdog = threading.Timer(max(deadline - time.monotonic(), 0), connection.close)
    watchdog.start()
    try:
        parsed = urlparse(url)
        path = (parsed.path or "/") + (f"?{parsed.query}" if parsed.query else "")
        connection.request("GET", path, headers={"Host": parsed.netloc, "User-Agent": USER_AGENT})
        response = connection.getresponse()
        declared = response.headers.get("Content-Length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
            raise _too_large(max_bytes)
        chunks: list[bytes] = []
        received = 0
        while response.status == 200 and received <= max_bytes:
            if time.monotonic() >= deadline:
                raise TimeoutError
            chunk = response.read1(CHUNK_BYTES)
            if not chunk:
                break
            chunks.append(chunk)
            received += len(chunk)
        if time.monotonic() >= deadline:
            raise TimeoutError
        location = response.headers.get("Location", "")
        return response.status, location, response.headers.get("Content-Type", ""), b"".join(chunks)
    finally:
        watchdog.cancel()
        connection.close()


def fetch(url: str, *, max_bytes: int, timeout: float, allow_private: bool = False) -> Fetched:
    """timeout: seconds for the whole fetch, redirects included.
    allow_private: for addresses an administrator configured, not ones a user typed."""
    url = url.strip()
    deadline = time.monotonic() + timeout
    for _ in range(MOST_REDIRECTS + 1):
        address = _checked_address(url, allow_private=allow_private)
        try:
            status, location, content_type, data = _get(url, address, deadline=deadline, max_bytes=max_bytes)
        except FetchError:
            raise
        except (TimeoutError, http.client.HTTPException, OSError, ValueError) as error:
            if time.monotonic() >= deadline:
                raise _too_slow(timeout) from None
            raise FetchError(*worded(NOT_DOWNLOADED, {"error": error})) from None
        if status in {301, 302, 303, 307, 308} and location:
            url = urljoin(url, location)
            continue
        if status != 200:
            raise FetchError(
                *worded(ANSWERED, {"status": status, "reason": http.client.responses.get(status, "unknown")})
            )
        if len(data) > max_bytes:
            raise _too_large(max_bytes)
        name = PurePosixPath(unquote(urlparse(url).path)).name
        return Fetched(data=data, content_type=content_type, name=name)
    raise FetchError(*worded(REDIRECTS, {"most": MOST_REDIRECTS}))


def check_address(url: str, *, allow_private: bool = False) -> None:
    """FetchError when Tackle would not reach this address (not http(s), unknown, or private)."""
    _checked_address(url.strip(), allow_private=allow_private)


@dataclass(frozen=True)
class Posted:
    status: int
    body: bytes  # the first bytes of the answer, for the delivery log


def post(url: str, body: bytes, *, headers: dict[str, str], timeout: float, keep_bytes: int = 1024) -> Posted:
    """POST `body` to `url`, checked as `fetch` checks it; a redirect is not followed (the answer
    is the status). FetchError when the address is refused or the server cannot be reached in time."""
    url = url.strip()
    deadline = time.monotonic() + timeout
    address = _checked_address(url, allow_private=False)
    connection = _connection(url, address, timeout)
    watchdog = threading.Timer(timeout, connection.close)
    watchdog.start()
    try:
        parsed = urlparse(url)
        path = (parsed.path or "/") + (f"?{parsed.query}" if parsed.query else "")
        sent = {"Host": parsed.netloc, "User-Agent": WEBHOOK_USER_AGENT, "Content-Length": str(len(body)), **headers}
        connection.request("POST", path, body=body, headers=sent)
        response = connection.getresponse()
        return Posted(status=response.status, body=response.read(keep_bytes))
    except (TimeoutError, http.client.HTTPException, OSError, ValueError) as error:
        if time.monotonic() >= deadline:
            raise _too_slow(timeout) from None
        raise FetchError(*worded(UNREACHABLE, {"error": error})) from None
    finally:
        watchdog.cancel()
        connection.close()
