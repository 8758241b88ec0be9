"""The manager's training report: scope, figures, overdue list, CSV and chart."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.access.roles import Role
from core.learning import services
from tests.factories import person_with
from tests.queries import queries_to_get

from .factories import department, make_course, profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    support = department("Customer Support")
    head = person_with(Role.EMPLOYEE, full_name="Dian Permata")
    lead = person_with(Role.EMPLOYEE, full_name="Arif Hidayat")
    agent = person_with(Role.EMPLOYEE, full_name="Rina Kusuma")
    outsider = person_with(Role.EMPLOYEE, full_name="Joko Susilo")
    profile(lead, department=support, manager=head)
    profile(agent, department=support, manager=lead)
    course = make_course("Escalations", quiz=[], lessons=1)
    now = timezone.now()
    services.assignment_create(person=agent, course=course, due_at=now - timedelta(days=3))
    services.assignment_create(person=lead, course=course, due_at=now + timedelta(days=3))
    services.assignment_create(person=outsider, course=course, due_at=now - timedelta(days=3))
    enrolment = services.enrolment_start(person=lead, course=course)
    services.lesson_complete(enrolment=enrolment, lesson=course.lessons().get())
    return {"head": head, "lead": lead, "agent": agent, "outsider": outsider, "course": course}


def test_a_manager_sees_direct_and_indirect_reports_only(sign_in, team):
    response = sign_in(team["head"]).get(reverse("employee:learning-report"))
    assert response.status_code == 200
    [line] = response.context["by_course"]
    assert (line.assigned, line.completed, line.overdue, line.rate) == (2, 1, 1, 50)
    [overdue] = response.context["page_obj"]
    assert (overdue["name"], overdue["team"], overdue["title"]) == (
        "Rina Kusuma",
        "Customer Support",
        "Escalations",
    )
    assert response.context["page_obj"].paginator.count == 1
    [team_line] = response.context["by_team"]
    assert team_line.team == "Customer Support"


def test_teams_come_by_name_and_people_without_a_department_last(sign_in, team):
    safety = make_course("Safety walk", quiz=[], lessons=1)
    due = timezone.now() + timedelta(days=5)
    for name, dept in [("Budi Santoso", None), ("Sari Dewi", department("Accounts"))]:
        person = person_with(Role.EMPLOYEE, full_name=name)
        profile(person, department=dept, manager=team["head"])
        services.assignment_create(person=person, course=safety, due_at=due)
        services.assignment_create(person=person, course=team["course"], due_at=due)
    response = sign_in(team["head"]).get(reverse("employee:learning-report"))
    lines = [(line.team, line.title, line.assigned) for line in response.context["by_team"]]
    assert lines == [
        ("Accounts", "Escalations", 1),
        ("Accounts", "Safety walk", 1),
        ("Customer Support", "Escalations", 2),
        ("No department", "Escalations", 1),
        ("No department", "Safety walk", 1),
    ]
    assert response.context["team_size"] == 4


def test_a_team_too_long_to_list_is_still_counted(sign_in, team, monkeypatch):
    from employee_portal import learning_report_views

    monkeypatch.setattr(learning_report_views, "PEOPLE_LISTED", 1)
    response = sign_in(team["head"]).get(reverse("employee:learning-report"))
    assert response.context["team_size"] == 2
    assert "the 2 people you look after" in response.content.decode()


def test_the_chart_is_inline_svg_with_a_table_of_the_same_figures(sign_in, team):
    html = sign_in(team["head"]).get(reverse("employee:learning-report")).content.decode()
    assert '<svg class="chart"' in html and 'role="img"' in html
    assert '<title id="chart-svg-title">' in html
    assert '<th scope="row">Escalations</th>' in html
    assert "50%" in html


def test_the_chart_in_indonesian_keeps_svg_numbers_plain(sign_in, team):
    team["head"].language = "id"
    team["head"].save(update_fields=["language"])
    html = sign_in(team["head"]).get(reverse("employee:learning-report")).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    coordinates = re.findall(r' (?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg)
    assert len(coordinates) > 10
    assert all(value.isdigit() for value in coordinates), coordinates
    assert '<title id="chart-svg-title">Tingkat penyelesaian per kursus</title>' in svg


def test_someone_without_reports_finds_no_report(sign_in, team):
    client = sign_in(team["outsider"])
    assert client.get(reverse("employee:learning-report")).status_code == 404
    assert client.get(reverse("employee:learning-report-csv")).status_code == 404


def test_the_csv_lists_every_assignment_of_the_team(sign_in, team):
    response = sign_in(team["lead"]).get(reverse("employee:learning-report-csv"))
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Person", "E-mail", "Department", "Course"]
    assert [(r[0], r[-1]) for r in rows[1:]] == [("Rina Kusuma", "Overdue")]


def test_the_csv_defuses_spreadsheet_formulas(sign_in, team):
    team["agent"].full_name = "=HYPERLINK(evil)"
    team["agent"].save()
    response = sign_in(team["head"]).get(reverse("employee:learning-report-csv"))
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(evil)" in body


def test_the_report_costs_the_same_queries_for_a_bigger_team(sign_in, team):
    client = sign_in(team["head"])

    def count():
        return queries_to_get(client, reverse("employee:learning-report"))

    count()
    before = count()
    for n in range(8):
        person = person_with(Role.EMPLOYEE, mfa=False)
        profile(person, department=department(f"Team {n % 3}"), manager=team["lead"])
        services.assignment_create(
            person=person,
            course=make_course(f"Course {n}", quiz=[], lessons=1),
            due_at=timezone.now() - timedelta(days=n),
        )
    assert count() == before


def test_a_site_administrator_sees_every_employee(sign_in, team):
    admin = person_with(Role.EMPLOYEE, is_superuser=True)
    response = sign_in(admin).get(reverse("employee:learning-report"))
    [line] = response.context["by_course"]
    assert (line.assigned, line.completed, line.overdue) == (3, 1, 2)


def test_a_manager_assigns_a_course_to_someone_in_the_team(sign_in, team):
    from core.learning.models import Assignment

    course = make_course("Negotiation basics", quiz=[], lessons=1)
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    client = sign_in(team["head"])
    response = client.post(
        reverse("employee:learning-assign"),
        {"person": team["agent"].pk, "course": course.pk, "due_on": due},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get(course=course)
    assert (assignment.person, assignment.reason) == (team["agent"], "manual")


def test_a_manager_cannot_assign_outside_the_team_or_in_the_past(sign_in, team):
    from core.learning.models import Assignment

    course = make_course("Negotiation basics", quiz=[], lessons=1)
    client = sign_in(team["head"])
    outsider = client.post(
        reverse("employee:learning-assign"),
        {
            "person": team["outsider"].pk,
            "course": course.pk,
            "due_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
    )
    past = client.post(
        reverse("employee:learning-assign"),
        {"person": team["agent"].pk, "course": course.pk, "due_on": "2020-01-01"},
    )
    assert outsider.status_code == past.status_code == 400
    assert "Choose a day after today." in past.content.decode()
    assert not Assignment.objects.filter(course=course).exists()


def test_managers_find_the_report_from_their_learning_page(sign_in, team):
    link = reverse("employee:learning-report")
    assert (
        link in sign_in(team["head"]).get(reverse("employee:learning-dashboard")).content.decode()
    )
    html = sign_in(team["outsider"]).get(reverse("employee:learning-dashboard")).content.decode()
    assert link not in html


def test_a_large_team_is_assigned_by_e_mail_and_courses_page_in_the_database(
    sign_in, team, monkeypatch
):
    from core.learning.models import Assignment
    from employee_portal import learning_report_views

    monkeypatch.setattr(learning_report_views, "PEOPLE_LISTED", 1)
    monkeypatch.setattr(learning_report_views, "COURSES_PER_PAGE", 1)
    extra = make_course("Negotiation basics", quiz=[], lessons=1)
    services.assignment_create(
        person=team["agent"], course=extra, due_at=timezone.now() + timedelta(days=9)
    )
    client = sign_in(team["head"])
    first = client.get(reverse("employee:learning-report"))
    assert [line.title for line in first.context["by_course"]] == ["Escalations"]
    assert {line.title for line in first.context["by_team"]} == {"Escalations"}
    html = first.content.decode()
    assert "?courses=2" in html
    assert '<input type="email" name="person"' in html
    second = client.get(reverse("employee:learning-report"), {"courses": 2, "page": 1})
    assert [line.title for line in second.context["by_course"]] == ["Negotiation basics"]
    course = make_course("Safety walk", quiz=[], lessons=1)
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    stranger = client.post(
        reverse("employee:learning-assign"),
        {"person": team["outsider"].email, "course": course.pk, "due_on": due},
    )
    assert stranger.status_code == 400
    assert "No one you look after has this address." in stranger.content.decode()
    done = client.post(
        reverse("employee:learning-assign"),
        {"person": team["agent"].email.upper(), "course": course.pk, "due_on": due},
    )
    assert done.status_code == 302
    assert Assignment.objects.get(course=course).person == team["agent"]
