from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView

from tackle.core import api as core_api
from tackle.core import api_docs

api_v1: list[URLPattern | URLResolver] = [
    path("health", core_api.health, name="health"),
    path("", include("tackle.accounts.urls_api")),
    path("", include("tackle.audit.urls_api")),
    path("", include("tackle.cases.urls_api")),
    path("", include("tackle.statements.urls_api")),
    path("", include("tackle.training.urls_api")),
    path("", include("tackle.scrutiny.urls_api")),
    path("", include("tackle.reporting.urls_api")),
    path("", include("tackle.suppliers.urls_api")),
    path("", include("tackle.spend.urls_api")),
    path("", include("tackle.disrupt.urls_api")),
    path("", include("tackle.targeting.urls_api")),
    path("", include("tackle.statement_reader.urls_api")),
]

urlpatterns = [
    path("", include("tackle.home.urls")),
    path("account/", include("tackle.accounts.urls")),
    path("audit/", include("tackle.audit.urls")),
    path("cases/", include("tackle.cases.urls")),
    path("statements/", include("tackle.statements.urls")),
    path("training/", include("tackle.training.urls")),
    path("scrutiny/", include("tackle.scrutiny.urls")),
    path("figures/", include("tackle.reporting.urls")),
    path("suppliers/", include("tackle.suppliers.urls")),
    path("spend/", include("tackle.spend.urls")),
    path("disrupt/", include("tackle.disrupt.urls")),
    path("targeting/", include("tackle.targeting.urls")),
    path("statement-reader/", include("tackle.statement_reader.urls")),
    path("api/v1/", include((api_v1, "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_docs.api_docs, name="api-docs"),
]

handler400 = "tackle.core.views.bad_request"
handler403 = "tackle.core.views.permission_denied"
handler404 = "tackle.core.views.page_not_found"
handler500 = "tackle.core.views.server_error"
