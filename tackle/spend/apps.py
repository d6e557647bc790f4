from django.apps import AppConfig


class SpendConfig(AppConfig):
    name = "tackle.spend"
    label = "spend"

    def ready(self) -> None:
        from tackle.spend import navigation  # noqa: F401  (registers this module's menu entries)
