from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tackle.accounts"
    label = "accounts"

    def ready(self) -> None:
        from tackle.accounts import openapi  # noqa: F401  (registers the token scheme with drf-spectacular)
