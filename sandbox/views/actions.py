"""The actions a case handler takes on a zaak, each a form posting to one view.

Every action is a small declaration (form, how to call the service, when it is
offered); :func:`zaak_action` does the rest the same way for all of them: the
workspace must be changeable by the user (``changeable_by``: a coach gets 403),
the service is called, and a ``SandboxRuleError`` becomes an error in the form.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from sandbox import forms, selectors
from sandbox.errors import SandboxRuleError
from sandbox.models import EnkelvoudigInformatieObject, RolType, Workspace, Zaak
from sandbox.models.choices import RolOmschrijvingGeneriek, Scope
from sandbox.services import (
    MedewerkerGegevens,
    besluit_record,
    document_create,
    zaak_close,
    zaak_document_link,
    zaak_hervatten,
    zaak_klantcontact_add,
    zaak_opschorten,
    zaak_reopen,
    zaak_resultaat_set,
    zaak_rol_add,
    zaak_status_set,
    zaak_verlengen,
)
from sandbox.views._access import workspace_for_change, zaak_or_404


@dataclass(frozen=True)
class Action:
    slug: str
    label: Promise
    form_class: type
    # Returns the success message; raises SandboxRuleError on refusal.
    perform: Callable[..., str]
    tab: str = "gegevens"
    form_kwargs: Callable[[Workspace, Zaak, Any], dict] = lambda w, z, u: {}
    available: Callable[[Workspace, Zaak], bool] = lambda w, z: not z.is_closed
    multipart: bool = False


# --- What each action does -------------------------------------------------------


def _behandelaar_initial(workspace, zaak, user):
    return {
        "initial": {
            "identificatie": selectors.medewerker_identificatie(user),
            "achternaam": user.last_name,
            "voorletters": "".join(
                f"{part[0]}." for part in user.first_name.split() if part
            ),
        }
    }


def _behandelaar(form, workspace, zaak, user):
    roltype = RolType.objects.filter(
        zaaktype=zaak.zaaktype,
        omschrijving_generiek=RolOmschrijvingGeneriek.BEHANDELAAR,
    ).first()
    if roltype is None:
        form.add_error(None, _("This case type has no role for a case handler."))
        return None
    data = form.cleaned_data
    zaak_rol_add(
        zaak=zaak,
        actor=user,
        roltype=roltype,
        betrokkene=MedewerkerGegevens(
            identificatie=data["identificatie"],
            achternaam=data["achternaam"],
            voorletters=data["voorletters"],
        ),
        roltoelichting=data["roltoelichting"],
    )
    return _("The case handler was assigned.")


def _statustypen(workspace, zaak, user):
    # The eindstatus is set by closing, which checks the resultaat first.
    eind = zaak.zaaktype.eindstatustype()
    return {
        "statustypen": zaak.zaaktype.statustypen.exclude(
            pk=eind.pk if eind else None
        ).order_by("volgnummer")
    }


def _status(form, workspace, zaak, user):
    zaak_status_set(
        zaak=zaak,
        actor=user,
        statustype=form.cleaned_data["statustype"],
        statustoelichting=form.cleaned_data["statustoelichting"],
    )
    return _("The status was set.")


def _request_information(form, workspace, zaak, user):
    data = form.cleaned_data
    # Suspend first: it is the step that can be refused, and the request is only
    # recorded once the whole action stands.
    if data["opschorten"]:
        zaak_opschorten(zaak=zaak, actor=user, reden=data["reden"])
    zaak_klantcontact_add(
        zaak=zaak,
        actor=user,
        kanaal=data["kanaal"],
        onderwerp=data["onderwerp"],
        toelichting=data["toelichting"],
    )
    if data["opschorten"]:
        return _("The request was recorded and the case is suspended.")
    return _("The request was recorded.")


def _opschorten(form, workspace, zaak, user):
    zaak_opschorten(zaak=zaak, actor=user, reden=form.cleaned_data["reden"])
    return _("The case is suspended.")


def _hervatten(form, workspace, zaak, user):
    zaak_hervatten(zaak=zaak, actor=user, toelichting=form.cleaned_data["toelichting"])
    return _("The case was resumed.")


def _verlengen(form, workspace, zaak, user):
    zaak_verlengen(
        zaak=zaak, actor=user, reden=form.cleaned_data["reden"], duur=form.duur()
    )
    return _("The term was extended.")


def _klantcontact(form, workspace, zaak, user):
    zaak_klantcontact_add(zaak=zaak, actor=user, **form.cleaned_data)
    return _("The customer contact was recorded.")


def _iotypen(workspace, zaak, user):
    return {
        "informatieobjecttypen": zaak.zaaktype.informatieobjecttypen.order_by(
            "omschrijving"
        ),
        "initial": {"auteur": user.get_full_name()},
    }


def _document_upload(form, workspace, zaak, user):
    data = form.cleaned_data
    upload = data["inhoud"]
    document = document_create(
        workspace=workspace,
        actor=user,
        informatieobjecttype=data["informatieobjecttype"],
        titel=data["titel"],
        auteur=data["auteur"],
        vertrouwelijkheidaanduiding=data["vertrouwelijkheidaanduiding"],
        status=data["status"],
        ontvangstdatum=data["ontvangstdatum"],
        verzenddatum=data["verzenddatum"],
        indicatie_gebruiksrecht=form.gebruiksrecht(),
        formaat=(upload.content_type or "")[:255] if upload else "",
        bestandsnaam=upload.name[:255] if upload else "",
        inhoud=upload,
    )
    zaak_document_link(zaak=zaak, actor=user, document=document)
    return _("The document was added to the case.")


def _documenten_unlinked(workspace, zaak, user):
    return {
        "documenten": EnkelvoudigInformatieObject.objects.filter(
            workspace=workspace
        ).exclude(zaakinformatieobjecten__zaak=zaak)
    }


def _document_link(form, workspace, zaak, user):
    zaak_document_link(zaak=zaak, actor=user, document=form.cleaned_data["document"])
    return _("The document was filed in the case.")


def _besluittypen(workspace, zaak, user):
    today = workspace.sandbox_today()
    return {
        "besluittypen": zaak.zaaktype.besluittypen.order_by("omschrijving"),
        "initial": {"datum": today, "ingangsdatum": today},
    }


def _besluit(form, workspace, zaak, user):
    besluit_record(workspace=workspace, actor=user, zaak=zaak, **form.cleaned_data)
    return _("The decision was recorded.")


def _resultaattypen(workspace, zaak, user):
    return {"resultaattypen": zaak.zaaktype.resultaattypen.order_by("omschrijving")}


def _resultaat(form, workspace, zaak, user):
    zaak_resultaat_set(zaak=zaak, actor=user, **form.cleaned_data)
    return _("The result was set.")


def _close(form, workspace, zaak, user):
    zaak_close(
        zaak=zaak,
        actor=user,
        statustoelichting=form.cleaned_data["statustoelichting"],
    )
    return _("The case is closed.")


def _reopen(form, workspace, zaak, user):
    zaak_reopen(
        zaak=zaak,
        actor=user,
        statustype=form.cleaned_data["statustype"],
        statustoelichting=form.cleaned_data["statustoelichting"],
    )
    return _("The case was reopened.")


ACTIONS = {
    action.slug: action
    for action in [
        Action(
            "behandelaar",
            gettext_lazy("Assign a case handler"),
            forms.BehandelaarForm,
            _behandelaar,
            tab="betrokkenen",
            form_kwargs=_behandelaar_initial,
        ),
        Action(
            "status",
            gettext_lazy("Set status"),
            forms.StatusForm,
            _status,
            tab="status",
            form_kwargs=_statustypen,
        ),
        Action(
            "informatie-opvragen",
            gettext_lazy("Request more information"),
            forms.RequestInformationForm,
            _request_information,
            tab="status",
            available=lambda w, z: not z.is_closed and not z.opschorting_indicatie,
        ),
        Action(
            "opschorten",
            gettext_lazy("Suspend"),
            forms.OpschortenForm,
            _opschorten,
            available=lambda w, z: not z.is_closed and not z.opschorting_indicatie,
        ),
        Action(
            "hervatten",
            gettext_lazy("Resume"),
            forms.HervattenForm,
            _hervatten,
            available=lambda w, z: not z.is_closed and z.opschorting_indicatie,
        ),
        Action(
            "verlengen",
            gettext_lazy("Extend the term"),
            forms.VerlengenForm,
            _verlengen,
            available=lambda w, z: not z.is_closed and not z.verlenging_duur,
        ),
        Action(
            "klantcontact",
            gettext_lazy("Record a customer contact"),
            forms.KlantContactForm,
            _klantcontact,
            tab="status",
        ),
        Action(
            "document-toevoegen",
            gettext_lazy("Add a document"),
            forms.DocumentUploadForm,
            _document_upload,
            tab="documenten",
            form_kwargs=_iotypen,
            multipart=True,
        ),
        Action(
            "document-koppelen",
            gettext_lazy("File an existing document"),
            forms.DocumentLinkForm,
            _document_link,
            tab="documenten",
            form_kwargs=_documenten_unlinked,
        ),
        Action(
            "besluit",
            gettext_lazy("Record a decision"),
            forms.BesluitForm,
            _besluit,
            tab="besluiten",
            form_kwargs=_besluittypen,
        ),
        Action(
            "resultaat",
            gettext_lazy("Set the result"),
            forms.ResultaatForm,
            _resultaat,
            form_kwargs=_resultaattypen,
        ),
        Action("afsluiten", gettext_lazy("Close the case"), forms.CloseForm, _close),
        Action(
            "heropenen",
            gettext_lazy("Reopen the case"),
            forms.ReopenForm,
            _reopen,
            tab="status",
            form_kwargs=_statustypen,
            # Offered only with the right to reopen (zrc-008); the service checks
            # it again for a POST that comes anyway.
            available=lambda w, z: z.is_closed and w.has_scope(Scope.ZAKEN_HEROPENEN),
        ),
    ]
}


# Actions that scenarios need (zaakobject, relatie), declared in their own module.
from sandbox.views.scenario_actions import EXTRA_ACTIONS  # noqa: E402

ACTIONS.update({action.slug: action for action in EXTRA_ACTIONS})


def actions_for(workspace: Workspace, zaak: Zaak) -> list[tuple[Action, str]]:
    return [
        (action, action_url(workspace, zaak, action.slug))
        for action in ACTIONS.values()
        if action.available(workspace, zaak)
    ]


def action_url(workspace: Workspace, zaak: Zaak, slug: str) -> str:
    return reverse(
        "sandbox:zaak_action",
        kwargs={
            "workspace": workspace.uuid,
            "identificatie": zaak.identificatie,
            "action": slug,
        },
    )


@require_http_methods(["GET", "POST"])
def zaak_action(request, workspace, identificatie, action):
    workspace = workspace_for_change(request, workspace)
    zaak = zaak_or_404(workspace, identificatie)
    action = ACTIONS.get(action)
    if action is None:
        raise Http404
    kwargs = action.form_kwargs(workspace, zaak, request.user)
    if request.method == "POST":
        form = action.form_class(request.POST, request.FILES, **kwargs)
        if form.is_valid():
            try:
                message = action.perform(form, workspace, zaak, request.user)
            except SandboxRuleError as error:
                form.add_error(None, error.message)
            else:
                if message is not None:
                    messages.success(request, message)
                    return redirect(
                        "sandbox:zaak",
                        workspace=workspace.uuid,
                        identificatie=zaak.identificatie,
                        tab=action.tab,
                    )
    else:
        form = action.form_class(**kwargs)
    return render(
        request,
        "sandbox/zaak_action.html",
        {"workspace": workspace, "zaak": zaak, "action": action, "form": form},
    )
