"""Training, awareness and partnership pages. Module and role checks give 403; records of another
organisation give 404. Views are glue: forms check input, services save and audit."""

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

from tackle.accounts.door import open_for_user, open_page_for_user
from tackle.accounts.exports import list_download, list_download_links
from tackle.accounts.http import AuthenticatedRequest
from tackle.audit.records import record_save
from tackle.core.access import PARTNERSHIP_GROUPS, PARTNERSHIPS, TRAINING, TRAINING_RECORDS, Action
from tackle.core.errors import ApplicationError
from tackle.core.exports import Column
from tackle.core.form_page import form_page
from tackle.core.forms import ColumnsStep, add_application_error
from tackle.training import selectors, services
from tackle.training.access import (
    is_manager,
    is_partnership_editor,
    is_training_admin,
    require_partnership_editor,
    require_training,
    require_training_admin,
)
from tackle.training.forms import (
    ActionForm,
    CampaignForm,
    CloseActionForm,
    CompletionForm,
    CourseForm,
    DistributionForm,
    GroupForm,
    ImportForm,
    MaterialForm,
    MeetingForm,
    OpenActionFilterForm,
    OrganisationForm,
    PartnerServiceForm,
    RequirementForm,
    SessionForm,
    TeamForm,
)
from tackle.training.models import (
    Completion,
    Distribution,
    Material,
    Meeting,
    MeetingAction,
    PartnershipGroup,
    PlaceType,
    Requirement,
    Team,
)
from tackle.training.rules.compliance import Status
from tackle.training.selectors import organisation_id_of


def _create_page(
    request: AuthenticatedRequest, form_class: type[OrganisationForm], *, m2m: tuple[str, ...] = (), **kwargs: Any
) -> HttpResponse:
    organisation = request.user.organisation
    assert organisation is not None
    form = form_class(request.POST or None, organisation=organisation, **kwargs.pop("form_kwargs", {}))

    def save(data: dict[str, Any]) -> object:
        return record_save(actor=request.user, obj=form.save(commit=False), m2m={name: data[name] for name in m2m})

    return form_page(request, form, save, **kwargs)


# Training ----------------------------------------------------------------------------------------


@login_required
def index(request: AuthenticatedRequest) -> HttpResponse:
    require_training(request.user)
    user = request.user
    rows = selectors.compliance_for_users([user]).get(user.pk, [])
    completions = Completion.objects.filter(user=user).select_related("course")[:50]
    context = {
        "rows": rows,
        "completions": completions,
        "is_admin": is_training_admin(user),
        "is_manager": is_manager(user),
        "is_editor": is_partnership_editor(user),
    }
    return render(request, "training/index.html", context)


@login_required
def course_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_training(request.user)
    courses = selectors.courses_visible_to(request.user)
    requirements = Requirement.objects.filter(organisation_id=organisation_id_of(request.user)).select_related(
        "course", "team"
    )
    # The training administrators, who keep the courses, take them away (TRAINING_RECORDS' export).
    download = list_download(
        request, courses, resource=TRAINING_RECORDS, columns=_course_columns(), name="courses", title=gettext("Courses")
    ) or list_download(
        request,
        requirements,
        resource=TRAINING_RECORDS,
        columns=_requirement_columns(),
        name="training-requirements",
        title=gettext("Requirements"),
        table="requirements",
    )
    if download is not None:
        return download
    context = {
        "courses": courses,
        "requirements": requirements,
        "is_admin": is_training_admin(request.user),
        "downloads": list_download_links(request, TRAINING_RECORDS) if courses else [],
        "requirement_downloads": list_download_links(request, TRAINING_RECORDS, "requirements") if requirements else [],
    }
    return render(request, "training/course_list.html", context)


def _course_columns() -> tuple[Column, ...]:
    """The courses as the page lists them; made per request, so the headers are in the reader's language."""
    return (
        Column(gettext("Course"), lambda course: course.title),
        Column(gettext("Code"), lambda course: course.code),
        Column(gettext("Provider"), lambda course: course.provider),
        Column(gettext("Format"), lambda course: course.get_format_display()),
        Column(gettext("Length in minutes"), lambda course: course.length_minutes),
        Column(gettext("Valid for (months)"), lambda course: course.validity_months),
    )


def _requirement_columns() -> tuple[Column, ...]:
    return (
        Column(gettext("Course"), lambda requirement: requirement.course.title),
        Column(gettext("Who"), lambda requirement: requirement.applies_to_label()),
        Column(gettext("Every (months)"), lambda requirement: requirement.every_months),
    )


@login_required
def course_new(request: AuthenticatedRequest) -> HttpResponse:
    require_training_admin(request.user)
    back = reverse("training:course-list")
    return _create_page(request, CourseForm, title=gettext("Add a course"), back=back, success=gettext("Course added"))


@login_required
def requirement_new(request: AuthenticatedRequest) -> HttpResponse:
    require_training_admin(request.user)
    back = reverse("training:course-list")
    return _create_page(
        request, RequirementForm, title=gettext("Add a requirement"), back=back, success=gettext("Requirement added")
    )


@login_required
def team_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_training(request.user)
    if not is_manager(request.user):
        raise PermissionDenied(
            gettext("Only team managers, the modern slavery lead or an administrator can see teams.")
        )
    teams = selectors.teams_managed_by(request.user).annotate(member_count=Count("memberships"))
    columns = (
        Column(gettext("Team"), lambda team: team.name),
        Column(gettext("Manager"), lambda team: team.manager.display_name if team.manager else gettext("No manager")),
        Column(gettext("Members"), lambda team: team.member_count),
    )
    download = list_download(
        request, teams, resource=TRAINING_RECORDS, columns=columns, name="teams", title=gettext("Teams")
    )
    if download is not None:
        return download
    context = {
        "teams": teams,
        "is_admin": is_training_admin(request.user),
        "downloads": list_download_links(request, TRAINING_RECORDS) if teams else [],
    }
    return render(request, "training/team_list.html", context)


@login_required
def team_new(request: AuthenticatedRequest) -> HttpResponse:
    require_training_admin(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    form = TeamForm(request.POST or None, organisation=organisation)

    def save(data: dict[str, Any]) -> object:
        return services.team_save(actor=request.user, team=form.save(commit=False), members=list(data["members"]))

    back = reverse("training:team-list")
    return form_page(request, form, save, title=gettext("Add a team"), back=back, success=gettext("Team added"))


def _team_for_manager(request: AuthenticatedRequest, team_uuid: Any) -> Team:
    require_training(request.user)
    # Any role may manage a team, so the door opens it as the user's own training; the manager check follows.
    team = open_for_user(request.user, selectors.teams_visible_to(request.user), resource=TRAINING, uuid=team_uuid)
    if not (is_training_admin(request.user) or team.manager_id == request.user.pk):
        raise PermissionDenied(
            gettext("Only the team's manager, the modern slavery lead or an administrator can see this.")
        )
    return team


@login_required
def team_detail(request: AuthenticatedRequest, team_uuid: Any) -> HttpResponse | StreamingHttpResponse:
    team = _team_for_manager(request, team_uuid)
    members = selectors.team_members(team)
    statuses = selectors.compliance_for_users(members)
    rows = [(member, statuses.get(member.pk, [])) for member in members]
    flat = [(member, row) for member, member_rows in rows for row in member_rows]
    download = list_download(
        request, flat, resource=TRAINING_RECORDS, columns=_compliance_columns(), name="team-training", title=team.name
    )
    if download is not None:
        return download
    counts = {"compliant": 0, "due": 0, "overdue": 0, "never": 0}
    for _member, row in flat:
        counts[row.status.value] += 1
    context = {
        "team": team,
        "rows": rows,
        "counts": counts,
        "downloads": list_download_links(request, TRAINING_RECORDS),
    }
    return render(request, "training/team_detail.html", context)


# The compliance rules stay free of Django; their statuses are named for people here.
STATUS_LABELS = {
    Status.COMPLIANT: gettext_lazy("Compliant"),
    Status.DUE: gettext_lazy("Due"),
    Status.OVERDUE: gettext_lazy("Overdue"),
    Status.NEVER: gettext_lazy("Not done"),
}


# One row per member and requirement, as the team's page lists them.
def _compliance_columns() -> tuple[Column, ...]:
    """Made per request, so the headers come out in the reader's language."""
    return (
        Column(gettext("Person"), lambda pair: pair[0].display_name),
        Column(gettext("Course"), lambda pair: pair[1].requirement.course.title),
        Column(gettext("Last done"), lambda pair: pair[1].last_completed_on),
        Column(gettext("Due"), lambda pair: pair[1].due_on),
        Column(gettext("Status"), lambda pair: str(STATUS_LABELS[pair[1].status])),
    )


@login_required
def completion_new(request: AuthenticatedRequest) -> HttpResponse:
    require_training_admin(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    form = CompletionForm(request.POST or None, organisation=organisation)

    def save(data: dict[str, Any]) -> object:
        return services.completion_record(
            actor=request.user, user=data["user"], course=data["course"], completed_on=data["completed_on"]
        )

    back = reverse("training:course-list")
    return form_page(
        request, form, save, title=gettext("Record a completion"), back=back, success=gettext("Completion recorded")
    )


@login_required
def completion_import(request: AuthenticatedRequest) -> HttpResponse:
    require_training_admin(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    labels = {name: gettext(label) for name, label in services.COLUMN_LABELS.items()}
    columns = ColumnsStep(request.POST if request.method == "POST" else None, labels=labels, required=set(labels))
    if request.method == "POST" and form.is_valid() and columns.is_valid():
        try:
            result = services.completions_import(
                organisation=organisation,
                actor=request.user,
                data=form.cleaned_data["file"].read(services.MAX_IMPORT_BYTES + 1),
                today=timezone.localdate(),
                columns=columns.chosen,
            )
        except services.ColumnsToConfirm as error:
            add_application_error(form, error, field="file")
            columns.ask(error)
        except ApplicationError as error:
            add_application_error(form, error, field="file")
    context = {"form": form, "result": result, **columns.context()}
    return render(request, "training/completion_import.html", context)


@login_required
def session_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_training_admin(request.user)
    sessions = selectors.sessions_visible_to(request.user)
    download = list_download(
        request,
        sessions,
        resource=TRAINING_RECORDS,
        columns=_session_columns(),
        name="sessions",
        title=gettext("Sessions held"),
    )
    if download is not None:
        return download
    context = {"sessions": sessions, "downloads": list_download_links(request, TRAINING_RECORDS)}
    return render(request, "training/session_list.html", context)


def _session_columns() -> tuple[Column, ...]:
    """Made per request, so the headers come out in the reader's language."""
    return (
        Column(gettext("Date"), lambda s: s.held_on),
        Column(gettext("Course"), lambda s: s.course.title),
        Column(gettext("Multi-agency"), lambda s: gettext("Yes") if s.multi_agency else gettext("No")),
        Column(gettext("Attendees"), lambda s: s.attendee_count),
        Column(gettext("From other organisations"), lambda s: s.external_attendee_count),
    )


@login_required
def session_new(request: AuthenticatedRequest) -> HttpResponse:
    require_training_admin(request.user)
    organisation = request.user.organisation
    assert organisation is not None
    form = SessionForm(request.POST or None, organisation=organisation)

    def save(data: dict[str, Any]) -> object:
        return services.session_record(
            actor=request.user, session=form.save(commit=False), attendees=list(data["attendees"])
        )

    back = reverse("training:session-list")
    return form_page(
        request, form, save, title=gettext("Record a session"), back=back, success=gettext("Session recorded")
    )


# Awareness ---------------------------------------------------------------------------------------


@login_required
def campaign_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_training(request.user)
    campaigns = selectors.campaigns_visible_to(request.user).annotate(
        distributed=Sum("materials__distributions__quantity")
    )
    columns = (
        Column(gettext("Campaign"), lambda campaign: campaign.name),
        Column(gettext("Start date"), lambda campaign: campaign.starts_on),
        Column(gettext("End date"), lambda campaign: campaign.ends_on or ""),
        Column(gettext("Distributed"), lambda campaign: campaign.distributed or 0),
    )
    download = list_download(
        request, campaigns, resource=PARTNERSHIPS, columns=columns, name="campaigns", title=gettext("Campaigns")
    )
    if download is not None:
        return download
    distributions = Distribution.objects.filter(material__campaign__organisation_id=organisation_id_of(request.user))
    by_place = dict(distributions.values_list("place_type").annotate(total=Sum("quantity")))
    totals = [(label, by_place.get(value, 0)) for value, label in PlaceType.choices]
    context = {
        "campaigns": campaigns,
        "totals": totals,
        "is_editor": is_partnership_editor(request.user),
        "downloads": list_download_links(request, PARTNERSHIPS) if campaigns else [],
    }
    return render(request, "training/campaign_list.html", context)


@login_required
def campaign_new(request: AuthenticatedRequest) -> HttpResponse:
    require_partnership_editor(request.user)
    back = reverse("training:campaign-list")
    return _create_page(
        request, CampaignForm, title=gettext("Add a campaign"), back=back, success=gettext("Campaign added")
    )


@login_required
def campaign_detail(request: AuthenticatedRequest, campaign_uuid: Any) -> HttpResponse:
    require_training(request.user)
    visible = selectors.campaigns_visible_to(request.user)
    campaign = open_for_user(request.user, visible, resource=PARTNERSHIPS, uuid=campaign_uuid)
    materials = campaign.materials.annotate(distributed=Sum("distributions__quantity")).prefetch_related(
        "distributions"
    )
    context = {"campaign": campaign, "materials": materials, "is_editor": is_partnership_editor(request.user)}
    return render(request, "training/campaign_detail.html", context)


@login_required
def material_new(request: AuthenticatedRequest, campaign_uuid: Any) -> HttpResponse:
    require_partnership_editor(request.user)
    visible = selectors.campaigns_visible_to(request.user)
    campaign = open_for_user(request.user, visible, resource=PARTNERSHIPS, action=Action.RECORD, uuid=campaign_uuid)
    back = reverse("training:campaign-detail", args=[campaign.uuid])
    return _create_page(
        request,
        MaterialForm,
        title=gettext("Add material"),
        caption=campaign.name,
        back=back,
        success=gettext("Material added"),
        form_kwargs={"instance": Material(campaign=campaign)},
    )


@login_required
def distribution_new(request: AuthenticatedRequest, material_uuid: Any) -> HttpResponse:
    require_partnership_editor(request.user)
    visible = Material.objects.filter(campaign__organisation_id=organisation_id_of(request.user))
    material = open_for_user(
        request.user,
        visible.select_related("campaign"),
        resource=PARTNERSHIPS,
        action=Action.RECORD,
        uuid=material_uuid,
    )
    back = reverse("training:campaign-detail", args=[material.campaign.uuid])
    return _create_page(
        request,
        DistributionForm,
        title=gettext("Record a distribution"),
        caption=str(material),
        back=back,
        success=gettext("Distribution recorded"),
        form_kwargs={"instance": Distribution(material=material)},
    )


# Partnerships ------------------------------------------------------------------------------------


@login_required
def service_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_training(request.user)
    services_ = selectors.services_visible_to(request.user)
    columns = (
        Column(gettext("Name"), lambda service: service.name),
        Column(gettext("Kind"), lambda service: service.get_kind_display()),
        Column(gettext("What they offer"), lambda service: service.offers),
        Column(gettext("How to refer"), lambda service: service.how_to_refer),
        Column(gettext("Contact"), lambda service: service.contact),
        Column(gettext("Link"), lambda service: service.link),
    )
    download = list_download(
        request,
        services_,
        resource=PARTNERSHIPS,
        columns=columns,
        name="partner-directory",
        title=gettext("Partner directory"),
    )
    if download is not None:
        return download
    context = {
        "services": services_,
        "is_editor": is_partnership_editor(request.user),
        "downloads": list_download_links(request, PARTNERSHIPS) if services_ else [],
    }
    return render(request, "training/service_list.html", context)


@login_required
def service_new(request: AuthenticatedRequest) -> HttpResponse:
    require_partnership_editor(request.user)
    back = reverse("training:service-list")
    return _create_page(
        request, PartnerServiceForm, title=gettext("Add a service"), back=back, success=gettext("Service added")
    )


@login_required
def group_list(request: AuthenticatedRequest) -> HttpResponse | StreamingHttpResponse:
    require_partnership_editor(request.user)
    groups = selectors.groups_visible_to(request.user).annotate(
        meeting_count=Count("meetings", distinct=True),
        open_actions=Count("meetings__actions", filter=Q(meetings__actions__closed_on__isnull=True)),
    )
    download = list_download(
        request,
        groups,
        resource=PARTNERSHIP_GROUPS,
        columns=_group_columns(),
        name="partnership-groups",
        title=gettext("Partnership groups"),
    )
    if download is not None:
        return download
    today = timezone.localdate()
    action_form = OpenActionFilterForm(request.GET, groups=selectors.groups_visible_to(request.user))
    filters = action_form.cleaned_data if action_form.is_valid() else {}
    actions = selectors.open_actions_filtered(
        request.user, group=filters.get("group"), overdue_on=today if filters.get("overdue") else None
    )
    download = list_download(
        request,
        actions,
        resource=PARTNERSHIP_GROUPS,
        columns=_action_columns(today),
        name="partnership-open-actions",
        title=gettext("Open partnership actions"),
        table="open-actions",
    )
    if download is not None:
        return download
    # The page's open actions name their owners: the view is audited, as their download is.
    open_page_for_user(
        request.user, resource=PARTNERSHIP_GROUPS, request=request, object_type="training.partnershipgroup"
    )
    context = {
        "groups": groups,
        "actions": actions,
        "action_form": action_form,
        "today": today,
        "downloads": list_download_links(request, PARTNERSHIP_GROUPS) if groups else [],
        "action_downloads": list_download_links(request, PARTNERSHIP_GROUPS, "open-actions") if actions else [],
    }
    return render(request, "training/group_list.html", context)


def _action_columns(today: date) -> tuple[Column, ...]:
    """The open actions as the page lists them, with the group and meeting the page shows beneath."""
    return (
        Column(gettext("Action"), lambda action: action.text),
        Column(gettext("Group"), lambda action: action.meeting.group.name),
        Column(gettext("Date held"), lambda action: action.meeting.held_on),
        Column(gettext("Owner"), _owner_of),
        Column(gettext("Due date"), lambda action: action.due_on or ""),
        Column(
            gettext("Overdue"),
            lambda action: gettext("Yes") if action.due_on and action.due_on < today else gettext("No"),
        ),
    )


def _owner_of(action: MeetingAction) -> str:
    if action.owner is not None:
        return action.owner.display_name
    return action.owner_name or gettext("No owner")


# The groups as the list shows them; the open actions download as their own table (_action_columns).
def _group_columns() -> tuple[Column, ...]:
    """Made per request, so the headers come out in the reader's language."""
    return (
        Column(gettext("Group"), lambda group: group.name),
        Column(gettext("Level"), lambda group: group.get_level_display()),
        Column(gettext("Meetings"), lambda group: group.meeting_count),
        Column(gettext("Open actions"), lambda group: group.open_actions),
    )


@login_required
def group_new(request: AuthenticatedRequest) -> HttpResponse:
    require_partnership_editor(request.user)
    back = reverse("training:group-list")
    return _create_page(
        request, GroupForm, title=gettext("Add a partnership group"), back=back, success=gettext("Group added")
    )


@login_required
def group_detail(request: AuthenticatedRequest, group_uuid: Any) -> HttpResponse:
    require_partnership_editor(request.user)
    group = _open_group(request, group_uuid, Action.VIEW)
    meetings = group.meetings.annotate(
        action_count=Count("actions"), open_actions=Count("actions", filter=Q(actions__closed_on__isnull=True))
    )
    return render(request, "training/group_detail.html", {"group": group, "meetings": meetings})


@login_required
def meeting_new(request: AuthenticatedRequest, group_uuid: Any) -> HttpResponse:
    require_partnership_editor(request.user)
    group = _open_group(request, group_uuid, Action.RECORD)
    back = reverse("training:group-detail", args=[group.uuid])
    return _create_page(
        request,
        MeetingForm,
        m2m=("attendees",),
        title=gettext("Record a meeting"),
        caption=group.name,
        back=back,
        success=gettext("Meeting recorded"),
        form_kwargs={"instance": Meeting(group=group)},
    )


def _meetings_visible_to(request: AuthenticatedRequest) -> Any:
    return Meeting.objects.filter(group__organisation_id=organisation_id_of(request.user)).select_related("group")


def _open_group(request: AuthenticatedRequest, group_uuid: Any, action: Action) -> PartnershipGroup:
    visible = selectors.groups_visible_to(request.user)
    # Partnership groups are audited (a meeting names who attended): the door writes the view.
    return open_for_user(
        request.user, visible, resource=PARTNERSHIP_GROUPS, action=action, request=request, uuid=group_uuid
    )


def _open_meeting(request: AuthenticatedRequest, meeting_uuid: Any, action: Action) -> Meeting:
    visible = _meetings_visible_to(request)
    return open_for_user(
        request.user, visible, resource=PARTNERSHIP_GROUPS, action=action, request=request, uuid=meeting_uuid
    )


@login_required
def meeting_detail(request: AuthenticatedRequest, meeting_uuid: Any) -> HttpResponse:
    require_partnership_editor(request.user)
    meeting = _open_meeting(request, meeting_uuid, Action.VIEW)
    actions = meeting.actions.select_related("owner")
    context = {"meeting": meeting, "actions": actions, "attendees": meeting.attendees.all()}
    return render(request, "training/meeting_detail.html", context)


@login_required
def action_new(request: AuthenticatedRequest, meeting_uuid: Any) -> HttpResponse:
    require_partnership_editor(request.user)
    meeting = _open_meeting(request, meeting_uuid, Action.RECORD)
    back = reverse("training:meeting-detail", args=[meeting.uuid])
    return _create_page(
        request,
        ActionForm,
        title=gettext("Add an action"),
        caption=f"{meeting.group.name}, {date_format(meeting.held_on, 'j F Y')}",
        back=back,
        success=gettext("Action added"),
        form_kwargs={"instance": MeetingAction(meeting=meeting)},
    )


@login_required
def action_close(request: AuthenticatedRequest, action_uuid: Any) -> HttpResponse:
    require_partnership_editor(request.user)
    visible = MeetingAction.objects.filter(meeting__group__organisation_id=organisation_id_of(request.user))
    action = open_for_user(
        request.user,
        visible.select_related("meeting__group"),
        resource=PARTNERSHIP_GROUPS,
        action=Action.CHANGE,
        uuid=action_uuid,
    )
    form = CloseActionForm(request.POST or None, initial={"closed_on": timezone.localdate()})

    def save(data: dict[str, Any]) -> object:
        return services.meeting_action_close(actor=request.user, action=action, closed_on=data["closed_on"])

    back = reverse("training:meeting-detail", args=[action.meeting.uuid])
    return form_page(
        request,
        form,
        save,
        title=gettext("Close the action"),
        caption=action.text[:80],
        back=back,
        success=gettext("Action closed"),
    )
