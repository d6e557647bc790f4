app_name = "spend"

urlpatterns: list = []
