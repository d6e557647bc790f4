"""A guard for every page and endpoint, including those later modules add: a visitor who has not
signed in gets the sign-in page (or 401/403 from the API), except on the few public addresses."""

import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {
    "/api/v1/health",
    "/api/schema/",
    "/api/docs/",
    "/account/sign-in",
    "/account/sign-out",
    # The service's own pages, linked from every page's footer: the law wants them readable by anyone.
    "/accessibility-statement",
    "/privacy",
    "/cookies",
    "/contact",
}
# Reached before signing in by design: an invitation link, and single sign-on's round trip. Without a
# valid token or a configured identity provider they answer an error page, never a page of data.
BEFORE_SIGN_IN = {
    "/account/invitation/": 410,
    "/account/invitation/1": 410,
    "/account/sso/start": 404,
    "/account/sso/callback": 404,
    "/account/sso/refused": 403,
    # The language switch (issue 21): for signed-out pages too; "1" is no language.
    "/account/language/1": 404,
}


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


ROUTES = sorted({_concrete(route) for route in _walk(get_resolver().url_patterns)} - PUBLIC - set(BEFORE_SIGN_IN))


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


@pytest.mark.parametrize(("path", "status"), sorted(BEFORE_SIGN_IN.items()))
def test_pages_reached_before_sign_in_show_nothing_without_a_token_or_provider(client, db, path, status):
    assert client.get(path).status_code == status


def test_every_page_reached_before_sign_in_is_a_real_address():
    routes = {_concrete(route) for route in _walk(get_resolver().url_patterns)}
    assert set(BEFORE_SIGN_IN) <= routes
