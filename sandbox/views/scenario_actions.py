"""Two case actions scenarios rely on: record the object (location) of a case and
relate another case (e.g. the vergunning a bezwaar is about). Declared like the
others in :mod:`sandbox.views.actions`, which adds them to its ``ACTIONS``."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sandbox.models import Zaak
from sandbox.scenarios.forms import RelevanteZaakForm, ZaakObjectForm
from sandbox.services import zaak_object_add, zaak_relevante_zaak_add
from sandbox.views.actions import Action


def _zaakobject(form, workspace, zaak, user):
    zaak_object_add(
        zaak=zaak,
        actor=user,
        object_type=form.cleaned_data["object_type"],
        object_identificatie=form.object_identificatie(),
        relatieomschrijving=form.cleaned_data["relatieomschrijving"],
    )
    return _("The object was recorded.")


def _other_zaken(workspace, zaak, user):
    return {
        "zaken": Zaak.objects.in_workspace(workspace)
        .exclude(pk=zaak.pk)
        .exclude(pk__in=zaak.relevante_zaak_relaties.values("andere_zaak"))
        .order_by("identificatie")
    }


def _relatie(form, workspace, zaak, user):
    zaak_relevante_zaak_add(zaak=zaak, actor=user, **form.cleaned_data)
    return _("The related case was linked.")


EXTRA_ACTIONS = [
    Action(
        "zaakobject",
        gettext_lazy("Record the object (location)"),
        ZaakObjectForm,
        _zaakobject,
    ),
    Action(
        "relatie",
        gettext_lazy("Relate another case"),
        RelevanteZaakForm,
        _relatie,
        form_kwargs=_other_zaken,
    ),
]
