"""Requests per second and p95 latency of Tackle pages, as a ratio to a constant view in the same server.

Absolute figures depend on the machine; the ratio says how much the page itself costs over what
Django, gunicorn and the middleware cost anyway, and is the figure to watch between runs."""

from bench import Row
from bench.load import LoadResult, load
from bench.server import fresh_database, get, gunicorn, sign_in, tackle

TITLE = "HTTP pages: 10 clients on loopback, 2 gunicorn sync workers, SQLite demo data"
CLIENTS = 10
WARM_UP_REQUESTS = 50
REQUESTS = 1500
MAX_SECONDS = 20.0
WORKERS = 2


def run() -> list[Row]:
    with fresh_database() as env:
        tackle(env, "demo", "load")
        with gunicorn(env, workers=WORKERS) as port:
            session = {"Cookie": sign_in(port)}
            status, body = get(port, "/", session)
            if status != 200 or b"Welcome" not in body:
                raise RuntimeError(f"the signed-in home page answered {status}, not the dashboard")
            targets = [
                ("constant view (reference)", "/bench/constant", {}),
                ("home page, signed in", "/", session),
                ("health API", "/api/v1/health", {}),
            ]
            results = {name: _measure(port, path, headers) for name, path, headers in targets}
    reference = results[targets[0][0]]
    return [_row(name, result, reference) for name, result in results.items()]


def _measure(port: int, path: str, headers: dict[str, str]) -> LoadResult:
    load(port, path, headers=headers, clients=CLIENTS, requests=WARM_UP_REQUESTS, max_seconds=MAX_SECONDS)
    result = load(port, path, headers=headers, clients=CLIENTS, requests=REQUESTS, max_seconds=MAX_SECONDS)
    if result.errors:
        raise RuntimeError(f"{path}: {result.errors} requests failed")
    return result


def _row(name: str, result: LoadResult, reference: LoadResult) -> Row:
    p95 = result.percentile_ms(95)
    return Row(
        name,
        {
            "requests": result.requests,
            "rps": round(result.rps, 1),
            "p50 ms": round(result.percentile_ms(50), 1),
            "p95 ms": round(p95, 1),
            # Below 1 means slower than the constant view: 0.25 is a quarter of its throughput.
            "rps ratio vs constant": round(result.rps / reference.rps, 3),
            # Above 1 means slower: 4.0 is four times the constant view's p95.
            "p95 ratio vs constant": round(p95 / reference.percentile_ms(95), 2),
        },
    )
