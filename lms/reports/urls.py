from django.urls import path

from lms.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("competenties/", views.matrix, name="matrix"),
    path("competenties/medewerker/<int:pk>/", views.person, name="person"),
    path(
        "competenties/medewerker/<int:pk>/afdrukken/",
        views.person,
        {"printable": True},
        name="person_print",
    ),
    path(
        "competenties/medewerker/<int:pk>/bewijs/<uuid:award>/",
        views.evidence,
        name="evidence",
    ),
    path("verplichte-training/", views.compliance, name="compliance"),
    path(
        "verplichte-training/herinneren/",
        views.compliance_remind,
        name="compliance_remind",
    ),
    path("grafieken/", views.charts_view, name="charts"),
    path("export/<slug:table>.<str:format>", views.export, name="export"),
    path("exportlog/", views.export_log, name="export_log"),
]
