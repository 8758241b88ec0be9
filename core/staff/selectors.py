from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q, Subquery

from core.access.roles import Role
from core.access.staff import current_employees_q, department_id_of, news_visible_to
from core.cms.selectors import PAGES
from core.people.models import Person, RoleAssignment

from .models import EmployeeProfile, NewsPage


def news_for(person, *, parent=None, limit: int | None = None):
    """Live news the person may read, newest first."""
    news = NewsPage.objects.live().filter(news_visible_to(person)).order_by("-date", "-pk")
    if parent is not None:
        news = news.child_of(parent)
    return news[:limit] if limit else news


@dataclass(frozen=True)
class NewsItem:
    title: str
    url: str
    date: date
    summary: str


def latest_news(person, *, limit: int) -> list[NewsItem]:
    """The dashboard's newest news for the person, kept with the portals' pages (news are
    pages: any change to one replaces that generation) for everyone of the person's
    department, which alone decides who reads which news."""
    department = department_id_of(person) if person.is_authenticated else None
    return PAGES.kept(
        f"news:{department}:{limit}",
        lambda: [
            NewsItem(title=page.title, url=page.url, date=page.date, summary=page.summary)
            for page in news_for(person, limit=limit)
        ],
    )


def _job_title():
    return Subquery(
        RoleAssignment.objects.current()
        .filter(person=OuterRef("pk"), role=Role.EMPLOYEE)
        .order_by("-since")
        .values("title")[:1]
    )


def employees():
    """Current employees with what the directory shows, in one query."""
    return (
        Person.objects.filter(current_employees_q(), is_active=True)
        .select_related("employee_profile__department", "employee_profile__manager")
        .annotate(job_title=_job_title())
    )


def directory_search(*, q: str = "", department: str = "", location: str = ""):
    people = employees()
    for term in q.split()[:8]:
        people = people.filter(
            Q(full_name__icontains=term)
            | Q(preferred_name__icontains=term)
            | Q(email__icontains=term)
            | Q(employee_profile__skills__icontains=term)
            | Q(employee_profile__location__icontains=term)
            | Q(employee_profile__department__name__icontains=term)
            | Q(
                Exists(
                    RoleAssignment.objects.current().filter(
                        person=OuterRef("pk"), role=Role.EMPLOYEE, title__icontains=term
                    )
                )
            )
        )
    if department:
        people = people.filter(employee_profile__department__slug=department)
    if location:
        people = people.filter(employee_profile__location__iexact=location)
    # Only what a directory card shows: a person's row holds their password hash and
    # settings, and each card would otherwise build their manager too.
    return (
        people.select_related(None)
        .select_related("employee_profile__department")
        .only(
            "full_name",
            "employee_profile__location",
            "employee_profile__skills",
            "employee_profile__department__name",
        )
        .order_by("full_name", "pk")
    )


def locations() -> list[str]:
    return list(
        EmployeeProfile.objects.exclude(location="")
        .order_by("location")
        .values_list("location", flat=True)
        .distinct()
    )


def direct_reports(person):
    return employees().filter(employee_profile__manager=person).order_by("full_name")
