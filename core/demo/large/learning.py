"""Courses (Wagtail pages, made one by one: the page tree needs its paths) and enrolments."""

import time

from django.db import connection

from core.learning.models import CourseIndexPage, CoursePage, Enrolment

from .people import DOMAIN
from .sql import insert_series

TITLE_PREFIX = "Generated course"


def courses(sizes, progress) -> None:
    index = CourseIndexPage.objects.first()
    if index is None:
        raise LookupError("No course index: run seed_demo before generate_large_data.")
    started = time.perf_counter()
    for number in range(1, sizes.courses + 1):
        index.add_child(
            instance=CoursePage(
                title=f"{TITLE_PREFIX} {number}",
                slug=f"generated-course-{number}",
                summary="A generated course for the large data set.",
                for_partners=number % 3 == 0,
            )
        )
        if number % 100 == 0 or number == sizes.courses:
            progress("courses", number, sizes.courses, time.perf_counter() - started)


def enrolments(sizes, progress) -> None:
    """Enrolment e: person 1 + e mod persons, in course (e div persons + person) mod courses,
    so no person holds two open enrolments in one course; one in three is complete."""
    if not sizes.courses:
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS large_courses")
        cursor.execute(
            "CREATE TEMPORARY TABLE large_courses AS "
            "SELECT row_number() OVER (ORDER BY p.id) - 1 AS rn, p.id FROM wagtailcore_page p "
            "JOIN learning_coursepage c ON c.page_ptr_id = p.id WHERE p.title LIKE %s",
            [f"{TITLE_PREFIX} %"],
        )
        cursor.execute("CREATE UNIQUE INDEX ON large_courses (rn)")
    insert_series(
        Enrolment,
        label="enrolments",
        count=sizes.enrolments,
        columns={
            "person_id": "p.id",
            "course_id": "c.id",
            "enrolled_at": "now() - (n %% 700 || ' days')::interval",
            "last_activity_at": "now() - (n %% 300 || ' days')::interval",
            "completed_at": "CASE WHEN n %% 3 = 0 THEN now() - (n %% 200 || ' days')::interval END",
        },
        joins=(
            f"JOIN people_person p ON p.email = 'p' || (1 + n %% %(persons)s) || '@{DOMAIN}' "
            "JOIN large_courses c ON c.rn = (n / %(persons)s + n %% %(persons)s) %% %(courses)s"
        ),
        params={"persons": sizes.persons, "courses": sizes.courses},
        progress=progress,
    )
