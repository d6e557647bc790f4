"""Subject access requests (issue 15, item 5): the archive holds everything about the person in the
case, marks other people's details for redaction, and the command refuses a wrong case in one line."""

import csv
import io
import json
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError

from tackle.audit.models import AuditAction, AuditEvent
from tackle.audit.services import audit_record
from tackle.cases.models import CaseAlias
from tackle.cases.selectors import explanation_offer
from tackle.cases.services.case import ConsentExplained, case_record_consent
from tackle.cases.services.explanations import explanations_shipped_ensure
from tackle.cases.services.nrm import nrm_event_record
from tackle.cases.services.share import case_share
from tackle.cases.services.support import case_document_upload, case_note_add
from tackle.cases.subject_access import subject_access_archive

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def case(frontline_a, lead_a, police_partner, record_concern, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = record_concern(
        frontline_a, person_name="Ana Petrova", person_contact="07700 900123", age=34, nationality="Bulgarian"
    )
    CaseAlias.objects.create(case=case, name="Anka")
    nrm_event_record(case=case, actor=lead_a, kind="referral_sent", occurred_on=date.today(), notes="Sent")
    case_note_add(case=case, actor=lead_a, body="Her employer called")
    case_document_upload(case=case, actor=lead_a, title="Passport", upload=SimpleUploadedFile("p.pdf", PDF))
    case_share(
        case=case,
        organisation=police_partner.organisation,
        actor=lead_a,
        scope="summary",
        purpose="Joint visit",
        lawful_basis="public_task",
        consent="given",
    )
    audit_record(action=AuditAction.VIEW, actor=lead_a, obj=case)
    return case


def _open(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {name: zipped.read(name) for name in zipped.namelist()}


def _csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_archive_holds_the_person_their_case_and_their_documents(case):
    files = _open(subject_access_archive(case))
    person = json.loads(files["person.json"])
    assert person["person_name"] == "Ana Petrova" and person["aliases"] == ["Anka"] and person["age"] == 34
    assert json.loads(files["case.json"])["reference"] == case.reference
    assert "consent_to_share" in json.loads(files["consent.json"])
    assert [row["kind"] for row in _csv(files["nrm_events.csv"])] == ["referral_sent"]
    assert [row["body"] for row in _csv(files["support_notes.csv"])] == ["Her employer called"]
    assert files["documents/01-passport.pdf"] == PDF
    assert b"index.txt" in files["index.txt"] and b"redactions.csv" in files["index.txt"]


def test_other_peoples_details_are_marked_for_redaction(case, lead_a, police_partner):
    files = _open(subject_access_archive(case))
    share = _csv(files["shares.csv"])[0]
    assert share["shared_with"] == f"[[REDACT partner]] {police_partner.organisation.name}"
    assert share["shared_by"] == f"[[REDACT officer]] {lead_a.display_name}"
    assert json.loads(files["case.json"])["recorded_by"].startswith("[[REDACT officer]] ")
    marks = _csv(files["redactions.csv"])
    assert {"file": "shares.csv", "why": "partner"}.items() <= next(
        m for m in marks if m["file"] == "shares.csv"
    ).items()
    free_text = {(m["file"], m["field"]) for m in marks if m["why"] == "free text"}
    assert ("support_notes.csv", "body") in free_text and ("case.json", "what_was_seen") in free_text


def test_the_archive_lists_who_viewed_the_case_from_the_audit_log(case, lead_a):
    rows = _csv(_open(subject_access_archive(case))["audit.csv"])
    viewed = [row for row in rows if row["action"] == "Viewed"]
    assert viewed and viewed[0]["who"] == f"[[REDACT officer]] {lead_a.username}"


def test_the_command_writes_the_archive_and_audits_it(case, council_a, tmp_path):
    output = tmp_path / "sar.zip"
    call_command("sar", "export", "--case", case.reference, "--organisation", council_a.code, "--output", str(output))
    assert "person.json" in _open(output.read_bytes())
    assert output.stat().st_mode & 0o077 == 0
    assert AuditEvent.objects.filter(
        object_id=str(case.uuid), action=AuditAction.EXPORT, note="subject access export (command line)"
    ).exists()


@pytest.mark.parametrize(
    ("reference", "organisation", "message"),
    [
        ("C-NOSUCH", None, "No case has the reference C-NOSUCH."),
        (None, "E09000002", "is not a case of organisation E09000002."),
    ],
)
def test_the_command_refuses_a_wrong_case_in_one_line_with_status_2(
    case, council_a, tmp_path, reference, organisation, message
):
    output = tmp_path / "sar.zip"
    arguments = ["--case", reference or case.reference, "--organisation", organisation or council_a.code]
    with pytest.raises(CommandError, match=message) as error:
        call_command("sar", "export", *arguments, "--output", str(output))
    assert error.value.returncode == 2 and "\n" not in str(error.value)
    assert not output.exists()


def test_the_command_line_prints_one_line_and_exits_2_for_an_unknown_case(db, capsys):
    with pytest.raises(SystemExit) as exit:
        ManagementUtility(["tackle", "sar", "export", "--case", "C-NOSUCH", "--organisation", "E09000001"]).execute()
    assert exit.value.code == 2
    assert capsys.readouterr().err.strip().splitlines() == ["CommandError: No case has the reference C-NOSUCH."]


def test_the_consent_file_names_the_explanation_texts_read_to_them(case, lead_a):
    explanations_shipped_ensure(organisation=case.organisation)
    texts = explanation_offer(case.organisation_id, "Welsh").versions
    explained = ConsentExplained(language="Welsh", interpreter="video", texts=texts, texts_read_by_interpreter=True)
    case = case_record_consent(case=case, actor=lead_a, consent_to_nrm=True, consent_to_share=True, explained=explained)
    consent = json.loads(_open(subject_access_archive(case))["consent.json"])
    assert consent["consent_explanation_read_by_interpreter"] is True
    assert {"kind": "consent", "version": 1, "language": "Welsh", "title": "Chi sy'n penderfynu"} in consent[
        "consent_explanations"
    ]
