from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tackle.audit"
    label = "audit"

    def ready(self) -> None:
        from tackle.audit import receivers  # noqa: F401  (sign-in events)
        from tackle.audit.task_wording import task_text
        from tackle.core.tasks import task_wordings

        task_wordings.register(task_text)
