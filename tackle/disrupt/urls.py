app_name = "disrupt"

urlpatterns: list = []
