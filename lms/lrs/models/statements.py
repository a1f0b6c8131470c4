from django.db import models
from django.utils.translation import gettext_lazy as _


class StatementQuerySet(models.QuerySet):
    def not_voided(self) -> "StatementQuerySet":
        return self.filter(voided=False)

    def visible_to(self, credential) -> "StatementQuerySet":
        """The statements ``credential`` may read (Communication §2.1.3.s2.b3).

        ``statements/read/mine`` without a wider read scope: only the statements it
        stored, i.e. those whose authority is its own (storage always writes the
        credential's authority). A launch credential (one limited to a learner): only
        statements about that learner, as the ``agent`` filter matches them, and
        within its registration when it has one. ``None`` is the platform itself.
        """
        from lms.lrs.models.credentials import Scope

        queryset = self
        if credential is None:
            return queryset
        if credential.user_id is not None:
            learner = StatementAgent.objects.filter(
                agent_key=credential.learner_agent_key, related_only=False
            )
            queryset = queryset.filter(seq__in=learner.values("statement_id"))
            if credential.registration is not None:
                queryset = queryset.filter(registration=credential.registration)
        if not credential.has_scope(Scope.STATEMENTS_READ, Scope.ALL_READ):
            # Indexed, unlike authority_key; the same statements.
            queryset = queryset.filter(credential=credential)
        return queryset


class Statement(models.Model):
    """One stored xAPI statement.

    ``payload`` is the statement exactly as the LRS will return it (with ``stored``,
    ``authority``, ``version`` and ``timestamp`` filled in). The other columns are
    projections of it for the queries the LRS and the platform run; they are written
    once, with the statement, which is immutable (xAPI 1.0.3 §2.2).
    """

    # Storage order: `more` paging and forwarding cursors follow it.
    seq = models.BigAutoField(primary_key=True)
    statement_id = models.UUIDField(unique=True)
    payload = models.JSONField()
    version = models.CharField(max_length=16)
    stored = models.DateTimeField(db_index=True)
    timestamp = models.DateTimeField()
    actor_key = models.CharField(max_length=64, blank=True, default="")
    verb_id = models.CharField(max_length=2048)
    # The object's id when the object is an Activity; the platform's progress
    # queries filter on it.
    object_activity_id = models.CharField(max_length=2048, blank=True, default="")
    # The targeted statement when the object is a StatementRef.
    object_statement_id = models.UUIDField(null=True, blank=True, db_index=True)
    registration = models.UUIDField(null=True, blank=True)
    authority_key = models.CharField(max_length=64, blank=True, default="")
    voided = models.BooleanField(default=False)
    # Which credential stored it (None for the platform's own recording service).
    credential = models.ForeignKey(
        "lrs.LRSCredential",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
    )

    objects = StatementQuerySet.as_manager()

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [
            # A learner's progress; the `agent` + `verb` filter.
            models.Index(
                fields=["actor_key", "verb_id", "seq"], name="lrs_stmt_actor_verb"
            ),
            # An activity's statements; `activity` + `since`.
            models.Index(
                fields=["object_activity_id", "stored"], name="lrs_stmt_activity_stored"
            ),
            models.Index(fields=["registration", "seq"], name="lrs_stmt_registration"),
            models.Index(fields=["verb_id", "seq"], name="lrs_stmt_verb"),
        ]

    def __str__(self) -> str:
        return str(self.statement_id)


class StatementAgent(models.Model):
    """Every agent a statement mentions, for the `agent` and `related_agents` filters."""

    class Relation(models.TextChoices):
        ACTOR = "actor"
        OBJECT = "object"
        AUTHORITY = "authority"
        INSTRUCTOR = "instructor"
        TEAM = "team"
        MEMBER = "member"  # a member of a Group actor or object
        SUB_STATEMENT = "substatement"

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="agent_index"
    )
    agent_key = models.CharField(max_length=64)
    relation = models.CharField(max_length=16, choices=Relation.choices)
    # False for actor/object (what a plain `agent` filter matches); True for the
    # places only `related_agents=true` looks.
    related_only = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["agent_key", "related_only", "statement"],
                name="lrs_stmtagent_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.relation} {self.agent_key[:12]}"


class StatementActivity(models.Model):
    """Every activity a statement mentions, for `activity` and `related_activities`."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="activity_index"
    )
    activity_id = models.CharField(max_length=2048)
    related_only = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["activity_id", "related_only", "statement"],
                name="lrs_stmtact_id",
            )
        ]

    def __str__(self) -> str:
        return self.activity_id


class Attachment(models.Model):
    """Raw attachment content, shared by every statement that names its sha2."""

    sha2 = models.CharField(max_length=128, unique=True)
    content_type = models.CharField(max_length=255)
    length = models.PositiveBigIntegerField()
    content = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.sha2


class Activity(models.Model):
    """The canonical definition of an activity, for the Activities resource."""

    activity_id = models.CharField(max_length=2048, unique=True)
    definition = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.activity_id


class KnownAgent(models.Model):
    """An agent seen in a statement or document, for the Agents (Person) resource."""

    agent_key = models.CharField(max_length=64, unique=True)
    agent = models.JSONField()
    names = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.agent_key
