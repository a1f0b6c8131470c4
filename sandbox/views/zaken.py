"""The work queue, registering a zaak from an intake, and the case page."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from sandbox import selectors
from sandbox.errors import SandboxRuleError
from sandbox.forms import SearchForm, ZaakRegisterForm
from sandbox.models import BesluitInformatieObject, RolType
from sandbox.models.choices import RolOmschrijvingGeneriek
from sandbox.services import zaak_register, zaak_rol_add
from sandbox.views._access import workspace_for_change, workspace_or_404, zaak_or_404
from sandbox.views.actions import actions_for

TABS = [
    ("gegevens", gettext_lazy("Details")),
    ("status", gettext_lazy("Status and history")),
    ("betrokkenen", gettext_lazy("Parties involved")),
    ("documenten", gettext_lazy("Documents")),
    ("besluiten", gettext_lazy("Decisions")),
    ("notities", gettext_lazy("Notes")),
    ("audit", gettext_lazy("Audit trail")),
]


@require_GET
def werkvoorraad(request, workspace):
    workspace = workspace_or_404(request, workspace)
    mine = request.GET.get("filter") == "mijn"
    search = SearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    zaken = list(
        selectors.werkvoorraad(
            workspace=workspace, user=request.user, mine=mine, query=query
        )
    )
    today = workspace.sandbox_today()
    for zaak in zaken:
        # Overdue by the sandbox clock, not the real one.
        zaak.overdue = (
            not zaak.is_closed
            and zaak.uiterlijke_einddatum_afdoening is not None
            and zaak.uiterlijke_einddatum_afdoening < today
        )
    return render(
        request,
        "sandbox/werkvoorraad.html",
        {
            "workspace": workspace,
            "zaken": zaken,
            "mine": mine,
            "search": search,
            "query": query,
            "today": today,
        },
    )


@require_http_methods(["GET", "POST"])
def zaak_register_view(request, workspace):
    workspace = workspace_for_change(request, workspace)
    zaaktypen = selectors.zaaktypen_available(on=workspace.sandbox_today())
    form = ZaakRegisterForm(
        request.POST if request.method == "POST" else None,
        zaaktypen=zaaktypen,
        initial={"startdatum": workspace.sandbox_today()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            zaak = zaak_register(
                workspace=workspace,
                actor=request.user,
                zaaktype=data["zaaktype"],
                startdatum=data["startdatum"],
                omschrijving=data["omschrijving"],
                toelichting=data["toelichting"],
                communicatiekanaal=data["communicatiekanaal"],
            )
            initiator = form.initiator()
            if initiator is not None:
                roltype = RolType.objects.filter(
                    zaaktype=zaak.zaaktype,
                    omschrijving_generiek=RolOmschrijvingGeneriek.INITIATOR,
                ).first()
                if roltype is not None:
                    zaak_rol_add(
                        zaak=zaak,
                        actor=request.user,
                        roltype=roltype,
                        betrokkene=initiator,
                    )
        except SandboxRuleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Case %(zaak)s was registered.") % {"zaak": zaak.identificatie},
            )
            return redirect(zaak_url_for(workspace, zaak, "gegevens"))
    return render(
        request,
        "sandbox/zaak_register.html",
        {"workspace": workspace, "form": form},
    )


@require_GET
def zaak_detail(request, workspace, identificatie, tab="gegevens"):
    if tab not in dict(TABS):
        raise Http404
    workspace = workspace_or_404(request, workspace)
    zaak = zaak_or_404(workspace, identificatie)
    context = {
        "workspace": workspace,
        "zaak": zaak,
        "tab": tab,
        "tabs": [
            (slug, label, zaak_url_for(workspace, zaak, slug)) for slug, label in TABS
        ],
        "actions": actions_for(workspace, zaak) if workspace.changeable else [],
        "today": workspace.sandbox_today(),
    }
    context.update(TAB_DATA[tab](zaak))
    return render(request, "sandbox/zaak_detail.html", context)


def zaak_url_for(workspace, zaak, tab):
    return reverse(
        "sandbox:zaak",
        kwargs={
            "workspace": workspace.uuid,
            "identificatie": zaak.identificatie,
            "tab": tab,
        },
    )


def _gegevens(zaak):
    return {
        "behandelaars": list(
            zaak.rollen.filter(
                roltype__omschrijving_generiek=RolOmschrijvingGeneriek.BEHANDELAAR
            ).select_related("roltype", "medewerker", "organisatorische_eenheid")
        ),
        "zaakobjecten": list(zaak.zaakobjecten.all()),
        "eigenschappen": list(zaak.zaakeigenschappen.select_related("eigenschap")),
    }


def _status(zaak):
    return {
        "statussen": list(zaak.statussen.select_related("statustype")),
        "klantcontacten": list(zaak.klantcontacten.all()),
    }


def _betrokkenen(zaak):
    return {
        "rollen": list(
            zaak.rollen.select_related(
                "roltype",
                "natuurlijk_persoon",
                "niet_natuurlijk_persoon",
                "vestiging",
                "organisatorische_eenheid",
                "medewerker",
            )
        )
    }


def _documenten(zaak):
    return {
        "zaakdocumenten": list(
            zaak.zaakinformatieobjecten.select_related(
                "informatieobject__informatieobjecttype", "status__statustype"
            )
        )
    }


def _besluiten(zaak):
    return {
        "besluiten": list(
            zaak.besluiten.select_related("besluittype").prefetch_related(
                Prefetch(
                    "besluitinformatieobjecten",
                    queryset=BesluitInformatieObject.objects.select_related(
                        "informatieobject"
                    ),
                )
            )
        )
    }


def _notities(zaak):
    from sandbox.dossier_forms import NotitieForm

    return {
        "notities": list(zaak.notities.select_related("auteur")),
        "notitie_form": NotitieForm(),
    }


def _audit(zaak):
    return {"trace": list(zaak.actions.select_related("actor").order_by("sequence"))}


TAB_DATA = {
    "gegevens": _gegevens,
    "status": _status,
    "betrokkenen": _betrokkenen,
    "documenten": _documenten,
    "besluiten": _besluiten,
    "notities": _notities,
    "audit": _audit,
}
