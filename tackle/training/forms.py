"""Forms for training, awareness and partnerships; choices limited to the user's organisation."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tackle.accounts.models import Organisation, User
from tackle.core.forms import GovukDateField, GovukForm, GovukModelForm
from tackle.training.models import (
    Campaign,
    Course,
    CourseTopic,
    Distribution,
    Material,
    Meeting,
    MeetingAction,
    PartnerService,
    PartnershipGroup,
    Requirement,
    Team,
    TrainingSession,
)


class OrganisationForm(GovukModelForm):
    """A model form whose choices of users, courses and teams come from one organisation."""

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        users = User.objects.filter(organisation=organisation, is_active=True).order_by("last_name", "username")
        for name, bound in self.fields.items():
            if isinstance(bound, forms.ModelChoiceField) and bound.queryset is not None:
                model = bound.queryset.model
                if model is User:
                    bound.queryset = users
                    bound.label_from_instance = lambda user: user.display_name  # type: ignore[method-assign,assignment]
                elif model is Course:
                    bound.queryset = Course.objects.filter(organisation=organisation)
                elif model is Team:
                    bound.queryset = Team.objects.filter(organisation=organisation)
            if name == "attendees":
                bound.widget = forms.CheckboxSelectMultiple()
                bound.widget.choices = bound.choices  # type: ignore[attr-defined]
        self.instance_organisation()

    def _get_validation_exclusions(self) -> set[str]:
        # The organisation is set on the record, not asked, so Django would leave out every constraint
        # naming it (a team's name unique in its organisation) and the save's own check raised a 500.
        return super()._get_validation_exclusions() - {"organisation"}  # type: ignore[misc]

    def instance_organisation(self) -> None:
        if hasattr(self.instance, "organisation_id") and not self.instance.organisation_id:
            self.instance.organisation = self.organisation


class CourseForm(OrganisationForm):
    topics = forms.MultipleChoiceField(
        label=_("What the course covers"),
        help_text=_("Select all that apply. FOI answers about training on a topic list the courses marked with it."),
        choices=CourseTopic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Course
        fields = ["title", "code", "provider", "format", "length_minutes", "validity_months", "topics"]
        error_messages = {"title": {"required": _("Enter the course title")}, "code": {"required": _("Enter a code")}}


class RequirementForm(OrganisationForm):
    class Meta:
        model = Requirement
        fields = ["course", "role", "team", "every_months"]
        error_messages = {"course": {"required": _("Select the course")}}


class TeamForm(OrganisationForm):
    members = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), label=_("Members"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Team
        fields = ["name", "manager"]
        error_messages = {"name": {"required": _("Enter the team's name")}}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, organisation=organisation, **kwargs)
        members = self.fields["members"]
        assert isinstance(members, forms.ModelMultipleChoiceField)
        members.queryset = User.objects.filter(organisation=organisation, is_active=True)
        members.label_from_instance = lambda user: user.display_name  # type: ignore[method-assign,assignment]


class CompletionForm(GovukForm):
    user = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Person"), error_messages={"required": _("Select the person")}
    )
    course = forms.ModelChoiceField(
        queryset=Course.objects.none(), label=_("Course"), error_messages={"required": _("Select the course")}
    )
    completed_on = GovukDateField(label=_("Date completed"))

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = self.fields["user"]
        course = self.fields["course"]
        assert isinstance(user, forms.ModelChoiceField) and isinstance(course, forms.ModelChoiceField)
        user.queryset = User.objects.filter(organisation=organisation, is_active=True)
        user.label_from_instance = lambda person: person.display_name  # type: ignore[method-assign,assignment]
        course.queryset = Course.objects.filter(organisation=organisation)

    def clean_completed_on(self) -> Any:
        value = self.cleaned_data["completed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date completed must be today or in the past"))
        return value


class ImportForm(GovukForm):
    file = forms.FileField(
        label=_("CSV file from the learning system"),
        help_text=_(
            "Columns: username (or email), course_code (or course_title), completed_on "
            "(YYYY-MM-DD or DD/MM/YYYY). The first line names the columns."
        ),
        error_messages={"required": _("Select a CSV file"), "empty": _("The selected file is empty")},
    )


class SessionForm(OrganisationForm):
    class Meta:
        model = TrainingSession
        fields = ["course", "held_on", "multi_agency", "attendee_count", "external_attendee_count", "attendees"]
        labels = {"held_on": _("Date held"), "attendees": _("Staff from your organisation who attended (optional)")}
        error_messages = {
            "course": {"required": _("Select the course")},
            "attendee_count": {"required": _("Enter the number of attendees")},
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        total, external = data.get("attendee_count"), data.get("external_attendee_count")
        if total is not None and external is not None and external > total:
            self.add_error(
                "external_attendee_count",
                _("The number from other organisations must not be more than the number of attendees"),
            )
        return data

    def validate_constraints(self) -> None:
        if not self.has_error("external_attendee_count"):  # already said clearly by clean()
            super().validate_constraints()


class CampaignForm(OrganisationForm):
    class Meta:
        model = Campaign
        fields = ["name", "starts_on", "ends_on", "description"]
        labels = {"starts_on": _("Start date"), "ends_on": _("End date (optional)")}
        error_messages = {"name": {"required": _("Enter the campaign's name")}}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:  # a one-day campaign ends the day it starts
            self.add_error("ends_on", _("The end date must be the same as or after the start date"))
        return data


class MaterialForm(OrganisationForm):
    class Meta:
        model = Material
        fields = ["title", "kind", "languages"]
        error_messages = {"title": {"required": _("Enter the title")}, "kind": {"required": _("Select the kind")}}


class DistributionForm(OrganisationForm):
    class Meta:
        model = Distribution
        fields = ["place_type", "place_name", "quantity", "distributed_on"]
        labels = {"distributed_on": _("Date distributed"), "place_type": _("Where")}
        error_messages = {"quantity": {"required": _("Enter how many")}, "place_type": {"required": _("Select where")}}

    def clean_quantity(self) -> Any:
        quantity = self.cleaned_data["quantity"]
        if quantity < 1:
            raise forms.ValidationError(_("Enter how many, 1 or more"))
        return quantity


class PartnerServiceForm(OrganisationForm):
    class Meta:
        model = PartnerService
        fields = ["name", "kind", "offers", "how_to_refer", "contact", "link"]
        error_messages = {"name": {"required": _("Enter the name")}, "kind": {"required": _("Select the kind")}}


class GroupForm(OrganisationForm):
    class Meta:
        model = PartnershipGroup
        fields = ["name", "level"]
        error_messages = {
            "name": {"required": _("Enter the group's name")},
            "level": {"required": _("Select the level")},
        }


class MeetingForm(OrganisationForm):
    class Meta:
        model = Meeting
        fields = ["held_on", "attendees", "other_attendees", "minutes"]
        labels = {"held_on": _("Date held"), "attendees": _("Attendees from your organisation")}


class ActionForm(OrganisationForm):
    class Meta:
        model = MeetingAction
        fields = ["text", "owner", "owner_name", "due_on"]
        labels = {"due_on": _("Due date (optional)")}
        error_messages = {"text": {"required": _("Enter the action")}}


class CloseActionForm(GovukForm):
    closed_on = GovukDateField(label=_("Date closed"))


class OpenActionFilterForm(GovukForm):
    """The open actions' filters on the Partnership groups page; their download applies them too."""

    group = forms.ModelChoiceField(
        queryset=PartnershipGroup.objects.none(),
        to_field_name="uuid",
        required=False,
        label=_("Group"),
        empty_label=_("All groups"),
    )
    overdue = forms.BooleanField(required=False, label=_("Overdue only"))

    def __init__(self, *args: Any, groups: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        group.queryset = groups
