"""POST /api/v1/figures/releases and /figures/home-office-tables/releases (issue 19, item 1): the two
Publish pages through a write token: their forms' refusals by field, the same services (the release
kept as its readers see it, audited), coordinators only."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditAction, AuditEvent
from tackle.core.periods import financial_year_label, financial_year_of, today_in_london
from tackle.reporting.models import Release, ReleaseKind

pytestmark = pytest.mark.django_db
FIGURES = "/api/v1/figures/releases"
HOME_OFFICE = "/api/v1/figures/home-office-tables/releases"
LATEST = financial_year_of(today_in_london())


def asked(**changed: object) -> dict[str, object]:
    return {"first_year": LATEST - 1, "last_year": LATEST, "by": "year", "audience": "public"} | changed


def test_the_lead_publishes_the_figures_for_the_public(lead_a, frontline_a, record_concern):
    record_concern(frontline_a)
    client = token_client(lead_a, modules=("reporting",))
    response = client.post(FIGURES, asked(), format="json")
    assert response.status_code == 201
    body = response.json()
    release = Release.objects.get(uuid=body["uuid"])
    assert (release.kind, release.audience, release.released_by) == (ReleaseKind.FIGURES, "public", lead_a)
    assert body["audience"] == "public" and body["cells"] and body["released_by"]
    assert {cell["table"] for cell in body["cells"]} >= {"concerns"}
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=body["uuid"], actor=lead_a).exists()
    assert client.get(FIGURES).json()["results"][0]["uuid"] == body["uuid"]


def test_the_home_office_tables_are_published_for_a_quarter(lead_a):
    period = f"{financial_year_label(LATEST)}-Q1"
    response = token_client(lead_a).post(HOME_OFFICE, {"period": period}, format="json")
    assert response.status_code == 201
    release = Release.objects.get(uuid=response.json()["uuid"])
    assert release.kind == ReleaseKind.HOME_OFFICE and release.period_label == f"Q1 {financial_year_label(LATEST)}"


def test_a_bad_request_is_refused_by_field_and_nothing_is_published(lead_a):
    client = token_client(lead_a)
    assert set(client.post(FIGURES, asked(audience="internal"), format="json").json()) == {"audience"}
    refused = client.post(FIGURES, asked(first_year=LATEST, last_year=LATEST - 1), format="json")
    assert refused.status_code == 400
    assert refused.json() == {"last_year": ["Choose up to 5 financial years, the last not before the first"]}
    assert set(client.post(FIGURES, {"by": "year"}, format="json").json()) == {"first_year", "last_year", "audience"}
    refused = client.post(HOME_OFFICE, {"period": "last year"}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"period"}
    assert not Release.objects.exists()


def test_roles_that_may_not_publish_and_narrow_tokens_are_refused(lead_a, councillor_a, frontline_a):
    for user in (councillor_a, frontline_a):
        assert token_client(user).post(FIGURES, asked(), format="json").status_code == 403
        assert token_client(user).post(HOME_OFFICE, {"period": "2025-26"}, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(FIGURES, asked(), format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).post(FIGURES, asked(), format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).post(HOME_OFFICE, {"period": "2025-26"}).status_code == 403
    assert not Release.objects.exists()
