"""Personal data is never kept in a browser's or proxy's cache: every response to a signed-in
user says Cache-Control: no-store (issue 15, defect 11)."""

from django.urls import reverse

from tackle.accounts.tests.signing_in import token_client


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_pages_to_a_signed_in_user_are_not_stored(client_for, lead_a):
    response = client_for(lead_a).get(reverse("home:dashboard"))
    assert response.status_code == 200
    assert _no_store(response)


def test_pdf_and_exports_are_not_stored(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30, consent_to_nrm=True, person_name="Ana")
    client = client_for(lead_a)
    for url in (
        reverse("cases:nrm-pack-pdf", args=[case.uuid]),
        reverse("cases:register-export-csv"),
        reverse("cases:register-export-xlsx"),
        reverse("reporting:figures-csv"),
        reverse("reporting:figures-xlsx"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert _no_store(response), url


def test_api_answers_to_a_token_are_not_stored(lead_a):
    response = token_client(lead_a).get("/api/v1/me")
    assert response.status_code == 200
    assert _no_store(response)
