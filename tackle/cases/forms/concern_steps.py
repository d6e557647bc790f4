"""Recording a concern one question per page, for an officer on a phone (issue 18, item 1).

The steps only split the one-page form (forms/concern.py) into pages: each step names the fields of
`ConcernForm` (the first person and what was seen) or `OtherPersonForm` (each other person) it
shows, and every answer is checked by binding that same form, so the rules live in one place."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tackle.cases.forms.concern import ConcernForm, OtherPersonForm
from tackle.cases.services.encounter import MAX_PEOPLE
from tackle.core.forms import GovukForm

# The fields each step of the concern itself shows. The first step takes every ConcernForm field no
# other step names, so whatever fields say when it happened (a date input, a time) stay on it.
_ABOUT_THE_CONCERN = {
    "what": (_("What did you see or hear?"), ("what_was_seen",)),
    "signs": (_("What did you notice?"), ("indicators", "indicators_other")),
    "exploitation": (_("What kind of exploitation might it be?"), ("exploitation_types", "exploitation_location")),
    "about": (_("Who is the concern about?"), ("concern_about", "supplier_name")),
}
# The fields of each person's steps, the same for the first person and the others.
_ABOUT_A_PERSON = {
    "details": (_("About the person"), ("person_name", "age", "appears_under_18", "gender")),
    "language": (_("Their nationality and language"), ("nationality", "language", "interpreter_needed")),
    "needs": (_("Their safety and needs"), ("immediate_danger", "destitute", "care_and_support_needs")),
    "consent": (_("Referral and sharing"), ("consent_to_nrm", "refusal_reason", "consent_to_share")),
}
_NOT_ASKED = {"not_a_duplicate"}
CHECK = "check"


@dataclass(frozen=True)
class Step:
    slug: str
    title: Any  # lazy: read in the language of the page
    fields: tuple[str, ...]
    person: int = 0  # 0: the concern itself; 1: the first person (on ConcernForm); 2 on: the others
    another: bool = False  # the question "Did you meet anyone else?" after this person

    @property
    def prefix(self) -> str | None:
        """The one-page form's prefix for the person (`person2-age`), so both pages post the same names."""
        if self.another:
            return f"another-{self.person}"
        return f"person{self.person}" if self.person > 1 else None

    def form_class(self) -> type[forms.Form]:
        if self.another:
            return AnotherPersonForm
        return OtherPersonForm if self.person > 1 else ConcernForm

    def html_names(self) -> set[str]:
        return {f"{self.prefix}-{name}" if self.prefix else name for name in self.fields}

    def owns(self, key: str) -> bool:
        """Whether a posted name is one of this step's answers; a widget of several inputs (a date's
        day, month and year) posts names that start with its field's."""
        return any(key == name or key.startswith((f"{name}_", f"{name}-")) for name in self.html_names())


class AnotherPersonForm(GovukForm):
    another = forms.ChoiceField(
        label=_("Did you meet anyone else at the same time and place?"),
        help_text=_("Each person gets a case of their own"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you met anyone else")},
    )


def _when_and_where() -> tuple[str, ...]:
    named = {name for _, fields in _ABOUT_THE_CONCERN.values() for name in fields}
    named |= {name for _, fields in _ABOUT_A_PERSON.values() for name in fields}
    return tuple(name for name in ConcernForm.base_fields if name not in named | _NOT_ASKED)


def person_steps(number: int) -> list[Step]:
    steps = [
        Step(
            f"person-{number}-{slug}",
            format_lazy(_("{title}: person {number}"), title=title, number=number),
            fields,
            person=number,
        )
        for slug, (title, fields) in _ABOUT_A_PERSON.items()
    ]
    if number < MAX_PEOPLE:
        steps.append(Step(f"another-{number}", _("Anyone else?"), ("another",), person=number, another=True))
    return steps


def steps_for(answers: dict[str, list[str]]) -> list[Step]:
    """Every step, in order, for the answers so far: one more person each time 'Yes' was answered to
    'anyone else?', then the check of the answers."""
    steps = [Step("when-where", _("When and where did you see this?"), _when_and_where())]
    steps += [Step(slug, title, fields) for slug, (title, fields) in _ABOUT_THE_CONCERN.items()]
    number = 1
    while True:
        steps += person_steps(number)
        if number >= MAX_PEOPLE or answers.get(f"another-{number}-another") != ["yes"]:
            break
        number += 1
    return [*steps, Step(CHECK, _("Check your answers before sending"), ())]


def people_in(steps: list[Step]) -> int:
    return max(step.person for step in steps)
