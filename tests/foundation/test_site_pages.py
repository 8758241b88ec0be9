import pytest
from wagtail.models import Page, Site

from core.access.roles import PORTALS, Role
from core.cms.models import ContentPage, HomePage, PortalCollection, PortalPage
from core.cms.structure import ensure_site_structure
from tests.factories import person_with

pytestmark = pytest.mark.django_db


def test_the_tree_has_a_home_page_and_one_root_per_portal():
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    roots = PortalPage.objects.child_of(home)
    assert sorted(roots.values_list("portal", flat=True)) == sorted(r.value for r in PORTALS)
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()


def test_ensuring_the_structure_twice_changes_nothing():
    before = list(Page.objects.values_list("pk", "path"))
    ensure_site_structure()
    assert list(Page.objects.values_list("pk", "path")) == before


def test_editors_can_add_pages_under_each_portal_root():
    for portal_page in PortalPage.objects.all():
        assert ContentPage in portal_page.specific_class.allowed_subpage_models()
        assert ContentPage.can_create_at(portal_page)


def test_a_page_knows_its_portal():
    root = PortalPage.objects.get(portal=Role.PARTNER)
    page = root.add_child(instance=ContentPage(title="Deal registration rules", body=[]))
    child = page.add_child(instance=ContentPage(title="Conflicts", body=[]))
    assert PortalPage.for_page(child) == root
    assert PortalPage.for_page(HomePage.objects.get()) is None


def test_a_portal_page_is_served_to_its_people_only(client):
    root = PortalPage.objects.get(portal=Role.PARTNER)
    page = root.add_child(instance=ContentPage(title="Partner price list", body=[]))
    client.force_login(person_with(Role.CUSTOMER))
    assert client.get(page.url).status_code == 404
    client.force_login(person_with(Role.PARTNER))
    response = client.get(page.url)
    assert response.status_code == 200
    assert response.context["current_portal"].namespace == "partner"


def test_each_portal_has_a_private_file_collection():
    links = PortalCollection.objects.select_related("collection")
    assert {link.portal for link in links} == {r.value for r in PORTALS}
    nested = links.get(portal=Role.INVESTOR).collection.add_child(name="Annual reports")
    assert PortalCollection.for_collection(nested).portal == Role.INVESTOR
