"""What the log's entries are about, as an auditor names it. Entries name records by their internal
identifier, which no page shows; people quote a case's reference. The log sits below the apps that
own those records, so it cannot look them up itself: it declares two slots here and the app that owns
a kind of record fills them from its AppConfig.ready() (cases: tackle/cases/audit_subjects.py).
A search page in a higher app was the other way; the slots keep every audit page in this app, behind
one policy, and let a later app (disruption's operations) name its own records the same way."""

from dataclasses import dataclass, field

from tackle.core.slots import Slot


@dataclass(frozen=True)
class AuditSubject:
    """A record as auditors name it, with every record inside it whose entries belong to it."""

    reference: str  # as its pages show it, for example "C-1A2B3C4D"
    kind: str  # "case"
    # Internal identifier -> what that record is, in words naming no one ("the case", "Case note").
    parts: dict[str, str] = field(default_factory=dict)


# Providers take (organisation_id, reference) and answer an AuditSubject of that organisation, or None.
# Another organisation's record is None: its entries are not this organisation's to report.
subject_by_reference = Slot("a record of an organisation found by the reference its pages show")

# Providers take (organisation_id, identifiers) and answer {identifier: reference} for those they own.
references_of = Slot("the reference pages show for records named in audit entries")


def subject_find(organisation_id: int, reference: str) -> AuditSubject | None:
    typed = reference.strip().upper()
    return subject_by_reference.first(organisation_id, typed) if typed else None


def references_for(organisation_id: int, identifiers: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for answer in references_of.all(organisation_id, [identifier for identifier in identifiers if identifier]):
        found |= answer
    return found
