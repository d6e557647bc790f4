from django.apps import AppConfig


class SuppliersConfig(AppConfig):
    name = "tackle.suppliers"
    label = "suppliers"

    def ready(self) -> None:
        # cases declares the slot (tackle/cases/procurement.py); a sibling may not import it, so it
        # is reached through Django's app registry.
        from django.apps import apps

        from tackle.suppliers import navigation  # noqa: F401  (registers this module's menu entries)
        from tackle.suppliers.services import supplier_told_of_concern

        cases = apps.get_app_config("cases")
        cases.supplier_concern_raised.register(supplier_told_of_concern)  # type: ignore[attr-defined]
