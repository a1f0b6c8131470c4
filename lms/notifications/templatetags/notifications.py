from django import template

from lms.notifications.models import Notification

register = template.Library()


@register.inclusion_tag("notifications/header_link.html", takes_context=True)
def notifications_link(context):
    """The header link to the inbox with the number of unread notifications."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {
        "show": True,
        "unread": Notification.objects.for_user(user).unread().count(),
        "current": request.path.startswith("/meldingen/"),
    }
