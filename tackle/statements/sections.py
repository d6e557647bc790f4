"""The statement's fixed, ordered sections. Text sections are written; tables come from the action plan."""

TEXT_SECTIONS: list[tuple[str, str]] = [
    ("what_is_modern_slavery", "What modern slavery is"),
    ("organisation_and_services", "Our organisation and services"),
    ("supply_chains", "Our supply chains"),
    ("countries_of_operation", "Countries of operation"),
    ("high_risk_activities", "High-risk activities"),
    ("responsibilities", "Responsibilities"),
    ("policies", "Policies"),
    ("due_diligence", "Due diligence"),
    ("partnerships", "Partnerships"),
    ("training_and_awareness", "Training and awareness"),
]
SECTION_TITLES = dict(TEXT_SECTIONS)
REVIEW_TITLE = "Review of the last period: what we proposed and what we did"
NEXT_TITLE = "Activity proposed for the next period"
APPROVAL_TITLE = "Approval and signatures"
COMMITMENTS_TITLE = "Our commitments and how far we have got"
