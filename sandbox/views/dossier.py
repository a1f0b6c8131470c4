"""The case file's own pages: parties involved (add per betrokkeneType, edit,
remove), notes, and document check-out, editing and new versions.

Every view reaches its data through ``views._access`` (another learner's
workspace answers 404, a coach looking on gets 403 on anything that changes),
and every change is one service call; a ``SandboxRuleError`` becomes an error at
the top of the form, never a crash.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from sandbox.dossier_forms import (
    ROL_FORMS,
    DocumentEditForm,
    DocumentVersionForm,
    NotitieForm,
    rol_form_for,
)
from sandbox.errors import SandboxRuleError
from sandbox.models import EnkelvoudigInformatieObject, Rol
from sandbox.services import (
    document_lock,
    document_unlock,
    document_update,
    zaak_notitie_add,
    zaak_rol_add,
    zaak_rol_remove,
    zaak_rol_update,
)
from sandbox.views._access import workspace_for_change, zaak_or_404
from sandbox.views.zaken import zaak_url_for

# --- Parties involved --------------------------------------------------------------


def _roltypen(zaak):
    return zaak.zaaktype.roltypen.order_by("omschrijving")


def _rol_or_404(zaak, uuid) -> Rol:
    rol = (
        zaak.rollen.select_related(
            "roltype",
            "natuurlijk_persoon",
            "niet_natuurlijk_persoon",
            "vestiging",
            "organisatorische_eenheid",
            "medewerker",
        )
        .filter(uuid=uuid)
        .first()
    )
    if rol is None:
        raise Http404
    return rol


def _back_to(workspace, zaak, tab):
    return redirect(zaak_url_for(workspace, zaak, tab))


@require_http_methods(["GET", "POST"])
def rol_add(request, workspace, identificatie, betrokkene_type):
    workspace = workspace_for_change(request, workspace)
    zaak = zaak_or_404(workspace, identificatie)
    form_class = ROL_FORMS.get(betrokkene_type)
    if form_class is None:
        raise Http404
    form = form_class(
        request.POST if request.method == "POST" else None, roltypen=_roltypen(zaak)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            zaak_rol_add(
                zaak=zaak,
                actor=request.user,
                roltype=data["roltype"],
                betrokkene=form.gegevens(),
                roltoelichting=data["roltoelichting"],
                afwijkende_naam_betrokkene=data["afwijkende_naam_betrokkene"],
                indicatie_machtiging=data["indicatie_machtiging"],
            )
        except SandboxRuleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The party was added to the case."))
            return _back_to(workspace, zaak, "betrokkenen")
    return render(
        request,
        "sandbox/rol_form.html",
        {
            "workspace": workspace,
            "zaak": zaak,
            "form": form,
            "title": _("Add: %(kind)s")
            % {"kind": _betrokkene_label(form_class.betrokkene_type)},
        },
    )


@require_http_methods(["GET", "POST"])
def rol_edit(request, workspace, identificatie, rol):
    workspace = workspace_for_change(request, workspace)
    zaak = zaak_or_404(workspace, identificatie)
    rol = _rol_or_404(zaak, rol)
    _slug, form_class = rol_form_for(rol.betrokkene_type)
    if request.method == "POST":
        form = form_class(request.POST, roltypen=_roltypen(zaak))
    else:
        form = form_class(initial=form_class.initial_for(rol), roltypen=_roltypen(zaak))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            zaak_rol_update(
                zaak=zaak,
                rol=rol,
                actor=request.user,
                roltype=data["roltype"],
                betrokkene=form.gegevens(),
                roltoelichting=data["roltoelichting"],
                afwijkende_naam_betrokkene=data["afwijkende_naam_betrokkene"],
                indicatie_machtiging=data["indicatie_machtiging"],
            )
        except SandboxRuleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The role was changed."))
            return _back_to(workspace, zaak, "betrokkenen")
    return render(
        request,
        "sandbox/rol_form.html",
        {
            "workspace": workspace,
            "zaak": zaak,
            "form": form,
            "rol": rol,
            "title": _("Change role: %(rol)s") % {"rol": rol.roltype.omschrijving},
        },
    )


@require_http_methods(["GET", "POST"])
def rol_delete(request, workspace, identificatie, rol):
    workspace = workspace_for_change(request, workspace)
    zaak = zaak_or_404(workspace, identificatie)
    rol = _rol_or_404(zaak, rol)
    error = None
    if request.method == "POST":
        try:
            zaak_rol_remove(zaak=zaak, rol=rol, actor=request.user)
        except SandboxRuleError as refusal:
            error = refusal.message
        else:
            messages.success(request, _("The role was removed from the case."))
            return _back_to(workspace, zaak, "betrokkenen")
    return render(
        request,
        "sandbox/rol_delete.html",
        {"workspace": workspace, "zaak": zaak, "rol": rol, "error": error},
    )


def _betrokkene_label(betrokkene_type: str) -> str:
    from sandbox.models.choices import BetrokkeneType

    return str(BetrokkeneType(betrokkene_type).label)


# --- Notes -------------------------------------------------------------------------


@require_POST
def notitie_add(request, workspace, identificatie):
    workspace = workspace_for_change(request, workspace)
    zaak = zaak_or_404(workspace, identificatie)
    form = NotitieForm(request.POST)
    if form.is_valid():
        try:
            zaak_notitie_add(
                zaak=zaak,
                actor=request.user,
                onderwerp=form.cleaned_data["onderwerp"],
                tekst=form.cleaned_data["tekst"],
            )
        except SandboxRuleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The note was added."))
            return _back_to(workspace, zaak, "notities")
    # Show the form again with its errors (and the learner's text kept).
    return render(
        request,
        "sandbox/notitie_form.html",
        {"workspace": workspace, "zaak": zaak, "form": form},
    )


# --- Documents ---------------------------------------------------------------------


def _document_or_404(workspace, uuid) -> EnkelvoudigInformatieObject:
    document = (
        EnkelvoudigInformatieObject.objects.filter(workspace=workspace, uuid=uuid)
        .select_related("informatieobjecttype")
        .first()
    )
    if document is None:
        raise Http404
    return document


def _to_document(workspace, document):
    return redirect(
        "sandbox:document", workspace=workspace.uuid, document=document.uuid
    )


@require_POST
def document_checkout(request, workspace, document):
    """Check out (lock). The sandbox keeps the lock value for its owner: in the
    practice UI the learner is the only one who edits, as one user of a ZAC."""
    workspace = workspace_for_change(request, workspace)
    document = _document_or_404(workspace, document)
    try:
        document_lock(document=document, actor=request.user)
    except SandboxRuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The document is checked out to you."))
    return _to_document(workspace, document)


@require_POST
def document_checkin(request, workspace, document):
    workspace = workspace_for_change(request, workspace)
    document = _document_or_404(workspace, document)
    try:
        document_unlock(document=document, actor=request.user, lock=document.lock)
    except SandboxRuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The document is checked in."))
    return _to_document(workspace, document)


@require_http_methods(["GET", "POST"])
def document_edit(request, workspace, document):
    workspace = workspace_for_change(request, workspace)
    document = _document_or_404(workspace, document)
    if request.method == "POST":
        form = DocumentEditForm(request.POST)
        if form.is_valid():
            changes = form.changes(document)
            try:
                if changes:
                    document_update(
                        document=document,
                        actor=request.user,
                        lock=document.lock,
                        changes=changes,
                    )
            except SandboxRuleError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("The document was changed (version %(n)s).")
                    % {"n": document.versie}
                    if changes
                    else _("Nothing was changed."),
                )
                return _to_document(workspace, document)
    else:
        form = DocumentEditForm(initial=DocumentEditForm.initial_for(document))
    return render(
        request,
        "sandbox/document_form.html",
        {
            "workspace": workspace,
            "document": document,
            "form": form,
            "title": _("Change document details"),
            "multipart": False,
        },
    )


@require_http_methods(["GET", "POST"])
def document_new_version(request, workspace, document):
    workspace = workspace_for_change(request, workspace)
    document = _document_or_404(workspace, document)
    form = DocumentVersionForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["inhoud"]
        try:
            document_update(
                document=document,
                actor=request.user,
                lock=document.lock,
                changes={
                    "bestandsnaam": upload.name[:255],
                    "formaat": (upload.content_type or "")[:255],
                },
                inhoud=upload,
            )
        except SandboxRuleError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Version %(n)s was added.") % {"n": document.versie},
            )
            return _to_document(workspace, document)
    return render(
        request,
        "sandbox/document_form.html",
        {
            "workspace": workspace,
            "document": document,
            "form": form,
            "title": _("Upload a new version"),
            "multipart": True,
        },
    )
