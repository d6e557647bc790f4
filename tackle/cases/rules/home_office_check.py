"""Which Home Office form a case needs, which of its questions are asked, what is still missing and how
each answer reads: pure functions over the declaration (rules/home_office_form.py) and plain values.

`values` maps a question key to its value: held facts read from the record (rendered to the same
codes as the question's choices) merged with the answers given section by section.
"""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_noop

from tackle.cases.rules.home_office_form import (
    ADULT,
    CHILD,
    DUTY_TO_NOTIFY,
    NRM,
    SECTIONS,
    Kind,
    Question,
    Section,
)

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"
# Marked here, translated where shown (views/home_office_form.py).
STATUS_LABELS = {
    NOT_STARTED: gettext_noop("Not yet started"),
    IN_PROGRESS: gettext_noop("In progress"),
    COMPLETED: gettext_noop("Completed"),
}


def form_for(*, treated_as_child: bool, consent_to_nrm: bool | None) -> str:
    """A child (or someone treated as one) is referred to the NRM without consent; an adult who
    declined is reported by Duty to Notify; an adult not yet asked is on the way to the NRM."""
    return DUTY_TO_NOTIFY if consent_to_nrm is False and not treated_as_child else NRM


def age_branch(*, treated_as_child: bool) -> str:
    return CHILD if treated_as_child else ADULT


def sections_for(form: str, age: str) -> list[Section]:
    return [section for section in SECTIONS if form in section.forms and age in section.ages]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


def _condition_met(question: Question, values: Mapping[str, Any]) -> bool:
    if question.when is None:
        return True
    key, allowed = question.when
    value = values.get(key)
    chosen = value if isinstance(value, list | tuple) else [value]
    return any(each in allowed for each in chosen)


def questions_asked(section: Section, form: str, age: str, values: Mapping[str, Any]) -> list[Question]:
    """The section's questions for this form and age branch whose condition the values meet."""
    return [
        question
        for question in section.questions
        if form in question.forms and age in question.ages and _condition_met(question, values)
    ]


def is_required(question: Question, values: Mapping[str, Any]) -> bool:
    """Required always, or once the question it goes with is answered (files attached need saying what they are)."""
    return question.required or bool(question.required_with and not is_empty(values.get(question.required_with)))


def missing_in(section: Section, form: str, age: str, values: Mapping[str, Any]) -> list[str]:
    return [
        question.key
        for question in questions_asked(section, form, age, values)
        if is_required(question, values) and is_empty(values.get(question.key))
    ]


def missing(form: str, age: str, values: Mapping[str, Any]) -> list[str]:
    """Every required question of the form still without an answer, by key, in the form's order."""
    return [key for section in sections_for(form, age) for key in missing_in(section, form, age, values)]


def section_status(section: Section, form: str, age: str, values: Mapping[str, Any]) -> str:
    if missing_in(section, form, age, values):
        asked = [q for q in questions_asked(section, form, age, values) if not q.held]
        started = any(not is_empty(values.get(question.key)) for question in asked)
        return IN_PROGRESS if started else NOT_STARTED
    return COMPLETED


def in_words(question: Question, value: Any, documents: Mapping[str, str] | None = None) -> str | None:
    """How an answer reads on the pack and in the API: a choice's label, never its code; documents by
    their titles (`documents`: the case's, uuid to title), never where they are kept."""
    if is_empty(value):
        return None
    if question.kind == Kind.DOCUMENTS:
        titles = [(documents or {})[each] for each in value if each in (documents or {})]
        return "; ".join(titles) or None
    labels = dict(question.choices)
    if question.kind == Kind.CHOICES:
        return "; ".join(labels.get(each, each) for each in value)
    if question.kind == Kind.CHOICE:
        return labels.get(value, value)
    return str(value)


def answers_kept(section: Section, form: str, age: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The section's answers that are still asked once its branches are followed: an answer to a
    question the branch no longer asks is dropped, so the form never holds both branches' answers."""
    return {
        question.key: values[question.key]
        for question in questions_asked(section, form, age, values)
        if not question.held and not is_empty(values.get(question.key))
    }
