from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.access.learning import enrolments_visible_to


class EnrolmentQuerySet(models.QuerySet):
    def visible_to(self, person) -> "EnrolmentQuerySet":
        return self.filter(enrolments_visible_to(person))

    def open(self) -> "EnrolmentQuerySet":
        return self.filter(completed_at__isnull=True)


class Enrolment(models.Model):
    """One person taking one course once. Retaking a course (a yearly renewal) is a new
    enrolment, so progress starts afresh and the history of earlier rounds stays."""

    class Source(models.TextChoices):
        SELF = "self", _("Chose it")
        ASSIGNED = "assigned", _("Assigned")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "learning.CoursePage", on_delete=models.CASCADE, related_name="enrolments"
    )
    source = models.CharField(max_length=16, choices=Source.choices, default=Source.SELF)
    enrolled_at = models.DateTimeField(_("enrolled"))
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    extra_attempts = models.PositiveSmallIntegerField(_("extra quiz attempts granted"), default=0)
    retake_requested_at = models.DateTimeField(null=True, blank=True)
    retake_reason = models.TextField(_("why another attempt"), max_length=1000, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "course"],
                condition=Q(completed_at__isnull=True),
                name="learning_one_open_enrolment",
            )
        ]
        indexes = [
            models.Index(fields=["person", "completed_at"], name="learning_enrol_person_idx"),
            models.Index(fields=["course", "completed_at"], name="learning_enrol_course_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.course}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey(
        "learning.LessonPage", on_delete=models.CASCADE, related_name="progress"
    )
    completed_at = models.DateTimeField(_("done"))

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="learning_lesson_once")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.lesson}"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField(_("attempt"))
    submitted_at = models.DateTimeField(_("submitted"))
    # {question id: [choice ids]}, with what the questions said at the time for the record.
    answers = models.JSONField(default=dict)
    results = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["enrolment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "number"], name="learning_attempt_once")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} #{self.number}: {self.score}%"
