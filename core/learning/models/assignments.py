from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.access.roles import Duty

from ..targets import TARGETS, Target


class AssignmentRule(models.Model):
    """ "Everyone in Finance takes Data protection within 30 days": mandatory training as data.

    Who a rule reaches is one of the targets in core/learning/targets.py; a new way of
    targeting (partner tiers, once the partner programme has them) is one more entry there
    plus the field it reads."""

    course = models.ForeignKey(
        "learning.CoursePage",
        on_delete=models.CASCADE,
        related_name="assignment_rules",
        verbose_name=_("course"),
    )
    target = models.CharField(_("who"), max_length=24, choices=Target.choices)
    department = models.ForeignKey(
        "staff.Department",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    duty = models.CharField(_("staff duty"), max_length=64, choices=Duty.choices, blank=True)
    due_in_days = models.PositiveSmallIntegerField(
        _("due within (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(730)],
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment rule")
        verbose_name_plural = _("assignment rules")
        ordering = ["course__title", "target"]

    def __str__(self) -> str:
        return f"{self.course}: {self.describe()}"

    def describe(self) -> str:
        return str(TARGETS[Target(self.target)].describe(self))

    def clean(self) -> None:
        super().clean()
        if not self.target:
            return
        spec = TARGETS[Target(self.target)]
        errors = spec.validate(self)
        if self.course_id:
            course = self.course
            if spec.role == "employee" and not course.for_employees:
                errors["target"] = _("This course is not open to employees.")
            if spec.role == "partner" and not course.for_partners:
                errors["target"] = _("This course is not open to partners.")
        if errors:
            raise ValidationError(errors)


class AssignmentQuerySet(models.QuerySet):
    def open(self) -> "AssignmentQuerySet":
        return self.filter(completed_at__isnull=True)


class Assignment(models.Model):
    """A course someone must complete by a date: from a rule, a manager, or a renewal."""

    class Reason(models.TextChoices):
        RULE = "rule", _("Mandatory training")
        MANUAL = "manual", _("Assigned by a manager")
        RENEWAL = "renewal", _("Certificate renewal")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_assignments"
    )
    course = models.ForeignKey(
        "learning.CoursePage", on_delete=models.CASCADE, related_name="assignments"
    )
    rule = models.ForeignKey(
        AssignmentRule, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(max_length=16, choices=Reason.choices, default=Reason.RULE)
    assigned_at = models.DateTimeField(_("assigned"))
    due_at = models.DateTimeField(_("due"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("course assignment")
        verbose_name_plural = _("course assignments")
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "course"],
                condition=Q(completed_at__isnull=True),
                name="learning_one_open_assignment",
            )
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                condition=Q(completed_at__isnull=True),
                name="learning_assign_open_due_idx",
            ),
            models.Index(fields=["person", "completed_at"], name="learning_assign_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.course} (due {self.due_at:%Y-%m-%d})"


class AssignmentNotice(models.Model):
    """One row per e-mail stage of an assignment: the reason a reminder is never sent twice."""

    class Stage(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        DUE_IN_WEEK = "due-7d", _("Due within a week")
        DUE_TOMORROW = "due-1d", _("Due within a day")
        OVERDUE = "overdue", _("Overdue: manager told")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="notices")
    stage = models.CharField(max_length=16, choices=Stage.choices)
    sent_at = models.DateTimeField()

    class Meta:
        verbose_name = _("assignment notice")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "stage"], name="learning_notice_once")
        ]

    def __str__(self) -> str:
        return f"{self.assignment}: {self.stage}"
