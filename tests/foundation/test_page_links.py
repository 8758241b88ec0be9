"""Links to Wagtail pages from Django views: the same addresses as Wagtail's `{% pageurl %}`,
with the request's site from the cache, renewed when a site or page changes."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from core.access.roles import Role
from core.cms import selectors
from core.cms.models import ContentPage, PortalPage
from core.cms.selectors import current_site

pytestmark = pytest.mark.django_db


def render(source: str, page, request) -> str:
    return Template("{% load wagtailcore_tags portal_tags %}" + source).render(
        Context({"page": page, "request": request})
    )


@pytest.fixture
def page():
    root = PortalPage.objects.get(portal=Role.CUSTOMER)
    return root.add_child(instance=ContentPage(title="Returns", body=[]))


def test_a_link_reads_as_wagtails_and_asks_no_query_once_the_site_is_known(page):
    wagtails = render("{% pageurl page %}", page, RequestFactory().get("/"))
    assert wagtails.endswith("/returns/")
    assert render("{% page_url page %}", page, RequestFactory().get("/")) == wagtails

    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        assert render("{% page_url page %}", page, request) == wagtails
    assert len(queries) == 0


def test_a_new_site_for_the_host_is_found_at_once(page):
    default = Site.objects.get(is_default_site=True)
    assert current_site(RequestFactory().get("/")) == default  # now kept for "testserver"
    own = Site.objects.create(hostname="testserver", port=80, root_page=default.root_page)
    assert current_site(RequestFactory().get("/")) == own


def test_a_request_finds_its_site_once_however_many_links(page, monkeypatch):
    asked = []
    keep = selectors.PAGES.kept
    monkeypatch.setattr(
        selectors.PAGES, "kept", lambda name, compute: asked.append(name) or keep(name, compute)
    )
    render(
        "{% page_url page %} {% page_url page %} {% page_url page %}",
        page,
        RequestFactory().get("/"),
    )
    assert asked == ["site:testserver:80"]


def test_with_two_sites_a_link_to_this_sites_page_stays_relative(page):
    other_root = PortalPage.objects.get(portal=Role.PARTNER)
    Site.objects.create(hostname="partners.samudra.example", root_page=other_root)
    request = RequestFactory().get("/")
    wagtails = render("{% pageurl page %}", page, request)
    assert wagtails.startswith("/")
    assert render("{% page_url page %}", page, RequestFactory().get("/")) == wagtails


def test_without_a_request_the_link_is_wagtails_own(page):
    assert render("{% page_url page %}", page, None) == page.get_url()
