from django.dispatch import Signal

# Sent after the transaction that stored a statement commits, once per statement,
# with ``statement`` (lms.lrs.models.Statement). The badge engine and coaching
# signals listen to it; the LRS itself knows none of its listeners.
statement_recorded = Signal()
