from django.urls import path

from tackle.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in", views.SignInView.as_view(), name="sign-in"),
    path("sign-out", views.SignOutView.as_view(), name="sign-out"),
    path("two-factor/setup", views.two_factor_setup, name="two-factor-setup"),
    path("two-factor/verify", views.two_factor_verify, name="two-factor-verify"),
    path("tokens/", views.token_list, name="token-list"),
    path("tokens/<uuid:token_uuid>/revoke", views.token_revoke, name="token-revoke"),
    path("users/", views.user_list, name="user-list"),
]
