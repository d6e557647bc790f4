"""API routes of this module, included under /api/v1/."""

from django.urls import path

from tackle.training import api, api_awareness, api_partnerships

urlpatterns: list = [
    path("training/courses/", api.course_list, name="training-course-list"),
    path("training/courses/<uuid:course_uuid>", api.course_detail, name="training-course-detail"),
    path("training/requirements/", api.requirement_list, name="training-requirement-list"),
    path("training/teams/", api.team_list, name="training-team-list"),
    path("training/teams/<uuid:team_uuid>", api.team_detail, name="training-team-detail"),
    path("campaigns/", api.campaign_list, name="partnership-campaign-list"),
    path("campaigns/<uuid:campaign_uuid>", api.campaign_detail, name="partnership-campaign-detail"),
    path(
        "campaigns/<uuid:campaign_uuid>/materials/",
        api_awareness.material_list,
        name="partnership-campaign-material-list",
    ),
    path("campaign-materials/<uuid:material_uuid>", api_awareness.material_detail, name="partnership-material-detail"),
    path(
        "campaign-materials/<uuid:material_uuid>/distributions/",
        api_awareness.distribution_list,
        name="partnership-material-distribution-list",
    ),
    path("partner-services/", api_awareness.service_list, name="partnership-service-list"),
    path("partner-services/<uuid:service_uuid>", api_awareness.service_detail, name="partnership-service-detail"),
    path("partnership-groups/", api.group_list, name="partnership-group-list"),
    path("partnership-groups/<uuid:group_uuid>", api.group_detail, name="partnership-group-detail"),
    path(
        "partnership-groups/<uuid:group_uuid>/meetings/",
        api_partnerships.meeting_list,
        name="partnership-group-meeting-list",
    ),
    path(
        "partnership-meetings/<uuid:meeting_uuid>", api_partnerships.meeting_detail, name="partnership-meeting-detail"
    ),
    path(
        "partnership-meetings/<uuid:meeting_uuid>/actions/",
        api_partnerships.meeting_action_list,
        name="partnership-meeting-action-list",
    ),
    path("partnership-actions/", api_partnerships.action_list, name="partnership-action-list"),
    path(
        "partnership-actions/<uuid:meeting_action_uuid>",
        api_partnerships.action_detail,
        name="partnership-action-detail",
    ),
    path(
        "partnership-actions/<uuid:meeting_action_uuid>/close",
        api_partnerships.action_close,
        name="partnership-action-close",
    ),
    path("training/completions/import", api.completion_import, name="training-completion-import"),
    path("training/completions/", api.completion_list, name="training-completion-list"),
    path("training/sessions/", api.session_list, name="training-session-list"),
    path("training/sessions/<uuid:session_uuid>", api.session_detail, name="training-session-detail"),
]
