"""Sending notifications: in the app always, by e-mail unless the person opted out.

The e-mail goes out after the surrounding transaction commits, so a rolled-back
change never mails anyone.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Kind, Notification, NotificationPreference


def email_wanted(*, user, kind: str) -> bool:
    preference = NotificationPreference.objects.filter(user=user, kind=kind).first()
    return preference.email if preference else True


@transaction.atomic
def notification_send(
    *, user, kind: Kind | str, title: str, body: str = "", url: str = ""
) -> Notification:
    """``title`` and ``body`` are plain text in the recipient's language (the caller
    translates); ``url`` is a site-relative path or an absolute URL."""
    kind = Kind(kind)
    notification = Notification.objects.create(
        user=user, kind=kind, title=title, body=body, url=url
    )
    if user.email and user.is_active and email_wanted(user=user, kind=kind):
        transaction.on_commit(lambda: _email(notification.pk))
    return notification


def _email(notification_pk: int) -> None:
    notification = Notification.objects.select_related("user").get(pk=notification_pk)
    link = notification.url
    if link.startswith("/"):
        link = settings.LMS_BASE_URL.rstrip("/") + link
    text = "\n\n".join(part for part in (notification.body, link) if part)
    send_mail(notification.title, text, None, [notification.user.email])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@transaction.atomic
def notifications_mark_read(*, user, pks: list[int] | None = None) -> int:
    """Mark the given notifications (or all) of ``user`` read; returns how many."""
    unread = Notification.objects.for_user(user).unread()
    if pks is not None:
        unread = unread.filter(pk__in=pks)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def notification_preference_set(*, user, kind: Kind | str, email: bool):
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, kind=Kind(kind), defaults={"email": email}
    )
    return preference
