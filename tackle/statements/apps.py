from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "tackle.statements"
    label = "statements"

    def ready(self) -> None:
        from tackle.statements import navigation  # noqa: F401  (registers this module's menu entries)
