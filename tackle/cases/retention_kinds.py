"""Training attendance and suppliers' named contacts in the retention schedule (issue 15, item 5).
Training and suppliers sit below cases, so they cannot register with its registry themselves: cases
registers them here from CasesConfig.ready(), through their own retention modules (never their
models). Holds, decisions and the audit stay in cases, as for every kind. Periods: docs/retention.md."""

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from django.utils.translation import gettext_lazy as _

from tackle.cases.retention_records import KeptRecord, RecordKind, register
from tackle.suppliers.retention import contact_anonymise, contact_erase, named_contacts
from tackle.training.retention import (
    completion_erase,
    completions_kept,
    session_attendance_anonymise,
    sessions_with_attendance,
)

Rows = Callable[[int], Iterable[tuple[str, str, date]]]


def _kept(rows: Rows) -> Callable[[int], Iterator[KeptRecord]]:
    def records(organisation_id: int) -> Iterator[KeptRecord]:
        for key, reference, starts_on in rows(organisation_id):
            yield KeptRecord(key=key, reference=reference, starts_on=starts_on)

    return records


def _finder(records: Callable[[int], Iterator[KeptRecord]]) -> Callable[[int, str], KeptRecord | None]:
    def find(organisation_id: int, reference: str) -> KeptRecord | None:
        wanted = reference.strip().upper()
        return next((record for record in records(organisation_id) if record.reference == wanted), None)

    return find


def register_kinds() -> None:
    sessions = _kept(sessions_with_attendance)
    # A session is counted in the published training figures: its attendance anonymised, never erased.
    register(
        RecordKind(
            "training_attendance",
            _("Training attendance (who attended a session)"),
            72,
            _("after the session"),
            sessions,
            _finder(sessions),
            session_attendance_anonymise,
        )
    )
    completions = _kept(completions_kept)
    # A completion's user cannot be empty, so it cannot be detached from its person: keep or erase only.
    register(
        RecordKind(
            "training_completion",
            _("Training completions entered or imported"),
            72,
            _("after it was completed"),
            completions,
            _finder(completions),
            None,
            completion_erase,
            _(
                "Erasing a completion removes it from the training figures (people trained) of the period it "
                "was completed in, unless the person is counted there for another completion or a session; "
                "a completion cannot be anonymised."
            ),
        )
    )
    contacts = _kept(named_contacts)
    register(
        RecordKind(
            "supplier_contact",
            _("Suppliers' named contacts"),
            24,
            _("after it was last changed"),
            contacts,
            _finder(contacts),
            contact_anonymise,
            contact_erase,
        )
    )
