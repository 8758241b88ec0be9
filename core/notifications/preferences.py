"""Reading and saving a person's notification preferences (a missing row means the defaults)."""

from django.db import transaction

from .models import NotificationPreferences


def preferences_for(person) -> NotificationPreferences:
    """The person's preferences; an unsaved default object when they never changed them."""
    cached = person.__dict__.get("_notification_preferences")
    if cached is None:
        cached = NotificationPreferences.objects.filter(person=person).first()
        cached = cached or NotificationPreferences(person=person)
        person.__dict__["_notification_preferences"] = cached
    return cached


def wants_ticket_emails(person) -> bool:
    return person.is_active and preferences_for(person).ticket_updates_by_email


@transaction.atomic
def preferences_update(*, person, **changes) -> NotificationPreferences:
    preferences, _created = NotificationPreferences.objects.get_or_create(person=person)
    for field, value in changes.items():
        setattr(preferences, field, value)
    preferences.save()
    person.__dict__["_notification_preferences"] = preferences
    return preferences
