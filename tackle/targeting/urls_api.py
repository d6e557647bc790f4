"""API routes of this module, included under /api/v1/."""

urlpatterns: list = []
