"""Courses and lessons are Wagtail pages: editors get drafts, revisions, previews, scheduled
publishing and moderation for free, order lessons by dragging them in the page tree, and write
lessons with the same blocks as every other page. The pages are never served on their public
Wagtail address: a visit there is sent to the learner's portal, which asks core.access."""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from core.access import policies
from core.access.learning import courses_visible_to
from core.access.roles import Role
from core.cms.blocks import BodyBlock

from ..blocks import QuestionBlock, QuizBlock


def _portal_url(course: "CoursePage", request, name: str, *args) -> str:
    """The portal in which this person reads the course (employee first), else the first
    portal the course is for; that portal's view decides whether they may."""
    person = request.user
    portals = []
    if course.for_employees:
        portals.append(Role.EMPLOYEE)
    if course.for_partners:
        portals.append(Role.PARTNER)
    held = [role for role in portals if policies.holds_role(person, role)]
    role = (held or portals or [Role.EMPLOYEE])[0]
    return reverse(f"{role}:{name}", args=args)


def _choices(answers) -> list[dict]:
    """Answer ids come from the answer's text: stable across reloads and reordering (list
    items saved without ids get new ones on every load), and an answer reworded after an
    attempt simply no longer matches it."""
    found, seen = [], set()
    for index, answer in enumerate(answers):
        digest = hashlib.blake2s(answer["text"].strip().encode(), digest_size=6).hexdigest()
        if digest in seen:
            digest = f"{digest}-{index}"
        seen.add(digest)
        found.append({"id": digest, "text": answer["text"], "correct": bool(answer["correct"])})
    return found


class CourseIndexPage(Page):
    """Where editors keep the courses. It lists nothing publicly: learners use their portal."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["learning.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalogue")

    def serve(self, request, *args, **kwargs):
        if policies.holds_role(request.user, Role.PARTNER) and not policies.holds_role(
            request.user, Role.EMPLOYEE
        ):
            return redirect("partner:learning-catalogue")
        return redirect("employee:learning-catalogue")


class CourseQuerySet(PageQuerySet):
    def visible_to(self, person, portal: Role) -> "CourseQuerySet":
        return self.live().filter(courses_visible_to(person, portal))


class CoursePage(Page):
    summary = models.CharField(_("summary"), max_length=300)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), default=30, validators=[MaxValueValidator(10_000)]
    )
    for_employees = models.BooleanField(_("employees"), default=True)
    for_partners = models.BooleanField(_("partners"), default=False)
    departments = ParentalManyToManyField(
        "staff.Department",
        blank=True,
        related_name="courses",
        verbose_name=_("departments"),
        help_text=_("Employees of these departments only; leave empty for every employee."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        default=3,
        validators=[MaxValueValidator(50)],
        help_text=_("0 means unlimited. A manager can grant one more when asked."),
    )
    questions = StreamField(QuizBlock(), blank=True, verbose_name=_("quiz"))
    certificate_valid_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("For compliance training that must be renewed; empty means it never expires."),
    )

    objects = PageManager.from_queryset(CourseQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    audience_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("for_employees"), FieldPanel("for_partners")]),
                FieldPanel("departments", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who may take this course"),
        ),
        FieldPanel("certificate_valid_months"),
    ]
    quiz_panels = [
        FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
        FieldPanel("questions"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(audience_panels, heading=_("Audience and certificate")),
            ObjectList(quiz_panels, heading=_("Quiz")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    parent_page_types = ["learning.CourseIndexPage"]
    subpage_types = ["learning.LessonPage"]
    template = "learning/course_page_preview.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        if not (self.for_employees or self.for_partners):
            raise ValidationError(_("Choose who the course is for: employees, partners or both."))

    def lessons(self) -> PageQuerySet:
        return LessonPage.objects.child_of(self).live().order_by("path")

    def quiz_questions(self) -> list[dict]:
        """The quiz as plain data with stable ids (editors may reorder or reword later)."""
        found = []
        for block in self.questions:
            if block.block_type != "question":
                continue
            value = block.value
            found.append(
                {
                    "id": block.id,
                    "text": value["question"],
                    "multiple": value["kind"] == QuestionBlock.MULTIPLE,
                    "explanation": value["explanation"],
                    "choices": _choices(value["choices"]),
                }
            )
        return found

    @property
    def has_quiz(self) -> bool:
        return len(self.questions) > 0

    def serve(self, request, *args, **kwargs):
        return redirect(_portal_url(self, request, "learning-course", self.pk))

    def serve_preview(self, request, mode_name):
        return render(request, self.template, {"page": self, "self": self, "request": request})


class LessonPage(Page):
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), default=10, validators=[MaxValueValidator(1_000)]
    )
    body = StreamField(BodyBlock(), verbose_name=_("lesson"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    parent_page_types = ["learning.CoursePage"]
    subpage_types: list[str] = []
    template = "learning/lesson_page_preview.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def serve(self, request, *args, **kwargs):
        course = CoursePage.objects.filter(pk=self.get_parent().pk).first()
        if course is None:
            raise Http404
        return redirect(_portal_url(course, request, "learning-lesson", course.pk, self.pk))

    def serve_preview(self, request, mode_name):
        return render(request, self.template, {"page": self, "self": self, "request": request})
