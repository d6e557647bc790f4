"""/api/v1/premises, /intelligence and /operations: list, read, record and change disruption records
with the pages' rules. Which records a user sees is selectors.py's; a record is opened through the
door (accounts/door.py), which audits it; a list is audited as the pages' lists are; a body is
checked by the page's own form, so the API refuses what the page refuses, naming the field."""
