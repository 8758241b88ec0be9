"""The approvals inbox and customer 360: registries that every area plugs into."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from core import approvals, customer360
from core.access.policies import forget_cached_access
from core.access.roles import Duty, Role
from core.cms.models import ContentPage, PortalPage
from core.learning import services
from core.learning.models import Enrolment
from core.people.models import AccessRequest, RoleAssignment
from core.people.services import access_request_create, role_end, role_grant
from tests.factories import OrganisationFactory, person_with
from tests.learning.factories import make_course, profile, wrong_answers

pytestmark = pytest.mark.django_db


def _out_of_attempts(learner, course):
    enrolment = services.enrolment_start(person=learner, course=course)
    services.quiz_submit(enrolment=enrolment, raw_answers=wrong_answers(course))
    services.retake_request(enrolment=enrolment, reason="Interrupted")
    return enrolment


def _decide(client, provider, item, decision, reason=""):
    return client.post(
        reverse("employee:inbox-decide"),
        {"provider": provider, "item": item, "decision": decision, "reason": reason},
        follow=True,
    )


def test_a_manager_grants_a_reports_extra_quiz_attempt_from_the_inbox(sign_in):
    manager, learner = person_with(Role.EMPLOYEE), person_with(Role.EMPLOYEE)
    profile(learner, manager=manager)
    enrolment = _out_of_attempts(learner, make_course(max_attempts=1))
    client = sign_in(manager)
    items = client.get(reverse("employee:inbox")).context["inbox"].items
    assert [(i.provider, i.item_id) for i in items] == [("learning-retake", str(enrolment.pk))]
    response = _decide(client, "learning-retake", enrolment.pk, "approve")
    assert "may try the quiz once more" in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.extra_attempts == 1 and enrolment.retake_requested_at is None


def test_another_employee_can_neither_see_nor_decide_the_request(sign_in):
    manager, learner, other = (person_with(Role.EMPLOYEE) for _ in range(3))
    profile(learner, manager=manager)
    enrolment = _out_of_attempts(learner, make_course(max_attempts=1))
    client = sign_in(other)
    assert client.get(reverse("employee:inbox")).context["inbox"].items == []
    response = client.post(
        reverse("employee:inbox-decide"),
        {"provider": "learning-retake", "item": enrolment.pk, "decision": "approve"},
    )
    assert response.status_code == 404
    assert Enrolment.objects.get(pk=enrolment.pk).extra_attempts == 0


def test_rejecting_needs_a_reason(sign_in):
    manager, learner = person_with(Role.EMPLOYEE), person_with(Role.EMPLOYEE)
    profile(learner, manager=manager)
    enrolment = _out_of_attempts(learner, make_course(max_attempts=1))
    response = _decide(sign_in(manager), "learning-retake", enrolment.pk, "reject")
    assert "Please give a reason" in response.content.decode()
    assert Enrolment.objects.get(pk=enrolment.pk).retake_requested_at is not None


def test_channel_managers_decide_partners_requests(sign_in):
    channel = person_with(Role.EMPLOYEE, duties=(Duty.CHANNEL_MANAGER,))
    partner = person_with(Role.PARTNER)
    enrolment = _out_of_attempts(
        partner, make_course(employees=False, partners=True, max_attempts=1)
    )
    response = _decide(sign_in(channel), "learning-retake", enrolment.pk, "reject", "Study first")
    assert "Request declined" in response.content.decode()


def test_an_administrator_grants_portal_access_from_the_inbox(sign_in):
    admin = person_with(Role.EMPLOYEE, is_superuser=True)
    firm = OrganisationFactory(kind="partner", name="Kalimantan Digital")
    asker = person_with(email="sari@kalimantan.example")
    access = access_request_create(
        person=asker, role=Role.PARTNER, organisation_name="Kalimantan Digital"
    )
    response = _decide(sign_in(admin), "access-requests", access.pk, "approve")
    assert "now has the Partner" in response.content.decode()
    assert RoleAssignment.objects.filter(person=asker, organisation=firm).exists()


def test_an_access_request_naming_no_known_organisation_must_be_granted_in_the_admin(sign_in):
    admin = person_with(Role.EMPLOYEE, is_superuser=True)
    access = access_request_create(
        person=person_with(), role=Role.CUSTOMER, organisation_name="Nobody We Know"
    )
    response = _decide(sign_in(admin), "access-requests", access.pk, "approve")
    assert "Grant it in the admin" in response.content.decode()
    assert AccessRequest.objects.get(pk=access.pk).status == "pending"


def _review_workflow_on_customer_pages() -> PortalPage:
    """A one-step review by the content editors on the customer portal's pages: its root."""
    editors = Group.objects.get(name=Duty.CONTENT_EDITOR.value)
    task = GroupApprovalTask.objects.create(name="Knowledge review")
    task.groups.set([editors])
    workflow = Workflow.objects.create(name="Review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    root = PortalPage.objects.get(portal=Role.CUSTOMER)
    WorkflowPage.objects.create(workflow=workflow, page=root)
    return root


def _page_sent_for_review(root, title, author) -> ContentPage:
    page = root.add_child(instance=ContentPage(title=title, body=[], live=False))
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    return page


def test_page_reviews_waiting_in_wagtail_can_be_approved_from_the_inbox(sign_in):
    reviewer = person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))
    author = person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))
    page = _page_sent_for_review(
        _review_workflow_on_customer_pages(), "Resetting a scanner", author
    )
    client = sign_in(reviewer)
    items = client.get(reverse("employee:inbox")).context["inbox"].items
    item = next(i for i in items if i.provider == "wagtail-moderation")
    assert item.title == "Resetting a scanner"
    _decide(client, "wagtail-moderation", item.item_id, "approve")
    page.refresh_from_db()
    assert page.live


def test_page_reviews_follow_a_change_of_access_on_the_same_person_object():
    reviewer = person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))
    author = person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))
    _page_sent_for_review(_review_workflow_on_customer_pages(), "Resetting a scanner", author)
    moderation = approvals.provider("wagtail-moderation")
    assert moderation.count(reviewer) == 1
    role_end(assignment=RoleAssignment.objects.get(person=reviewer, role=Role.EMPLOYEE))
    forget_cached_access(reviewer)
    assert moderation.count(reviewer) == 0


def test_the_inbox_costs_the_same_queries_with_more_page_reviews_waiting(sign_in):
    reviewer = person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))
    author = person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,))
    root = _review_workflow_on_customer_pages()
    _page_sent_for_review(root, "Resetting a scanner", author)
    client = sign_in(reviewer)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("employee:inbox"))
        titles = [i.title for i in response.context["inbox"].items]
        return len(queries), titles

    count()
    before, titles = count()
    assert titles == ["Resetting a scanner"]
    for title in ("Pairing a printer", "Returning a device", "Replacing a battery"):
        _page_sent_for_review(root, title, author)
    after, titles = count()
    assert after == before
    assert titles[0] == "Replacing a battery" and len(titles) == 4


def test_the_inbox_costs_the_same_queries_with_more_waiting(sign_in):
    manager = person_with(Role.EMPLOYEE)
    client = sign_in(manager)
    course = make_course(max_attempts=1)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("employee:inbox")).status_code == 200
        return len(queries)

    learner = person_with(Role.EMPLOYEE)
    profile(learner, manager=manager)
    _out_of_attempts(learner, course)
    count()
    before = count()
    for _ in range(5):
        learner = person_with(Role.EMPLOYEE)
        profile(learner, manager=manager)
        _out_of_attempts(learner, course)
    assert count() == before


def test_the_registries_hold_the_providers_of_the_areas_on_this_branch():
    assert {p.key for p in approvals.providers()} >= {
        "access-requests",
        "wagtail-moderation",
        "learning-retake",
    }
    registered = customer360.registered()
    assert "person:roles" in registered["sections"]
    assert "organisation:people" in registered["sections"]
    assert "person:certificates" in registered["sections"]
    assert {"person:tickets", "organisation:tickets"} <= set(registered["sections"])
    assert {"person:audit", "person:learning", "person:roles", "organisation:audit"} <= set(
        registered["timelines"]
    )


def test_customer_360_shows_every_role_and_the_courses_of_a_person(sign_in):
    agent = person_with(Role.EMPLOYEE)
    dewi = person_with(Role.CUSTOMER, full_name="Dewi Lestari")
    role_grant(person=dewi, role=Role.PARTNER, organisation=OrganisationFactory(kind="partner"))
    course = make_course("Partner sales", employees=False, partners=True, quiz=[], lessons=1)
    enrolment = services.enrolment_start(person=dewi, course=course)
    services.lesson_complete(enrolment=enrolment, lesson=course.lessons().get())
    response = sign_in(agent).get(reverse("employee:customer360-person", args=[dewi.pk]))
    sections = {s.key: s for s in response.context["sections"]}
    assert sections["roles"].total == 2
    assert sections["certificates"].rows[0].title == "Partner sales"
    titles = [e.title for e in response.context["timeline"]]
    assert "Completed Partner sales" in titles
    assert any(
        t.endswith(
            "became partner at " + str(dewi.role_assignments.get(role="partner").organisation)
        )
        for t in titles
    )


def test_customer_360_search_finds_people_and_organisations(sign_in):
    person_with(Role.CUSTOMER, full_name="Oliver Nguyen")
    OrganisationFactory(name="Acme Logistics")
    response = sign_in(person_with(Role.EMPLOYEE)).get(
        reverse("employee:customer360"), {"q": "acme"}
    )
    assert [o.name for o in response.context["organisations"][0]] == ["Acme Logistics"]
    response = sign_in(person_with(Role.EMPLOYEE)).get(
        reverse("employee:customer360"), {"q": "oliver"}
    )
    assert [p.full_name for p in response.context["people"][0]] == ["Oliver Nguyen"]


@pytest.mark.parametrize("kind", ["person", "organisation"])
def test_customer_360_costs_the_same_queries_however_long_the_history(sign_in, kind):
    firm = OrganisationFactory(kind="partner")
    dewi = person_with(Role.PARTNER, organisation=firm)
    client = sign_in(person_with(Role.EMPLOYEE))
    url = (
        reverse("employee:customer360-person", args=[dewi.pk])
        if kind == "person"
        else reverse("employee:customer360-organisation", args=[firm.pk])
    )

    def grow(n):
        for i in range(n):
            course = make_course(
                f"Course {kind} {n} {i}", employees=False, partners=True, quiz=[], lessons=1
            )
            enrolment = services.enrolment_start(person=dewi, course=course)
            services.lesson_complete(enrolment=enrolment, lesson=course.lessons().get())
            person_with(Role.PARTNER, organisation=firm)
            access_request_create(person=dewi, role=Role.INVESTOR, organisation_name=f"X{i}")
            AccessRequest.objects.filter(person=dewi).update(status="declined")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    grow(1)
    count()
    before = count()
    grow(12)
    assert count() == before
