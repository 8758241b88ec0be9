"""Publishing in Wagtail: a results-day report scheduled ahead goes live by itself, is then
recorded in the disclosure audit and alerts its subscribers; events give valid iCalendar."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.access.roles import Duty, Role
from core.investors.models import Alert, Disclosure, Publication
from tests.factories import person_with

from .factories import event, publication, subscribers

pytestmark = pytest.mark.django_db


def test_a_scheduled_report_is_nowhere_until_its_time_then_live_audited_and_alerted(
    client, django_capture_on_commit_callbacks
):
    sarah = person_with(Role.EMPLOYEE, duties=(Duty.IR_OFFICER,))
    subscribers(3, topic="results")
    report = publication(title="Q3 2026 interim report", live=False)
    report.go_live_at = timezone.now() + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        report.save_revision(user=sarah).publish(user=sarah)
    report.refresh_from_db()
    assert not report.live
    assert client.get(reverse("investor:report", args=[report.pk])).status_code == 404
    assert "Q3 2026" not in client.get(reverse("investor:releases-feed")).content.decode()
    assert not Disclosure.objects.exists() and not Alert.objects.exists() and not mail.outbox

    # results morning: the go-live time has passed (moved back rather than waiting two hours)
    # and the scheduler's periodic job runs
    past = timezone.now() - timedelta(seconds=1)
    Publication.objects.filter(pk=report.pk).update(go_live_at=past)
    revision = report.revisions.order_by("-pk").first()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    report.refresh_from_db()
    assert report.live
    assert client.get(reverse("investor:report", args=[report.pk])).status_code == 200
    disclosure = Disclosure.objects.get()
    assert (disclosure.title, disclosure.published_by) == ("Q3 2026 interim report", sarah)
    assert disclosure.scheduled_for is not None
    assert len(mail.outbox) == 3


def test_an_event_ics_parses_back_with_its_time_zone_and_links():
    item = event(
        title="Q3 2026 earnings call",
        webcast_url="https://webcast.samudra.example/q3",
        dial_in="+62 21 5088 1599, code 482917",
    )
    from django.test import Client

    response = Client().get(reverse("investor:event-ics", args=[item.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Q3 2026 earnings call"
    assert vevent.decoded("DTSTART") == item.starts_at.replace(microsecond=0)
    assert vevent["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert calendar.walk("VTIMEZONE")  # the zone travels with the file
    assert "webcast.samudra.example/q3" in str(vevent["DESCRIPTION"])
    assert str(vevent["UID"]).startswith(f"ir-event-{item.pk}@")


def test_the_calendar_feed_is_a_valid_calendar_of_public_events(client):
    event(title="AGM 2027", kind="agm", days=160)
    event(title="Singapore conference", kind="conference", time_zone="Asia/Singapore", days=90)
    event(title="Closed meeting", audience="holders")
    calendar = Calendar.from_ical(client.get(reverse("investor:calendar-feed")).content)
    titles = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert titles == ["AGM 2027", "Singapore conference"]
    zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    assert zones == {"Asia/Jakarta", "Asia/Singapore"}
