import pytest
from django.urls import reverse

from core.access import navigation
from core.access.roles import PORTALS, Duty, Role
from core.scheduling.defaults import default_periodic_tasks
from tests.factories import person_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_link(monkeypatch):
    item = navigation.NavItem(Role.EMPLOYEE, "people:profile", "Queue", order=5, duty=Duty.AGENT)
    monkeypatch.setattr(navigation, "_ITEMS", [*navigation._ITEMS, item])
    return item


def test_staff_links_show_only_to_people_with_the_duty(staff_link):
    portal = PORTALS[Role.EMPLOYEE]
    assert staff_link in navigation.items_for(
        person_with(Role.EMPLOYEE, duties=(Duty.AGENT,)), portal
    )
    assert staff_link not in navigation.items_for(person_with(Role.EMPLOYEE), portal)


def test_the_portal_bar_shows_the_registered_links(sign_in, staff_link):
    client = sign_in(person_with(Role.EMPLOYEE, duties=(Duty.AGENT,)))
    html = client.get(reverse("employee:dashboard")).content.decode()
    assert f'<a href="{reverse("people:profile")}">Queue</a>' in html


def test_apps_declare_their_periodic_jobs_in_schedules_modules():
    from django_celery_beat.models import PeriodicTask

    jobs = default_periodic_tasks()
    assert jobs["Resend stalled e-mails"][1] == 60
    assert set(PeriodicTask.objects.values_list("name", flat=True)) >= set(jobs)
