from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from badges.credentials.views import did_json as badge_did_json
from lms.accounts.views import cms_login
from lms.core.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Language switching must work on the sign-in page too.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path(
        "i18n/js/", login_not_required(JavaScriptCatalog.as_view()), name="js_catalog"
    ),
    path("accounts/", include("allauth.urls")),
    # The Learning Record Store authenticates with its own credentials (HTTP Basic).
    path("xapi/", include("lms.lrs.urls")),
    path("cms-login/", cms_login, name="cms_login"),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("oefenen/", include("sandbox.urls")),
    path("rapportages/", include("lms.reports.urls")),
    path("badges/", include("badges.urls")),
    # did:web resolution of the badge issuer (Open Badges 3.0); public.
    path(".well-known/did.json", badge_did_json, name="did_json"),
    path("coaching/", include("lms.coaching.urls")),
    path("meldingen/", include("lms.notifications.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it matches every remaining path.
urlpatterns += [path("", include(wagtail_urls))]
