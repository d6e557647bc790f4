app_name = "targeting"

urlpatterns: list = []
