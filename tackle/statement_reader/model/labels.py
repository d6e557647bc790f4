"""The AIMS label names, in the order of the gold sets' columns."""

LABELS: tuple[str, ...] = (
    "Approval",
    "Signature",
    "C1 (reporting entity)",
    "C2 (structure)",
    "C2 (operations)",
    "C2 (supply chains)",
    "C3 (risk description)",
    "C4 (risk mitigation)",
    "C4 (remediation)",
    "C5 (effectiveness)",
    "C6 (consultation)",
)

# C1 and C6 are Australian-only criteria (the Canadian gold set has none), so quality is measured
# as macro-F1 over the other nine, as AIMSCheck does.
SCORED_LABELS: tuple[str, ...] = tuple(
    label for label in LABELS if label not in {"C1 (reporting entity)", "C6 (consultation)"}
)
