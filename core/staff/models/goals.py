from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.access.staff import goals_visible_to


class GoalQuerySet(models.QuerySet):
    def visible_to(self, person) -> "GoalQuerySet":
        return self.filter(goals_visible_to(person))


class Goal(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        DROPPED = "dropped", _("Dropped")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("owner"),
    )
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("how we will know"), max_length=4000, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["status", "due_on", "-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="goals_progress_max")
        ]
        indexes = [models.Index(fields=["owner", "status"], name="goals_owner_status_idx")]

    def __str__(self) -> str:
        return self.title


class GoalComment(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("goal comment")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"
