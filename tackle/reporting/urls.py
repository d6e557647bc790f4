from django.urls import path

from tackle.reporting import views

app_name = "reporting"

urlpatterns = [
    path("", views.figures_index, name="figures"),
    path("publish", views.figures_publish, name="release-new"),
    path("home-office-tables/publish", views.home_office_publish, name="home-office-release-new"),
    path("releases", views.releases, name="releases"),
    path("figures.csv", views.figures_csv, name="figures-csv"),
    path("figures.xlsx", views.figures_xlsx, name="figures-xlsx"),
    path("home-office-tables.csv", views.home_office_csv, name="home-office-tables-csv"),
    path("home-office-tables.xlsx", views.home_office_xlsx, name="home-office-tables-xlsx"),
]
