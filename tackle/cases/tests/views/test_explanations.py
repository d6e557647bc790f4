"""The explanation texts' pages (issue 21, item 4): kept by the lead or administrator, shown and
printed in the person's language on the consent page."""

import pytest
from django.urls import reverse

from tackle.cases.models import ExplanationLanguage
from tackle.cases.services.explanations import explanation_language_add, explanations_shipped_ensure
from tackle.core.roles import Role
from tackle.core.tests.accessible_documents import assert_tagged_pdf

LIST = reverse("cases:explanation-list")


def _edit(language="welsh", kind="consent"):
    return reverse("cases:explanation-edit", args=[language, kind])


def _consent(case, language=""):
    return reverse("cases:consent-edit", args=[case.uuid]) + (f"?language={language}" if language else "")


@pytest.mark.parametrize("who", ["lead_a", "admin_a"])
def test_the_lead_or_administrator_edits_and_approves_a_welsh_text(request, client_for, who):
    user = request.getfixturevalue(who)
    client = client_for(user)
    page = client.get(LIST).content.decode()
    assert 'data-testid="explanations-welsh"' in page and "Version 1" in page
    form = client.get(_edit()).content.decode()
    assert 'lang="cy"' in form and "Chi sy&#x27;n dewis" in form
    response = client.post(_edit(), {"title": "Chi sy'n penderfynu", "body": "Chi sy'n dewis. Testun newydd."})
    assert response.status_code == 302
    welsh = ExplanationLanguage.objects.get(organisation=user.organisation, language="Welsh")
    assert welsh.versions.get(kind="consent", number=2).approved_at is None
    approve = reverse("cases:explanation-approve", args=["welsh", "consent", 2])
    assert client.post(approve).status_code == 302
    assert welsh.versions.get(kind="consent", number=2).approved_by == user
    versions = client.get(reverse("cases:explanation-versions", args=["welsh", "consent"])).content.decode()
    assert "Testun newydd." in versions and "Version 1" in versions


def test_an_empty_text_is_refused_with_the_field_named(client_for, lead_a):
    client = client_for(lead_a)
    client.get(LIST)
    page = client.post(_edit(), {"title": "Teitl", "body": ""}).content.decode()
    assert "Enter the text of the explanation" in page and 'href="#id_body"' in page


def test_the_lead_adds_a_language_then_writes_its_first_text(client_for, lead_a):
    client = client_for(lead_a)
    response = client.post(reverse("cases:explanation-language-new"), {"language": "Polish"})
    assert response.headers["Location"] == _edit("polish", "nrm")
    page = client.get(_edit("polish", "nrm")).content.decode()
    assert 'lang="pl"' in page
    assert client.post(_edit("polish", "nrm"), {"title": "Czym jest NRM", "body": "Tekst."}).status_code == 302
    assert "Polish" in client.get(LIST).content.decode()
    page = client.post(reverse("cases:explanation-language-new"), {"language": ""}).content.decode()
    assert "Select a language" in page


@pytest.mark.parametrize("role", [Role.FRONTLINE_OFFICER, Role.SAFEGUARDING_MANAGER, Role.COUNCILLOR])
def test_other_roles_may_not_keep_the_texts(make_user, council_a, client_for, role):
    client = client_for(make_user(role, council_a))
    explanations_shipped_ensure(organisation=council_a)
    assert client.get(LIST).status_code == 403
    assert client.post(_edit(), {"title": "T", "body": "B"}).status_code == 403
    assert not ExplanationLanguage.objects.get(language="Welsh").versions.filter(number=2).exists()


def test_another_organisations_language_is_not_found(client_for, lead_a, lead_b):
    explanation_language_add(organisation=lead_a.organisation, language="Polish", actor=lead_a)
    client = client_for(lead_b)
    assert client.get(_edit("polish", "nrm")).status_code == 404
    assert client.get(reverse("cases:explanation-versions", args=["polish", "nrm"])).status_code == 404
    assert client.get(_edit("not-a-language", "nrm")).status_code == 404
    assert client.get(_edit("welsh", "not-a-kind")).status_code == 404


def test_the_consent_page_shows_the_welsh_text_and_records_it(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30)
    client = client_for(lead_a)
    page = client.get(_consent(case, "Welsh")).content.decode()
    assert 'lang="cy"' in page and "Chi sy&#x27;n dewis" in page
    welsh = ExplanationLanguage.objects.get(organisation=lead_a.organisation, language="Welsh")
    ids = [str(pk) for pk in welsh.versions.values_list("pk", flat=True)]
    response = client.post(
        _consent(case, "Welsh"),
        {
            "consent_to_nrm": "yes",
            "consent_language": "Welsh",
            "consent_interpreter": "in_person",
            "consent_interpreter_agency": "Iaith Cyf",
            "consent_explanation_read_by_interpreter": "on",
            "explanation_texts": ids,
            "version": case.version,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.consent_explanations.count() == 4 and case.consent_explanation_read_by_interpreter
    detail = client.get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
    assert "Agreeing to a referral (version 1)" in detail and "in Welsh, read by an interpreter" in detail
    api = client.get(f"/api/v1/cases/{case.uuid}").json()
    assert {"kind": "consent", "number": 1, "language": "Welsh", "title": "Chi sy'n penderfynu"} in api[
        "consent_explanations"
    ]
    assert api["consent_explanation_read_by_interpreter"] is True
    timeline = client.get(reverse("cases:case-timeline", args=[case.uuid])).content.decode()
    assert "Agreeing to a referral version 1" in timeline
    pack = client.get(reverse("cases:nrm-pack", args=[case.uuid])).content.decode()
    assert "Explanation read before they answered" in pack and "in Welsh, read by an interpreter" in pack


def test_no_text_in_their_language_offers_english_with_an_interpreter(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30)
    page = client_for(lead_a).get(_consent(case, "Tigrinya")).content.decode()
    assert "There is no approved explanation in Tigrinya" in page
    assert 'lang="en-GB"' in page and "You choose. Nobody can make you agree." in page


def test_the_explanation_prints_and_downloads_in_welsh(client_for, lead_a, frontline_a, record_concern):
    case = record_concern(frontline_a, age=30)
    client = client_for(lead_a)
    page = client.get(reverse("cases:consent-explanation", args=[case.uuid]) + "?language=Welsh").content.decode()
    assert '<html lang="cy">' in page and "<h1>Beth yw&#x27;r NRM</h1>" in page
    response = client.get(reverse("cases:consent-explanation-pdf", args=[case.uuid]) + "?language=Welsh")
    title = "Beth yw'r NRM · Chi sy'n penderfynu · Os ydych chi'n dweud na · Eich hawliau"
    assert_tagged_pdf(response.content, title=title, tables=False, language="cy")


def test_the_frontline_officer_may_not_print_from_the_consent_page(client_for, frontline_a, lead_b, record_concern):
    case = record_concern(frontline_a, age=30)
    assert client_for(frontline_a).get(reverse("cases:consent-explanation", args=[case.uuid])).status_code == 403
    assert client_for(lead_b).get(reverse("cases:consent-explanation-pdf", args=[case.uuid])).status_code == 404
