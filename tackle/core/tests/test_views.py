import re

from django.urls import reverse


def test_signed_out_home_redirects_to_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:sign-in"))


def test_demo_banner_shows_only_in_demo_mode(client_for, councillor_a, settings):
    client = client_for(councillor_a)
    assert 'data-testid="demo-banner"' not in client.get("/").content.decode()
    settings.TACKLE_DEMO = True
    assert 'data-testid="demo-banner"' in client.get("/").content.decode()


def test_unknown_page_is_a_govuk_404(client_for, councillor_a):
    response = client_for(councillor_a).get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_one_menu_entry_is_current_the_most_specific(client_for, lead_a):
    # The register sits under "More" in the lead's menu: its own entry there beats the Cases prefix.
    html = client_for(lead_a).get("/cases/register").content.decode()
    assert html.count('aria-current="page"') == 1
    assert re.search(r'href="/more/"[^>]*aria-current="page"', html), html[:3000]
    html = client_for(lead_a).get("/cases/").content.decode()
    assert html.count('aria-current="page"') == 1
    assert re.search(r'href="/cases/"[^>]*aria-current="page"', html), html[:3000]
