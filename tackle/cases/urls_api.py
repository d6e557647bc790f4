"""Case-related API routes, included under /api/v1/ by tackle/urls.py."""

urlpatterns: list = []
