"""A small load generator: N client threads, each with its own connection, stopping at a request
count or a time limit, whichever comes first. Standard library only, so `make bench` needs nothing new."""

import http.client
import statistics
import threading
import time
from dataclasses import dataclass

HOST = "127.0.0.1"


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile_ms(self, percent: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else 0.0
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[percent - 1]


def load(
    port: int,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    clients: int = 10,
    requests: int = 1500,
    max_seconds: float = 20.0,
) -> LoadResult:
    """GET `path` from `clients` threads until `requests` are done or `max_seconds` pass."""
    lock = threading.Lock()
    issued = 0
    errors = 0
    latencies: list[float] = []
    deadline = time.perf_counter() + max_seconds

    def take_ticket() -> bool:
        nonlocal issued
        with lock:
            if issued >= requests or time.perf_counter() >= deadline:
                return False
            issued += 1
            return True

    def client() -> None:
        nonlocal errors
        # http.client reopens the connection by itself when the server closes it (gunicorn's sync
        # workers close after every response), so this is keep-alive where the server allows it.
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        mine: list[float] = []
        failed = 0
        try:
            while take_ticket():
                started = time.perf_counter()
                try:
                    connection.request("GET", path, headers=headers or {})
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    connection.close()
                    ok = False
                if ok:
                    mine.append((time.perf_counter() - started) * 1000)
                else:
                    failed += 1
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)
                errors += failed

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return LoadResult(len(latencies), errors, time.perf_counter() - started, latencies)
