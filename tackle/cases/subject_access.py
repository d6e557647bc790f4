"""A subject access request (UK GDPR article 15): everything Tackle holds about the person in one
case, in one zip: a readable index, the records as JSON and CSV, and the documents as uploaded.

What others are entitled to keep private is marked, not removed, so the person answering the
request decides (ICO guidance: third parties' data may be withheld where disclosure would be unfair).
A value naming someone else carries `[[REDACT <why>]]` in front of it and a line in redactions.csv:
officers (who recorded, allocated, viewed), partners (organisations a case was shared with,
interpreters' agencies, accommodation providers) and other people (an age assessor). Free text is
listed in redactions.csv to be read for other people's names before release, since no rule can
find them. Other people met at the same encounter are never included."""

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from tackle.audit.selectors import audit_events_about
from tackle.cases.models import Case, LegalHold
from tackle.cases.selectors import consent_explanations_of
from tackle.cases.services.share import shares_of

OFFICER, PARTNER, OTHER_PERSON, FREE_TEXT = "officer", "partner", "other person", "free text"

# The person: what identifies and describes them.
PERSON_FIELDS = (
    "person_name",
    "person_date_of_birth",
    "person_contact",
    "person_address",
    "age",
    "appears_under_18",
    "age_disputed",
    "age_at_exploitation",
    "gender",
    "nationality",
    "language",
    "interpreter_needed",
    "current_town",
    "current_county",
    "age_assessed_on",
    "age_assessment_outcome",
    "assessed_age",
)
CONSENT_FIELDS = (
    "consent_to_nrm",
    "consent_to_share",
    "refusal_reason",
    "consent_language",
    "consent_interpreter",
    "consent_leaflet",
    "consent_explanation_read_by_interpreter",
    "consent_withdrawn_on",
)
# Case fields holding someone else than the person, and why.
_CASE_THIRD_PARTIES = {
    "recorded_by": OFFICER,
    "allocated_to": OFFICER,
    "age_assessed_by": OTHER_PERSON,
    "consent_interpreter_agency": PARTNER,
}
_CASE_FREE_TEXT = ("what_was_seen", "location", "indicators_other", "refusal_reason", "closure_reason")


def archive_text(value: Any) -> Any:
    """A value as the archive writes it: times in London to the minute, dates in ISO, people and
    organisations by name."""
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "display_name") and not isinstance(value, Case):
        return value.display_name
    if hasattr(value, "name") and hasattr(value, "code"):  # an organisation
        return value.name
    return value


class Archive:
    """The files of the archive and the redaction marks made while writing them."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.redactions: list[dict[str, str]] = []

    def mark(self, file: str, row: str, field: str, value: Any, why: str) -> Any:
        value = archive_text(value)
        if value in (None, ""):
            return value
        if why == FREE_TEXT:
            self.redactions.append({"file": file, "row": row, "field": field, "why": why, "value": "(read it)"})
            return value
        self.redactions.append({"file": file, "row": row, "field": field, "why": why, "value": str(value)})
        return f"[[REDACT {why}]] {value}"

    def json(self, name: str, data: Any) -> None:
        self.files[name] = json.dumps(data, indent=2, ensure_ascii=False, default=str).encode()

    def csv(self, name: str, rows: list[dict[str, Any]]) -> None:
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        self.files[name] = buffer.getvalue().encode("utf-8-sig")  # a spreadsheet reads it as UTF-8

    def rows(
        self, name: str, records: Iterable[Any], fields: dict[str, str | None], *, row_key: str = "uuid"
    ) -> list[str]:
        """One row per record; `fields` maps each field to its redaction reason (None: the person's own).
        Returns the records' uuids, for the audit entries about them."""
        rows, uuids = [], []
        for index, record in enumerate(records, start=1):
            key = str(getattr(record, row_key, "") or index)
            uuids.append(key)
            row = {}
            for field, why in fields.items():
                value = getattr(record, field)
                row[field] = self.mark(name, key, field, value, why) if why else archive_text(value)
            rows.append(row)
        self.csv(name, rows)
        return uuids


_RECORDED = {"recorded_by": OFFICER, "recorded_at": None}


def _case_record(archive: Archive, case: Case) -> None:
    record: dict[str, Any] = {}
    for field in Case._meta.concrete_fields:
        if field.name in ("id", "organisation", "encounter", "version"):
            continue
        value = getattr(case, field.name)
        why = _CASE_THIRD_PARTIES.get(field.name) or (FREE_TEXT if field.name in _CASE_FREE_TEXT else None)
        record[field.name] = (
            archive.mark("case.json", case.reference, field.name, value, why) if why else archive_text(value)
        )
    record["organisation"] = case.organisation.name
    record["met_with_others"] = case.encounter_id is not None
    archive.json("case.json", record)
    archive.json(
        "person.json",
        {
            **{field: record[field] for field in PERSON_FIELDS},
            "aliases": list(case.aliases.values_list("name", flat=True)),
        },
    )
    consent = {field: record[field] for field in (*CONSENT_FIELDS, "consent_interpreter_agency")}
    # The organisation's texts read to them before they answered (issue 21, item 4), as they read them.
    consent["consent_explanations"] = [
        {"kind": text.kind, "version": text.number, "language": text.language.language, "title": text.title}
        for text in consent_explanations_of(case)
    ]
    archive.json("consent.json", consent)


def _documents(archive: Archive, case: Case) -> list[str]:
    rows, uuids = [], []
    for index, document in enumerate(case.documents.order_by("uploaded_at"), start=1):
        suffix = PurePosixPath(document.file.name or "").suffix
        name = f"documents/{index:02d}-{slugify(document.title) or 'document'}{suffix}"
        with document.file.open("rb") as stored:
            archive.files[name] = stored.read()
        uuids.append(str(document.uuid))
        rows.append(
            {
                "file": name,
                "title": document.title,
                "content_type": document.content_type,
                "uploaded_at": archive_text(document.uploaded_at),
                "uploaded_by": archive.mark(
                    "documents.csv", str(document.uuid), "uploaded_by", document.uploaded_by, OFFICER
                ),
            }
        )
    archive.csv("documents.csv", rows)
    return uuids


def _shares(archive: Archive, case: Case) -> None:
    rows = []
    for share in shares_of(case).select_related("organisation", "shared_by").order_by("created_at"):
        key = str(share.pk)
        rows.append(
            {
                "shared_with": archive.mark("shares.csv", key, "shared_with", share.organisation, PARTNER),
                "shared_by": archive.mark("shares.csv", key, "shared_by", share.shared_by, OFFICER),
                "scope": share.scope,
                "reason": archive.mark("shares.csv", key, "reason", share.reason, FREE_TEXT),
                "lawful_basis": share.lawful_basis,
                "consent": share.consent,
                "created_at": archive_text(share.created_at),
                "expires_at": archive_text(share.expires_at),
                "revoked_at": archive_text(share.revoked_at),
            }
        )
    archive.csv("shares.csv", rows)


def _audit(archive: Archive, case: Case, object_ids: list[str]) -> None:
    rows = []
    for event in audit_events_about(object_ids):
        key = str(event.sequence)
        other = event.actor_organisation_id is not None
        rows.append(
            {
                "when": archive_text(event.occurred_at),
                "action": event.get_action_display(),
                "what": event.object_type,
                "who": archive.mark("audit.csv", key, "who", event.actor_username, PARTNER if other else OFFICER),
                "from_another_organisation": other,
                "note": event.note,
            }
        )
    archive.csv("audit.csv", rows)


def index_text(paragraphs: list[str], files: list[tuple[str, str]], after: str = "") -> bytes:
    """The archive's index.txt: a paragraph a line (a reader's editor wraps them; a command is never cut
    in two), then each file beside what it holds. Its sentences are translated whole, in the language of
    whoever asks for the archive; the files' names and contents stay as they are."""
    lines = [line for paragraph in paragraphs for line in (paragraph, "")]
    lines += [gettext("Files:"), *(f"  {name:<20} {holds}" for name, holds in files)]
    if after:
        lines += ["", after]
    return ("\n".join(lines) + "\n").encode()


def _index(case: Case, archive: Archive) -> bytes:
    marked = sum(r["why"] != FREE_TEXT for r in archive.redactions)
    free = sum(r["why"] == FREE_TEXT for r in archive.redactions)
    produced = {"when": timezone.localtime().isoformat(timespec="minutes"), "organisation": case.organisation.name}
    paragraphs = [
        gettext("Subject access request: everything Tackle holds about the person in case %(reference)s")
        % {"reference": case.reference},
        gettext("Produced %(when)s for %(organisation)s.") % produced,
        gettext(
            "BEFORE RELEASE: details of other people are marked, not removed. Every value starting "
            "[[REDACT officer]], [[REDACT partner]] or [[REDACT other person]] names someone else; decide "
            "whether to withhold it. Free text fields are listed in redactions.csv to be read for names "
            "of other people. Marked values: %(marked)d; free text fields to read: %(free)d."
        )
        % {"marked": marked, "free": free},
    ]
    files = [
        ("index.txt", gettext("this page")),
        ("person.json", gettext("who the person is: name, date of birth, contact, age, nationality, aliases")),
        ("consent.json", gettext("what they agreed to and how it was explained")),
        ("case.json", gettext("the whole case record: the concern, the pathway, closure")),
        ("nrm_events.csv", gettext("NRM referral, Duty to Notify and decisions")),
        ("referrals.csv", gettext("the actions the pathway asked for")),
        ("allocations.csv", gettext("who had the case, when")),
        (
            "support_*.csv",
            gettext(
                "support phases, needs assessments, placements, safety plans and their reviews, missing "
                "episodes, outcome scores, notes"
            ),
        ),
        ("documents.csv", gettext("the documents kept on the case; the files are in documents/")),
        ("shares.csv", gettext("the organisations the case was shared with, why and when")),
        ("legal_holds.csv", gettext("any legal hold on the case")),
        (
            "audit.csv",
            gettext(
                "every entry of the audit log about the case and its records: who viewed, changed or "
                "exported them, and when"
            ),
        ),
        ("redactions.csv", gettext("every mark: file, row, field, why")),
    ]
    not_included = gettext(
        "Not included: training and supplier records. Tackle cannot know that the person in a case is also a "
        "member of staff or a supplier's contact, so their request is answered from those records: a member of "
        "staff with `tackle sar export --user USERNAME`, a supplier's contact from the supplier's record."
    )
    return index_text(paragraphs, files, not_included)


def subject_access_archive(case: Case) -> bytes:
    archive = Archive()
    _case_record(archive, case)
    ids = [str(case.uuid)]
    ids += archive.rows(
        "nrm_events.csv",
        case.nrm_events.order_by("occurred_on"),
        {"kind": None, "occurred_on": None, "outcome": None, "notes": FREE_TEXT, **_RECORDED},
    )
    ids += archive.rows(
        "referrals.csv",
        case.referrals.order_by("created_at"),
        {"code": None, "status": None, "due_by": None, "sent_at": None, "outcome": FREE_TEXT, "updated_by": OFFICER},
    )
    archive.rows(
        "allocations.csv",
        case.allocations.order_by("allocated_at"),
        {"allocated_at": None, "allocated_to": OFFICER, "allocated_by": OFFICER, "handover_note": FREE_TEXT},
        row_key="pk",
    )
    ids += archive.rows(
        "support_phases.csv",
        case.support_phases.all(),
        {"phase": None, "started_on": None, "notes": FREE_TEXT, **_RECORDED},
    )
    ids += archive.rows(
        "support_needs_assessments.csv",
        case.needs_assessments.all(),
        {"kind": None, "outcome": FREE_TEXT, **_RECORDED},
    )
    ids += archive.rows(
        "support_placements.csv",
        case.placements.all(),
        {"accommodation_type": None, "provider": PARTNER, "start_on": None, "end_on": None, **_RECORDED},
    )
    plans = list(case.safety_plans.all())
    ids += archive.rows("support_safety_plans.csv", plans, {"summary": FREE_TEXT, "created_on": None, **_RECORDED})
    archive.rows(
        "support_safety_plan_reviews.csv",
        [review for plan in plans for review in plan.reviews.all()],
        {"what_changed": FREE_TEXT, "reviewed_by": OFFICER},
        row_key="pk",
    )
    ids += archive.rows(
        "support_missing_episodes.csv",
        case.missing_episodes.all(),
        {"went_missing_at": None, "returned_at": None, "reported_to_police": None, "notes": FREE_TEXT, **_RECORDED},
    )
    ids += archive.rows(
        "support_outcome_scores.csv",
        case.outcome_scores.all(),
        {"domain": None, "assessed_on": None, "score": None, **_RECORDED},
    )
    ids += archive.rows(
        "support_notes.csv",
        case.notes.order_by("created_at"),
        {"created_at": None, "body": FREE_TEXT, "author": OFFICER},
    )
    ids += _documents(archive, case)
    _shares(archive, case)
    archive.rows(
        "legal_holds.csv",
        LegalHold.objects.filter(case=case),
        {"reason": FREE_TEXT, "placed_by": OFFICER, "placed_at": None, "lifted_by": OFFICER, "lifted_at": None},
    )
    _audit(archive, case, ids)
    archive.csv("redactions.csv", archive.redactions)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("index.txt", _index(case, archive))
        for name, content in archive.files.items():
            zipped.writestr(name, content)
    return buffer.getvalue()
