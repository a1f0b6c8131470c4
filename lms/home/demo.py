from django.db import transaction
from wagtail.models import Page, Site

from lms.home.models import HomePage

INTRO = (
    "<p>Onze gemeente werkt <b>zaakgericht</b>: elke aanvraag, melding of klacht van "
    "een inwoner is een zaak die we samen van begin tot eind volgen. Hier leer je hoe, "
    "in je eigen tempo, en oefen je in een veilige oefenomgeving met fictieve zaken.</p>"
    "<p>De ICT-expert op jouw verdieping helpt je op weg.</p>"
)


@transaction.atomic
def home_demo_load() -> HomePage:
    """Make a HomePage the site's root, replacing Wagtail's placeholder page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(title="Welkom bij Zaakwijs", slug="zaakwijs", intro=INTRO)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, hostname="localhost", port=80)
    site.root_page = home
    site.site_name = "Zaakwijs"
    site.save()
    # Wagtail's "Welcome to your new Wagtail site!" placeholder, if still there.
    Page.objects.filter(depth=2, content_type__model="page").exclude(
        pk=home.pk
    ).delete()
    return home
