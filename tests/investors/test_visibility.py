"""Registered-only and shareholder-only material is never public: not by direct address, not in
the library, its search, the RSS feed or the calendar feed; drafts and scheduled items do not
exist for anyone outside the admin."""

import pytest
from django.urls import reverse

from core.access.roles import Role
from core.investors import services
from tests.factories import person_with

from .factories import event, publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    return {
        "public": publication(title="Annual report 2025"),
        "registered": publication(title="Investor day plan", audience="registered"),
        "holders": publication(title="Dividend letter", audience="holders"),
        "draft": publication(title="Draft results", live=False),
    }


def pages_for(client):
    library = client.get(reverse("investor:library")).content.decode()
    search = "".join(
        client.get(reverse("investor:library"), {"q": word}).content.decode()
        for word in ("plan", "letter", "draft")
    )
    feed = client.get(reverse("investor:releases-feed")).content.decode()
    return library, search, feed


def test_the_public_reads_only_public_material(client, library):
    library_page, search, feed = pages_for(client)
    assert "Annual report 2025" in library_page and "Annual report 2025" in feed
    for key in ("registered", "holders", "draft"):
        title = library[key].title
        assert title not in library_page and title not in search and title not in feed
        for name in ("investor:report", "investor:report-file"):
            assert client.get(reverse(name, args=[library[key].pk])).status_code == 404
    response = client.get(reverse("investor:report-file", args=[library["public"].pk]))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_a_customer_is_the_public_here(client, library):
    client.force_login(person_with(Role.CUSTOMER))
    assert (
        client.get(reverse("investor:report", args=[library["registered"].pk])).status_code == 404
    )


def test_a_registered_investor_reads_investor_material_but_not_shareholder_material(
    client, library
):
    client.force_login(person_with(Role.INVESTOR))
    library_page, search, feed = pages_for(client)
    assert "Investor day plan" in library_page and "Investor day plan" in search
    assert "Investor day plan" not in feed  # a feed is public whoever fetches it
    assert "Dividend letter" not in library_page
    assert (
        client.get(reverse("investor:report-file", args=[library["registered"].pk])).status_code
        == 200
    )
    assert client.get(reverse("investor:report", args=[library["holders"].pk])).status_code == 404
    assert client.get(reverse("investor:report", args=[library["draft"].pk])).status_code == 404


def test_a_verified_shareholder_reads_shareholder_material_until_verification_is_withdrawn(
    client, library
):
    investor = person_with(Role.INVESTOR)
    officer = person_with(Role.EMPLOYEE)
    services.holder_verify(investor=investor, by=officer, reference="KSEI 123")
    client.force_login(investor)
    url = reverse("investor:report", args=[library["holders"].pk])
    assert client.get(url).status_code == 200
    services.holder_verify(investor=investor, by=officer, verified=False)
    client.force_login(investor)  # a new request reads the access again
    assert client.get(url).status_code == 404


def test_an_ended_investor_role_closes_investor_material(client, library):
    from core.people.services import role_end

    investor = person_with(Role.INVESTOR)
    role_end(assignment=investor.role_assignments.get())
    client.force_login(investor)
    assert (
        client.get(reverse("investor:report", args=[library["registered"].pk])).status_code == 404
    )


def test_restricted_events_stay_out_of_the_public_calendar(client):
    public = event(title="Q3 earnings call")
    private = event(title="Analyst dinner", audience="registered")
    feed = client.get(reverse("investor:calendar-feed")).content.decode()
    assert "Q3 earnings call" in feed and "Analyst dinner" not in feed
    assert client.get(reverse("investor:event", args=[private.pk])).status_code == 404
    assert client.get(reverse("investor:event-ics", args=[private.pk])).status_code == 404
    assert client.get(reverse("investor:event", args=[public.pk])).status_code == 200
    client.force_login(person_with(Role.INVESTOR))
    assert "Analyst dinner" in client.get(reverse("investor:events")).content.decode()


def test_downloads_are_counted(client, library):
    url = reverse("investor:report-file", args=[library["public"].pk])
    for _ in range(3):
        client.get(url + "?download")
    library["public"].refresh_from_db()
    assert library["public"].downloads.count == 3
    assert "attachment" in client.get(url + "?download")["Content-Disposition"]


def test_the_library_filters_by_year_and_category_and_offers_five_years(client):
    publication(title="Annual report 2022", fiscal_year=2022)
    publication(title="Q1 2024 interim report", fiscal_year=2024, category="quarterly", period="Q1")
    publication(title="Contract win", fiscal_year=2024, category="press", period="")
    page = client.get(reverse("investor:library"), {"year": 2024, "category": "quarterly"})
    text = page.content.decode()
    assert "Q1 2024 interim report" in text
    assert "Contract win" not in text and "Annual report 2022" not in text
    years = page.context["years"]
    assert len(years) >= 5 and 2022 in years
    bad = client.get(reverse("investor:library"), {"year": "x' OR 1=1", "category": "<script>"})
    assert bad.status_code == 200
