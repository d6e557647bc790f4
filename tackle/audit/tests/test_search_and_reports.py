"""The audit log as an auditor uses it (issue 18): finding who opened a person's record by the case
reference, the case's access report, the CSV export and the integrity check's kept result and
certificate. The auditor may use all of it; another organisation's case is not found; other roles
are refused."""

import csv
import io

import pypdf
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tackle.audit.models import AuditAction, AuditEvent, AuditVerification
from tackle.audit.services import audit_record
from tackle.audit.tasks import verify_audit_chain
from tackle.audit.verify import audit_chain_verify, audit_verification_record
from tackle.cases.models import CaseNote
from tackle.cases.services.case import ConcernDetails, case_record_concern
from tackle.core.roles import Role
from tackle.core.tests.accessible_documents import assert_tagged_pdf

pytestmark = pytest.mark.django_db


def _case(user, what="Workers sleeping at a car wash"):
    details = ConcernDetails(encountered_at=timezone.now(), what_was_seen=what, location="1 Mill Lane")
    return case_record_concern(organisation=user.organisation, recorded_by=user, details=details)


@pytest.fixture
def opened_case(lead_a):
    """A case of council A with a note, each opened once by the lead."""
    case = _case(lead_a)
    note = CaseNote.objects.create(case=case, author=lead_a, body="Spoke to the person by phone")
    audit_record(action=AuditAction.VIEW, actor=lead_a, obj=case)
    audit_record(action=AuditAction.VIEW, actor=lead_a, obj=note)
    return case


def _page(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return response


def test_the_auditor_finds_every_entry_about_a_case_by_its_reference(client_for, auditor_a, opened_case, lead_a):
    other = _case(lead_a, "Someone else")
    audit_record(action=AuditAction.VIEW, actor=lead_a, obj=other)
    response = _page(client_for(auditor_a), "audit:event-list", reference=opened_case.reference.lower())
    ids = {event.object_id for event in response.context["page"]}
    note = CaseNote.objects.get(case=opened_case)
    assert ids == {str(opened_case.uuid), str(note.uuid)}
    assert str(other.uuid) not in ids


def test_a_reference_may_be_typed_without_its_prefix(client_for, auditor_a, opened_case):
    bare = opened_case.reference.removeprefix("C-")
    response = _page(client_for(auditor_a), "audit:event-list", reference=bare)
    assert response.context["subject"].reference == opened_case.reference


def test_the_log_shows_the_case_reference_and_never_the_person(client_for, auditor_a, opened_case):
    page = _page(client_for(auditor_a), "audit:event-list").content.decode()
    assert f"Case {opened_case.reference}" in page
    assert reverse("audit:case-access", args=[opened_case.reference]) in page
    assert "Spoke to the person" not in page


def test_an_unknown_reference_is_a_clear_error_naming_the_field(client_for, auditor_a):
    page = _page(client_for(auditor_a), "audit:event-list", reference="C-NOTHERE").content.decode()
    assert "No case of your organisation has the reference C-NOTHERE" in page
    assert 'href="#id_reference"' in page  # the error summary leads to the field


def test_another_organisations_case_cannot_be_searched_for(client_for, auditor_a, lead_b):
    theirs = _case(lead_b)
    audit_record(action=AuditAction.VIEW, actor=lead_b, obj=theirs)
    response = _page(client_for(auditor_a), "audit:event-list", reference=theirs.reference)
    assert "No case of your organisation has the reference" in response.content.decode()
    assert str(theirs.uuid) not in {event.object_id for event in response.context["page"]}


def test_the_access_report_lists_who_opened_the_case_when_and_from_which_organisation(
    client_for, auditor_a, opened_case, police_partner
):
    audit_record(action=AuditAction.VIEW, actor=police_partner, obj=opened_case)  # through a share
    response = client_for(auditor_a).get(reverse("audit:case-access", args=[opened_case.reference]))
    assert response.status_code == 200
    rows = response.context["rows"]
    views = [(event.actor_username, organisation.name) for event, _part, organisation in rows if event.action == "view"]
    lead = opened_case.recorded_by.username
    assert (lead, "Council A") in views and (police_partner.username, "Test Police") in views
    assert {part for _event, part, _organisation in rows} >= {"The case and the person in it", "Case note"}
    assert response.context["opened_count"] == 3
    assert "Spoke to the person" not in response.content.decode()


def test_looking_at_an_access_report_is_itself_audited(client_for, auditor_a, opened_case):
    client_for(auditor_a).get(reverse("audit:case-access", args=[opened_case.reference]))
    entry = AuditEvent.objects.filter(actor=auditor_a, object_type="audit.access_report").get()
    assert entry.note == f"Access report for {opened_case.reference}"


def test_another_organisations_case_has_no_access_report(client_for, auditor_a, lead_b):
    theirs = _case(lead_b)
    assert client_for(auditor_a).get(reverse("audit:case-access", args=[theirs.reference])).status_code == 404


@pytest.mark.parametrize("role", [Role.FRONTLINE_OFFICER, Role.COUNCILLOR, Role.SAFEGUARDING_MANAGER, Role.PARTNER])
def test_other_roles_are_refused_every_new_page(client_for, make_user, council_a, opened_case, role):
    client = client_for(make_user(role, council_a))
    for url in (
        reverse("audit:case-access", args=[opened_case.reference]),
        reverse("audit:event-export-csv"),
        reverse("audit:certificate"),
        reverse("audit:certificate-pdf"),
        reverse("audit:verify"),
    ):
        assert client.get(url).status_code == 403, url


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_export_is_the_filtered_log_with_references_and_is_audited(client_for, auditor_a, opened_case, lead_a):
    audit_record(action=AuditAction.VIEW, actor=lead_a, object_type="cases.case", object_id="elsewhere")
    response = client_for(auditor_a).get(reverse("audit:event-export-csv"), {"reference": opened_case.reference})
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = _csv(response)
    assert header[7] == "Case reference"
    assert rows and all(row[7] == opened_case.reference for row in rows)
    exported = AuditEvent.objects.get(actor=auditor_a, action=AuditAction.EXPORT)
    assert exported.note == f"Audit log CSV: {len(rows)} entries"


def test_csv_cells_a_spreadsheet_would_run_are_quoted(client_for, auditor_a, lead_a):
    for note in ("=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        audit_record(action=AuditAction.UPDATE, actor=lead_a, object_type="cases.case", object_id="x", note=note)
    _header, *rows = _csv(client_for(auditor_a).get(reverse("audit:event-export-csv"), {"actor": lead_a.username}))
    notes = {row[9] for row in rows}
    assert notes == {"'=HYPERLINK(1)", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx"}


def test_the_csv_never_holds_another_organisations_entries(client_for, auditor_a, lead_b):
    audit_record(action=AuditAction.VIEW, actor=lead_b, object_type="cases.case", object_id="theirs")
    _header, *rows = _csv(client_for(auditor_a).get(reverse("audit:event-export-csv")))
    assert "theirs" not in {row[6] for row in rows}


def test_a_bad_filter_on_the_export_goes_back_to_the_named_error(client_for, auditor_a):
    response = client_for(auditor_a).get(reverse("audit:event-export-csv"), {"reference": "C-NOTHERE"}, follow=True)
    assert "No case of your organisation has the reference C-NOTHERE" in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_checks_result_is_kept_with_who_ran_it_and_shown(client_for, auditor_a, opened_case):
    verify_audit_chain.call(run_uuid=_run_uuid(auditor_a), started_by_id=auditor_a.pk)
    kept = AuditVerification.objects.get()
    assert kept.intact and kept.ran_by == auditor_a and kept.checked == AuditEvent.objects.count() - 1
    entry = AuditEvent.objects.get(object_type="audit.auditverification", object_id=str(kept.pk))
    assert entry.actor == auditor_a and entry.note == f"Checked {kept.checked} entries: intact"
    page = _page(client_for(auditor_a), "audit:verify").content.decode()
    assert "Intact" in page and auditor_a.username in page and "Print the integrity certificate" in page


def _run_uuid(user) -> str:
    from tackle.core.models import TaskRun

    return str(TaskRun.objects.create(name="Check the audit log", organisation=user.organisation, started_by=user).uuid)


def test_another_organisations_checks_are_not_shown_but_the_servers_are(client_for, auditor_a, lead_b):
    audit_verification_record(result=audit_chain_verify(), ran_by=lead_b)
    assert "has not been checked yet" in _page(client_for(auditor_a), "audit:verify").content.decode()
    audit_verification_record(result=audit_chain_verify())
    assert "scheduled check" in _page(client_for(auditor_a), "audit:verify").content.decode()


def test_the_certificate_is_dated_and_states_the_result(client_for, auditor_a, opened_case):
    audit_verification_record(result=audit_chain_verify(), ran_by=auditor_a)
    page = _page(client_for(auditor_a), "audit:certificate").content.decode()
    assert "Audit log integrity certificate" in page
    assert f"Issued {timezone.localtime():%-d %B %Y}" in page
    assert "No entry had been changed, removed or added outside Tackle" in page


def test_a_failed_check_is_never_certified(client_for, auditor_a, opened_case):
    AuditVerification.objects.create(
        ran_at=timezone.now(), ran_by=auditor_a, organisation=auditor_a.organisation, intact=False, checked=1,
        first_bad_sequence=2, problem="entry 2 was altered",
    )  # fmt: skip
    page = _page(client_for(auditor_a), "audit:certificate").content.decode()
    assert "cannot be certified" in page and "entry 2 was altered" in page
    assert "No entry had been changed" not in page


def test_the_certificate_pdf_is_tagged_and_its_download_audited(client_for, auditor_a, opened_case):
    audit_verification_record(result=audit_chain_verify(), ran_by=auditor_a)
    response = client_for(auditor_a).get(reverse("audit:certificate-pdf"))
    assert response["Content-Type"] == "application/pdf"
    title = f"Audit log integrity certificate, {auditor_a.organisation.name}, {timezone.localdate():%-d %B %Y}"
    assert_tagged_pdf(response.content, title=title, tables=True)  # the check's facts head their rows
    assert AuditEvent.objects.filter(actor=auditor_a, action=AuditAction.EXPORT, note="Integrity certificate PDF")


def test_before_any_check_the_certificate_pdf_certifies_nothing(client_for, auditor_a):
    response = client_for(auditor_a).get(reverse("audit:certificate-pdf"))
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "nothing can be certified" in " ".join(text.split())


def test_the_api_filters_by_case_reference(client_for, auditor_a, opened_case):
    response = client_for(auditor_a).get(reverse("api:audit-event-list"), {"case_reference": opened_case.reference})
    assert response.status_code == 200
    body = response.json()
    results = body["results"] if isinstance(body, dict) else body
    assert results and {row["object_id"] for row in results} <= {str(opened_case.uuid)} | {
        str(note.uuid) for note in CaseNote.objects.filter(case=opened_case)
    }
    assert {row["case_reference"] for row in results} == {opened_case.reference}


def test_reading_and_searching_the_log_is_audited(client_for, auditor_a, opened_case):
    client = client_for(auditor_a)
    first = client.get(reverse("audit:event-list"))
    assert AuditAction.LIST not in {event.action for event in first.context["page"]}  # not its own entry
    client.get(reverse("audit:event-list"), {"reference": opened_case.reference})
    listed = AuditEvent.objects.filter(actor=auditor_a, action=AuditAction.LIST).order_by("sequence")
    notes = list(listed.values_list("note", flat=True))
    assert notes == ["Audit log", f"Audit log searched for {opened_case.reference}"]


def test_the_servers_check_is_kept_for_every_organisation(auditor_a, lead_a):
    audit_record(action=AuditAction.VIEW, actor=lead_a)
    call_command("audit", "verify", stdout=io.StringIO())
    kept = AuditVerification.objects.get()
    assert kept.intact and kept.ran_by is None and kept.organisation is None and kept.checked == 1
    assert AuditEvent.objects.get(sequence=2).note == "Checked 1 entry: intact"
