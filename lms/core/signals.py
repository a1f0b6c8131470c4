from django.dispatch import Signal

# Sent when someone other than the learner opens a learner's personal record
# (a sandbox attempt replay, a timeline, reflections), with ``viewer``, ``learner``,
# ``what`` (a short machine name, e.g. "sandbox_attempt") and ``object_id``.
# Coaching keeps the access log; the apps that show records know nothing of it.
learner_record_viewed = Signal()
