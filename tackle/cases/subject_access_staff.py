"""A member of staff's subject access request (issue 15, item 5): their training attendance, their
completions and the audit entries of what they did, in one zip. Separate from a case's archive
because Tackle cannot know that a staff member is the person in any case (cases hold victims,
training holds staff), so neither archive reaches into the other. Other officers are marked for
redaction as in the case archive."""

import io
import zipfile
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext

from tackle.audit.selectors import audit_events_by
from tackle.cases.subject_access import OFFICER, Archive, archive_text, index_text
from tackle.training.retention import training_record_of


def _index(user: Any, archive: Archive) -> bytes:
    produced = {"when": timezone.localtime().isoformat(timespec="minutes"), "organisation": user.organisation.name}
    paragraphs = [
        gettext("Subject access request: what Tackle holds about %(name)s as a member of staff")
        % {"name": user.display_name},
        gettext("Produced %(when)s for %(organisation)s.") % produced,
        gettext(
            "BEFORE RELEASE: other officers' names are marked [[REDACT officer]], not removed; decide whether "
            "to withhold each. Marked values: %(marked)d."
        )
        % {"marked": len(archive.redactions)},
        gettext(
            "Not included: casework. Tackle cannot tell whether a member of staff is also the person in a case "
            "(cases hold victims, training holds staff); search the cases separately and answer from them with "
            "`tackle sar export --case`. A supplier's contact is answered from the supplier's record (Suppliers, "
            "the contact's name, email, phone and job title)."
        ),
    ]
    files = [
        ("index.txt", gettext("this page")),
        ("training_sessions.csv", gettext("the training sessions they are named as attending")),
        ("completions.csv", gettext("their training completions: entered, imported or from a session")),
        ("audit.csv", gettext("every audit entry of what they did: what they viewed, changed or exported, and when")),
        ("redactions.csv", gettext("every mark: file, row, field, why")),
    ]
    return index_text(paragraphs, files)


def staff_access_archive(user: Any) -> bytes:
    archive = Archive()
    attended, completed = training_record_of(user.pk)
    archive.csv("training_sessions.csv", [{k: archive_text(v) for k, v in row.items()} for row in attended])
    rows = []
    for row in completed:
        row = {k: archive_text(v) for k, v in row.items()}
        row["recorded_by"] = archive.mark(
            "completions.csv", str(row["uuid"]), "recorded_by", row["recorded_by"], OFFICER
        )
        rows.append(row)
    archive.csv("completions.csv", rows)
    audit = []
    for event in audit_events_by(user.pk):
        other = event.organisation_id not in (None, user.organisation_id)
        audit.append(
            {
                "when": archive_text(event.occurred_at),
                "action": event.get_action_display(),
                "what": event.object_type,
                "record": event.object_id,
                "of_another_organisation": other,
                "note": event.note,
            }
        )
    archive.csv("audit.csv", audit)
    archive.csv("redactions.csv", archive.redactions)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("index.txt", _index(user, archive))
        for name, content in archive.files.items():
            zipped.writestr(name, content)
    return buffer.getvalue()
