from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LrsConfig(AppConfig):
    name = "lms.lrs"
    label = "lrs"
    verbose_name = _("Learning Record Store")

    def ready(self) -> None:
        from lms.lrs import receivers

        receivers.connect()
