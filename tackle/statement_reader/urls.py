app_name = "statement_reader"

urlpatterns: list = []
