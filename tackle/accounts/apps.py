from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tackle.accounts"
    label = "accounts"
