"""Recording a concern one question per page (issue 18, item 1): answers kept in the session until
the check page's "Send", then saved by the same service as the one-page form."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.accounts.tests.signing_in import sign_in
from tackle.cases.models import Case, Encounter
from tackle.cases.views.concern_steps import SESSION_KEY, step_url

URL = reverse("cases:concern-steps-new")
SEEN = (timezone.localtime() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")

THE_CONCERN = [
    ("when-where", {"encountered_at": SEEN, "location": "Unit 4, Mill Lane"}),
    ("what", {"what_was_seen": "Two workers sleeping in the back of the car wash"}),
    ("signs", {"indicators_other": "No gloves"}),
    ("exploitation", {"exploitation_location": "uk"}),
    ("about", {"concern_about": "person"}),
]


def _person(number: int, name: str, *, another: str) -> list[tuple[str, dict]]:
    prefix = f"person{number}-" if number > 1 else ""
    return [
        (
            f"person-{number}-details",
            {f"{prefix}person_name": name, f"{prefix}age": "30", f"{prefix}gender": "male"}
            | {f"{prefix}appears_under_18": "no"},
        ),
        (f"person-{number}-language", {f"{prefix}nationality": "Albanian", f"{prefix}interpreter_needed": "yes"}),
        (f"person-{number}-needs", {f"{prefix}destitute": "on"}),
        (f"person-{number}-consent", {f"{prefix}consent_to_nrm": "unknown"}),
        (f"another-{number}", {f"another-{number}-another": another}),
    ]


def _answer(client, steps):
    for slug, answers in steps:
        response = client.post(step_url(slug), answers)
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    return response


TWO_PEOPLE = [*THE_CONCERN, *_person(1, "Arben", another="yes"), *_person(2, "Besnik", another="no")]


def test_two_people_through_the_steps_are_two_cases_of_one_encounter(client_for, frontline_a):
    client = client_for(frontline_a)
    assert _answer(client, TWO_PEOPLE)["Location"] == step_url("check")
    assert not Case.objects.exists()  # nothing saved until it is sent
    page = client.get(step_url("check")).content.decode()
    assert "Check your answers before sending" in page and "Arben" in page and "Besnik" in page
    assert f'href="{step_url("person-2-details")}"' in page  # each answer has its Change link
    response = client.post(step_url("check"))
    encounter = Encounter.objects.get()
    assert response["Location"] == reverse("cases:encounter-detail", args=[encounter.uuid])
    cases = Case.objects.filter(encounter=encounter).order_by("pk")
    assert [case.person_name for case in cases] == ["Arben", "Besnik"]
    assert {case.location for case in cases} == {"Unit 4, Mill Lane"}
    assert SESSION_KEY not in client.session  # a second concern starts afresh


def test_one_person_is_one_case_and_its_confirmation(client_for, frontline_a):
    client = client_for(frontline_a)
    _answer(client, [*THE_CONCERN, *_person(1, "Arben", another="no")])
    response = client.post(step_url("check"))
    case = Case.objects.get()
    assert response["Location"] == reverse("cases:concern-recorded", args=[case.uuid])
    assert case.what_was_seen == "Two workers sleeping in the back of the car wash" and case.destitute


def test_a_step_out_of_order_goes_to_the_first_unanswered(client_for, frontline_a):
    client = client_for(frontline_a)
    _answer(client, THE_CONCERN[:2])
    assert client.get(step_url("person-1-consent"))["Location"] == step_url("signs")
    assert client.get(step_url("check"))["Location"] == step_url("signs")
    assert client.get(step_url("no-such-step"))["Location"] == step_url("signs")
    assert client.post(step_url("person-1-consent"), {"consent_to_nrm": "yes"})["Location"] == step_url("signs")
    assert client.get(URL).context["title"] == "What did you notice?"


def test_an_error_names_the_field_keeps_the_answer_and_shows_only_this_step(client_for, frontline_a):
    client = client_for(frontline_a)
    response = client.post(step_url("when-where"), {"encountered_at": SEEN, "location": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page and "Enter where you saw this" in page
    assert "Describe what you saw or heard" not in page  # a later question's error waits for its page
    assert 'name="what_was_seen"' not in page


def test_a_refusal_without_a_reason_is_refused_on_the_consent_step(client_for, frontline_a):
    client = client_for(frontline_a)
    _answer(client, [*THE_CONCERN, *_person(1, "Arben", another="no")[:3]])
    response = client.post(step_url("person-1-consent"), {"consent_to_nrm": "no"})
    assert response.status_code == 200 and "Say why they did not want to be referred" in response.content.decode()


def test_change_from_the_check_page_returns_to_it_and_back_links_go_one_step_back(client_for, frontline_a):
    client = client_for(frontline_a)
    _answer(client, [*THE_CONCERN, *_person(1, "Arben", another="no")])
    page = client.get(step_url("what"))
    assert page.context["back"] == step_url("when-where") and "car wash" in page.content.decode()
    assert client.post(step_url("what"), {"what_was_seen": "A man at the door"})["Location"] == step_url("check")
    assert "A man at the door" in client.get(step_url("check")).content.decode()


def test_the_answers_never_reach_another_user(client_for, frontline_a, make_user, council_a):
    client = client_for(frontline_a)
    _answer(client, [*THE_CONCERN, *_person(1, "Arben", another="no")])
    kept = client.session[SESSION_KEY]
    client.logout()
    other = sign_in(client, make_user("frontline_officer", council_a))
    assert other.get(step_url("check"))["Location"] == step_url("when-where")
    session = other.session  # even answers left in the same session are kept under their owner
    session[SESSION_KEY] = kept
    session.save()
    assert other.get(step_url("check"))["Location"] == step_url("when-where")
    assert "Mill Lane" not in other.get(step_url("when-where")).content.decode()


@pytest.mark.parametrize("role", ["modern_slavery_lead", "frontline_officer"])
def test_roles_that_record_concerns_open_the_first_step(client_for, make_user, council_a, role):
    response = client_for(make_user(role, council_a)).get(URL)
    assert response.status_code == 200 and response.context["title"] == "When and where did you see this?"


def test_a_partner_is_told_to_tell_the_council_and_keeps_nothing(client_for, police_partner):
    client = client_for(police_partner)
    response = client.get(URL)
    assert response.status_code == 403 and "modern slavery lead: they record it" in response.content.decode()
    assert client.post(step_url("when-where"), {"location": "Farm"}).status_code == 403
    assert SESSION_KEY not in client.session


def test_a_councillor_may_not_record(client_for, councillor_a):
    assert client_for(councillor_a).get(URL).status_code == 403
