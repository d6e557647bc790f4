"""The statement's fixed, ordered sections. Text sections are written; tables come from the action plan.

Titles and table headers stay plain English strings here (the page, the API and the checks name
sections by them); `gettext_noop` puts them in the catalogue, and each version of the statement
translates them as it is built (outputs.statement_content, issue 21).
"""

from django.utils.translation import gettext_noop

TEXT_SECTIONS: list[tuple[str, str]] = [
    ("what_is_modern_slavery", gettext_noop("What modern slavery is")),
    ("organisation_and_services", gettext_noop("Our organisation and services")),
    ("supply_chains", gettext_noop("Our supply chains")),
    ("countries_of_operation", gettext_noop("Countries of operation")),
    ("high_risk_activities", gettext_noop("High-risk activities")),
    ("responsibilities", gettext_noop("Responsibilities")),
    ("policies", gettext_noop("Policies")),
    ("due_diligence", gettext_noop("Due diligence")),
    ("partnerships", gettext_noop("Partnerships")),
    ("training_and_awareness", gettext_noop("Training and awareness")),
]
SECTION_TITLES = dict(TEXT_SECTIONS)
REVIEW_TITLE = gettext_noop("Review of the last period: what we proposed and what we did")
NEXT_TITLE = gettext_noop("Activity proposed for the next period")
APPROVAL_TITLE = gettext_noop("Approval and signatures")
COMMITMENTS_TITLE = gettext_noop("Our commitments and how far we have got")
REVIEW_HEADERS = [
    gettext_noop("Area"),
    gettext_noop("What we proposed"),
    gettext_noop("What we did"),
    gettext_noop("Status"),
]
NEXT_HEADERS = [gettext_noop("Area"), gettext_noop("Activity"), gettext_noop("Due"), gettext_noop("Owner")]
COMMITMENT_HEADERS = [gettext_noop("Commitment"), gettext_noop("Progress"), gettext_noop("Evidence")]
