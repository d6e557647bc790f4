from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tackle.cases"
    label = "cases"
