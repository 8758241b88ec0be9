"""iCalendar (.ics) for IR events: one event's file and the subscribable calendar feed."""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Samudra Extranet//Investor relations//EN"


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    return calendar


def _event(event) -> Event:
    url = settings.SITE_URL.rstrip("/") + reverse("investor:event", args=[event.pk])
    item = Event()
    item.add("uid", f"ir-event-{event.pk}@{_host()}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.local_start)  # with its TZID: shown in each reader's zone
    item.add("dtend", event.local_end)
    item.add("summary", event.title)
    description = [event.description] if event.description else []
    if event.webcast_url:
        description.append(f"Webcast: {event.webcast_url}")
    if event.dial_in:
        description.append(f"Dial-in: {event.dial_in}")
    description.append(url)
    item.add("description", "\n\n".join(description))
    if event.location:
        item.add("location", event.location)
    item.add("url", url)
    item.add("categories", [event.get_kind_display()])
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def event_ics(event) -> bytes:
    calendar = _calendar(event.title)
    calendar.add_component(_event(event))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_ics(events, *, name: str) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_event(event))
    calendar.add_missing_timezones()
    return calendar.to_ical()
