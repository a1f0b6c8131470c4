from django.urls import include, path

from . import views

app_name = "badges"

# The learner's pages. The credentials work (badges/credentials/) adds the public
# verification page and the hosted Open Badges documents here.
urlpatterns = [
    path("", views.my_badges, name="my_badges"),
    path("competenties/", views.competence_profile, name="competence_profile"),
    # Public (no sign-in): verification page, OB 2.0/3.0 documents, baked images.
    path("", include("badges.credentials.urls")),
]
