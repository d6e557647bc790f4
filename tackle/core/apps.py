from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tackle.core"
    label = "core"
