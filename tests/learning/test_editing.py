"""Editors write courses in Wagtail; HR keeps rules, departments and profiles there."""

import pytest
from django.urls import reverse

from core.access.roles import Duty, Role
from core.learning.models import CoursePage
from tests.factories import person_with

from .factories import course_index, make_course

pytestmark = pytest.mark.django_db


def test_a_content_editor_opens_the_course_editor_with_its_quiz_tab(sign_in):
    course = make_course()
    client = sign_in(person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,)))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Audience and certificate" in html and "Quiz" in html


def test_a_course_can_be_added_only_under_the_catalogue_and_lessons_only_under_a_course():
    from core.cms.models import HomePage
    from core.learning.models import LessonPage

    index = course_index()
    assert CoursePage.can_create_at(index)
    assert not CoursePage.can_create_at(HomePage.objects.get())
    assert LessonPage.can_create_at(make_course())
    assert not LessonPage.can_create_at(index)


def test_a_course_for_nobody_is_refused():
    from django.core.exceptions import ValidationError

    course = CoursePage(title="Nobody", summary="x", for_employees=False, for_partners=False)
    with pytest.raises(ValidationError):
        course.clean()


def test_a_quiz_question_needs_a_right_answer():
    from django.core.exceptions import ValidationError

    from core.learning.blocks import QuestionBlock

    block = QuestionBlock()
    value = block.to_python(
        {
            "question": "?",
            "kind": "single",
            "choices": [{"text": "a", "correct": False}, {"text": "b", "correct": False}],
            "explanation": "",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)
    value = block.to_python(
        {
            "question": "?",
            "kind": "single",
            "choices": [{"text": "a", "correct": True}, {"text": "b", "correct": True}],
            "explanation": "",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.parametrize(
    "url_name", ["assignment_rules:index", "departments:index", "employee_profiles:index"]
)
def test_an_administrator_keeps_rules_departments_and_profiles_in_wagtail(sign_in, url_name):
    make_course()
    admin = person_with(Role.EMPLOYEE, is_superuser=True, is_staff=True)
    assert sign_in(admin).get(reverse(url_name)).status_code == 200


def test_a_content_editor_cannot_change_the_rules(sign_in):
    client = sign_in(person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,)))
    assert client.get(reverse("assignment_rules:index")).status_code in (302, 403)
