"""GET /api/v1/figures/releases and /figures/releases/{uuid} (issue 19, item 1): the Figures released
page's list, filtered by audience and period, and one release with every cell as published; only the
reader's own council's, audited as the page; refused for roles and tokens without figures."""

from datetime import date

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.audit.models import AuditEvent
from tackle.core.disclosure import WITHHELD, Audience
from tackle.reporting.models import Release, ReleaseKind

pytestmark = pytest.mark.django_db
LIST = "/api/v1/figures/releases"


def released(user, audience: Audience, period: str = "2025-26", cells=()) -> Release:
    return Release.objects.create(
        organisation=user.organisation,
        kind=ReleaseKind.FIGURES,
        audience=audience,
        period_label=period,
        starts_on=date(2025, 4, 1),
        ends_before=date(2026, 4, 1),
        cells=[list(cell) for cell in cells],
        released_by=user,
    )


def test_the_lead_lists_their_councils_releases_filtered_and_audited(lead_a, lead_b):
    public = released(lead_a, Audience.PUBLIC, cells=[("concerns", "Concerns recorded", "2025-26", WITHHELD)])
    released(lead_a, Audience.COUNCILLORS, period="Q1 2025-26")
    released(lead_b, Audience.PUBLIC)
    client = token_client(lead_a, scope="read", modules=("reporting",))
    body = client.get(LIST).json()
    assert body["count"] == 2
    assert {row["audience"] for row in body["results"]} == {"public", "councillors"}
    only = client.get(LIST, {"audience": "public", "period": "2025-26"}).json()["results"]
    assert [row["uuid"] for row in only] == [str(public.uuid)]
    assert only[0]["withheld_count"] == 1 and only[0]["released_by"] == (lead_a.get_full_name() or lead_a.username)
    assert client.get(LIST, {"period": "Q2 2025-26"}).json()["count"] == 0
    assert AuditEvent.objects.filter(object_type="reporting.releases", actor=lead_a).count() == 3


def test_one_release_reads_every_cell_as_published(lead_a):
    release = released(
        lead_a,
        Audience.PUBLIC,
        cells=[
            ("concerns", "Concerns recorded", "2025-26", "fewer than 10", "2025-04-01", "2026-04-01"),
            ("concerns", "Referrals", "2025-26", 12, "2025-04-01", "2026-04-01"),
        ],
    )
    body = token_client(lead_a, scope="read").get(f"{LIST}/{release.uuid}").json()
    assert [(cell["row"], cell["count"], cell["shown"]) for cell in body["cells"]] == [
        ("Concerns recorded", None, "fewer than 10"),
        ("Referrals", 12, "12"),
    ]
    assert body["cells"][0]["starts_on"] == "2025-04-01"
    assert AuditEvent.objects.filter(object_type="reporting.releases", object_id=str(release.uuid)).exists()


def test_another_councils_release_is_not_found(lead_a, lead_b):
    theirs = released(lead_b, Audience.PUBLIC)
    assert token_client(lead_a).get(f"{LIST}/{theirs.uuid}").status_code == 404


def test_roles_and_tokens_without_figures_are_refused(frontline_a, lead_a):
    release = released(lead_a, Audience.PUBLIC)
    assert token_client(frontline_a).get(LIST).status_code == 403
    assert token_client(frontline_a).get(f"{LIST}/{release.uuid}").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(LIST).status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(f"{LIST}/{release.uuid}").status_code == 403


def test_a_bad_filter_is_refused_by_name(lead_a):
    client = token_client(lead_a)
    assert set(client.get(LIST, {"audience": "everyone"}).json()) == {"audience"}
    assert set(client.get(LIST, {"sort": "colour"}).json()) == {"sort"}
