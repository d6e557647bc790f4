from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tackle.cases"
    label = "cases"

    def ready(self) -> None:
        from tackle.cases import navigation  # noqa: F401  (registers this module's menu entries)
