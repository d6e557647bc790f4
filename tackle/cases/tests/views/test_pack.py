"""The referral pack: words never codes, each thing asked once, a child never asked the adults'
questions, a Duty to Notify with nothing that identifies the person and exported only once the lead
has redacted its account, and a tagged PDF (PDF/UA) with its language."""

import pytest
from django.urls import reverse

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.nrm_pack import PLACE_WITHHELD, api_form
from tackle.cases.services.correction import case_correct
from tackle.cases.services.home_office_form import duty_to_notify_redact, home_office_section_save
from tackle.core.errors import ApplicationError
from tackle.core.tests.accessible_documents import assert_tagged_pdf


def _url(name, case):
    return reverse(f"cases:{name}", args=[case.uuid])


def _items(pack):
    return {item["key"]: item["answer"] for section in pack["sections"] for item in section["items"]}


@pytest.fixture
def adult(frontline_a, record_concern):
    return record_concern(
        frontline_a,
        age=30,
        consent_to_nrm=True,
        person_name="Ana",
        indicators=["spoken_for", "little_or_no_pay"],
        exploitation_types=["labour", "criminal"],
    )


@pytest.fixture
def child(frontline_a, record_concern):
    return record_concern(frontline_a, age=16, appears_under_18=True, person_name="Sam")


@pytest.fixture
def declined(frontline_a, record_concern):
    return record_concern(
        frontline_a,
        age=40,
        consent_to_nrm=False,
        refusal_reason="Scared of the gang",
        nationality="Albanian",
        location="Shed behind 4 Orchard Lane",
        what_was_seen="Man sleeping in the shed behind 4 Orchard Lane, pays rent to Besnik",
    )


def test_the_pack_reads_as_words_and_asks_consent_once(client_for, lead_a, adult):
    pack = client_for(lead_a).get(_url("nrm-pack-json", adult)).json()
    items = _items(pack)
    assert pack["form"] == "nrm" and pack["reference"] == adult.reference
    assert items["indicators"] == (
        "Someone else speaks for them or coaches their answers; Little or no pay, or someone else controls their money"
    )
    assert items["exploitation_types"] == "Labour; Criminal" and items["consent"] == "Yes"
    questions = [item["question"] for section in pack["sections"] for item in section["items"]]
    assert sum("consent" in question.lower() for question in questions) == 1
    assert "spoken_for" not in str(pack)


def test_a_child_is_never_asked_the_adults_only_question(client_for, lead_a, child):
    pack = client_for(lead_a).get(_url("nrm-pack-json", child)).json()
    items = _items(pack)
    assert "under_18_during_exploitation" not in items and "needs_support" not in items
    assert items["under_18"] == "Yes" and items["consent"] == "Not needed: a child is referred without consent"


def test_page_json_and_pdf_are_audited_and_the_pdf_is_tagged_with_its_language(client_for, lead_a, adult):
    client = client_for(lead_a)
    assert client.get(_url("nrm-pack", adult)).status_code == 200
    assert client.get(_url("nrm-pack-json", adult)).status_code == 200
    response = client.get(_url("nrm-pack-pdf", adult))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    # Questions and answers are a list (dl), not a table: headings H1 then one H2 a section.
    assert_tagged_pdf(response.content, title=f"NRM referral pack: {adult.reference}", tables=False)
    events = AuditEvent.objects.filter(object_id=str(adult.uuid))
    assert events.filter(action=AuditAction.VIEW).count() == 1
    assert events.filter(action=AuditAction.EXPORT).count() == 2


class TestDutyToNotify:
    def test_export_is_refused_until_the_lead_redacts_the_account(self, client_for, lead_a, declined):
        client = client_for(lead_a)
        refused = client.get(_url("nrm-pack-json", declined))
        assert refused.status_code == 409 and "review and redact" in refused.json()["detail"]
        pdf = client.get(_url("nrm-pack-pdf", declined), follow=True)
        assert "review and redact" in pdf.content.decode() and pdf.redirect_chain
        page = client.get(_url("nrm-pack", declined)).content.decode()
        assert "Orchard Lane" not in page and "Besnik" not in page
        assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()

    def test_the_pack_holds_the_town_and_the_redaction_never_the_place(self, client_for, lead_a, declined):
        case_correct(
            case=declined,
            actor=lead_a,
            changes={"current_town": "Exeter", "current_county": "Devon"},
            reason="Moved to a friend's",
        )
        duty_to_notify_redact(
            case=declined,
            actor=lead_a,
            texts={"account": "Man sleeping in an outbuilding, pays rent to a man", "refusal_reason": "Scared"},
        )
        check = _url("nrm-pack-export", declined) + "?format=json"  # a Duty to Notify leaves through its check
        response = client_for(lead_a).post(check, {"checked": "on"})
        assert response.status_code == 200
        pack = response.json()
        items = _items(pack)
        assert pack["form"] == "duty_to_notify" and pack["anonymous"] is True
        assert (items["current_town"], items["current_county"]) == ("Exeter", "Devon")
        assert items["account"].startswith("Man sleeping in an outbuilding")
        assert "name" not in items and "contact" not in items
        assert "Orchard" not in str(pack) and "Besnik" not in str(pack) and "Scared of the gang" not in str(pack)

    def test_a_place_finer_than_a_town_is_withheld_and_an_address_refused(self, lead_a, declined):
        with pytest.raises(ApplicationError) as refused:
            case_correct(case=declined, actor=lead_a, changes={"current_town": "4 Orchard Lane"}, reason="Seen")
        assert refused.value.field == "current_town"
        declined = case_correct(
            case=declined, actor=lead_a, changes={"current_town": "Shed behind Orchard Lane, Exeter"}, reason="Seen"
        )
        places = api_form(declined)["sections"]["places"]
        assert places["current_town"] == PLACE_WITHHELD and "Orchard" not in str(api_form(declined))

    def test_a_change_to_the_account_asks_for_the_review_again(self, client_for, lead_a, declined):
        duty_to_notify_redact(case=declined, actor=lead_a, texts={"account": "A man", "refusal_reason": "Scared"})
        home_office_section_save(
            case=declined, section_key="background", answers={"family": "A brother in Leeds"}, actor=lead_a
        )
        assert client_for(lead_a).get(_url("nrm-pack-json", declined)).status_code == 409


def test_the_nrm_form_reads_where_they_are_now_from_the_record(client_for, lead_a, adult):
    assert {"current_town", "current_county"} <= set(api_form(adult)["missing"])
    case_correct(
        case=adult, actor=lead_a, changes={"current_town": "Leeds", "current_county": "West Yorkshire"}, reason="Moved"
    )
    items = _items(client_for(lead_a).get(_url("nrm-pack-json", adult)).json())
    assert (items["current_town"], items["current_county"]) == ("Leeds", "West Yorkshire")
    with pytest.raises(ApplicationError):  # the record's, never asked again on the form
        home_office_section_save(case=adult, section_key="places", answers={"current_town": "York"}, actor=lead_a)


def test_wrong_role_and_other_organisation(client_for, frontline_a, lead_b, adult):
    assert client_for(frontline_a).get(_url("nrm-pack", adult)).status_code == 403
    assert client_for(lead_b).get(_url("nrm-pack-json", adult)).status_code == 404
    assert client_for(lead_b).get(_url("nrm-pack-pdf", adult)).status_code == 404
