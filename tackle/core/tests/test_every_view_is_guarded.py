"""A guard for every page and endpoint, including those later modules add: a visitor who has not
signed in gets the sign-in page (or 401/403 from the API), except on the few public addresses."""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {"/api/v1/health", "/api/schema/", "/api/docs/", "/account/sign-in", "/account/sign-out"}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _concrete(route: str) -> str:
    sample = str(uuid.uuid4())
    for converter in ("<uuid:", "<int:", "<str:", "<slug:", "<path:"):
        while converter in route:
            start = route.index(converter)
            end = route.index(">", start)
            route = route[:start] + (sample if converter == "<uuid:" else "1") + route[end + 1 :]
    return "/" + route.lstrip("^").rstrip("$")


ROUTES = sorted({_concrete(route) for route in _walk(get_resolver().url_patterns)} - PUBLIC)


@pytest.mark.parametrize("path", ROUTES)
def test_signed_out_visitors_cannot_reach(client, db, path):
    response = client.get(path)
    if path.startswith("/api/"):
        assert response.status_code in {401, 403}, path
    else:
        assert response.status_code in {302, 405}, path
        if response.status_code == 302:
            assert response["Location"].startswith("/account/sign-in"), path


def test_the_walk_finds_the_known_pages():
    assert {"/", "/audit/", "/account/tokens/", "/api/v1/me"} <= set(ROUTES)
