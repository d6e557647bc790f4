from django.apps import AppConfig


class StatementReaderConfig(AppConfig):
    name = "tackle.statement_reader"
    label = "statement_reader"

    def ready(self) -> None:
        from tackle.statement_reader import navigation  # noqa: F401  (registers this module's menu entries)
        from tackle.statement_reader.selectors import latest_assessment_for_supplier
        from tackle.suppliers.statements import statement_assessment_of

        statement_assessment_of.register(latest_assessment_for_supplier)
