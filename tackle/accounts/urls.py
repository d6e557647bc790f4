from django.urls import path

from tackle.accounts import sso, views

app_name = "accounts"

urlpatterns = [
    path("sign-in", views.SignInView.as_view(), name="sign-in"),
    path("sign-out", views.SignOutView.as_view(), name="sign-out"),
    path("two-factor/setup", views.two_factor_setup, name="two-factor-setup"),
    path("two-factor/verify", views.two_factor_verify, name="two-factor-verify"),
    path("tokens/", views.token_list, name="token-list"),
    path("tokens/<uuid:token_uuid>/revoke", views.token_revoke, name="token-revoke"),
    path("organisation/tokens/", views.organisation_token_list, name="organisation-token-list"),
    path(
        "organisation/tokens/<uuid:token_uuid>/revoke",
        views.organisation_token_revoke,
        name="organisation-token-revoke",
    ),
    path("users/", views.user_list, name="user-list"),
    path("users/invite", views.invite_user, name="user-invite"),
    path("users/<uuid:user_uuid>/", views.user_detail, name="user-detail"),
    path("users/<uuid:user_uuid>/role", views.user_role, name="user-role"),
    path("users/<uuid:user_uuid>/deactivate", views.user_deactivate_confirm, name="user-deactivate"),
    path("users/<uuid:user_uuid>/two-factor-reset", views.user_two_factor_reset_confirm, name="user-two-factor-reset"),
    # One-step changes (POST from a button on the user's page).
    *(
        path(f"users/<uuid:user_uuid>/{change}", views.user_change, {"change": change}, name=f"user-{change}")
        for change in ("reactivate", "unlock", "invitation")
    ),
    path("invitation/<str:token>", views.invitation_open, name="invitation-open"),
    path("invitation/", views.invitation_accept_view, name="invitation-accept"),
    path("notifications/", views.notification_list, name="notification-list"),
    path("organisation/settings", views.organisation_settings, name="organisation-settings"),
    path("organisation/webhooks/", views.webhook_list, name="webhook-list"),
    path("organisation/webhooks/<uuid:webhook_uuid>/deliveries", views.webhook_deliveries, name="webhook-deliveries"),
    path("organisation/webhooks/<uuid:webhook_uuid>/edit", views.webhook_edit, name="webhook-edit"),
    path("organisation/webhooks/<uuid:webhook_uuid>/revoke", views.webhook_revoke, name="webhook-revoke"),
    path("organisation/webhooks/<uuid:webhook_uuid>/rotate", views.webhook_rotate, name="webhook-rotate"),
    path("organisation/webhooks/<uuid:webhook_uuid>/send-again", views.webhook_send_again, name="webhook-send-again"),
    path("language/<str:code>", views.choose_language, name="choose-language"),
    path("sso/start", sso.sso_start, name="sso-start"),
    path("sso/callback", sso.sso_callback, name="sso-callback"),
    path("sso/refused", sso.sso_refused, name="sso-refused"),
]
