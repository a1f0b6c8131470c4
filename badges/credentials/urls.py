"""Public URLs of the portable credentials (included by badges/urls.py).

They are part of issued credentials and baked badges: never change them.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("controleren/", views.credential_check, name="credential_check"),
    path("controle/<uuid:public_id>/", views.award_verify, name="verify"),
    path(
        "controle/<uuid:public_id>/credential.json",
        views.award_credential,
        name="award_credential",
    ),
    path(
        "controle/<uuid:public_id>/assertion.json",
        views.ob2_assertion,
        name="ob2_assertion",
    ),
    path(
        "controle/<uuid:public_id>/badge.png",
        views.award_baked_png,
        name="award_baked_png",
    ),
    path(
        "controle/<uuid:public_id>/badge.svg",
        views.award_baked_svg,
        name="award_baked_svg",
    ),
    path("ob/issuer.json", views.ob2_issuer, name="ob2_issuer"),
    path("ob/revocations.json", views.ob2_revocation_list, name="ob2_revocation_list"),
    path("ob/status/<int:list_number>.json", views.status_list, name="status_list"),
    path(
        "ob/classes/<uuid:public_id>.json",
        views.ob2_badge_class,
        name="ob2_badge_class",
    ),
    path(
        "ob/classes/<uuid:public_id>/image.png",
        views.badge_class_image_png,
        name="badge_class_image_png",
    ),
    path(
        "ob/classes/<uuid:public_id>/image.svg",
        views.badge_class_image_svg,
        name="badge_class_image_svg",
    ),
    path("kader/<slug:code>/", views.competence_public, name="competence_public"),
]
