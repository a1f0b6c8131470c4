from django.urls import path

from sandbox.views import actions, documenten, workspaces, zaken

app_name = "sandbox"

urlpatterns = [
    path("", workspaces.workspace_list, name="workspace_list"),
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
        "<uuid:workspace>/documenten/<uuid:document>/inhoud/",
        documenten.document_content,
        name="document_content",
    ),
]
