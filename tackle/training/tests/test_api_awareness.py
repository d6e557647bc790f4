"""/api/v1/ campaign materials, their distributions and the partner directory (issue 19): read by
everyone with training, added by the partnership editors through the pages' forms; another council's
records are not found, a read token or one for another module is refused, a bad body is refused
naming its field with nothing saved."""

import pytest

from tackle.accounts.tests.signing_in import token_client
from tackle.training.models import Distribution, Material, PartnerService
from tackle.training.tests.factories import make_partnership_records


@pytest.fixture
def records(council_a):
    return make_partnership_records(council_a)


def test_the_lead_adds_material_and_a_distribution_everyone_reads_them(lead_a, frontline_a, records):
    campaign, lead = records["campaign"], token_client(lead_a)
    body = {"title": "Spot the signs", "kind": "poster", "languages": "English, Polish"}
    added = lead.post(f"/api/v1/campaigns/{campaign.uuid}/materials/", body, format="json")
    assert added.status_code == 201, added.json()
    material = added.json()
    assert (material["campaign"], material["distributed"], material["distributions"]) == (str(campaign.uuid), 0, [])
    handed = {"place_type": "taxi", "place_name": "Station rank", "quantity": 300, "distributed_on": "2026-02-10"}
    path = f"/api/v1/campaign-materials/{material['uuid']}/distributions/"
    assert lead.post(path, handed, format="json").status_code == 201
    reader = token_client(frontline_a, scope="read")
    listed = reader.get(f"/api/v1/campaigns/{campaign.uuid}/materials/?kind=poster").json()["results"]
    assert [(row["title"], row["distributed"]) for row in listed] == [("Spot the signs", 300)]
    read = reader.get(f"/api/v1/campaign-materials/{material['uuid']}").json()
    assert [(row["place_type"], row["quantity"]) for row in read["distributions"]] == [("taxi", 300)]
    assert reader.get(f"{path}?place_type=hotel").json()["count"] == 0
    assert reader.get(f"{path}?distributed_from=2026-02-10").json()["count"] == 1


def test_materials_and_distributions_refuse_roles_tokens_other_councils_and_bad_bodies(
    lead_a, lead_b, frontline_a, records
):
    campaign, material = records["campaign"], records["material"]
    materials = f"/api/v1/campaigns/{campaign.uuid}/materials/"
    distributions = f"/api/v1/campaign-materials/{material.uuid}/distributions/"
    body = {"title": "Card", "kind": "card"}
    handed = {"place_type": "hotel", "quantity": 5, "distributed_on": "2026-01-05"}
    assert token_client(frontline_a).post(materials, body, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post(distributions, handed, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get(materials).status_code == 403
    assert token_client(lead_b).get(materials).status_code == 404
    assert token_client(lead_b).get(f"/api/v1/campaign-materials/{material.uuid}").status_code == 404
    assert token_client(lead_b).post(distributions, handed, format="json").status_code == 404
    lead = token_client(lead_a)
    refused = lead.post(materials, {"kind": "card"}, format="json")
    assert refused.status_code == 400 and set(refused.json()) == {"title"}
    none_handed = lead.post(distributions, {**handed, "quantity": 0}, format="json")
    assert none_handed.status_code == 400 and none_handed.json() == {"quantity": ["Enter how many, 1 or more"]}
    assert set(lead.post(distributions, {**handed, "place_type": "moon"}, format="json").json()) == {"place_type"}
    assert Material.objects.count() == 1 and not Distribution.objects.exists()


def test_the_lead_adds_a_directory_entry_everyone_reads_it(lead_a, frontline_a, records):
    body = {"name": "Safe house charity", "kind": "victim_care", "offers": "Beds", "how_to_refer": "Email us"}
    added = token_client(lead_a).post("/api/v1/partner-services/", body, format="json")
    assert added.status_code == 201, added.json()
    reader = token_client(frontline_a, scope="read")
    listed = reader.get("/api/v1/partner-services/?kind=victim_care").json()["results"]
    assert [row["name"] for row in listed] == ["Safe house charity"]
    assert [row["name"] for row in reader.get("/api/v1/partner-services/").json()["results"]] == [
        "Helpline",
        "Safe house charity",
    ]
    read = reader.get(f"/api/v1/partner-services/{added.json()['uuid']}").json()
    assert (read["how_to_refer"], read["link"]) == ("Email us", "")


def test_the_directory_refuses_roles_tokens_other_councils_and_bad_bodies(lead_a, lead_b, frontline_a, records):
    body = {"name": "Charity", "kind": "ngo", "offers": "Advice", "how_to_refer": "Call"}
    assert token_client(frontline_a).post("/api/v1/partner-services/", body, format="json").status_code == 403
    assert token_client(lead_a, scope="read").post("/api/v1/partner-services/", body, format="json").status_code == 403
    assert token_client(lead_a, modules=("cases",)).get("/api/v1/partner-services/").status_code == 403
    assert token_client(lead_b).get(f"/api/v1/partner-services/{records['service'].uuid}").status_code == 404
    assert token_client(lead_b).get("/api/v1/partner-services/").json()["count"] == 0
    lead = token_client(lead_a)
    no_name = lead.post("/api/v1/partner-services/", {**body, "name": ""}, format="json")
    assert no_name.status_code == 400 and set(no_name.json()) == {"name"}
    bad_link = lead.post("/api/v1/partner-services/", {**body, "link": "not a web address"}, format="json")
    assert bad_link.status_code == 400 and set(bad_link.json()) == {"link"}
    assert PartnerService.objects.count() == 1
