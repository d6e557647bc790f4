"""The demo's Welsh council offers the service in Welsh (issue 21); the English demo council does not."""

from tackle.accounts import demo
from tackle.accounts.models import OrganisationSettings, User
from tackle.accounts.tests.signing_in import sign_in


def test_the_welsh_demo_council_offers_welsh_and_its_lead_reads_cymraeg(db, client):
    demo.load()
    demo.load()  # loading again changes nothing
    welsh = OrganisationSettings.objects.get(organisation__code=demo.DEMO_WELSH_COUNCIL_CODE)
    assert welsh.welsh_language_service
    assert not OrganisationSettings.objects.filter(
        organisation__code=demo.DEMO_COUNCIL_CODE, welsh_language_service=True
    ).exists()

    lead = User.objects.get(username="demo-welsh-modern_slavery_lead")
    assert lead.organisation_id == welsh.organisation_id and lead.language == "cy"
    sign_in(client, lead)
    page = client.get("/").content.decode()
    assert '<html lang="cy"' in page and 'data-testid="language-switch"' in page


def test_an_administrator_turning_the_welsh_service_off_stays_off_when_the_demo_loads_again(db):
    demo.load()
    OrganisationSettings.objects.filter(organisation__code=demo.DEMO_WELSH_COUNCIL_CODE).update(
        welsh_language_service=False
    )
    demo.load()
    welsh = OrganisationSettings.objects.get(organisation__code=demo.DEMO_WELSH_COUNCIL_CODE)
    assert not welsh.welsh_language_service
