from django.apps import AppConfig


class DisruptConfig(AppConfig):
    name = "tackle.disrupt"
    label = "disrupt"

    def ready(self) -> None:
        from tackle.cases.selectors import case_found_in
        from tackle.disrupt import navigation  # noqa: F401  (registers this module's menu entries)
        from tackle.disrupt.retention import register_kinds
        from tackle.disrupt.selectors import case_found_in_operation

        case_found_in.register(case_found_in_operation)
        register_kinds()
