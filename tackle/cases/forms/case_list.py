"""The case list's filters and search, read from the query string alike for the page and the API,
and the allocation form."""

import copy
from datetime import date, datetime
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from tackle.cases.models import AgeGroup, CaseStatus, ExploitationType, Stage
from tackle.cases.selectors import NOT_ALLOCATED, SEARCH_MIN_LENGTH, CaseFilters
from tackle.core.forms import GovukForm

ALL_STATUSES = "all"
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %m %Y")


def _choices(label: Any, choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", label), *choices]


def _invalid(message: Any) -> dict[str, Any]:
    return {"invalid_choice": message}


class CaseFilterForm(GovukForm):
    """Every field may be left out. Values are stable codes, so the same query string serves the page
    (its GOV.UK filter panel) and `GET /api/v1/cases/`."""

    search = forms.CharField(
        label=_("Reference, name or date of birth"),
        required=False,
        max_length=200,
        help_text=_("For example C-1A2B3C4D, part of a name, or 25/11/2008"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[(CaseStatus.OPEN, _("Open")), (CaseStatus.CLOSED, _("Closed")), (ALL_STATUSES, _("Open and closed"))],
        widget=forms.RadioSelect,
        error_messages=_invalid("open, closed or all"),
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        required=False,
        choices=_choices(_("Any stage"), Stage.choices),
        error_messages=_invalid(_("Choose a stage from the list")),
    )
    age_group = forms.ChoiceField(
        label=_("Age group"),
        required=False,
        choices=_choices(_("Any age"), AgeGroup.choices),
        error_messages=_invalid("an age group"),
    )
    exploitation_type = forms.ChoiceField(
        label=_("Type of exploitation"),
        required=False,
        choices=_choices(_("Any type"), ExploitationType.choices),
        error_messages=_invalid("a type of exploitation"),
    )
    overdue = forms.ChoiceField(
        label=_("Overdue actions"),
        required=False,
        choices=[("", _("Any")), ("true", _("With an overdue action")), ("false", _("Nothing overdue"))],
        widget=forms.RadioSelect,
        error_messages=_invalid("true or false"),
    )
    allocated_to = forms.CharField(label=_("Allocated to"), required=False, widget=forms.Select)

    # Building a form deep-copies its fields and checking it makes each field's messages, the same
    # for every request in a language: with `share_fields`, both are done once per language and
    # the fields shared, all but the allocation, whose choices are the request's own (issue 14).
    share_fields: ClassVar[bool] = True
    _fields_by_language: ClassVar[dict[tuple[type, str], dict[str, forms.Field]]] = {}

    def __init__(self, data: Any = None, *, workers: list[Any], may_search: bool, **kwargs: Any) -> None:
        shared = self._shared_fields() if self.share_fields else None
        if shared is not None:
            self.base_fields = {}  # type: ignore[misc]  # the fields come from `shared`: nothing to copy
        super().__init__(data, **kwargs)
        if shared is not None:
            self.fields = {
                name: copy.deepcopy(field) if name == "allocated_to" else field for name, field in shared.items()
            }
        self.workers = {worker.username: worker for worker in workers}
        self.fields["allocated_to"].widget.choices = [
            ("", _("Anyone")),
            (NOT_ALLOCATED, _("Nobody yet")),
            *((worker.username, worker.display_name) for worker in workers),
        ]
        if not may_search:  # the person's name and date of birth are not for this role to search by
            del self.fields["search"]

    @classmethod
    def _shared_fields(cls) -> dict[str, forms.Field]:
        """The fields as an ordinary form of this class has them once checked, in this language."""
        key = (cls, get_language() or settings.LANGUAGE_CODE)
        if key not in cls._fields_by_language:
            made = type("CaseFilterFormOnce", (cls,), {"share_fields": False})(workers=[], may_search=True)
            made.full_clean()  # unbound: it only sets each field's messages
            cls._fields_by_language[key] = made.fields
        return cls._fields_by_language[key]

    def full_clean(self) -> None:
        if self.share_fields:  # the shared fields carry this language's messages already
            forms.Form.full_clean(self)
        else:
            super().full_clean()

    def clean_search(self) -> str:
        text = " ".join(self.cleaned_data["search"].split())
        if text and len(text) < SEARCH_MIN_LENGTH:
            raise forms.ValidationError(
                gettext("Enter at least %(count)s characters to search") % {"count": SEARCH_MIN_LENGTH}
            )
        return text

    def clean_allocated_to(self) -> str:
        username = self.cleaned_data["allocated_to"].strip()
        if username and username != NOT_ALLOCATED and username not in self.workers:
            raise forms.ValidationError(
                gettext("No case worker of your organisation has the username %(username)s")
                % {"username": username[:150]}
            )
        return username

    def filters(self, *, default_status: str = "") -> CaseFilters:
        """The valid form's filters; `default_status` when no status was asked for."""
        data = self.cleaned_data
        status = data["status"] or default_status
        username = data["allocated_to"]
        search = data.get("search", "")
        return CaseFilters(
            status="" if status == ALL_STATUSES else status,
            stage=data["stage"],
            age_group=data["age_group"],
            exploitation_type=data["exploitation_type"],
            overdue={"true": True, "false": False}.get(data["overdue"]),
            allocated_to=self.workers[username].pk if username in self.workers else None,
            not_allocated=username == NOT_ALLOCATED,
            search=search,
            born_on=_as_date(search),
        )


def _as_date(text: str) -> date | None:
    # Every format starts with a number, which strptime reads only from a digit or a space: a
    # search for a name or a reference skips five failing parses (about 0.05 ms a request).
    if not text or not (text[0].isdecimal() or text[0] == " "):
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class AllocationForm(GovukForm):
    worker = forms.ChoiceField(label=_("Who should have the case?"), error_messages={"required": _("Choose a worker")})
    handover_note = forms.CharField(
        label=_("Handover note"),
        required=False,
        help_text=_("What the new worker needs to know. Needed when the case moves from one worker to another."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, data: Any = None, *, workers: list[Any], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.workers = {str(worker.uuid): worker for worker in workers}
        worker = self.fields["worker"]
        assert isinstance(worker, forms.ChoiceField)
        worker.choices = [("", gettext("Choose a worker")), *((key, w.display_name) for key, w in self.workers.items())]
        self.fields["worker"].error_messages["invalid_choice"] = gettext("Choose a worker from the list")
