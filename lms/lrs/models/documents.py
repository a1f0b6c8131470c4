"""The Document APIs (xAPI 1.0.3 §7.3-7.6): state, activity profile, agent profile."""

from django.db import models


class Document(models.Model):
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    # Quoted as an HTTP ETag; a hash of the content (sha1 hex).
    etag = models.CharField(max_length=64)
    updated = models.DateTimeField()

    class Meta:
        abstract = True

    @property
    def is_json(self) -> bool:
        return self.content_type.split(";")[0].strip().lower() == "application/json"


class StateDocument(Document):
    activity_id = models.CharField(max_length=2048)
    agent_key = models.CharField(max_length=64)
    agent = models.JSONField()
    # "" when the state is not tied to a registration (keeps the unique key simple:
    # NULLs would never collide).
    registration = models.CharField(max_length=36, blank=True, default="")
    state_id = models.CharField(max_length=2048)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity_id", "agent_key", "registration", "state_id"],
                name="lrs_state_unique",
            )
        ]
        indexes = [
            models.Index(fields=["agent_key", "activity_id"], name="lrs_state_agent")
        ]

    def __str__(self) -> str:
        return self.state_id


class ActivityProfileDocument(Document):
    activity_id = models.CharField(max_length=2048)
    profile_id = models.CharField(max_length=2048)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity_id", "profile_id"], name="lrs_activity_profile_unique"
            )
        ]

    def __str__(self) -> str:
        return self.profile_id


class AgentProfileDocument(Document):
    agent_key = models.CharField(max_length=64)
    agent = models.JSONField()
    profile_id = models.CharField(max_length=2048)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agent_key", "profile_id"], name="lrs_agent_profile_unique"
            )
        ]

    def __str__(self) -> str:
        return self.profile_id
