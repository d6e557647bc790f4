from django.apps import AppConfig


class DisruptConfig(AppConfig):
    name = "tackle.disrupt"
    label = "disrupt"

    def ready(self) -> None:
        from tackle.disrupt import navigation  # noqa: F401  (registers this module's menu entries)
