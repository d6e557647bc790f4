"""The statement's fixed, ordered sections. Text sections are written; tables come from the action plan.

Titles and table headers stay plain English strings here (the page, the API and the checks name
sections by them); `gettext_noop` puts them in the catalogue, and each version of the statement
translates them as it is built (outputs.statement_content, issue 21).
"""

from django.utils.translation import gettext_noop as translatable

TEXT_SECTIONS: list[tuple[str, str]] = [
    ("what_is_modern_slavery", translatable("What modern slavery is")),
    ("organisation_and_services", translatable("Our organisation and services")),
    ("supply_chains", translatable("Our supply chains")),
    ("countries_of_operation", translatable("Countries of operation")),
    ("high_risk_activities", translatable("High-risk activities")),
    ("responsibilities", translatable("Responsibilities")),
    ("policies", translatable("Policies")),
    ("due_diligence", translatable("Due diligence")),
    ("partnerships", translatable("Partnerships")),
    ("training_and_awareness", translatable("Training and awareness")),
]
SECTION_TITLES = dict(TEXT_SECTIONS)
REVIEW_TITLE = translatable("Review of the last period: what we proposed and what we did")
NEXT_TITLE = translatable("Activity proposed for the next period")
APPROVAL_TITLE = translatable("Approval and signatures")
COMMITMENTS_TITLE = translatable("Our commitments and how far we have got")
REVIEW_HEADERS = [
    translatable("Area"),
    translatable("What we proposed"),
    translatable("What we did"),
    translatable("Status"),
]
NEXT_HEADERS = [translatable("Area"), translatable("Activity"), translatable("Due"), translatable("Owner")]
COMMITMENT_HEADERS = [translatable("Commitment"), translatable("Progress"), translatable("Evidence")]
