from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tackle.audit"
    label = "audit"

    def ready(self) -> None:
        from tackle.audit import receivers  # noqa: F401  (sign-in events)
