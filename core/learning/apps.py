from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """The learning engine shared by the employee and partner portals: courses and lessons
    (Wagtail pages), quizzes, enrolments, progress, certificates and assignment rules."""

    name = "core.learning"
    label = "learning"
    verbose_name = _("Learning")
