from django.urls import path

from sandbox.views import actions, documenten, dossier, interchange, workspaces, zaken
from sandbox.views import scenarios as scenario_views

app_name = "sandbox"

urlpatterns = [
    path("", workspaces.workspace_list, name="workspace_list"),
    # Scenarios and attempts (sandbox.scenarios).
    path("scenarios/", scenario_views.scenario_list, name="scenario_list"),
    path("scenarios/<slug:slug>/", scenario_views.scenario_detail, name="scenario"),
    path("pogingen/<uuid:attempt>/", scenario_views.attempt_detail, name="attempt"),
    path(
        "pogingen/<uuid:attempt>/inleveren/",
        scenario_views.attempt_finish_view,
        name="attempt_finish",
    ),
    path(
        "pogingen/<uuid:attempt>/opnieuw/",
        scenario_views.attempt_reset_view,
        name="attempt_reset",
    ),
    path(
        "pogingen/<uuid:attempt>/nieuwe-poging/",
        scenario_views.attempt_retry_view,
        name="attempt_retry",
    ),
    path(
        "pogingen/<uuid:attempt>/verwijderen/",
        scenario_views.attempt_delete_view,
        name="attempt_delete",
    ),
    path(
        "pogingen/<uuid:attempt>/resultaat/",
        scenario_views.attempt_result,
        name="attempt_result",
    ),
    path(
        "pogingen/<uuid:attempt>/terugkijken/",
        scenario_views.attempt_replay,
        name="attempt_replay",
    ),
    path("<uuid:workspace>/", workspaces.workspace_home, name="workspace"),
    path(
        "<uuid:workspace>/verwijderen/",
        workspaces.workspace_delete_view,
        name="workspace_delete",
    ),
    path("<uuid:workspace>/klok/", workspaces.clock_advance, name="clock_advance"),
    path("<uuid:workspace>/werkvoorraad/", zaken.werkvoorraad, name="werkvoorraad"),
    path(
        "<uuid:workspace>/zaken/nieuw/",
        zaken.zaak_register_view,
        name="zaak_register",
    ),
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/",
        zaken.zaak_detail,
        name="zaak_gegevens",
    ),
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/export.json",
        interchange.zaak_export,
        name="zaak_export",
    ),
    # The case file: parties involved, notes (sandbox.views.dossier).
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/betrokkenen/nieuw/<slug:betrokkene_type>/",
        dossier.rol_add,
        name="rol_add",
    ),
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/betrokkenen/<uuid:rol>/wijzigen/",
        dossier.rol_edit,
        name="rol_edit",
    ),
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/betrokkenen/<uuid:rol>/verwijderen/",
        dossier.rol_delete,
        name="rol_delete",
    ),
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/notities/nieuw/",
        dossier.notitie_add,
        name="notitie_add",
    ),
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/acties/<slug:action>/",
        actions.zaak_action,
        name="zaak_action",
    ),
    path(
        "<uuid:workspace>/zaken/<str:identificatie>/<slug:tab>/",
        zaken.zaak_detail,
        name="zaak",
    ),
    path(
        "<uuid:workspace>/documenten/<uuid:document>/",
        documenten.document_detail,
        name="document",
    ),
    path(
        "<uuid:workspace>/documenten/<uuid:document>/uitchecken/",
        dossier.document_checkout,
        name="document_checkout",
    ),
    path(
        "<uuid:workspace>/documenten/<uuid:document>/inchecken/",
        dossier.document_checkin,
        name="document_checkin",
    ),
    path(
        "<uuid:workspace>/documenten/<uuid:document>/wijzigen/",
        dossier.document_edit,
        name="document_edit",
    ),
    path(
        "<uuid:workspace>/documenten/<uuid:document>/nieuwe-versie/",
        dossier.document_new_version,
        name="document_new_version",
    ),
    path(
        "<uuid:workspace>/documenten/<uuid:document>/inhoud/",
        documenten.document_content,
        name="document_content",
    ),
]
