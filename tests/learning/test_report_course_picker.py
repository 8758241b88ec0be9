"""The assign form's course picker: a list while the courses are few, a typed title with
suggestions beyond (see test_report.py for the report itself)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.access.roles import Role
from core.learning.models import Assignment, CoursePage
from employee_portal import learning_report_views
from tests.factories import person_with
from tests.queries import queries_to_get

from .factories import make_course, profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    head = person_with(Role.EMPLOYEE, full_name="Dian Permata")
    agent = person_with(Role.EMPLOYEE, full_name="Rina Kusuma")
    profile(agent, manager=head)
    make_course("Escalations", quiz=[], lessons=1)
    make_course("Negotiation basics", quiz=[], lessons=1)
    return {"head": head, "agent": agent}


@pytest.fixture
def few_listed(monkeypatch):
    """Lists at most one course, so that the fixture's two are already "many"."""
    monkeypatch.setattr(learning_report_views, "COURSES_LISTED", 1)


def _assign(client, agent, course, **extra):
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    data = {"person": agent.pk, "course": course, "due_on": due, **extra}
    return client.post(reverse("employee:learning-assign"), data)


def test_a_few_courses_are_offered_as_a_list(sign_in, manager):
    html = sign_in(manager["head"]).get(reverse("employee:learning-report")).content.decode()
    assert '<select id="id_course" name="course"' in html
    assert "<datalist" not in html and "htmx.min.js" not in html


def _offered_courses(client) -> list[str]:
    form = client.get(reverse("employee:learning-report")).context["assign_form"]
    return [label for key, label in form.fields["course"].choices if key]


def test_the_listed_courses_are_kept_until_a_course_changes(sign_in, manager):
    client = sign_in(manager["head"])
    assert _offered_courses(client) == ["Escalations", "Negotiation basics"]
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("employee:learning-report"))
    course_reads = [q for q in queries if "learning_coursepage" in q["sql"]]
    assert all("learning_assignment" in q["sql"] for q in course_reads), "courses were read again"

    safety = make_course("Safety walk", quiz=[], lessons=1)
    assert _offered_courses(client) == ["Escalations", "Negotiation basics", "Safety walk"]
    safety.unpublish()
    assert _offered_courses(client) == ["Escalations", "Negotiation basics"]
    escalations = CoursePage.objects.get(title="Escalations")
    escalations.for_employees, escalations.for_partners = False, True
    escalations.save_revision().publish()
    assert _offered_courses(client) == ["Negotiation basics"]
    # What is posted is checked against the live courses, not the kept list.
    assert _assign(client, manager["agent"], escalations.pk).status_code == 400


def test_many_courses_are_typed_by_title_with_suggestions(sign_in, manager, few_listed):
    html = sign_in(manager["head"]).get(reverse("employee:learning-report")).content.decode()
    assert '<select id="id_course"' not in html
    assert '<input type="text" name="course"' in html
    assert (
        'list="id_course-suggestions"' in html and '<datalist id="id_course-suggestions">' in html
    )
    assert f'hx-get="{reverse("employee:learning-course-suggestions")}"' in html
    assert 'aria-describedby="id_course_helptext"' in html
    assert "Type the course&#x27;s title." in html
    assert "/static/vendor/htmx/htmx.min.js" in html


def test_a_course_is_assigned_by_its_title_in_any_case(sign_in, manager, few_listed):
    response = _assign(sign_in(manager["head"]), manager["agent"], "  negotiation BASICS ")
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.person, assignment.course.title) == (manager["agent"], "Negotiation basics")


def test_an_unknown_title_is_refused_and_kept(sign_in, manager, few_listed):
    make_course("Hidden draft", quiz=[], lessons=1, live=False)
    make_course("Partner sales", quiz=[], lessons=1, employees=False, partners=True)
    client = sign_in(manager["head"])
    for typed in [
        "Negotiation",
        "Hidden draft",
        "Partner sales",
        "Escalations (#99999999999999999999)",
    ]:
        response = _assign(client, manager["agent"], typed)
        assert response.status_code == 400
        html = response.content.decode()
        assert "No live course has this title." in html
        assert f'value="{typed}"' in html
    assert _assign(client, manager["agent"], "Escalations\x00").status_code == 400
    assert not Assignment.objects.exists()


def test_a_shared_title_asks_for_the_number_and_the_number_assigns(sign_in, manager, few_listed):
    first = make_course("Safety walk", quiz=[], lessons=1)
    second = make_course("Safety walk", quiz=[], lessons=1)
    client = sign_in(manager["head"])
    response = _assign(client, manager["agent"], "safety walk")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Several live courses have this title" in html
    assert f"Safety walk (#{first.pk}); Safety walk (#{second.pk})" in html
    assert 'value="safety walk"' in html
    assert not Assignment.objects.exists()
    assert _assign(client, manager["agent"], f"Safety walk (#{second.pk})").status_code == 302
    assert Assignment.objects.get().course == second
    # A number that is not the title's is no way round the title.
    wrong = _assign(client, manager["agent"], f"Escalations (#{first.pk})")
    assert wrong.status_code == 400


def test_suggestions_are_live_employee_courses_holding_the_text(sign_in, manager, monkeypatch):
    monkeypatch.setattr(learning_report_views, "COURSE_SUGGESTIONS", 3)
    make_course("Hidden escalations", quiz=[], lessons=1, live=False)
    make_course("Partner escalations", quiz=[], lessons=1, employees=False, partners=True)
    for n in range(4):
        make_course(f"Advanced escalations {n}", quiz=[], lessons=1)
    client = sign_in(manager["head"])
    url = reverse("employee:learning-course-suggestions")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url, {"course": "ESCAL"}).content.decode()
    # those starting with the text first, then the others by title; three at most
    assert html.count("<option") == 3
    assert '<option value="Escalations">' in html
    assert '<option value="Advanced escalations 0">' in html
    assert "Hidden" not in html and "Partner" not in html
    assert not any("LIMIT" not in q["sql"] for q in queries if "learning_coursepage" in q["sql"])
    assert client.get(url, {"course": ""}).content.decode().strip() == ""


def test_suggestions_number_the_courses_that_share_a_title(sign_in, manager):
    first = make_course("Safety walk", quiz=[], lessons=1)
    second = make_course("safety WALK", quiz=[], lessons=1)
    make_course("Safety walk", quiz=[], lessons=1, live=False)
    make_course("Safety dance", quiz=[], lessons=1)
    url = reverse("employee:learning-course-suggestions")
    html = sign_in(manager["head"]).get(url, {"course": "safety"}).content.decode()
    options = html.split("</option>")[:-1]
    assert options[0] == '<option value="Safety dance">'
    assert sorted(options[1:]) == [
        f'<option value="Safety walk (#{first.pk})">',
        f'<option value="safety WALK (#{second.pk})">',
    ]


def test_someone_with_no_team_gets_no_suggestions(sign_in, manager):
    loner = person_with(Role.EMPLOYEE, full_name="Joko Susilo")
    url = reverse("employee:learning-course-suggestions")
    assert sign_in(loner).get(url, {"course": "Esc"}).status_code == 404


@pytest.mark.parametrize("listed", [100, 1])
def test_the_report_costs_the_same_queries_for_more_courses(sign_in, manager, monkeypatch, listed):
    monkeypatch.setattr(learning_report_views, "COURSES_LISTED", listed)
    client = sign_in(manager["head"])

    def count():
        return queries_to_get(client, reverse("employee:learning-report"))

    count()
    before = count()
    for n in range(6):
        make_course(f"Course {n}", quiz=[], lessons=1)
    assert count() == before
