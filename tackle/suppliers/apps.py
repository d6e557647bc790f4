from django.apps import AppConfig


class SuppliersConfig(AppConfig):
    name = "tackle.suppliers"
    label = "suppliers"

    def ready(self) -> None:
        from tackle.suppliers import navigation  # noqa: F401  (registers this module's menu entries)
