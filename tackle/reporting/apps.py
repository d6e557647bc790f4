from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "tackle.reporting"
    label = "reporting"

    def ready(self) -> None:
        from tackle.reporting import navigation  # noqa: F401  (registers this module's menu entries)
