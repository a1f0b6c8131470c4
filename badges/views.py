"""The learner's badge pages: "Mijn badges" and the competence profile.

Both show the signed-in person's own data only; there is no parameter naming another
person.
"""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .selectors import badge_progress_for, competence_profile_for


@require_GET
def my_badges(request):
    return render(
        request,
        "badges/my_badges.html",
        {"overview": badge_progress_for(request.user)},
    )


@require_GET
def competence_profile(request):
    return render(
        request,
        "badges/competence_profile.html",
        {"profile": competence_profile_for(request.user)},
    )
