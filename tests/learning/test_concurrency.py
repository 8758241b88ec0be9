"""Two submissions at once must not both take the last attempt (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection

from core.access.roles import Role
from core.learning import services
from core.learning.models import QuizAttempt
from tests.factories import person_with

from .factories import make_course, wrong_answers


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_tabs_cannot_both_use_the_last_attempt():
    course = make_course(lessons=0, max_attempts=1)
    enrolment = services.enrolment_start(person=person_with(Role.EMPLOYEE), course=course)
    answers = wrong_answers(course)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit():
        try:
            barrier.wait()
            services.quiz_submit(enrolment=enrolment, raw_answers=answers)
            outcomes.append("recorded")
        except services.NoAttemptsLeft:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["recorded", "refused"]
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 1
