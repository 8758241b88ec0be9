"""Rules as records: a rule, its conditions, its actions and escalation levels; what they did.

A rule belongs to one *target kind* (a key of the registry in targets.py, e.g. "ticket"), is
fired by an event of that target (created, changed) or by the timer sweep, and runs in `order`.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def target_choices():
    from .targets import registry

    return [(target.kind, target.label) for target in registry.all()]


class Trigger(models.TextChoices):
    CREATED = "created", _("When a record is created")
    CHANGED = "changed", _("When a record changes")
    TIME = "time", _("Time-based (checked by the periodic sweep)")


class Join(models.TextChoices):
    ALL = "all", _("All conditions must hold")
    ANY = "any", _("Any condition is enough")


class Operator(models.TextChoices):
    EQUALS = "equals", _("equals")
    NOT_EQUALS = "not_equals", _("does not equal")
    IN = "in", _("is one of (comma-separated)")
    GREATER_THAN = "gt", _("is greater than")
    LESS_THAN = "lt", _("is less than")
    CONTAINS = "contains", _("contains")
    IS_EMPTY = "is_empty", _("is empty")
    IS_SET = "is_set", _("is set")
    CHANGED_TO = "changed_to", _("changed to (events only)")
    OLDER_THAN_BUSINESS_HOURS = "older_bh", _("is older than N business hours")
    OUTSIDE_BUSINESS_HOURS = "outside_bh", _("falls outside business hours")
    WITHIN_BUSINESS_HOURS = "within_bh", _("falls within business hours")
    HAS_TAG = "has_tag", _("has tag")


class Rule(models.Model):
    name = models.CharField(_("name"), max_length=160, unique=True)
    description = models.TextField(_("what it is for"), blank=True, max_length=2000)
    target_kind = models.CharField(_("applies to"), max_length=40, choices=target_choices)
    trigger = models.CharField(_("fires"), max_length=10, choices=Trigger.choices)
    event = models.CharField(
        _("event"),
        max_length=40,
        blank=True,
        help_text=_(
            "Changed rules only: a narrower event of the target (e.g. 'resolved'); "
            "empty means any change."
        ),
    )
    join = models.CharField(_("conditions"), max_length=3, choices=Join.choices, default=Join.ALL)
    order = models.PositiveIntegerField(
        _("order"), default=100, help_text=_("Lower runs first among rules of the same trigger.")
    )
    stop_later_rules = models.BooleanField(
        _("stop later rules"),
        default=False,
        help_text=_("When this rule fires, rules after it (same target and trigger) do not run."),
    )
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Off: paused."))
    calendar = models.ForeignKey(
        "calendars.BusinessCalendar",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("business calendar"),
        help_text=_("Needed by business-hours conditions and escalation levels."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("business rule")
        verbose_name_plural = _("business rules")
        ordering = ["target_kind", "trigger", "order", "pk"]
        indexes = [
            models.Index(
                fields=["target_kind", "trigger", "is_active", "order"], name="rules_pick_idx"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def target(self):
        from .targets import registry

        return registry.get(self.target_kind)


class Condition(models.Model):
    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="conditions")
    field = models.CharField(_("field"), max_length=60)
    operator = models.CharField(_("operator"), max_length=12, choices=Operator.choices)
    value = models.CharField(_("value"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.field} {self.get_operator_display()} {self.value}".strip()


class ActionKind(models.TextChoices):
    ASSIGN = "assign", _("Assign")
    SET_FIELD = "set_field", _("Set a field")
    NOTIFY = "notify", _("Notify a person or group")
    REPLY = "reply", _("Send a reply template")
    WEBHOOK = "webhook", _("Call a webhook")
    ADD_TAG = "add_tag", _("Add a tag")


class AssignStrategy(models.TextChoices):
    PERSON = "person", _("To this person")
    LEAST_LOADED = "least_loaded", _("Least-loaded available member of the team")
    ROUND_ROBIN = "round_robin", _("Round robin over the team")
    SKILL = "skill", _("Least-loaded team member with the skill")


class ReplyTemplate(models.Model):
    """A canned reply. The body may use {{ reference }}, {{ subject }}, {{ name }}."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    body = models.TextField(_("reply"), max_length=5000)

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Action(models.Model):
    """One thing a rule does. Which fields matter depends on `kind` (the form says so)."""

    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("do"), max_length=12, choices=ActionKind.choices)
    level = models.PositiveSmallIntegerField(
        _("at escalation level"),
        default=0,
        help_text=_("0: every time the rule fires. 1, 2, …: only at that escalation level."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # assign
    strategy = models.CharField(
        _("assignment"), max_length=14, choices=AssignStrategy.choices, blank=True
    )
    team = models.ForeignKey(
        Group,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team (staff group)"),
        help_text=_(
            "Assign: the team; empty means the groups working the record's queue. "
            "Notify: everyone in this group."
        ),
    )
    skill = models.CharField(_("skill"), max_length=80, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    # set field / add tag
    field = models.CharField(_("field"), max_length=60, blank=True)
    value = models.CharField(_("value"), max_length=500, blank=True)
    # reply
    template = models.ForeignKey(
        ReplyTemplate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reply template"),
    )
    # webhook
    url = models.URLField(_("webhook URL"), max_length=500, blank=True)
    secret = models.CharField(
        _("signing secret"),
        max_length=200,
        blank=True,
        help_text=_("Shared with the receiver; signs each payload (HMAC-SHA256)."),
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["level", "position", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class EscalationLevel(models.Model):
    """Time-based rules: level N fires once a record matching the conditions is this many
    business hours old (measured from the target's clock field, e.g. a ticket's opening)."""

    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="levels")
    level = models.PositiveSmallIntegerField(_("level"))
    after_business_hours = models.DecimalField(
        _("after (business hours)"), max_digits=7, decimal_places=2
    )

    class Meta:
        verbose_name = _("escalation level")
        verbose_name_plural = _("escalation levels")
        ordering = ["level"]
        constraints = [
            models.UniqueConstraint(fields=["rule", "level"], name="rules_one_row_per_level"),
            models.CheckConstraint(condition=Q(level__gte=1), name="rules_level_from_one"),
            models.CheckConstraint(
                condition=Q(after_business_hours__gt=0), name="rules_level_after_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.level}: {self.after_business_hours} h"


class RuleFiring(models.Model):
    """A rule fired for one record (at one escalation level). For time-based rules the row is
    the claim: one per (rule, record, level), inserted before acting, so a repeated or
    concurrent sweep acts once; for events one per (rule, event). The audit log keeps the
    append-only copy of every firing."""

    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="firings")
    target_kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    level = models.PositiveSmallIntegerField(default=0)
    trigger = models.CharField(max_length=10, choices=Trigger.choices)
    event = models.CharField(max_length=40, blank=True)
    event_id = models.CharField(max_length=40, blank=True)
    at = models.DateTimeField(default=timezone.now)
    outcome = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("rule firing")
        verbose_name_plural = _("rule firings")
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "object_id", "level"],
                condition=Q(trigger="time"),
                name="rules_timer_fires_once",
            ),
            models.UniqueConstraint(
                fields=["rule", "event_id"],
                condition=~Q(event_id=""),
                name="rules_event_fires_once",
            ),
        ]
        indexes = [models.Index(fields=["target_kind", "object_id"], name="rules_firing_obj_idx")]

    def __str__(self) -> str:
        return f"{self.rule} → {self.target_kind} {self.object_id} (level {self.level})"


class Tag(models.Model):
    """A label a rule put on a record of any target (kept here, so no target needs a column)."""

    target_kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    name = models.SlugField(_("tag"), max_length=60, allow_unicode=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(
                fields=["target_kind", "object_id", "name"], name="rules_tag_once"
            )
        ]
        indexes = [models.Index(fields=["target_kind", "name"], name="rules_tag_name_idx")]

    def __str__(self) -> str:
        return self.name


class RoundRobinCursor(models.Model):
    """Who got the last record from one round-robin action (locked while choosing)."""

    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="cursor")
    last_person_id = models.BigIntegerField(null=True)

    def __str__(self) -> str:
        return f"{self.action_id} → {self.last_person_id}"


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed, will retry")
        GAVE_UP = "gave_up", _("Gave up")

    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="deliveries")
    action = models.ForeignKey(Action, on_delete=models.SET_NULL, null=True, related_name="+")
    target_kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    url = models.URLField(max_length=500)
    payload = models.JSONField()
    idempotency_key = models.CharField(max_length=120, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status__in=["pending", "failed"]),
                name="rules_webhook_due_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.url} ({self.get_status_display()})"
