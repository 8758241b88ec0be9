"""The learner's screens, shared by the employee and partner portals.

Each portal mounts these with its own role (employee_portal/learning_urls.py,
partner_portal/learning_urls.py): the engine is one, the screens are per portal, and what a
person sees in a portal is that portal's courses only. Every lookup goes through the scoped
querysets, so another person's enrolment or certificate, or a course not for this portal,
answers 404.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core.access.guards import PortalRequiredMixin
from core.access.roles import Role
from core.staff.models import EmployeeProfile

from . import selectors, services
from .models import Certificate, CoursePage, Enrolment, QuizAttempt
from .pdf import certificate_pdf


class LearningView(PortalRequiredMixin):
    portal_role: Role

    def url_name(self, name: str) -> str:
        return f"{self.request.portal.namespace}:{name}"

    def get_course(self, course_id: int) -> CoursePage:
        return get_object_or_404(
            CoursePage.objects.visible_to(self.request.user, self.portal_role), pk=course_id
        )

    def base_context(self) -> dict:
        return {"ns": self.request.portal.namespace}

    def finished(self, course: CoursePage) -> bool:
        """Completed, with no round under way: a late form (the back button, a second tab)
        must not quietly start the course again. Retaking is the course page's button."""
        person = self.request.user
        if Enrolment.objects.open().filter(person=person, course=course).exists():
            return False
        if Enrolment.objects.filter(person=person, course=course).exists():
            messages.info(self.request, _("You have completed this course."))
            return True
        return False


class DashboardView(LearningView, TemplateView):
    template_name = "learning/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.base_context())
        context.update(selectors.learner_overview(self.request.user, self.portal_role))
        person = self.request.user
        context["manages_people"] = self.portal_role == Role.EMPLOYEE and (
            person.is_superuser or EmployeeProfile.objects.filter(manager=person).exists()
        )
        return context


class CatalogueView(LearningView, TemplateView):
    template_name = "learning/catalogue.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.base_context())
        paginator = Paginator(selectors.catalogue(self.request.user, self.portal_role), 12)
        context["page_obj"] = paginator.get_page(self.request.GET.get("page"))
        return context


class CourseView(LearningView, TemplateView):
    template_name = "learning/course.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        course = self.get_course(kwargs["course_id"])
        context.update(self.base_context())
        context["course"] = course
        context.update(selectors.course_state(self.request.user, course))
        context["retake_form"] = RetakeRequestForm()
        return context


class EnrolView(LearningView, View):
    def post(self, request, course_id: int):
        course = self.get_course(course_id)
        state = selectors.course_state(request.user, course)
        if state["completed"] and not state["can_retake"]:
            messages.info(request, _("You have completed this course already."))
            return redirect(self.url_name("learning-course"), course.pk)
        services.enrolment_start(person=request.user, course=course)
        first = course.lessons().first()
        if first is not None:
            return redirect(self.url_name("learning-lesson"), course.pk, first.pk)
        return redirect(self.url_name("learning-course"), course.pk)


class LessonView(LearningView, TemplateView):
    template_name = "learning/lesson.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        course = self.get_course(kwargs["course_id"])
        lesson = get_object_or_404(course.lessons(), pk=kwargs["lesson_id"])
        state = selectors.course_state(self.request.user, course)
        lessons = state["lessons"]
        index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk)
        context.update(self.base_context())
        context.update(state)
        context.update(
            {
                "course": course,
                "lesson": lesson,
                "position": index + 1,
                "previous_lesson": lessons[index - 1] if index > 0 else None,
                "following_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
                "is_done": lessons[index].is_done,
            }
        )
        return context


class LessonCompleteView(LearningView, View):
    def post(self, request, course_id: int, lesson_id: int):
        course = self.get_course(course_id)
        lessons = list(course.lessons().only("pk", "path", "depth"))
        lesson = next((item for item in lessons if item.pk == lesson_id), None)
        if lesson is None:
            raise Http404
        if self.finished(course):
            return redirect(self.url_name("learning-course"), course.pk)
        enrolment = services.enrolment_start(person=request.user, course=course)
        enrolment = services.lesson_complete(enrolment=enrolment, lesson=lesson)
        if enrolment.is_complete:
            messages.success(request, _("Course complete. Your certificate is ready."))
            return redirect(self.url_name("learning-course"), course.pk)
        index = lessons.index(lesson)
        if index + 1 < len(lessons):
            return redirect(self.url_name("learning-lesson"), course.pk, lessons[index + 1].pk)
        if course.has_quiz:
            return redirect(self.url_name("learning-quiz"), course.pk)
        return redirect(self.url_name("learning-course"), course.pk)


class QuizForm(forms.Form):
    """One field per question: radio buttons for one right answer, checkboxes for several."""

    def __init__(self, questions: list[dict], *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, question in enumerate(questions, start=1):
            choices = [(c["id"], c["text"]) for c in question["choices"]]
            label = f"{number}. {question['text']}"
            if question["multiple"]:
                self.fields[question["id"]] = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=gettext_lazy("Choose every right answer."),
                    error_messages={"required": gettext_lazy("Choose at least one answer.")},
                )
            else:
                self.fields[question["id"]] = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": gettext_lazy("Choose an answer.")},
                )


class QuizView(LearningView, TemplateView):
    template_name = "learning/quiz.html"

    def dispatch_quiz(self, course_id):
        course = self.get_course(course_id)
        if not course.has_quiz:
            raise Http404
        state = selectors.course_state(self.request.user, course)
        return course, state

    def get(self, request, course_id: int):
        course, state = self.dispatch_quiz(course_id)
        form = QuizForm(course.quiz_questions())
        return self.render_to_response(self.context(course, state, form))

    def post(self, request, course_id: int):
        course, state = self.dispatch_quiz(course_id)
        questions = course.quiz_questions()
        form = QuizForm(questions, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.context(course, state, form), status=400)
        if self.finished(course):
            return redirect(self.url_name("learning-course"), course.pk)
        enrolment = services.enrolment_start(person=request.user, course=course)
        answers = {
            key: value if isinstance(value, list) else [value]
            for key, value in form.cleaned_data.items()
        }
        try:
            attempt = services.quiz_submit(enrolment=enrolment, raw_answers=answers)
        except PermissionDenied as error:
            messages.error(request, str(error.args[0]) if error.args else _("Not allowed."))
            return redirect(self.url_name("learning-course"), course.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.url_name("learning-course"), course.pk)
        return redirect(self.url_name("learning-attempt"), attempt.pk)

    def context(self, course, state, form) -> dict:
        return {
            **self.base_context(),
            **state,
            "course": course,
            "form": form,
            "lessons_remaining": len(state["lessons"]) - state["lessons_done"],
            "view": self,
        }


class AttemptView(LearningView, TemplateView):
    template_name = "learning/attempt.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attempt = get_object_or_404(
            QuizAttempt.objects.filter(
                enrolment__in=Enrolment.objects.visible_to(self.request.user).filter(
                    selectors.audience_q(self.portal_role)
                )
            ).select_related("enrolment__course"),
            pk=kwargs["attempt_id"],
        )
        course = attempt.enrolment.course
        used = attempt.enrolment.attempts.count()
        context.update(self.base_context())
        context.update(
            {
                "attempt": attempt,
                "course": course,
                "attempts_left": services.attempts_left(attempt.enrolment, course, used),
                "enrolment": attempt.enrolment,
            }
        )
        return context


class RetakeRequestForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why would another attempt help?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RetakeRequestView(LearningView, View):
    def post(self, request, course_id: int):
        course = self.get_course(course_id)
        enrolment = get_object_or_404(
            Enrolment.objects.visible_to(request.user).open(), course=course
        )
        form = RetakeRequestForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Please say briefly why another attempt would help."))
            return redirect(self.url_name("learning-course"), course.pk)
        services.retake_request(enrolment=enrolment, reason=form.cleaned_data["reason"])
        messages.success(request, _("Your request has been sent. We will e-mail you the answer."))
        return redirect(self.url_name("learning-course"), course.pk)


class CertificateMixin(LearningView):
    def get_certificate(self, certificate_id: int) -> Certificate:
        return get_object_or_404(
            Certificate.objects.visible_to(self.request.user).filter(
                selectors.audience_q(self.portal_role)
            ),
            pk=certificate_id,
        )


class CertificateView(CertificateMixin, TemplateView):
    template_name = "learning/certificate.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.get_certificate(kwargs["certificate_id"])
        context.update(self.base_context())
        verify = reverse("learning:verify-code", args=[certificate.code])
        context.update(
            {
                "certificate": certificate,
                "status": certificate.status(),
                "verify_url": settings.SITE_URL.rstrip("/") + verify,
            }
        )
        return context


class CertificatePdfView(CertificateMixin, View):
    def get(self, request, certificate_id: int):
        certificate = self.get_certificate(certificate_id)
        response = HttpResponse(
            certificate_pdf(certificate, language=request.LANGUAGE_CODE),
            content_type="application/pdf",
        )
        filename = f"certificate-{certificate.display_code}.pdf"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response


def learning_urlpatterns(portal: Role) -> list:
    """The learner's URLs for one portal; each portal includes these in its urls.py."""
    from django.urls import path

    def mount(view):
        return type(
            f"{portal.value.title()}{view.__name__}", (view,), {"portal_role": portal}
        ).as_view()

    return [
        path("learning/", mount(DashboardView), name="learning-dashboard"),
        path("learning/courses/", mount(CatalogueView), name="learning-catalogue"),
        path("learning/courses/<int:course_id>/", mount(CourseView), name="learning-course"),
        path("learning/courses/<int:course_id>/enrol/", mount(EnrolView), name="learning-enrol"),
        path(
            "learning/courses/<int:course_id>/lessons/<int:lesson_id>/",
            mount(LessonView),
            name="learning-lesson",
        ),
        path(
            "learning/courses/<int:course_id>/lessons/<int:lesson_id>/done/",
            mount(LessonCompleteView),
            name="learning-lesson-done",
        ),
        path("learning/courses/<int:course_id>/quiz/", mount(QuizView), name="learning-quiz"),
        path(
            "learning/courses/<int:course_id>/retake/",
            mount(RetakeRequestView),
            name="learning-retake",
        ),
        path("learning/attempts/<int:attempt_id>/", mount(AttemptView), name="learning-attempt"),
        path(
            "learning/certificates/<int:certificate_id>/",
            mount(CertificateView),
            name="learning-certificate",
        ),
        path(
            "learning/certificates/<int:certificate_id>/pdf/",
            mount(CertificatePdfView),
            name="learning-certificate-pdf",
        ),
    ]
