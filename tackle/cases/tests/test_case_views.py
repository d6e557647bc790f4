"""Every case page: works for the right role, 404 for another organisation's case, 403 for the
wrong role."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case, NrmEventKind, ReferralCode, ReferralStatus, Stage
from tackle.cases.services.share import case_share
from tackle.core.models import RecordShare
from tackle.core.tests.dates import date_answer


@pytest.fixture
def case(frontline_a, record_concern):
    return record_concern(frontline_a, age=16, appears_under_18=True, person_name="Sam")


def _url(name, case, *extra):
    return reverse(f"cases:{name}", args=[case.uuid, *extra])


class TestConcernNew:
    def test_frontline_officer_records_a_concern_and_sees_what_happens_next(self, client_for, frontline_a):
        client = client_for(frontline_a)
        response = client.post(
            reverse("cases:concern-new"),
            {
                "encountered_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
                "location": "Sparkle Hand Car Wash, 2 Mill Lane",
                "what_was_seen": "Four workers, no gloves, sleeping on site; one looks 16; a man collects their pay",
                "concern_about": "person",
                "appears_under_18": "yes",
                "gender": "male",
                "interpreter_needed": "unknown",
                "indicators": ["little_or_no_pay", "poor_housing", "no_protective_equipment"],
                "exploitation_types": ["labour"],
                "exploitation_location": "uk",
                "consent_to_nrm": "unknown",
            },
        )
        case = Case.objects.get()
        assert response.status_code == 302 and response["Location"] == _url("concern-recorded", case)
        page = client.get(response["Location"]).content.decode()
        assert "08000 121 700" in page and case.reference in page
        assert "Children&#x27;s safeguarding referral" in page or "Children's safeguarding referral" in page
        assert case.treated_as_child and case.recorded_by == frontline_a

    def test_missing_answers_show_govuk_errors_and_save_nothing(self, client_for, frontline_a):
        response = client_for(frontline_a).post(reverse("cases:concern-new"), {"concern_about": "person"})
        page = response.content.decode()
        assert "govuk-error-summary" in page and "Enter where you saw this" in page
        assert not Case.objects.exists()

    def test_possible_duplicates_are_shown_before_saving(self, client_for, frontline_a, case):
        form = {
            "encountered_at": (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "location": case.location,
            "what_was_seen": "Seen again",
            "concern_about": "person",
            "appears_under_18": "unknown",
            "gender": "unknown",
            "interpreter_needed": "unknown",
            "exploitation_location": "unknown",
            "consent_to_nrm": "unknown",
        }
        client = client_for(frontline_a)
        response = client.post(reverse("cases:concern-new"), form)
        assert response.status_code == 200 and case.reference in response.content.decode()
        assert Case.objects.count() == 1
        client.post(reverse("cases:concern-new"), {**form, "not_a_duplicate": "1"})
        assert Case.objects.count() == 2

    def test_councillors_cannot_record_concerns(self, client_for, councillor_a):
        assert client_for(councillor_a).get(reverse("cases:concern-new")).status_code == 403

    def test_a_partner_agency_cannot_record_a_concern_it_could_never_open(self, client_for, police_partner):
        client = client_for(police_partner)
        assert client.get(reverse("cases:concern-new")).status_code == 403
        form = {"concern_about": "person", "what_was_seen": "Seen", "location": "High Street"}
        assert client.post(reverse("cases:concern-new"), form).status_code == 403
        assert not Case.objects.exists()


class TestCaseDetail:
    def test_lead_sees_the_checklist_and_the_view_is_audited(self, client_for, lead_a, case):
        response = client_for(lead_a).get(_url("case-detail", case))
        assert response.status_code == 200
        codes = {row["referral"].code for row in response.context["referrals"]}
        assert ReferralCode.CHILDREN_SAFEGUARDING_REFERRAL in codes
        assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(case.uuid), actor=lead_a).exists()
        case.refresh_from_db()
        assert case.triaged_at is not None

    def test_the_officer_who_recorded_it_can_read_it(self, client_for, frontline_a, case):
        response = client_for(frontline_a).get(_url("case-detail", case))
        assert response.status_code == 200 and response.context["can_work"] is False

    def test_another_frontline_officer_gets_404(self, client_for, make_user, council_a, case):
        colleague = make_user("frontline_officer", council_a)
        assert client_for(colleague).get(_url("case-detail", case)).status_code == 404

    def test_another_organisation_gets_404(self, client_for, lead_b, case):
        assert client_for(lead_b).get(_url("case-detail", case)).status_code == 404

    def test_councillor_gets_403(self, client_for, councillor_a, case):
        assert client_for(councillor_a).get(_url("case-detail", case)).status_code == 403

    def test_a_partner_sees_it_only_while_shared(self, client_for, lead_a, police_partner, case):
        client = client_for(police_partner)
        assert client.get(_url("case-detail", case)).status_code == 404
        client_for(lead_a).post(
            _url("share-new", case),
            {
                "organisation": police_partner.organisation.pk,
                "scope": "summary",
                "purpose": "Joint visit",
                "lawful_basis": "public_task",
                "consent": "not_asked",
                "consent_note": "The police need to know before they can speak to her",
            },
        )
        assert client.get(_url("case-detail", case)).status_code == 200
        share = RecordShare.objects.get(content_type=ContentType.objects.get_for_model(Case))
        client_for(lead_a).post(_url("share-revoke", case, share.pk), {"confirm": "revoke"})
        assert client.get(_url("case-detail", case)).status_code == 404


class TestShareRevoke:
    """Issue 18, item 1: the Revoke link opens a check page; only its own form revokes."""

    @pytest.fixture
    def share(self, lead_a, police_partner, case):
        return case_share(
            case=case,
            organisation=police_partner.organisation,
            actor=lead_a,
            scope="summary",
            purpose="Joint visit",
            lawful_basis="public_task",
            consent="not_asked",
            consent_note="The police need to know before they can speak to her",
        )

    def test_the_check_page_says_which_partner_loses_what_of_which_case(self, client_for, lead_a, case, share):
        response = client_for(lead_a).get(_url("share-revoke", case, share.pk))
        page = response.content.decode()
        assert response.status_code == 200 and 'data-testid="revoke-summary"' in page
        assert case.reference in page and share.organisation.name in page and share.get_scope_display() in page
        assert "You cannot undo this" in page and 'name="confirm" value="revoke"' in page
        share.refresh_from_db()
        assert share.revoked_at is None

    def test_a_post_without_the_confirmation_revokes_nothing(self, client_for, lead_a, police_partner, case, share):
        response = client_for(lead_a).post(_url("share-revoke", case, share.pk), {"confirm": "yes"})
        page = response.content.decode()
        assert response.status_code == 200 and "Check what will stop, then select Revoke sharing" in page
        share.refresh_from_db()
        assert share.revoked_at is None
        assert client_for(police_partner).get(_url("case-detail", case)).status_code == 200

    def test_the_check_pages_own_form_revokes(self, client_for, lead_a, case, share):
        response = client_for(lead_a).post(_url("share-revoke", case, share.pk), {"confirm": "revoke"})
        assert response.status_code == 302 and response["Location"] == _url("case-detail", case)
        share.refresh_from_db()
        assert share.revoked_at is not None

    def test_another_organisation_gets_404(self, client_for, lead_b, case, share):
        url = _url("share-revoke", case, share.pk)
        assert client_for(lead_b).get(url).status_code == 404
        assert client_for(lead_b).post(url, {"confirm": "revoke"}).status_code == 404
        share.refresh_from_db()
        assert share.revoked_at is None

    def test_councillor_gets_403(self, client_for, councillor_a, case, share):
        url = _url("share-revoke", case, share.pk)
        assert client_for(councillor_a).get(url).status_code == 403
        assert client_for(councillor_a).post(url, {"confirm": "revoke"}).status_code == 403
        share.refresh_from_db()
        assert share.revoked_at is None


class TestReferralEdit:
    def test_lead_records_that_the_mash_referral_went(self, client_for, lead_a, case):
        referral = case.referrals.get(code=ReferralCode.CHILDREN_SAFEGUARDING_REFERRAL)
        sent = (timezone.localtime() - timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M")
        response = client_for(lead_a).post(
            _url("referral-edit", case, referral.uuid), {"status": "sent", "sent_at": sent}
        )
        assert response.status_code == 302
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.SENT and referral.sent_at is not None

    def test_sent_without_a_time_is_an_error_and_changes_nothing(self, client_for, lead_a, case):
        referral = case.referrals.first()
        response = client_for(lead_a).post(_url("referral-edit", case, referral.uuid), {"status": "sent"})
        assert "Enter when it was sent or done" in response.content.decode()
        referral.refresh_from_db()
        assert referral.status == ReferralStatus.TO_DO

    def test_frontline_officer_gets_403_on_their_own_case(self, client_for, frontline_a, case):
        referral = case.referrals.first()
        assert client_for(frontline_a).get(_url("referral-edit", case, referral.uuid)).status_code == 403

    def test_another_organisation_gets_404(self, client_for, lead_b, case):
        referral = case.referrals.first()
        assert client_for(lead_b).get(_url("referral-edit", case, referral.uuid)).status_code == 404


class TestNrmEventNew:
    def test_lead_records_a_decision(self, client_for, lead_a, case):
        client = client_for(lead_a)
        referral = case.referrals.get(code=ReferralCode.NRM_REFERRAL)
        sent = timezone.localtime().strftime("%Y-%m-%dT%H:%M")
        client.post(_url("referral-edit", case, referral.uuid), {"status": "sent", "sent_at": sent})
        response = client.post(
            _url("nrm-event-new", case),
            {
                "kind": NrmEventKind.RG_DECISION,
                **date_answer("occurred_on", timezone.localdate()),
                "outcome": "positive",
            },
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.stage == Stage.POSITIVE_RG

    def test_a_rule_broken_shows_the_reason_and_records_nothing(self, client_for, lead_a, case):
        response = client_for(lead_a).post(
            _url("nrm-event-new", case),
            {
                "kind": NrmEventKind.RG_DECISION,
                **date_answer("occurred_on", timezone.localdate()),
                "outcome": "positive",
            },
        )
        assert "Record the NRM referral before" in response.content.decode()
        assert not case.nrm_events.exists()

    def test_wrong_role_and_other_organisation(self, client_for, frontline_a, lead_b, case):
        assert client_for(frontline_a).get(_url("nrm-event-new", case)).status_code == 403
        assert client_for(lead_b).get(_url("nrm-event-new", case)).status_code == 404


class TestConsent:
    def test_lead_records_a_refusal_and_the_record_becomes_anonymous(
        self, client_for, lead_a, frontline_a, record_concern
    ):
        adult = record_concern(frontline_a, age=40, person_name="Bea")
        response = client_for(lead_a).post(
            _url("consent-edit", adult), {"consent_to_nrm": "no", "refusal_reason": "Scared", "version": adult.version}
        )
        assert response.status_code == 302
        adult.refresh_from_db()
        assert adult.person_name == "" and adult.is_anonymous

    def test_a_stale_form_is_refused_with_a_clear_message(self, client_for, lead_a, frontline_a, record_concern):
        adult = record_concern(frontline_a, age=40)
        response = client_for(lead_a).post(
            _url("consent-edit", adult), {"consent_to_nrm": "yes", "version": adult.version - 1}
        )
        assert "Someone else changed this case" in response.content.decode()

    def test_wrong_role_and_other_organisation(self, client_for, frontline_a, lead_b, case):
        assert client_for(frontline_a).get(_url("consent-edit", case)).status_code == 403
        assert client_for(lead_b).get(_url("consent-edit", case)).status_code == 404


class TestShare:
    def test_sharing_needs_a_purpose(self, client_for, lead_a, police_partner, case):
        response = client_for(lead_a).post(_url("share-new", case), {"organisation": police_partner.organisation.pk})
        assert "Enter why" in response.content.decode()
        assert not RecordShare.objects.exists()

    def test_wrong_role_and_other_organisation(self, client_for, frontline_a, lead_b, case):
        assert client_for(frontline_a).get(_url("share-new", case)).status_code == 403
        assert client_for(lead_b).get(_url("share-new", case)).status_code == 404


def test_overdue_actions_show_on_the_leads_dashboard_and_first_in_the_queue(
    client_for, lead_a, frontline_a, record_concern
):
    old = record_concern(frontline_a, age=16, encountered_at=timezone.now() - timedelta(days=4))
    record_concern(frontline_a, age=30, consent_to_nrm=True, location="Elsewhere")
    client = client_for(lead_a)
    client.get(_url("case-detail", old))  # triaged: no longer "new"
    figures = {f["label"]: f["value"] for f in client.get("/").context["dashboard"].figures}
    assert figures["Overdue actions"] >= 1 and figures["Open cases"] == 2
    rows = client.get(reverse("cases:queue")).context["rows"]
    assert rows[0]["new"]  # the untriaged concern comes first
    assert rows[1]["case"] == old and rows[1]["overdue"]


def test_an_adult_who_says_no_is_told_what_he_can_still_get(client_for, frontline_a, record_concern):
    case = record_concern(frontline_a, age=45, consent_to_nrm=False, refusal_reason="Will not say", destitute=True)
    page = client_for(frontline_a).get(_url("concern-recorded", case)).content.decode()
    assert 'data-testid="without-nrm"' in page and "emergency accommodation" in page
    assert "Emergency accommodation tonight" in page and "Duty to Notify" in page


def test_the_queue_orders_triaged_cases_by_next_due_with_nothing_due_last(
    client_for, lead_a, frontline_a, record_concern, monkeypatch
):
    from tackle.cases import selectors
    from tackle.cases.models import Case

    due = record_concern(frontline_a, age=30, consent_to_nrm=True, location="1 Mill Lane")
    nothing_due = record_concern(frontline_a, age=30, consent_to_nrm=True, location="2 Mill Lane")
    nothing_due.referrals.all().delete()
    Case.objects.filter(pk__in=[due.pk, nothing_due.pk]).update(triaged_at=timezone.now())
    client = client_for(lead_a)
    rows = client.get(reverse("cases:queue")).context["rows"]
    assert [row["case"] for row in rows] == [due, nothing_due]
    assert rows[0]["next_due"] is not None and rows[1]["next_due"] is None and not rows[1]["overdue"]

    monkeypatch.setattr(selectors, "QUEUE_PAGE_SIZE", 1)
    first = client.get(reverse("cases:queue"))
    assert [row["case"] for row in first.context["rows"]] == [due]
    assert "Showing 1 to 1 of 2 open cases" in first.content.decode() and 'href="?page=2"' in first.content.decode()
    second = client.get(reverse("cases:queue"), {"page": "2"})
    assert [row["case"] for row in second.context["rows"]] == [nothing_due]
    for wrong, expected in (("99", nothing_due), ("x", due), ("-3", due)):
        assert [row["case"] for row in client.get(reverse("cases:queue"), {"page": wrong}).context["rows"]] == [
            expected
        ]


def test_the_case_page_says_when_they_were_seen_in_london_time(client_for, lead_a, frontline_a, record_concern):
    seen = datetime(2025, 7, 1, 13, 30, tzinfo=UTC)  # 14:30 in London, on summer time
    case = record_concern(frontline_a, encountered_at=seen)
    page = client_for(lead_a).get(reverse("cases:case-detail", args=[case.uuid])).content.decode()
    assert "1 July 2025 14:30 at 1 High Street" in page
