"""Combined risk of one premises, with the reasons in words. Plain data in, plain data out.

Points add up so an officer can see why one premises ranks above another: non-compliance found by
several regulators counts for more than by one, because exploitation rarely breaks one rule only.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext

from tackle.targeting.normalise import PREMISES_TYPES
from tackle.targeting.sources import Record

NON_COMPLIANT_POINTS = 20  # per regulator that found non-compliance
SEVERAL_REGULATORS_POINTS = 10  # for each regulator beyond the first that found non-compliance
KNOWN_TO_SEVERAL_POINTS = 3  # for each list beyond the second that names the premises
INTELLIGENCE_POINTS = 15  # per intelligence report, up to MAX_COUNTED
OPERATION_POINTS = 10  # per past operation, up to MAX_COUNTED
MAX_COUNTED = 3
TYPE_POINTS = {
    "hand_car_wash": 25,
    "nail_bar": 25,
    "hmo": 20,
    "farm": 15,
    "takeaway": 15,
    "factory": 15,
    "warehouse": 10,
    "care_home": 10,
    "restaurant": 10,
}


@dataclass(frozen=True)
class Signals:
    """What the disruption module knows about a premises: one line per report or operation."""

    intelligence: tuple[str, ...] = ()
    operations: tuple[str, ...] = ()


@dataclass
class Score:
    points: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: int, reason: str) -> None:
        self.points += points
        self.reasons.append(f"{reason} (+{points})")


def premises_kind(records: Sequence[Record]) -> str:
    """The riskiest type any regulator gives the premises: a 'takeaway' that one list calls an HMO
    above the shop is both, and the HMO is what matters here."""
    kinds = {record.premises_type for record in records}
    return max(kinds, key=lambda kind: (TYPE_POINTS.get(kind, 0), kind))


def score(records: Sequence[Record], signals: Signals | None = None) -> Score:
    result = Score()
    findings: dict[str, list[Record]] = {}
    for record in records:
        if record.non_compliant:
            findings.setdefault(record.source, []).append(record)
    for source in sorted(findings):
        found = sorted(findings[source], key=lambda record: (record.date is None, record.date), reverse=True)
        latest = found[0]
        detail = latest.finding or gettext("non-compliance")
        when = f", {latest.date.isoformat()}" if latest.date else ""
        reason = gettext("Non-compliant with %(source)s: %(detail)s") % {"source": source, "detail": detail}
        result.add(NON_COMPLIANT_POINTS, reason + when)
    if len(findings) > 1:
        several = ngettext(
            "Non-compliant with %(count)d regulator", "Non-compliant with %(count)d regulators", len(findings)
        )
        result.add(SEVERAL_REGULATORS_POINTS * (len(findings) - 1), several % {"count": len(findings)})
    sources = {record.source for record in records}
    if len(sources) > 2:
        known = ngettext("Known to %(count)d regulator", "Known to %(count)d regulators", len(sources))
        result.add(KNOWN_TO_SEVERAL_POINTS * (len(sources) - 2), known % {"count": len(sources)})
    kind = premises_kind(records)
    if kind in TYPE_POINTS:
        kind_reason = gettext("High-risk premises type: %(kind)s") % {"kind": str(PREMISES_TYPES[kind]).lower()}
        result.add(TYPE_POINTS[kind], kind_reason)
    if signals and signals.intelligence:
        counted = min(len(signals.intelligence), MAX_COUNTED)
        result.add(
            INTELLIGENCE_POINTS * counted,
            ngettext(
                "%(count)d intelligence report: %(reports)s",
                "%(count)d intelligence reports: %(reports)s",
                len(signals.intelligence),
            )
            % {"count": len(signals.intelligence), "reports": "; ".join(signals.intelligence[:MAX_COUNTED])},
        )
    if signals and signals.operations:
        counted = min(len(signals.operations), MAX_COUNTED)
        result.add(
            OPERATION_POINTS * counted,
            ngettext(
                "%(count)d past operation: %(operations)s",
                "%(count)d past operations: %(operations)s",
                len(signals.operations),
            )
            % {"count": len(signals.operations), "operations": "; ".join(signals.operations[:MAX_COUNTED])},
        )
    return result
