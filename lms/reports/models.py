"""HR reports: who may see which employees in a report, and the export log.

:class:`ReportSubject` is a proxy of the employee profile whose queryset method
:meth:`ReportSubjectQuerySet.in_report_scope` is the one answer to "whose data may
this viewer see in a report": HR and administrators everyone, a manager their own
team (the profiles that name them as manager), anyone else nobody. Every report
selector starts from it (through :class:`lms.reports.selectors.ReportScope`).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.organisation.models import EmployeeProfile, EmployeeProfileQuerySet

VIEW_REPORTS = "reports.view_reports"
VIEW_EXPORT_LOG = "reports.view_exportlog"


class ReportSubjectQuerySet(EmployeeProfileQuerySet):
    def in_report_scope(self, user) -> "ReportSubjectQuerySet":
        """Active employees whose report data ``user`` may see."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        active = self.filter(user__is_active=True)
        if user.has_perm(VIEW_REPORTS):
            return active
        # A manager: their own team only (not themselves, not their team's team).
        return active.filter(manager=user)


class ReportSubject(EmployeeProfile):
    """An employee as the reports see them (a proxy: no table of its own)."""

    objects = ReportSubjectQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("employee in reports")
        verbose_name_plural = _("employees in reports")
        default_permissions = ()


class ExportLog(models.Model):
    """One export of a report table: who, when, what, with which filters."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="report_exports",
        verbose_name=_("exported by"),
    )
    created_at = models.DateTimeField(_("exported at"), default=timezone.now)
    report = models.CharField(_("table"), max_length=50)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    # The viewer's scope at the time: "all" or "team".
    scope = models.CharField(_("scope"), max_length=10)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        permissions = [("view_reports", _("Can see the HR reports of everyone"))]
        indexes = [models.Index(fields=["created_at"], name="reports_export_created")]

    def __str__(self) -> str:
        return f"{self.report}.{self.format} ({self.user}, {self.created_at:%Y-%m-%d})"
