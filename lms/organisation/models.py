from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from lms.accounts.roles import VIEW_EMPLOYEES, Role, user_has_role


class Department(models.Model):
    """An afdeling."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class Building(ClusterableModel):
    name = models.CharField(_("name"), max_length=150, unique=True)
    address = models.CharField(_("address"), max_length=255, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        InlinePanel("floors", heading=_("Floors"), label=_("Floor")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("building")
        verbose_name_plural = _("buildings")

    def __str__(self) -> str:
        return self.name


class Floor(models.Model):
    """A verdieping: the unit an ICT expert coaches."""

    building = ParentalKey(
        Building,
        on_delete=models.CASCADE,
        related_name="floors",
        verbose_name=_("building"),
    )
    number = models.SmallIntegerField(_("floor number"))
    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_('For example "West wing".')
    )
    # CSV imports refer to a floor by this code, e.g. "STK-2".
    code = models.CharField(
        _("code"),
        max_length=30,
        unique=True,
        help_text=_("Short unique code used in CSV imports, for example STK-2."),
    )

    panels = [FieldPanel("number"), FieldPanel("name"), FieldPanel("code")]

    class Meta:
        ordering = ["building__name", "number"]
        verbose_name = _("floor")
        verbose_name_plural = _("floors")
        constraints = [
            models.UniqueConstraint(
                fields=["building", "number"], name="floor_unique_number_per_building"
            )
        ]

    def __str__(self) -> str:
        label = _("floor %(number)s") % {"number": self.number}
        if self.name:
            label = f"{label} ({self.name})"
        return f"{self.building.name}, {label}"


class JobFunction(models.Model):
    """A functie, e.g. "Medewerker Vergunningen"; learning paths and required
    competence levels hang off it."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("job function")
        verbose_name_plural = _("job functions")

    def __str__(self) -> str:
        return self.name


class EmployeeProfileQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EmployeeProfileQuerySet":
        """The profiles ``user`` may see: HR and admins all, a coach the floors they
        coach, a manager their own team, everyone themselves."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm(VIEW_EMPLOYEES):
            return self
        condition = Q(user=user) | Q(manager=user)
        if user_has_role(user, Role.COACH):
            condition |= Q(floor__coaches__user=user)
        return self.filter(condition).distinct()


class EmployeeProfile(models.Model):
    """Links an account to its place in the organisation."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("department"),
    )
    floor = models.ForeignKey(
        Floor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("floor"),
    )
    job_function = models.ForeignKey(
        JobFunction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="employees",
        verbose_name=_("job function"),
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="team_profiles",
        verbose_name=_("manager"),
    )
    coached_floors = models.ManyToManyField(
        Floor,
        blank=True,
        related_name="coaches",
        verbose_name=_("coached floors"),
        help_text=_("The floors this ICT expert coaches."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EmployeeProfileQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        permissions = [
            ("import_employees", _("Can import employees from CSV")),
            ("assign_staff_roles", _("Can grant the HR and administrator roles")),
            ("coach_floor", _("Can coach the employees on assigned floors")),
        ]

    def __str__(self) -> str:
        return str(self.user)
