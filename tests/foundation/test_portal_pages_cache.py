"""A portal dashboard's pages come from the cache, and every editor's change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.access.roles import Role
from core.cms.models import ContentPage, PortalPage
from core.cms.selectors import portal_dashboard_context
from tests.factories import person_with

pytestmark = pytest.mark.django_db


def titles(role=Role.CUSTOMER):
    reader = person_with(role)
    return [page.title for page in portal_dashboard_context(reader, role)["portal_pages"]]


@pytest.fixture
def root():
    return PortalPage.objects.get(portal=Role.CUSTOMER)


def test_the_pages_are_read_once_then_served_from_the_cache(root):
    root.add_child(instance=ContentPage(title="Returns", body=[]))
    person = person_with(Role.CUSTOMER)
    portal_dashboard_context(person, Role.CUSTOMER)

    with CaptureQueriesContext(connection) as queries:
        context = portal_dashboard_context(person, Role.CUSTOMER)

    assert [page.title for page in context["portal_pages"]] == ["Returns"]
    assert len(queries) == 0  # the person's roles were read by the first call already


def test_publishing_unpublishing_and_restricting_show_at_once(root):
    returns = root.add_child(instance=ContentPage(title="Returns", body=[], live=False))
    assert titles() == []

    returns.save_revision().publish()
    assert titles() == ["Returns"]

    restriction = PageViewRestriction.objects.create(page=returns, restriction_type="login")
    assert titles() == []

    restriction.delete()
    assert titles() == ["Returns"]

    returns.refresh_from_db()
    returns.unpublish()
    assert titles() == []


def test_renaming_moving_and_deleting_show_at_once(root):
    returns = root.add_child(instance=ContentPage(title="Returns", body=[]))
    assert titles() == ["Returns"]

    returns.title = "Returns and refunds"
    returns.save_revision().publish()
    assert titles() == ["Returns and refunds"]

    partner_root = PortalPage.objects.get(portal=Role.PARTNER)
    returns.refresh_from_db()
    returns.move(partner_root, pos="last-child")
    assert titles() == []
    assert titles(Role.PARTNER)[-1] == "Returns and refunds"

    ContentPage.objects.get(pk=returns.pk).delete()
    assert "Returns and refunds" not in titles(Role.PARTNER)


def test_the_introduction_is_shown_as_edited(root):
    reader = person_with(Role.CUSTOMER)
    portal_dashboard_context(reader, Role.CUSTOMER)
    root.intro = "<p>Welcome to <b>support</b>.</p>"
    root.save_revision().publish()

    intro = portal_dashboard_context(reader, Role.CUSTOMER)["portal_page"].intro_html

    assert "Welcome to <b>support</b>." in intro
