from django.apps import AppConfig


class TargetingConfig(AppConfig):
    name = "tackle.targeting"
    label = "targeting"

    def ready(self) -> None:
        from tackle.targeting import navigation  # noqa: F401  (registers this module's menu entries)
