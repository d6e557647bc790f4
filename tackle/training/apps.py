from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "tackle.training"
    label = "training"

    def ready(self) -> None:
        from tackle.training import navigation  # noqa: F401  (registers this module's menu entries)
