"""The data protection pages (issue 15, item 5): the administrator and the lead only; another
organisation's case 404; every other role 403."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent
from tackle.cases.models import Case, LegalHold, RetentionPeriod
from tackle.cases.retention_records import record_kinds
from tackle.cases.services.retention import legal_hold_place
from tackle.cases.tests.factories import make_case
from tackle.core.roles import Role
from tackle.core.tests.dates import date_answer

# The kinds of record disrupt registers (tackle/disrupt/retention.py), at their defaults.
# Every kind another app registers (disrupt; training and suppliers through cases), at its default.
OTHER_KINDS = {kind.record_type: str(kind.default_months) for kind in record_kinds()}


@pytest.fixture
def old_case(lead_a):
    closed_at = timezone.now() - timedelta(days=365 * 30)
    return make_case(lead_a.organisation, lead_a, person_name="Ana Petrova", status="closed", closed_at=closed_at)


@pytest.fixture
def hold(old_case, lead_a):
    return legal_hold_place(case=old_case, reason="Employment tribunal claim", actor=lead_a)


def _decide(case):
    return reverse("cases:retention-decide", args=[case.uuid])


@pytest.mark.parametrize("persona", ["admin_a", "lead_a"])
def test_organisation_settings_link_to_the_data_protection_pages(client_for, request, persona):
    page = client_for(request.getfixturevalue(persona)).get(reverse("accounts:organisation-settings")).content.decode()
    links = page.split('data-testid="data-protection-links"')[1]
    for name in ("cases:retention-due", "cases:retention-schedule", "cases:subject-access-find"):
        assert f'href="{reverse(name)}"' in links


class TestSchedule:
    def test_the_administrator_changes_a_period_and_it_is_audited(self, client_for, admin_a):
        url = reverse("cases:retention-schedule-edit")
        page = client_for(admin_a).get(url).content.decode()
        assert 'name="adult_case"' in page and 'value="72"' in page
        response = client_for(admin_a).post(
            url, {**OTHER_KINDS, "adult_case": "84", "child_case": "300", "support_document": "24"}
        )
        assert response.status_code == 302
        assert list(RetentionPeriod.objects.values_list("record_type", "months")) == [("adult_case", 84)]
        assert AuditEvent.objects.filter(object_type="cases.retentionperiod", action=AuditAction.UPDATE).count() == 1

    def test_a_period_out_of_range_is_an_error_on_its_field(self, client_for, admin_a):
        data = {**OTHER_KINDS, "adult_case": "0", "child_case": "300", "support_document": "24"}
        response = client_for(admin_a).post(reverse("cases:retention-schedule-edit"), data)
        assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
        assert not RetentionPeriod.objects.exists()

    def test_the_lead_reads_the_schedule_but_may_not_change_it(self, client_for, lead_a):
        assert client_for(lead_a).get(reverse("cases:retention-schedule")).status_code == 200
        assert client_for(lead_a).get(reverse("cases:retention-schedule-edit")).status_code == 403

    def test_councillor_gets_403(self, client_for, councillor_a):
        assert client_for(councillor_a).get(reverse("cases:retention-schedule")).status_code == 403


class TestReviewList:
    def test_the_lead_sees_a_case_past_its_date(self, client_for, lead_a, old_case):
        page = client_for(lead_a).get(reverse("cases:retention-due")).content.decode()
        assert old_case.reference in page and _decide(old_case) in page

    def test_another_organisations_list_does_not_show_it(self, client_for, lead_b, old_case):
        page = client_for(lead_b).get(reverse("cases:retention-due")).content.decode()
        assert old_case.reference not in page

    @pytest.mark.parametrize("persona", ["councillor_a", "frontline_a", "auditor_a"])
    def test_other_roles_get_403(self, client_for, request, persona):
        assert client_for(request.getfixturevalue(persona)).get(reverse("cases:retention-due")).status_code == 403

    def test_the_list_downloads_as_csv_and_xlsx_and_is_audited(self, client_for, lead_a, lead_b, old_case):
        url = reverse("cases:retention-due")
        client = client_for(lead_a)
        assert "download=csv" in client.get(url).content.decode()
        rows = b"".join(client.get(url, {"download": "csv"}).streaming_content).decode().splitlines()
        assert rows[0] == "Case,Kind of record,Kept until"
        assert len(rows) == 2 and rows[1].startswith(f'{old_case.reference},"Closed cases of adults')
        assert AuditEvent.objects.filter(object_type="export.retention-due", actor=lead_a).exists()
        assert client.get(url, {"download": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")
        other = b"".join(client_for(lead_b).get(url, {"download": "csv"}).streaming_content).decode()
        assert old_case.reference not in other

    def test_other_roles_may_not_download_it(self, client_for, frontline_a):
        response = client_for(frontline_a).get(reverse("cases:retention-due"), {"download": "csv"})
        assert response.status_code == 403


class TestDecision:
    def test_the_administrator_anonymises_a_case(self, client_for, admin_a, old_case):
        data = {"decision": "anonymise", "reason": "Past its retention date"}
        assert client_for(admin_a).post(_decide(old_case), data).status_code == 302
        assert Case.objects.get(pk=old_case.pk).person_name == ""

    def test_keeping_longer_needs_a_date(self, client_for, admin_a, old_case):
        response = client_for(admin_a).post(_decide(old_case), {"decision": "keep", "reason": "Inquiry"})
        assert "Enter the date to keep it until" in response.content.decode()

    def test_keeping_longer_with_a_date_takes_it_off_the_list(self, client_for, lead_a, old_case):
        until = timezone.localdate() + timedelta(days=90)
        data = {"decision": "keep", "reason": "Inquiry", **date_answer("keep_until", until)}
        assert client_for(lead_a).post(_decide(old_case), data).status_code == 302
        assert old_case.reference not in client_for(lead_a).get(reverse("cases:retention-due")).content.decode()

    def test_a_held_case_is_refused_with_the_reason_shown(self, client_for, lead_a, old_case, hold):
        response = client_for(lead_a).post(_decide(old_case), {"decision": "erase", "reason": "Asked"})
        assert "on legal hold" in response.content.decode()
        assert Case.objects.filter(pk=old_case.pk).exists()

    def test_another_organisation_gets_404(self, client_for, lead_b, old_case):
        response = client_for(lead_b).post(_decide(old_case), {"decision": "erase", "reason": "Asked"})
        assert response.status_code == 404 and Case.objects.filter(pk=old_case.pk).exists()

    def test_councillor_gets_403(self, client_for, councillor_a, old_case):
        response = client_for(councillor_a).post(_decide(old_case), {"decision": "erase", "reason": "Asked"})
        assert response.status_code == 403 and Case.objects.filter(pk=old_case.pk).exists()


class TestLegalHold:
    def test_the_lead_puts_a_case_on_hold_by_its_reference(self, client_for, lead_a, old_case):
        data = {"reference": old_case.reference.lower(), "reason": "Police investigation"}
        assert client_for(lead_a).post(reverse("cases:legal-hold-new"), data).status_code == 302
        assert LegalHold.objects.get(case=old_case).reason == "Police investigation"
        page = client_for(lead_a).get(reverse("cases:retention-due")).content.decode()
        assert _decide(old_case) not in page and 'data-testid="retention-none-due"' in page
        assert "Police investigation" in page.split('data-testid="legal-holds"')[1]

    def test_another_organisations_reference_is_not_found(self, client_for, lead_b, old_case):
        data = {"reference": old_case.reference, "reason": "Police investigation"}
        response = client_for(lead_b).post(reverse("cases:legal-hold-new"), data)
        assert "No case of your organisation has this reference" in response.content.decode()
        assert not LegalHold.objects.exists()

    def test_the_administrator_lifts_a_hold_with_a_reason(self, client_for, admin_a, hold):
        url = reverse("cases:legal-hold-lift", args=[hold.uuid])
        assert client_for(admin_a).post(url, {"reason": "The claim was settled"}).status_code == 302
        hold.refresh_from_db()
        assert hold.lifted_by == admin_a and hold.lift_reason == "The claim was settled"

    def test_lifting_another_organisations_hold_gets_404(self, client_for, lead_b, hold):
        url = reverse("cases:legal-hold-lift", args=[hold.uuid])
        assert client_for(lead_b).post(url, {"reason": "Settled"}).status_code == 404
        hold.refresh_from_db()
        assert hold.is_live

    def test_councillor_gets_403(self, client_for, councillor_a, hold):
        assert client_for(councillor_a).get(reverse("cases:legal-hold-new")).status_code == 403
        url = reverse("cases:legal-hold-lift", args=[hold.uuid])
        assert client_for(councillor_a).post(url, {"reason": "Settled"}).status_code == 403


class TestSubjectAccess:
    def test_the_administrator_downloads_the_archive_and_it_is_audited(self, client_for, admin_a, old_case):
        url = reverse("cases:subject-access", args=[old_case.uuid])
        assert "Download the archive" in client_for(admin_a).get(url).content.decode()
        response = client_for(admin_a).post(url)
        assert response["Content-Type"] == "application/zip"
        assert "person.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
        assert AuditEvent.objects.filter(object_id=str(old_case.uuid), action=AuditAction.EXPORT).exists()

    def test_the_reference_leads_to_the_archive(self, client_for, lead_a, old_case):
        response = client_for(lead_a).post(reverse("cases:subject-access-find"), {"reference": old_case.reference})
        assert response["Location"] == reverse("cases:subject-access", args=[old_case.uuid])

    def test_another_organisation_gets_404(self, client_for, lead_b, old_case):
        assert client_for(lead_b).post(reverse("cases:subject-access", args=[old_case.uuid])).status_code == 404

    @pytest.mark.parametrize("persona", ["councillor_a", "frontline_a"])
    def test_other_roles_get_403(self, client_for, request, persona, old_case):
        client = client_for(request.getfixturevalue(persona))
        assert client.post(reverse("cases:subject-access", args=[old_case.uuid])).status_code == 403


class TestCasePage:
    def test_the_lead_sees_the_hold_and_is_offered_the_access_request(self, client_for, lead_a, old_case, hold):
        page = client_for(lead_a).get(reverse("cases:case-detail", args=[old_case.uuid])).content.decode()
        assert 'data-testid="legal-hold"' in page
        assert reverse("cases:subject-access", args=[old_case.uuid]) in page

    def test_a_safeguarding_manager_is_not_offered_the_access_request(self, client_for, make_user, council_a, old_case):
        manager = make_user(Role.SAFEGUARDING_MANAGER, council_a)
        page = client_for(manager).get(reverse("cases:case-detail", args=[old_case.uuid])).content.decode()
        assert "Support" in page and reverse("cases:subject-access", args=[old_case.uuid]) not in page
        assert 'data-testid="legal-hold"' not in page


def test_the_legal_holds_download_as_csv_and_xlsx_audited(client_for, lead_a, lead_b, frontline_a, old_case, hold):
    url = reverse("cases:retention-due")
    client = client_for(lead_a)
    assert "table=holds" in client.get(url).content.decode()
    rows = b"".join(client.get(url, {"download": "csv", "table": "holds"}).streaming_content).decode().splitlines()
    assert rows[0] == "Kind of record,Reference,Reason,Placed on,Placed by"
    assert len(rows) == 2 and rows[1].startswith(f"Case,{old_case.reference},Employment tribunal claim,")
    assert AuditEvent.objects.filter(object_type="export.legal-holds", actor=lead_a).exists()
    xlsx = client.get(url, {"download": "xlsx", "table": "holds"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    other = b"".join(client_for(lead_b).get(url, {"download": "csv", "table": "holds"}).streaming_content).decode()
    assert old_case.reference not in other
    assert client_for(frontline_a).get(url, {"download": "csv", "table": "holds"}).status_code == 403
