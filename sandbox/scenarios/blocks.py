"""The Wagtail blocks editors build a scenario from: starting state, tasks, timed
events and the checks of the check library (one block type per check type, whose
parameters are validated when the editor saves)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from sandbox.models.choices import (
    AardRelatie,
    BetrokkeneType,
    Communicatiekanaal,
    DocumentStatus,
    Vertrouwelijkheidaanduiding,
    ZaakObjectType,
)
from sandbox.scenarios.checks import check_for


def zaaktype_choices():
    # Evaluated when the form is drawn, so new or imported case types appear.
    from sandbox.models import ZaakType

    seen = {}
    for identificatie, omschrijving in (
        ZaakType.objects.published()
        .order_by("identificatie", "-begin_geldigheid")
        .values_list("identificatie", "omschrijving")
    ):
        seen.setdefault(identificatie, f"{omschrijving} ({identificatie})")
    return sorted(seen.items(), key=lambda item: item[1])


def _blank(choices):
    return [("", "---------"), *choices]


KANAAL = list(Communicatiekanaal.choices)
VERTROUWELIJKHEID = list(Vertrouwelijkheidaanduiding.choices)


# --- Checks ------------------------------------------------------------------------


class CheckBlock(blocks.StructBlock):
    """Common to every check: points, feedback and the competence it trains."""

    weight = blocks.IntegerBlock(
        label=_("weight (points)"), min_value=1, max_value=100, default=1
    )
    feedback_pass = blocks.TextBlock(
        label=_("feedback when passed"), required=False, rows=2
    )
    feedback_fail = blocks.TextBlock(
        label=_("feedback when failed"),
        rows=3,
        help_text=_("What the learner did wrong and what to do instead."),
    )
    competence = blocks.CharBlock(
        label=_("competence code"),
        required=False,
        max_length=40,
        help_text=_("Code of the competence this check trains, e.g. zgw-status."),
    )

    class Meta:
        icon = "tick-inverse"
        check_type = ""

    def clean(self, value):
        value = super().clean(value)
        errors = check_for(self.meta.check_type).validate(dict(value))
        code = value.get("competence")
        if code:
            from badges.models import Competence

            if not Competence.objects.filter(code=code).exists():
                errors["competence"] = _("There is no competence with this code.")
        if errors:
            raise StructBlockValidationError(
                block_errors={
                    name: ValidationError(message) for name, message in errors.items()
                }
            )
        return value


class ZaaktypeCheckBlock(CheckBlock):
    zaaktype = blocks.ChoiceBlock(choices=zaaktype_choices, label=_("case type"))

    class Meta:
        check_type = "zaaktype"
        label = _("Right case type chosen")


class InitiatorCheckBlock(CheckBlock):
    betrokkene_type = blocks.ChoiceBlock(
        choices=_blank(BetrokkeneType.choices),
        required=False,
        label=_("kind of party"),
    )
    bsn = blocks.CharBlock(label=_("BSN"), required=False, max_length=9)
    kvk_nummer = blocks.CharBlock(label=_("KvK number"), required=False, max_length=8)
    naam = blocks.CharBlock(
        label=_("name (part of it)"), required=False, max_length=200
    )

    class Meta:
        check_type = "initiator"
        label = _("Initiator registered correctly")


class BehandelaarCheckBlock(CheckBlock):
    class Meta:
        check_type = "behandelaar"
        label = _("Case handler assigned")


class IntakeCheckBlock(CheckBlock):
    startdatum = blocks.DateBlock(
        label=_("start date (day the request came in)"), required=False
    )
    communicatiekanaal = blocks.ChoiceBlock(
        choices=_blank(KANAAL), required=False, label=_("channel")
    )

    class Meta:
        check_type = "intake"
        label = _("Intake data: start date and channel")


class DocumentCheckBlock(CheckBlock):
    informatieobjecttype = blocks.CharBlock(
        label=_("document type"),
        max_length=100,
        help_text=_("As named in the case type, e.g. Verzoek om aanvulling."),
    )
    min_vertrouwelijkheid = blocks.ChoiceBlock(
        choices=_blank(VERTROUWELIJKHEID),
        required=False,
        label=_("at least this confidential"),
    )
    status = blocks.ChoiceBlock(
        choices=_blank(DocumentStatus.choices), required=False, label=_("status")
    )
    gebruiksrecht_set = blocks.BooleanBlock(
        label=_("usage rights stated"), required=False
    )
    minimum = blocks.IntegerBlock(label=_("at least"), default=1, min_value=1)

    class Meta:
        check_type = "document"
        label = _("Document filed with the right type and confidentiality")


class StatusOrderCheckBlock(CheckBlock):
    toelichting_required = blocks.BooleanBlock(
        label=_("every status needs an explanation"), required=False, default=True
    )
    statustypen = blocks.CharBlock(
        label=_("statuses that must be set"),
        required=False,
        help_text=_("Comma-separated, as named in the case type."),
    )

    class Meta:
        check_type = "status_order"
        label = _("Statuses in order, each with an explanation")


class InformerenCheckBlock(CheckBlock):
    class Meta:
        check_type = "informeren"
        label = _("Customer informed where the status requires it")


class OpschortingCheckBlock(CheckBlock):
    verzoek_informatieobjecttype = blocks.CharBlock(
        label=_("request document type"),
        required=False,
        help_text=_("Filed no later than the day of suspension."),
    )
    hervat_required = blocks.BooleanBlock(
        label=_("must be resumed"), required=False, default=True
    )

    class Meta:
        check_type = "opschorting"
        label = _("Suspended with a reason, after a request document")


class VerlengingCheckBlock(CheckBlock):
    required = blocks.BooleanBlock(
        label=_("extension needed"),
        required=False,
        default=True,
        help_text=_("Untick to check that the term was NOT extended."),
    )
    brief_informatieobjecttype = blocks.CharBlock(
        label=_("letter document type"), required=False
    )

    class Meta:
        check_type = "verlenging"
        label = _("Term extended once, in time and in writing")


class ResultaatCheckBlock(CheckBlock):
    resultaattypen = blocks.CharBlock(
        label=_("accepted results"),
        help_text=_("Comma-separated, as named in the case type."),
    )

    class Meta:
        check_type = "resultaat"
        label = _("Right result recorded before closing")


class BesluitCheckBlock(CheckBlock):
    besluittype = blocks.CharBlock(label=_("decision type"), required=False)
    document_required = blocks.BooleanBlock(
        label=_("decision document linked"), required=False
    )
    verzenddatum_required = blocks.BooleanBlock(
        label=_("date sent recorded"), required=False
    )

    class Meta:
        check_type = "besluit"
        label = _("Decision recorded")


class ClosedInTimeCheckBlock(CheckBlock):
    against = blocks.ChoiceBlock(
        choices=[
            ("uiterlijke_einddatum_afdoening", _("the legal final date")),
            ("einddatum_gepland", _("the planned end date (service norm)")),
        ],
        default="uiterlijke_einddatum_afdoening",
        label=_("closed no later than"),
    )

    class Meta:
        check_type = "closed_in_time"
        label = _("Case closed within the term")


class NoBsnCheckBlock(CheckBlock):
    class Meta:
        check_type = "no_bsn_in_free_text"
        label = _("No BSN in free text")


class RelatedZaakCheckBlock(CheckBlock):
    seeded_key = blocks.CharBlock(
        label=_("key of an existing case"),
        required=False,
        help_text=_("The key of a case in the starting state."),
    )
    zaaktype = blocks.ChoiceBlock(
        choices=zaaktype_choices, required=False, label=_("or: its case type")
    )
    aard_relatie = blocks.ChoiceBlock(
        choices=_blank(AardRelatie.choices), required=False, label=_("relation")
    )
    as_hoofdzaak = blocks.BooleanBlock(
        label=_("as main case (sub-case)"), required=False
    )

    class Meta:
        check_type = "related_zaak"
        label = _("Related case linked")


class VertrouwelijkheidCheckBlock(CheckBlock):
    minimum = blocks.ChoiceBlock(choices=VERTROUWELIJKHEID, label=_("at least"))

    class Meta:
        check_type = "vertrouwelijkheid"
        label = _("Case confidentiality high enough")


class EigenschapCheckBlock(CheckBlock):
    naam = blocks.CharBlock(label=_("property"))
    waarde = blocks.CharBlock(label=_("value"), required=False)

    class Meta:
        check_type = "eigenschap"
        label = _("Case property filled in")


class ZaakObjectCheckBlock(CheckBlock):
    object_type = blocks.ChoiceBlock(
        choices=ZaakObjectType.choices, label=_("object type")
    )

    class Meta:
        check_type = "zaakobject"
        label = _("Object of the case recorded")


class ChecksBlock(blocks.StreamBlock):
    zaaktype = ZaaktypeCheckBlock()
    initiator = InitiatorCheckBlock()
    behandelaar = BehandelaarCheckBlock()
    intake = IntakeCheckBlock()
    document = DocumentCheckBlock()
    status_order = StatusOrderCheckBlock()
    informeren = InformerenCheckBlock()
    opschorting = OpschortingCheckBlock()
    verlenging = VerlengingCheckBlock()
    resultaat = ResultaatCheckBlock()
    besluit = BesluitCheckBlock()
    closed_in_time = ClosedInTimeCheckBlock()
    no_bsn_in_free_text = NoBsnCheckBlock()
    related_zaak = RelatedZaakCheckBlock()
    vertrouwelijkheid = VertrouwelijkheidCheckBlock()
    eigenschap = EigenschapCheckBlock()
    zaakobject = ZaakObjectCheckBlock()

    class Meta:
        min_num = 1


# --- Starting state, tasks and events -------------------------------------------


class DocumentSpecBlock(blocks.StructBlock):
    informatieobjecttype = blocks.CharBlock(label=_("document type"))
    titel = blocks.CharBlock(label=_("title"), max_length=200)
    tekst = blocks.TextBlock(label=_("content (plain text)"), required=False)
    vertrouwelijkheid = blocks.ChoiceBlock(
        choices=_blank(VERTROUWELIJKHEID), required=False, label=_("confidentiality")
    )

    class Meta:
        icon = "doc-full"


class IntakeBlock(blocks.StructBlock):
    """The request as it came in: shown to the learner in the scenario's inbox."""

    kanaal = blocks.ChoiceBlock(choices=KANAAL, label=_("channel"))
    afzender = blocks.CharBlock(label=_("from"), max_length=200)
    onderwerp = blocks.CharBlock(label=_("subject"), max_length=200)
    ontvangen = blocks.DateBlock(label=_("received on"))
    tekst = blocks.TextBlock(label=_("text as the citizen wrote it"))
    document = DocumentSpecBlock(
        required=False,
        label=_("also as a document in the post room"),
        help_text=_("Leave the document type empty for none."),
    )

    class Meta:
        icon = "mail"
        label = _("Intake (e-mail, letter, call, counter)")


class InitiatorSpecBlock(blocks.StructBlock):
    geslachtsnaam = blocks.CharBlock(label=_("surname"), required=False)
    voorvoegsel = blocks.CharBlock(label=_("surname prefix"), required=False)
    voorletters = blocks.CharBlock(label=_("initials"), required=False)
    bsn = blocks.CharBlock(label=_("BSN"), required=False, max_length=9)
    straat = blocks.CharBlock(label=_("street"), required=False)
    huisnummer = blocks.IntegerBlock(label=_("house number"), required=False)
    postcode = blocks.CharBlock(label=_("postcode"), required=False)
    woonplaats = blocks.CharBlock(label=_("town"), required=False, default="Zaakwijk")
    fictief = blocks.BooleanBlock(
        label=_("complete with fictitious data"),
        required=False,
        help_text=_(
            "Fill what is left empty (name, BSN passing the 11-proef, address) with "
            "generated Dutch data, different for every attempt."
        ),
    )


class SeededZaakBlock(blocks.StructBlock):
    """A case that already exists when the attempt starts."""

    key = blocks.CharBlock(
        label=_("key"),
        max_length=40,
        help_text=_("A short name checks refer to, e.g. vergunning."),
    )
    zaaktype = blocks.ChoiceBlock(choices=zaaktype_choices, label=_("case type"))
    omschrijving = blocks.CharBlock(label=_("description"), max_length=80)
    startdatum = blocks.DateBlock(label=_("start date"))
    kanaal = blocks.ChoiceBlock(choices=_blank(KANAAL), required=False)
    initiator = InitiatorSpecBlock(label=_("initiator"), required=False)
    statussen = blocks.CharBlock(
        label=_("statuses to set"),
        required=False,
        help_text=_("Comma-separated, in order, after the first status."),
    )
    documenten = blocks.ListBlock(DocumentSpecBlock(), label=_("documents"), default=[])
    besluittype = blocks.CharBlock(label=_("decision type"), required=False)
    resultaat = blocks.CharBlock(label=_("result (closes the case)"), required=False)
    is_subject = blocks.BooleanBlock(
        label=_("this is the case the learner handles"), required=False
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Existing case")


class PostDocumentBlock(DocumentSpecBlock):
    ontvangstdatum = blocks.DateBlock(label=_("received on"), required=False)

    class Meta:
        label = _("Document in the post room")


class StartStateBlock(blocks.StreamBlock):
    intake = IntakeBlock()
    zaak = SeededZaakBlock()
    document = PostDocumentBlock()


class TaskBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("task"), max_length=200)
    hint = blocks.TextBlock(label=_("hint"), required=False, rows=2)

    class Meta:
        icon = "tick"
        label = _("Task")


class EventBlock(blocks.StructBlock):
    """Something that happens during the attempt, once the sandbox clock reaches
    the given working day (counted from the scenario's start)."""

    working_day = blocks.IntegerBlock(
        label=_("on working day"), min_value=0, max_value=200
    )
    kanaal = blocks.ChoiceBlock(choices=KANAAL, label=_("channel"))
    afzender = blocks.CharBlock(label=_("from"), max_length=200)
    onderwerp = blocks.CharBlock(label=_("subject"), max_length=200)
    tekst = blocks.TextBlock(label=_("message"))
    document = DocumentSpecBlock(
        required=False,
        label=_("document that arrives with it"),
        help_text=_("Leave the document type empty for none."),
    )

    class Meta:
        icon = "time"
        label = _("Event")


class StudyLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    page = blocks.PageChooserBlock(label=_("lesson or page"))

    class Meta:
        icon = "link"
        label = _("Study suggestion")
