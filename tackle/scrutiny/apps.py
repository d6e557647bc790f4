from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "tackle.scrutiny"
    label = "scrutiny"

    def ready(self) -> None:
        from tackle.scrutiny import navigation  # noqa: F401  (registers this module's menu entries)
