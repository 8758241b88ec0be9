"""Writes of investor relations: subscriptions, registration, holder verification, downloads,
and what happens when a publication or event goes live. Keyword-only, atomic."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from core.access.roles import Role
from core.audit.services import audit_record
from core.jobs import enqueue_after_commit
from core.notifications.services import email_queue_templated

from . import tokens
from .models import (
    Alert,
    Audience,
    Disclosure,
    InvestorEvent,
    InvestorProfile,
    Publication,
    PublicationDownloads,
    Subscriber,
    Topic,
)


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


# --- e-mail alerts: double opt-in and one-click unsubscribe ------------------------------------
def subscription_request(*, email: str, topics: list[str], language: str, person=None) -> None:
    """Send the confirmation link. Nothing is stored until it is followed; asking twice sends
    a second link (the answer on screen is the same whether the address is known or not)."""
    email = email.strip().lower()
    topics = sorted({Topic(t).value for t in topics})
    token = tokens.confirm_token(email=email, topics=topics, language=language)
    email_queue_templated(
        to=email,
        template="ir_alerts_confirm",
        context={
            "confirm_url": absolute(reverse("investor:alerts-confirm", args=[token])),
            "topics": [Topic(t).label for t in topics],
        },
        language=language,
    )


@transaction.atomic
def subscription_confirm(*, token: str, person=None) -> Subscriber | None:
    data = tokens.read_confirm_token(token)
    if data is None:
        return None
    topics = {t for t in data.get("t", []) if t in Topic.values}
    if not topics:
        return None
    subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
        email=data["e"], defaults={"language": data.get("l") or "en"}
    )
    for topic in Topic:
        setattr(subscriber, Subscriber.topic_field(topic), topic.value in topics)
    subscriber.language = data.get("l") or subscriber.language
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    if person is not None and person.is_authenticated and person.email.lower() == data["e"]:
        subscriber.person = person
    subscriber.save()
    return subscriber


@transaction.atomic
def subscription_cancel(*, token: str) -> Subscriber | None:
    """One click, no sign-in: the token names the subscriber and the address it was sent to."""
    data = tokens.read_unsubscribe_token(token)
    if data is None:
        return None
    subscriber_id, email = data
    subscriber = (
        Subscriber.objects.select_for_update().filter(pk=subscriber_id, email=email).first()
    )
    if subscriber is None:
        return None
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["unsubscribed_at"])
    return subscriber


# --- investors ---------------------------------------------------------------------------------
@transaction.atomic
def investor_register(*, person, request=None):
    """A person with a confirmed e-mail address becomes a registered (individual) investor."""
    from allauth.account.models import EmailAddress

    from core.access import policies
    from core.people.services import role_grant

    if policies.holds_role(person, Role.INVESTOR):
        return None
    if not EmailAddress.objects.filter(user=person, email__iexact=person.email, verified=True):
        raise PermissionError("e-mail not confirmed")
    assignment = role_grant(person=person, role=Role.INVESTOR, request=request)
    InvestorProfile.objects.get_or_create(person=person)
    policies.forget_cached_access(person)
    return assignment


@transaction.atomic
def holder_verify(*, investor, by, reference: str = "", verified: bool = True, request=None):
    profile, _ = InvestorProfile.objects.select_for_update().get_or_create(person=investor)
    profile.holder_verified_at = timezone.now() if verified else None
    profile.holder_verified_by = by if verified else None
    profile.holder_reference = reference[:80] if verified else ""
    profile.save()
    audit_record(
        "investor.holder_verified" if verified else "investor.holder_unverified",
        actor=by,
        target=investor,
        request=request,
    )
    investor.__dict__.pop("_verified_holder", None)
    return profile


def download_count(*, publication: Publication) -> None:
    updated = PublicationDownloads.objects.filter(publication=publication).update(
        count=F("count") + 1
    )
    if not updated:
        with transaction.atomic():
            row, created = PublicationDownloads.objects.select_for_update().get_or_create(
                publication=publication, defaults={"count": 1}
            )
            if not created:
                PublicationDownloads.objects.filter(pk=row.pk).update(count=F("count") + 1)


# --- going live --------------------------------------------------------------------------------
@transaction.atomic
def went_live(*, instance, revision=None, at=None) -> Alert | None:
    """Called when Wagtail publishes a publication or an event (by hand or on schedule):
    records the disclosure and, the first time a public item goes live, makes its alert and
    sends the fan-out after commit. Restricted material never goes to e-mail subscribers."""
    from .tasks import alert_fan_out

    if not instance.live:  # Wagtail also signals a publish scheduled for later: not yet
        return None
    at = at or timezone.now()
    is_event = isinstance(instance, InvestorEvent)
    Disclosure.objects.create(
        kind=Disclosure.Kind.EVENT if is_event else Disclosure.Kind.PUBLICATION,
        object_id=instance.pk,
        title=instance.title[:200],
        category=instance.kind if is_event else instance.category,
        audience=instance.audience,
        published_at=at,
        published_by=getattr(revision, "user", None),
        scheduled_for=getattr(revision, "approved_go_live_at", None),
        revision_id=getattr(revision, "pk", None),
    )
    if instance.audience != Audience.PUBLIC:
        return None
    lookup = {"event": instance} if is_event else {"publication": instance}
    topic = Topic.EVENTS if is_event else instance.topic
    alert, created = Alert.objects.get_or_create(
        **lookup, defaults={"topic": topic, "subject": instance.title[:255], "created_at": at}
    )
    if created:
        enqueue_after_commit(alert_fan_out, alert.pk)
    return alert
