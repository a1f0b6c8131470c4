"""Public endpoints (no sign-in): anyone may verify a badge without asking.

Only what the learner agreed is public is served: their name and the badge. The
JSON-LD documents are built from the current state of the award, so revocation
and expiry show at once in every format.
"""

from __future__ import annotations

import json
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from badges.models import BadgeAward, BadgeClass, Competence

from . import baking, images, keys, ob2, ob3, statuslist, verification
from .common import issuer_name, recipient_name
from .forms import CredentialVerifyForm
from .public import award_state, evidence_summary

JSONLD = "application/ld+json"


def _json(document: dict, *, download: str | None = None, content_type=JSONLD):
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type=f"{content_type}; charset=utf-8",
    )
    # Verifiers and backpacks run on other origins.
    response["Access-Control-Allow-Origin"] = "*"
    if download:
        response["Content-Disposition"] = f'attachment; filename="{download}"'
    return response


def _award(public_id) -> BadgeAward:
    return get_object_or_404(
        BadgeAward.objects.select_related("badge_class__competence", "recipient"),
        public_id=public_id,
    )


def _wants_download(request) -> bool:
    return request.GET.get("download") == "1"


def did_document() -> dict:
    did = keys.issuer_did()
    public_keys = [keys.signing_key().public_key(), *keys.retired_public_keys()]
    methods = [
        {
            "id": keys.verification_method_id(public_key),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": keys.public_key_multibase(public_key),
        }
        for public_key in public_keys
    ]
    return {
        "@context": [
            "https://www.w3.org/ns/did/v1",
            "https://w3id.org/security/multikey/v1",
        ],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


@login_not_required
@require_GET
@cache_control(public=True, max_age=300)
def did_json(request):
    """``did:web`` resolution: /.well-known/did.json (or /<path>/did.json)."""
    return _json(did_document(), content_type="application/did+ld+json")


@login_not_required
@require_GET
@cache_control(no_cache=True)
def status_list(request, list_number: int):
    top = BadgeAward.objects.aggregate(top=Max("status_list_index"))["top"] or 0
    if list_number > statuslist.list_number(top):
        raise Http404
    return _json(statuslist.status_list_credential(list_number))


@login_not_required
@require_GET
@cache_control(no_cache=True)
def award_credential(request, public_id):
    award = _award(public_id)
    return _json(
        ob3.award_credential(award),
        download=f"{award.badge_class.slug}-credential.json"
        if _wants_download(request)
        else None,
    )


@login_not_required
@require_GET
@cache_control(no_cache=True)
def ob2_assertion(request, public_id):
    award = _award(public_id)
    return _json(
        ob2.assertion_document(award),
        download=f"{award.badge_class.slug}-assertion.json"
        if _wants_download(request)
        else None,
    )


@login_not_required
@require_GET
@cache_control(public=True, max_age=300)
def ob2_badge_class(request, public_id):
    badge_class = get_object_or_404(
        BadgeClass.objects.select_related("competence"), public_id=public_id
    )
    return _json(ob2.badge_class_document(badge_class))


@login_not_required
@require_GET
@cache_control(public=True, max_age=300)
def ob2_issuer(request):
    return _json(ob2.issuer_profile())


@login_not_required
@require_GET
@cache_control(no_cache=True)
def ob2_revocation_list(request):
    return _json(ob2.revocation_list())


@login_not_required
@require_GET
@cache_control(public=True, max_age=300)
def badge_class_image_png(request, public_id):
    badge_class = get_object_or_404(BadgeClass, public_id=public_id)
    return HttpResponse(images.badge_png(badge_class), content_type="image/png")


@login_not_required
@require_GET
@cache_control(public=True, max_age=300)
def badge_class_image_svg(request, public_id):
    badge_class = get_object_or_404(BadgeClass, public_id=public_id)
    return HttpResponse(images.badge_svg(badge_class), content_type="image/svg+xml")


def _image_response(data, content_type: str, filename: str, download: bool):
    response = HttpResponse(data, content_type=content_type)
    if download:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_not_required
@require_GET
@cache_control(no_cache=True)
def award_baked_png(request, public_id):
    award = _award(public_id)
    baked = baking.bake_png(
        images.badge_png(award.badge_class),
        assertion=ob2.assertion_document(award),
        credential=ob3.award_credential(award),
    )
    return _image_response(
        baked, "image/png", f"{award.badge_class.slug}.png", _wants_download(request)
    )


@login_not_required
@require_GET
@cache_control(no_cache=True)
def award_baked_svg(request, public_id):
    award = _award(public_id)
    baked = baking.bake_svg(
        images.badge_svg(award.badge_class), assertion=ob2.assertion_document(award)
    )
    return _image_response(
        baked,
        "image/svg+xml",
        f"{award.badge_class.slug}.svg",
        _wants_download(request),
    )


def linkedin_share_url(award: BadgeAward, verify_url: str) -> str:
    """LinkedIn's "Add licence or certification" form, filled in."""
    at = award.awarded_at
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": award.badge_class.name,
        "organizationName": issuer_name(),
        "issueYear": at.year,
        "issueMonth": at.month,
        "certUrl": verify_url,
        "certId": str(award.public_id),
    }
    if award.expires_at:
        params["expirationYear"] = award.expires_at.year
        params["expirationMonth"] = award.expires_at.month
    return "https://www.linkedin.com/profile/add?" + urlencode(params)


@login_not_required
@require_GET
def award_verify(request, public_id):
    """The public verification page of one award."""
    from .common import absolute_url

    award = _award(public_id)
    accept = request.headers.get("Accept", "")
    if "json" in accept and "text/html" not in accept:
        # Backpacks given this page's URL get the hosted assertion.
        return redirect("badges:ob2_assertion", public_id=award.public_id)
    badge_class = award.badge_class
    verify_url = absolute_url("badges:verify", award.public_id)
    competence = badge_class.competence
    level = (
        competence.levels.filter(level=badge_class.level).first()
        if competence
        else None
    )
    context = {
        "award": award,
        "badge_class": badge_class,
        "competence": competence,
        "level": level,
        "recipient_name": recipient_name(award),
        "issuer_name": issuer_name(),
        "issuer_did": keys.issuer_did(),
        "state": award_state(award),
        "evidence": evidence_summary(award),
        "verify_url": verify_url,
        "linkedin_url": linkedin_share_url(award, verify_url),
        "base_url": settings.LMS_BASE_URL,
    }
    return render(request, "badges/verify_award.html", context)


@login_not_required
@require_GET
def competence_public(request, code: str):
    """The framework's description of a competence: what badges align to."""
    competence = get_object_or_404(
        Competence.objects.prefetch_related("levels__indicators"), code=code
    )
    return render(
        request,
        "badges/verify_competence.html",
        {"competence": competence, "issuer_name": issuer_name()},
    )


def _own_award_for(url: str) -> BadgeAward | None:
    """The award behind one of this platform's assertion or page URLs."""
    base = settings.LMS_BASE_URL
    if not isinstance(url, str) or not url.startswith(base + "/"):
        return None
    try:
        match = resolve(url.removeprefix(base).split("?")[0])
    except Resolver404:
        return None
    if match.view_name not in ("badges:ob2_assertion", "badges:verify"):
        return None
    return BadgeAward.objects.filter(public_id=match.kwargs["public_id"]).first()


def _summary(credential: dict) -> dict:
    """What the result page shows of a checked credential."""
    issuer = credential.get("issuer")
    subject = credential.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    subject = subject if isinstance(subject, dict) else {}
    identifiers = subject.get("identifier") or []
    names = [
        i.get("identityHash")
        for i in identifiers
        if isinstance(i, dict) and i.get("identityType") == "name"
    ]
    achievement = subject.get("achievement")
    achievement = achievement if isinstance(achievement, dict) else {}
    return {
        "name": credential.get("name") or achievement.get("name", ""),
        "issuer_name": issuer.get("name", "") if isinstance(issuer, dict) else "",
        "issuer_id": issuer.get("id", "") if isinstance(issuer, dict) else issuer,
        "recipient": names[0] if names else "",
        "valid_from": credential.get("validFrom", ""),
        "valid_until": credential.get("validUntil", ""),
    }


@login_not_required
@require_http_methods(["GET", "POST"])
def credential_check(request):
    """Anyone may paste a credential or upload a baked badge and have it checked."""
    if request.method == "POST":
        form = CredentialVerifyForm(request.POST, request.FILES)
    else:
        form = CredentialVerifyForm()
    result = summary = award = None
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["document"]
        if isinstance(document, str) or document.get("type") == "Assertion":
            url = document if isinstance(document, str) else document.get("id", "")
            award = _own_award_for(url)
            if award is not None:
                return redirect("badges:verify", public_id=award.public_id)
            form.add_error(
                None,
                _(
                    "This is an Open Badges 2.0 badge of another issuer: check it "
                    "with that issuer."
                ),
            )
        else:
            result = verification.credential_verify(document)
            summary = _summary(document)
            credential_id = str(document.get("id", ""))
            if result.proof_verified and credential_id.startswith("urn:uuid:"):
                award = BadgeAward.objects.filter(
                    public_id=_uuid_or_none(credential_id.removeprefix("urn:uuid:"))
                ).first()
    return render(
        request,
        "badges/verify_credential.html",
        {"form": form, "result": result, "summary": summary, "award": award},
    )


def _uuid_or_none(value: str):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
