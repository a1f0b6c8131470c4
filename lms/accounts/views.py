from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_not_required
def cms_login(request: HttpRequest) -> HttpResponse:
    """Where Wagtail sends people it will not let into the admin.

    A visitor who is not signed in goes to the normal sign-in page. A signed-in
    user without admin access gets a plain "no access" page: sending them to the
    sign-in page would bounce them straight back to the admin, forever.
    """
    if request.user.is_authenticated:
        return render(request, "403.html", status=403)
    return redirect_to_login(request.GET.get("next", "/cms/"), settings.LOGIN_URL)
