from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoachingConfig(AppConfig):
    name = "lms.coaching"
    label = "coaching"
    verbose_name = _("Coaching")

    def ready(self):
        from lms.coaching import receivers  # noqa: F401
