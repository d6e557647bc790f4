"""Lockout a stranger cannot turn against a named person (issue 15, build item 8): wrong passwords
lock a username only from the address they came from; one address failing for many usernames
(password spraying) is shut out; behind a proxy the address is the client's, not the proxy's."""

import pytest
from django.test import Client
from django.urls import reverse

STRANGER, COLLEAGUE = "203.0.113.9", "198.51.100.7"
RIGHT = "correct-horse-battery"


def _sign_in(client: Client, username: str, password: str):
    return client.post(reverse("accounts:sign-in"), {"username": username, "password": password})


def _from(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def test_a_stranger_guessing_a_username_locks_it_only_from_their_own_address(councillor_a, settings):
    stranger = _from(STRANGER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _sign_in(stranger, councillor_a.username, "guess")
    assert _sign_in(_from(STRANGER), councillor_a.username, RIGHT).status_code == 429
    # The person themself, from their own address, is not locked out.
    assert _sign_in(_from(COLLEAGUE), councillor_a.username, RIGHT).status_code == 302


def test_one_failure_short_of_the_limit_does_not_lock(councillor_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(_from(STRANGER), councillor_a.username, "guess")
    assert _sign_in(_from(STRANGER), councillor_a.username, RIGHT).status_code == 302


def test_an_address_spraying_many_usernames_is_shut_out_but_others_are_not(councillor_a, settings):
    settings.TACKLE_SIGN_IN_ADDRESS_LIMIT = 6
    sprayer = _from(STRANGER)
    for n in range(6):
        _sign_in(sprayer, f"someone-{n}", "Winter2025!")  # once each: no username reaches its own limit
    response = _sign_in(_from(STRANGER), councillor_a.username, RIGHT)
    assert response.status_code == 429 and "locked" in response.content.decode()
    assert _sign_in(_from(COLLEAGUE), councillor_a.username, RIGHT).status_code == 302


@pytest.fixture
def behind_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 1


def test_behind_a_proxy_each_client_is_its_own_address(councillor_a, settings, behind_proxy):
    proxy = "10.0.0.2"

    def through_proxy(client_address: str, forged: str = "") -> Client:
        hops = f"{forged}, {client_address}" if forged else client_address
        return Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=hops)

    for _ in range(settings.AXES_FAILURE_LIMIT):
        # A forged left-hand entry naming the colleague's address changes nothing: the proxy's own
        # entry, on the right, is the one read.
        _sign_in(through_proxy(STRANGER, forged=COLLEAGUE), councillor_a.username, "guess")
    assert _sign_in(through_proxy(STRANGER), councillor_a.username, RIGHT).status_code == 429
    assert _sign_in(through_proxy(COLLEAGUE), councillor_a.username, RIGHT).status_code == 302
