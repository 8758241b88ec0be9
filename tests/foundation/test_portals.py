"""Landing after sign-in, the portal switcher, the no-access page and access requests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.access.roles import Role
from core.cms.models import ContentPage, PortalPage
from core.people.models import AccessRequest
from core.people.services import role_grant
from tests.factories import OrganisationFactory, PersonFactory, give_totp, person_with

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "home"),
    [
        (Role.CUSTOMER, "customer:dashboard"),
        (Role.PARTNER, "partner:dashboard"),
        (Role.EMPLOYEE, "employee:dashboard"),
        (Role.INVESTOR, "investor:dashboard"),
    ],
)
def test_a_person_with_one_role_lands_in_that_portal(sign_in, role, home):
    client = sign_in(person_with(role))
    response = client.get(reverse("portal-landing"))
    assert response.url == reverse(home)
    assert client.get(response.url).status_code == 200


def test_a_person_with_several_roles_picks_a_portal(sign_in):
    client = sign_in(person_with(Role.CUSTOMER, Role.PARTNER, Role.INVESTOR))
    response = client.get(reverse("portal-landing"))
    assert response.url == reverse("access:portal-picker")
    page = client.get(response.url).content.decode()
    for name in ("customer:dashboard", "partner:dashboard", "investor:dashboard"):
        assert f'href="{reverse(name)}"' in page
    assert "Employee portal" in page  # offered under "Other portals", with how to get access


def test_the_header_switcher_lists_exactly_the_portals_held_and_marks_the_current_one(sign_in):
    client = sign_in(person_with(Role.CUSTOMER, Role.INVESTOR))
    response = client.get(reverse("investor:dashboard"))
    assert [p.namespace for p in response.context["available_portals"]] == ["customer", "investor"]
    assert response.context["current_portal"].namespace == "investor"
    html = response.content.decode()
    assert f'href="{reverse("customer:dashboard")}"' in html
    current_link = 'class="portal-link portal-link-investor" aria-current="page"'
    assert f'href="{reverse("investor:dashboard")}" {current_link}' in html
    assert f'href="{reverse("partner:dashboard")}"' not in html


def test_the_switcher_is_on_every_page_not_only_dashboards(sign_in):
    client = sign_in(person_with(Role.CUSTOMER, Role.PARTNER))
    html = client.get(reverse("people:profile")).content.decode()
    assert f'href="{reverse("partner:dashboard")}"' in html
    assert f'href="{reverse("customer:dashboard")}"' in html


@pytest.mark.parametrize(
    "portal",
    ["customer:dashboard", "partner:dashboard", "employee:dashboard", "investor:dashboard"],
)
def test_a_person_without_the_role_gets_a_clear_page_with_a_way_to_ask(sign_in, portal):
    client = sign_in(PersonFactory())
    response = client.get(reverse(portal))
    assert response.status_code == 403
    html = response.content.decode()
    assert "have access to the" in html
    assert reverse("access:request-access") in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_asking_for_access_records_one_pending_request(sign_in):
    person = PersonFactory()
    client = sign_in(person)
    data = {"role": Role.PARTNER, "organisation_name": "Komodo Digital", "message": "We resell."}
    response = client.post(reverse("access:request-access"), data)
    assert response.status_code == 302
    client.post(reverse("access:request-access"), data)  # asking twice adds nothing

    request = AccessRequest.objects.get(person=person)
    assert (request.role, request.status) == (Role.PARTNER, AccessRequest.Status.PENDING)
    # The no-access page now says the request is being reviewed instead of offering the form.
    html = client.get(reverse("partner:dashboard")).content.decode()
    assert "We will e-mail you" in html


def test_an_access_request_without_organisation_keeps_the_message_and_says_why(sign_in):
    client = sign_in(PersonFactory())
    response = client.post(
        reverse("access:request-access"),
        {"role": Role.CUSTOMER, "organisation_name": "", "message": "Please add me"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required" in html
    assert "Please add me" in html
    assert not AccessRequest.objects.exists()


def test_staff_grant_an_access_request_in_the_admin_and_the_person_gets_the_portal(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    requester = PersonFactory()
    pending = AccessRequest.objects.create(
        person=requester, role=Role.CUSTOMER, organisation_name="Acme"
    )
    acme = OrganisationFactory(name="Acme")
    admin = PersonFactory(is_staff=True, is_superuser=True)
    give_totp(admin)
    client.force_login(admin)
    url = reverse("admin:people_accessrequest_change", args=[pending.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "grant", "grant_at": acme.pk, "decision_note": ""})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.GRANTED
    assert requester.role_assignments.get().organisation == acme
    assert "ready" in mailoutbox[0].subject


def test_declining_needs_a_reason(client):
    pending = AccessRequest.objects.create(
        person=PersonFactory(), role=Role.PARTNER, organisation_name="X"
    )
    admin = PersonFactory(is_staff=True, is_superuser=True)
    give_totp(admin)
    client.force_login(admin)
    url = reverse("admin:people_accessrequest_change", args=[pending.pk])
    response = client.post(url, {"decision": "decline", "decision_note": ""})
    assert response.status_code == 200
    assert "Tell the requester why" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.PENDING


def test_profile_changes_language_and_the_site_follows(sign_in):
    person = person_with(Role.CUSTOMER)
    client = sign_in(person)
    response = client.post(
        reverse("people:profile"),
        {
            "full_name": "Siti Rahayu",
            "preferred_name": "",
            "language": "id",
            "time_zone": "Asia/Jakarta",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.language == "id"
    assert client.get(reverse("customer:dashboard")).context["LANGUAGE_CODE"] == "id"


def test_the_language_switch_remembers_the_choice_in_the_profile(sign_in):
    person = person_with(Role.CUSTOMER)
    client = sign_in(person)
    response = client.post(reverse("set_language"), {"language": "id", "next": "/customer/"})
    assert response.url == "/customer/"
    person.refresh_from_db()
    assert person.language == "id"
    assert client.get("/customer/").context["LANGUAGE_CODE"] == "id"


def test_profile_rejects_an_unknown_time_zone_and_keeps_the_input(sign_in):
    client = sign_in(person_with(Role.CUSTOMER))
    response = client.post(
        reverse("people:profile"),
        {"full_name": "Siti Rahayu", "language": "en", "time_zone": "Mars/Olympus"},
    )
    assert response.status_code == 200
    assert "Mars/Olympus is not a known time zone" in response.content.decode()


@pytest.mark.parametrize("portal", [Role.CUSTOMER, Role.PARTNER])
def test_dashboard_queries_do_not_grow_with_memberships_or_pages(sign_in, portal):
    person = person_with(portal)
    client = sign_in(person)
    url = reverse(f"{portal}:dashboard")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    root = PortalPage.objects.get(portal=portal)
    root.add_child(instance=ContentPage(title="First page", body=[]))
    root.refresh_from_db()
    count()  # the first view fills Wagtail's cache of site root paths
    before = count()
    kind = person.role_assignments.get().organisation.kind
    for n in range(5):
        role_grant(person=person, role=portal, organisation=OrganisationFactory(kind=kind))
        root.add_child(instance=ContentPage(title=f"Page {n}", body=[]))
        root.refresh_from_db()
    count()  # the pages changed, so this view reads them again (core.cms.selectors.PAGES)
    assert count() == before
    assert before <= 12


def test_a_dashboard_lists_live_unrestricted_portal_pages_with_their_summaries():
    from wagtail.models import PageViewRestriction

    from core.cms.selectors import portal_dashboard_context

    root = PortalPage.objects.get(portal=Role.CUSTOMER)
    root.add_child(instance=ContentPage(title="Returns", summary="How returns work.", body=[]))
    root.add_child(instance=ContentPage(title="Draft", body=[], live=False))
    private = root.add_child(instance=ContentPage(title="Private", body=[]))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    root.refresh_from_db()
    pages = portal_dashboard_context(person_with(Role.CUSTOMER), Role.CUSTOMER)["portal_pages"]
    assert [(p.title, p.summary) for p in pages] == [("Returns", "How returns work.")]
    assert pages[0].url.endswith("/returns/")
