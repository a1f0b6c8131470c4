"""Signal receivers of the LRS itself, connected when the app is ready."""

from django.db.models.signals import post_delete, post_save

from lms.lrs import forwarding
from lms.lrs.models import ForwardingEndpoint
from lms.lrs.signals import statement_recorded


def connect() -> None:
    statement_recorded.connect(
        forwarding.on_statement_recorded, dispatch_uid="lrs_forwarding_drain"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            forwarding.active_endpoints_forget,
            sender=ForwardingEndpoint,
            dispatch_uid=f"lrs_forwarding_endpoints_{signal is post_save}",
        )
