import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case, Encounter
from tackle.core.tests.dates import date_answer


def _first_person(**extra):
    return {
        "encountered_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "location": "Sparkle Hand Car Wash, 2 Mill Lane",
        "what_was_seen": "Four workers without gloves, sleeping on site",
        "concern_about": "person",
        "appears_under_18": "unknown",
        "gender": "male",
        "interpreter_needed": "unknown",
        "exploitation_types": ["labour"],
        "exploitation_location": "uk",
        "consent_to_nrm": "unknown",
        **extra,
    }


def _other(number, **extra):
    fields = {"appears_under_18": "unknown", "gender": "male", "interpreter_needed": "unknown"}
    fields |= {"consent_to_nrm": "unknown", **extra}
    return {f"person{number}-{name}": value for name, value in fields.items()}


class TestOneEncounterSeveralPeople:
    def test_adding_another_person_keeps_what_was_typed_and_saves_nothing(self, client_for, frontline_a):
        client = client_for(frontline_a)
        response = client.post(reverse("cases:concern-new"), {**_first_person(person_name="Andrei"), "add_person": "1"})
        page = response.content.decode()
        assert response.status_code == 200 and "Person 2" in page and 'value="Andrei"' in page
        assert "govuk-error-summary" not in page and not Case.objects.exists()

    def test_adding_another_person_keeps_the_date_typed_into_its_boxes(self, client_for, frontline_a):
        typed = {**_first_person(), **date_answer("encountered_at", "2026-11-03T09:05"), "add_person": "1"}
        del typed["encountered_at"]
        page = client_for(frontline_a).post(reverse("cases:concern-new"), typed).content.decode()
        for box, value in (("day", "3"), ("month", "11"), ("year", "2026"), ("hour", "9"), ("minute", "05")):
            box_tag = re.search(rf'<input[^>]*name="encountered_at-{box}"[^>]*>', page)
            assert box_tag and f'value="{value}"' in box_tag[0], box

    def test_four_workers_become_four_cases_of_one_encounter_and_one_refuses(self, client_for, frontline_a):
        form = {**_first_person(person_name="Andrei", age="24", consent_to_nrm="yes"), "people": "4"}
        form |= _other(2, age="30") | _other(3, appears_under_18="yes")
        form |= _other(4, age="41", consent_to_nrm="no", refusal_reason="Afraid of the gang master")
        response = client_for(frontline_a).post(reverse("cases:concern-new"), form)
        encounter = Encounter.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse(
            "cases:encounter-detail", args=[encounter.uuid]
        )
        cases = list(encounter.cases.order_by("pk"))
        assert len(cases) == 4 and all(case.exploitation_types == ["labour"] for case in cases)
        assert cases[2].treated_as_child and cases[3].is_anonymous and cases[0].consent_to_nrm is True
        page = client_for(frontline_a).get(response["Location"]).content.decode()
        assert page.count('"path">Duty to Notify') == 1 and all(case.reference in page for case in cases)

    def test_a_refusal_without_a_reason_for_another_person_saves_nothing(self, client_for, frontline_a):
        form = {**_first_person(), "people": "2", **_other(2, age="41", consent_to_nrm="no")}
        response = client_for(frontline_a).post(reverse("cases:concern-new"), form)
        assert "Say why they did not want to be referred" in response.content.decode()
        assert not Case.objects.exists() and not Encounter.objects.exists()

    def test_who_may_open_an_encounter(self, client_for, frontline_a, lead_a, lead_b, councillor_a, police_partner):
        form = {**_first_person(), "people": "2", **_other(2)}
        client_for(frontline_a).post(reverse("cases:concern-new"), form)
        url = reverse("cases:encounter-detail", args=[Encounter.objects.get().uuid])
        assert client_for(lead_a).get(url).status_code == 200
        assert client_for(frontline_a).get(url).status_code == 200
        assert client_for(lead_b).get(url).status_code == 404
        assert client_for(police_partner).get(url).status_code == 404
        assert client_for(councillor_a).get(url).status_code == 403


class TestCorrectionPages:
    def _url(self, case, group="person"):
        return reverse("cases:case-change-edit", args=[case.uuid, group])

    def test_the_lead_corrects_the_name_and_date_of_birth_with_a_reason(
        self, client_for, frontline_a, lead_a, record_concern
    ):
        case = record_concern(frontline_a, person_name="Ion", age=30)
        client = client_for(lead_a)
        page = client.get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
        assert self._url(case) in page and self._url(case, "age") in page
        case.refresh_from_db()  # the lead opening it triaged it: a new version
        form = {
            "person_name": "Ion Popescu",
            "aliases": "Johnny\nIonut",
            **date_answer("person_date_of_birth", "1994-03-01"),
            "gender": "male",
            "interpreter_needed": "yes",
            "reason": "Passport seen at interview",
            "version": str(case.version),
        }
        response = client.post(self._url(case), form)
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.person_name == "Ion Popescu" and str(case.person_date_of_birth) == "1994-03-01"
        assert list(case.aliases.values_list("name", flat=True)) == ["Johnny", "Ionut"]
        entry = AuditEvent.objects.filter(object_id=str(case.uuid), action=AuditAction.UPDATE).order_by("pk").last()
        assert "person_name" in entry.changed_fields and "Passport seen" in entry.note

    def test_a_stale_page_and_a_missing_reason_are_refused(self, client_for, frontline_a, lead_a, record_concern):
        case = record_concern(frontline_a, person_name="Ion")
        client = client_for(lead_a)
        form = {"person_name": "Ion P", "gender": "male", "interpreter_needed": "unknown", "version": "1"}
        assert "Say why you are making this change" in client.post(self._url(case), form).content.decode()
        case.version = 5
        case.save()
        page = client.post(self._url(case), {**form, "reason": "x"}).content.decode()
        assert "Someone else changed this case" in page
        assert Case.objects.get().person_name == "Ion"

    def test_who_may_correct(self, client_for, frontline_a, lead_b, councillor_a, record_concern):
        case = record_concern(frontline_a)
        assert client_for(frontline_a).get(self._url(case)).status_code == 403
        assert client_for(councillor_a).get(self._url(case)).status_code == 403
        assert client_for(lead_b).get(self._url(case)).status_code == 404
