"""The fetcher against real local servers on 127.0.0.1 (issue 15, defect 12)."""

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tackle.statement_reader.fetch import FetchError, fetch


class Recorder(BaseHTTPRequestHandler):
    seen: list[dict[str, str]] = []

    def do_GET(self) -> None:
        self.seen.append({"path": self.path, "host": self.headers["Host"]})
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(100):  # a byte every 0.1 s: each read is quick, the whole is not
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
            return
        if self.path == "/go":
            self.send_response(302)
            self.send_header("Location", "/statement.txt")
            self.end_headers()
            return
        body = b"statement text"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    Recorder.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_fetches_a_file_sending_the_name_it_was_given_as_host(server):
    port = server.server_address[1]
    fetched = fetch(f"http://localhost:{port}/statement.txt", max_bytes=1000, timeout=5, allow_private=True)
    assert fetched.data == b"statement text"
    assert fetched.name == "statement.txt"
    assert Recorder.seen == [{"path": "/statement.txt", "host": f"localhost:{port}"}]


def test_redirects_are_followed_and_checked_again(server):
    port = server.server_address[1]
    fetched = fetch(f"http://127.0.0.1:{port}/go", max_bytes=1000, timeout=5, allow_private=True)
    assert (fetched.data, fetched.name) == (b"statement text", "statement.txt")
    with pytest.raises(FetchError, match="private network"):
        fetch(f"http://127.0.0.1:{port}/go", max_bytes=1000, timeout=5)


def test_a_slow_drip_is_cut_at_the_deadline_for_the_whole_fetch(server):
    port = server.server_address[1]
    began = time.monotonic()
    with pytest.raises(FetchError, match="longer than 1 second"):
        fetch(f"http://127.0.0.1:{port}/drip", max_bytes=10_000, timeout=1, allow_private=True)
    assert time.monotonic() - began < 3


def test_a_name_that_resolves_elsewhere_the_second_time_never_reaches_loopback(server, monkeypatch):
    """DNS rebinding: the check sees a public address, a second look-up would give loopback. The
    fetcher must connect to the address it checked. The resolver is the operating system's, so the
    test stands in for a hostile DNS server by answering look-ups itself."""
    port = server.server_address[1]
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["93.184.216.34"])

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(FetchError):
        fetch(f"http://rebind.example:{port}/secret", max_bytes=1000, timeout=1)
    assert Recorder.seen == []
