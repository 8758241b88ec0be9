"""The manager's training report: completion by team and course, the overdue list, a CSV.

Everything is aggregated in the database over the people the viewer looks after, so the
page costs the same few queries for a team of five or a company of five thousand."""

import csv
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.charts import BarChart, bar_chart
from core.staff.models import EmployeeProfile

from .models import Assignment


@dataclass
class CourseLine:
    course_id: int
    title: str
    team: str
    assigned: int
    completed: int
    overdue: int

    @property
    def rate(self) -> int:
        return self.completed * 100 // self.assigned if self.assigned else 0


def _scope(people):
    return Assignment.objects.filter(person__in=people, course__live=True)


def completion_by_course(people, *, now=None):
    """One row per course (dicts, lazy: paginate it in the database)."""
    now = now or timezone.now()
    return (
        _scope(people)
        .values("course_id", title=F("course__title"))
        .annotate(**_counts(now))
        .order_by("title", "course_id")
    )


def course_lines(rows) -> list[CourseLine]:
    return [CourseLine(team="", **row) for row in rows]


def completion_by_team_and_course(people, courses: list[CourseLine], *, now=None):
    """The figures of `courses` (lines of completion_by_course) split by department: the
    departments in the database's order of their names, the people without one last, and
    within each the courses in the order of `courses`. Their titles come from those lines, so
    the query leaves out the course pages: two tables fewer for PostgreSQL to plan."""
    now = now or timezone.now()
    position = {line.course_id: index for index, line in enumerate(courses)}
    rows = (
        Assignment.objects.filter(person__in=people, course_id__in=position)
        .values("course_id", team=F("person__employee_profile__department__name"))
        .annotate(**_counts(now))
        .order_by(F("team").asc(nulls_last=True))
    )
    teams: dict[str | None, int] = {}  # each department's place, as the database sorted them
    lines = []
    for row in rows:
        team = row["team"]
        teams.setdefault(team, len(teams))
        line = CourseLine(**{**row, "title": courses[position[row["course_id"]]].title})
        line.team = team or _("No department")
        lines.append((teams[team], position[row["course_id"]], line))
    return [line for _team, _course, line in sorted(lines, key=lambda item: item[:2])]


def _counts(now) -> dict:
    return {
        "assigned": Count("pk"),
        "completed": Count("pk", filter=Q(completed_at__isnull=False)),
        "overdue": Count("pk", filter=Q(completed_at__isnull=True, due_at__lte=now)),
    }


def overdue(people, *, now=None):
    """The team's overdue assignments, earliest first (dicts, lazy: paginate it in the
    database), each with the person's name and the course's title. `with_teams` adds the
    departments of a page of them."""
    now = now or timezone.now()
    return (
        _scope(people)
        .filter(completed_at__isnull=True, due_at__lte=now)
        .values("due_at", "person_id", name=F("person__full_name"), title=F("course__title"))
        .order_by("due_at", "name", "pk")
    )


def with_teams(rows: list[dict]) -> list[dict]:
    """`rows` of `overdue`, each with its person's department's name (or None). A query of
    its own: joined into the list, PostgreSQL took ~2 ms to plan the six tables."""
    teams = dict(
        EmployeeProfile.objects.filter(
            person_id__in={row["person_id"] for row in rows}
        ).values_list("person_id", "department__name")
    )
    return [{**row, "team": teams.get(row["person_id"])} for row in rows]


def chart(lines: list[CourseLine]) -> BarChart:
    """The completion rate of each course on the page, out of 100%."""
    return bar_chart(
        [(Truncator(line.title).chars(40), line.rate, f"{line.rate}%") for line in lines],
        dom_id="chart-svg",
        title=_("Completion rate per course"),
        description=_("The same figures are in the table below."),
        top=100,
        width=720,
        label_width=290,
        bar=22,
        gap=12,
        tick_percents=(0, 50, 100),
    )


class Echo:
    def write(self, value):
        return value


def csv_rows(people, *, now=None):
    """Every assignment of the team, streamed row by row (constant memory)."""
    now = now or timezone.now()
    writer = csv.writer(Echo())
    yield writer.writerow(
        [
            _("Person"),
            _("E-mail"),
            _("Department"),
            _("Course"),
            _("Reason"),
            _("Assigned"),
            _("Due"),
            _("Completed"),
            _("Status"),
        ]
    )
    assignments = (
        _scope(people)
        .select_related("person__employee_profile__department", "course")
        .order_by("person__full_name", "course__title", "pk")
    )
    for a in assignments.iterator(chunk_size=500):
        profile = getattr(a.person, "employee_profile", None)
        department = profile.department.name if profile and profile.department else ""
        if a.completed_at:
            status = _("Completed")
        elif a.due_at <= now:
            status = _("Overdue")
        else:
            status = _("Open")
        yield writer.writerow(
            [
                _safe(a.person.full_name),
                a.person.email,
                _safe(department),
                _safe(a.course.title),
                a.get_reason_display(),
                a.assigned_at.date().isoformat(),
                a.due_at.date().isoformat(),
                a.completed_at.date().isoformat() if a.completed_at else "",
                status,
            ]
        )


def _safe(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: defuse them."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
