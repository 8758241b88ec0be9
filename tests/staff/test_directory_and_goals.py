"""The employee directory, profiles, goals and company news."""

import pytest
from django.urls import reverse

from core.access.roles import Role
from core.cms.models import PortalPage
from core.notifications.models import OutboundEmail
from core.staff.models import EmployeeProfile, Goal, NewsIndexPage, NewsPage
from core.staff.services import goal_create
from tests.factories import person_with
from tests.learning.factories import department, profile
from tests.queries import queries_to_get

pytestmark = pytest.mark.django_db


def _names(response) -> list[str]:
    return [p.full_name for p in response.context["page_obj"].object_list]


@pytest.fixture
def staff():
    finance, support = department("Finance"), department("Customer Support")
    joko = person_with(Role.EMPLOYEE, full_name="Joko Susilo")
    rina = person_with(Role.EMPLOYEE, full_name="Rina Kusuma")
    grace = person_with(Role.EMPLOYEE, full_name="Grace Lim")
    profile(grace, department=finance, location="Singapore", skills="Budgeting, IFRS")
    profile(joko, department=finance, manager=grace, location="Jakarta", skills="Excel, Tax")
    profile(rina, department=support, location="Jakarta", skills="WMS, Escalations")
    person_with(Role.CUSTOMER, full_name="Siti Customer")
    return {"joko": joko, "rina": rina, "grace": grace, "finance": finance}


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"q": "rina"}, ["Rina Kusuma"]),
        ({"q": "excel"}, ["Joko Susilo"]),
        ({"q": "customer support"}, ["Rina Kusuma"]),
        ({"department": "finance"}, ["Grace Lim", "Joko Susilo"]),
        ({"location": "Jakarta"}, ["Joko Susilo", "Rina Kusuma"]),
        ({"q": "siti"}, []),
    ],
)
def test_the_directory_finds_employees_by_name_skill_department_and_location(
    sign_in, staff, query, expected
):
    response = sign_in(staff["rina"]).get(reverse("employee:directory"), query)
    assert _names(response) == expected


def test_the_directory_is_paginated_and_its_queries_do_not_grow(sign_in, staff):
    client = sign_in(staff["rina"])

    def count():
        return queries_to_get(client, reverse("employee:directory"))

    count()
    before = count()
    for n in range(30):
        person = person_with(Role.EMPLOYEE, full_name=f"Colleague {n:02}", mfa=False)
        profile(person, department=staff["finance"], manager=staff["grace"], skills="A, B")
    assert count() == before
    response = client.get(reverse("employee:directory"))
    assert response.context["page_obj"].paginator.num_pages == 2


def test_an_employee_edits_their_own_profile_and_skills_are_tidied(sign_in, staff):
    client = sign_in(staff["joko"])
    response = client.post(
        reverse("employee:directory-edit"),
        {"location": "Bandung", "phone": "+62 22 1", "skills": "Tax,  tax , Excel,,", "about": ""},
    )
    assert response.status_code == 302
    saved = EmployeeProfile.objects.get(person=staff["joko"])
    assert (saved.location, saved.skills) == ("Bandung", "Tax, Excel")
    assert saved.department == staff["finance"]  # not a self-service field


def test_a_profile_shows_manager_and_team(sign_in, staff):
    html = (
        sign_in(staff["rina"])
        .get(reverse("employee:directory-person", args=[staff["grace"].pk]))
        .content.decode()
    )
    assert "Joko Susilo" in html and "Singapore" in html


def test_non_staff_can_never_reach_the_directory_or_customer_360(sign_in, staff):
    partner_and_customer = person_with(Role.CUSTOMER)
    client = sign_in(partner_and_customer)
    for url in (
        reverse("employee:directory"),
        reverse("employee:directory-person", args=[staff["joko"].pk]),
        reverse("employee:customer360"),
        reverse("employee:customer360-person", args=[staff["joko"].pk]),
        reverse("employee:inbox"),
        reverse("employee:goals"),
    ):
        assert client.get(url).status_code == 404, url


def test_goals_are_seen_by_their_owner_and_manager_only(sign_in, staff):
    goal = goal_create(owner=staff["joko"], title="Automate reconciliation")
    url = reverse("employee:goal", args=[goal.pk])
    assert sign_in(staff["grace"]).get(url).status_code == 200
    assert sign_in(staff["rina"]).get(url).status_code == 404
    team = sign_in(staff["grace"]).get(reverse("employee:goals")).context["team"]
    assert [g.title for g in team] == ["Automate reconciliation"]


def test_the_owner_updates_progress_and_the_manager_may_not(sign_in, staff):
    goal = goal_create(owner=staff["joko"], title="Pass the tax exam")
    url = reverse("employee:goal", args=[goal.pk])
    assert sign_in(staff["joko"]).post(url, {"progress": 40, "status": "active"}).status_code == 302
    goal.refresh_from_db()
    assert goal.progress == 40
    assert (
        sign_in(staff["grace"]).post(url, {"progress": 90, "status": "active"}).status_code == 403
    )


def test_progress_over_100_is_refused_with_a_message(sign_in, staff):
    goal = goal_create(owner=staff["joko"], title="Pass the tax exam")
    response = sign_in(staff["joko"]).post(
        reverse("employee:goal", args=[goal.pk]), {"progress": 140, "status": "active"}
    )
    assert response.status_code == 400
    assert "less than or equal to 100" in response.content.decode()


def test_a_managers_comment_reaches_the_owner_by_email(sign_in, staff):
    goal = goal_create(owner=staff["joko"], title="Close Q4 in five days")
    sign_in(staff["grace"]).post(
        reverse("employee:goal-comment", args=[goal.pk]), {"body": "Great start."}
    )
    assert goal.comments.get().body == "Great start."
    assert OutboundEmail.objects.filter(to=staff["joko"].email).exists()


def test_achieving_a_goal_sets_progress_to_100(sign_in, staff):
    goal = goal_create(owner=staff["joko"], title="Ship it")
    sign_in(staff["joko"]).post(
        reverse("employee:goal", args=[goal.pk]), {"progress": 70, "status": "achieved"}
    )
    assert Goal.objects.get(pk=goal.pk).progress == 100


def _news(index, title, departments=()):
    page = index.add_child(instance=NewsPage(title=title, summary=title, body=[]))
    page.departments.set(departments)
    page.save_revision().publish()
    index.refresh_from_db()
    return page


def test_news_for_a_department_reaches_only_that_department(client, sign_in, staff):
    root = PortalPage.objects.get(portal=Role.EMPLOYEE)
    index = root.add_child(instance=NewsIndexPage(title="News", slug="news"))
    everyone = _news(index, "Town hall")
    finance_only = _news(index, "Closing calendar", [staff["finance"]])
    joko = sign_in(staff["joko"])
    titles = [n.title for n in joko.get(reverse("employee:dashboard")).context["news"]]
    assert titles == ["Closing calendar", "Town hall"]
    assert joko.get(finance_only.url).status_code == 200
    client.logout()
    rina = sign_in(staff["rina"])
    assert [n.title for n in rina.get(reverse("employee:dashboard")).context["news"]] == [
        "Town hall"
    ]
    assert rina.get(finance_only.url).status_code == 404
    assert rina.get(everyone.url).status_code == 200
    assert "Closing calendar" not in rina.get(index.url).content.decode()


def test_a_news_index_can_live_only_under_the_employee_portal():
    assert NewsIndexPage.can_create_at(PortalPage.objects.get(portal=Role.EMPLOYEE))
    assert not NewsIndexPage.can_create_at(PortalPage.objects.get(portal=Role.CUSTOMER))


def test_the_dashboard_s_news_kept_in_the_cache_follow_publishing_and_departments(
    sign_in, staff, django_capture_on_commit_callbacks
):
    root = PortalPage.objects.get(portal=Role.EMPLOYEE)
    index = root.add_child(instance=NewsIndexPage(title="News", slug="news"))
    _news(index, "Town hall")
    joko = sign_in(staff["joko"])

    def dashboard_news():
        return [n.title for n in joko.get(reverse("employee:dashboard")).context["news"]]

    assert dashboard_news() == ["Town hall"]
    with django_capture_on_commit_callbacks(execute=True):
        finance_only = _news(index, "Closing calendar", [staff["finance"]])
    assert dashboard_news() == ["Closing calendar", "Town hall"]
    with django_capture_on_commit_callbacks(execute=True):
        finance_only.unpublish()
    assert dashboard_news() == ["Town hall"]
    # Rina's department shares no cached answer with Joko's.
    with django_capture_on_commit_callbacks(execute=True):
        finance_only.save_revision().publish()
    assert dashboard_news() == ["Closing calendar", "Town hall"]
    rina = sign_in(staff["rina"])
    assert [n.title for n in rina.get(reverse("employee:dashboard")).context["news"]] == [
        "Town hall"
    ]
