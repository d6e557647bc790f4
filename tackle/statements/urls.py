app_name = "statements"

urlpatterns: list = []
