"""Writes of the reports app: the export log and reminders about training."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from lms.notifications.models import Kind
from lms.notifications.services import notification_send
from lms.reports.compliance import ComplianceRow, ComplianceStatus
from lms.reports.models import ExportLog
from lms.reports.selectors import ReportScope


@transaction.atomic
def export_log_record(
    *, user, scope: ReportScope, report: str, format: str, filters: dict
) -> ExportLog:
    """Every export is logged before its first byte leaves the server."""
    return ExportLog.objects.create(
        user=user,
        report=report,
        format=ExportLog.Format(format),
        filters=filters,
        scope=scope.label,
    )


def _my_learning_url() -> str:
    from courses.models import CourseCatalogPage

    catalogue = CourseCatalogPage.objects.live().first()
    return catalogue.my_learning_url() if catalogue else "/"


@transaction.atomic
def training_reminders_send(*, actor, rows: list[ComplianceRow]) -> int:
    """Remind each person of their open items among ``rows`` (in-app, and by
    e-mail unless they opted out of training notifications). ``rows`` must come
    from the compliance selector for the actor's scope. Completed items are
    skipped. Returns the number of people reminded."""
    open_rows: dict = {}
    for row in rows:
        if row.status != ComplianceStatus.COMPLETED:
            open_rows.setdefault(row.profile.user_id, []).append(row)
    url = _my_learning_url()
    sender = actor.get_full_name() or actor.email
    for items in open_rows.values():
        user = items[0].profile.user
        with translation.override(settings.LANGUAGE_CODE):
            lines = []
            for row in items:
                due = date_format(row.due_date, "j F Y")
                if row.status == ComplianceStatus.OVERDUE:
                    line = gettext("%(title)s: was due on %(date)s.")
                else:
                    line = gettext("%(title)s: due on %(date)s.")
                lines.append("- " + line % {"title": row.title, "date": due})
            title = gettext("Reminder: training to complete")
            body = "\n".join(
                [
                    gettext("%(sender)s reminds you of this training:")
                    % {"sender": sender},
                    "",
                    *lines,
                ]
            )
        notification_send(
            user=user, kind=Kind.TRAINING, title=title, body=body, url=url
        )
    return len(open_rows)
