"""Closed questions are asked from a list (GOV.UK select), stored as the words shown, and a value typed
before the list existed is kept when the record is changed."""

from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

from tackle.accounts.models import OrganisationSettings
from tackle.cases.models import Case, HomeOfficeForm
from tackle.cases.services.home_office_form import home_office_section_save


def _concern(**extra):
    return {
        "encountered_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "location": "Sparkle Hand Car Wash",
        "what_was_seen": "Workers without gloves",
        "concern_about": "person",
        "appears_under_18": "no",
        "gender": "male",
        "interpreter_needed": "yes",
        "exploitation_location": "uk",
        "consent_to_nrm": "unknown",
        **extra,
    }


def test_the_concern_form_offers_nationality_and_language_from_lists(client_for, frontline_a):
    client = client_for(frontline_a)
    page = client.get(reverse("cases:concern-new")).content.decode()
    assert '<select name="nationality"' in page and '<option value="Albanian">Albanian</option>' in page
    assert '<select name="language"' in page and '<option value="Tigrinya">Tigrinya</option>' in page
    refused = client.post(reverse("cases:concern-new"), _concern(nationality="Martian"))
    assert "Select from the list: Nationality, if known" in refused.content.decode() and not Case.objects.exists()
    assert (
        client.post(reverse("cases:concern-new"), _concern(nationality="Albanian", language="Albanian")).status_code
        == 302
    )
    assert (Case.objects.get().nationality, Case.objects.get().language) == ("Albanian", "Albanian")


def test_a_value_typed_before_the_list_is_kept_on_the_change_page(client_for, frontline_a, lead_a, record_concern):
    case = record_concern(frontline_a, age=30, nationality="Albanian (Kosovo-born)", language="Albanian, English")
    client = client_for(lead_a)
    url = reverse("cases:case-change-edit", args=[case.uuid, "person"])
    page = client.get(url).content.decode()
    assert '<option value="Albanian (Kosovo-born)" selected>' in page
    case.refresh_from_db()
    form = {
        "gender": "male",
        "interpreter_needed": "yes",
        "nationality": "Albanian (Kosovo-born)",
        "language": "Albanian, English",
        "person_name": "Ion",
        "reason": "Name given",
        "version": str(case.version),
    }
    assert client.post(url, form).status_code == 302
    case.refresh_from_db()
    assert (case.person_name, case.nationality, case.language) == ("Ion", "Albanian (Kosovo-born)", "Albanian, English")


def test_the_consent_page_asks_the_language_from_the_list(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30)
    page = client_for(lead_a).get(reverse("cases:consent-edit", args=[case.uuid])).content.decode()
    assert '<select name="consent_language"' in page and '<option value="Romanian">' in page


def test_the_home_office_form_asks_the_police_force_from_a_list(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30, consent_to_nrm=True)
    client = client_for(lead_a)
    url = reverse("cases:nrm-pack-section-edit", args=[case.uuid, "police"])
    answers = {"crime_reference_held": "yes", "willing_to_help": "yes", "crime_reference": "CAD 123"}
    client.post(url, answers)
    page = client.get(url).content.decode()
    assert '<select name="police_force"' in page and "West Yorkshire Police" in page
    refused = client.post(url, {**answers, "police_force": "Gotham City Police"})
    assert "Select from the list: Which police force?" in refused.content.decode()
    assert client.post(url, {**answers, "police_force": "West Yorkshire Police"}).status_code == 302
    assert HomeOfficeForm.objects.get(case=case).answers["police_force"] == "West Yorkshire Police"


def test_a_police_force_typed_before_the_list_is_kept(lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30, consent_to_nrm=True)
    HomeOfficeForm.objects.create(
        case=case, answers={"crime_reference_held": "yes", "police_force": "W Yorks", "crime_reference": "1"}
    )
    answers = {
        "crime_reference_held": "yes",
        "police_force": "W Yorks",
        "crime_reference": "1",
        "willing_to_help": "no",
    }
    row = home_office_section_save(case=case, section_key="police", answers=answers, actor=lead_a)
    assert row.answers["police_force"] == "W Yorks"


def test_a_welsh_reader_picks_and_reads_the_lists_in_welsh_while_english_is_stored(
    client_for, council_a, frontline_a, lead_a, record_concern
):
    OrganisationSettings.objects.create(organisation=council_a, welsh_language_service=True)
    for person in (frontline_a, lead_a):
        person.language = "cy"
        person.save(update_fields=["language"])
    client = client_for(frontline_a)
    form = unescape(client.get(reverse("cases:concern-new")).content.decode())
    assert '<option value="Albanian">Albanaidd</option>' in form  # the nationality
    assert '<option value="Albanian">Albaneg</option>' in form  # the language of the same name
    assert '<option value="Welsh">Cymraeg</option>' in form
    assert (
        client.post(reverse("cases:concern-new"), _concern(nationality="Eritrean", language="Tigrinya")).status_code
        == 302
    )
    stored = Case.objects.get()
    assert (stored.nationality, stored.language) == ("Eritrean", "Tigrinya")
    stored.language = "Welsh"
    stored.save(update_fields=["language"])
    page = unescape(client_for(lead_a).get(reverse("cases:case-detail", args=[stored.uuid])).content.decode())
    assert "o Eritrea" in page and "Cymraeg" in page and "Eritrean" not in page
    typed_before = record_concern(frontline_a, nationality="Eritrean and Ethiopian")
    page = unescape(client_for(lead_a).get(reverse("cases:case-detail", args=[typed_before.uuid])).content.decode())
    assert "Eritrean and Ethiopian" in page  # not one of the list's entries: shown as stored
