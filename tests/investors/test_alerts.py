"""E-mail alerts: double opt-in, one-click unsubscribe by signed token, and the fan-out that
sends exactly one e-mail per subscriber and publication, even when it is retried."""

import re
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone

from core.investors import fanout, services, tokens
from core.investors.models import Alert, AlertDelivery, Subscriber
from core.notifications.models import OutboundEmail

from .factories import publication, subscribers

pytestmark = pytest.mark.django_db


def confirm_link() -> str:
    body = OutboundEmail.objects.latest("pk").body_text
    return re.search(r"https?://\S+/investor/alerts/confirm/\S+/", body).group(0)


def test_subscribing_writes_nothing_until_the_link_is_followed(client):
    response = client.post(
        reverse("investor:alerts"),
        {"email": "Anna@NordFonds.example", "topics": ["results", "events"], "language": "en"},
    )
    assert response.status_code == 200
    assert Subscriber.objects.count() == 0
    link = confirm_link()
    assert client.get(urlsplit(link).path).status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "anna@nordfonds.example"
    assert [t.value for t in subscriber.topics] == ["results", "events"]


def test_a_tampered_or_expired_confirmation_link_subscribes_no_one(client):
    good = tokens.confirm_token(email="a@b.example", topics=["press"], language="en")
    forged = good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb")
    assert client.get(reverse("investor:alerts-confirm", args=[forged])).status_code == 400
    old = signing.TimestampSigner(salt=tokens.CONFIRM_SALT)
    expired = old.sign_object({"e": "a@b.example", "t": ["press"], "l": "en"})
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokens, "CONFIRM_MAX_AGE", -1)
        assert client.get(reverse("investor:alerts-confirm", args=[expired])).status_code == 400
    assert Subscriber.objects.count() == 0


def test_a_bad_subscription_keeps_what_was_typed(client):
    response = client.post(reverse("investor:alerts"), {"email": "anna@nordfonds.example"})
    assert response.status_code == 400
    assert 'value="anna@nordfonds.example"' in response.content.decode()
    assert OutboundEmail.objects.count() == 0


def test_unsubscribing_by_token_needs_no_sign_in_and_a_scanner_cannot_do_it(client):
    (subscriber,) = subscribers(1)
    url = reverse("investor:alerts-unsubscribe", args=[tokens.unsubscribe_token(subscriber)])
    assert client.get(url).status_code == 200  # a link scanner's GET changes nothing
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is None
    assert client.post(url).status_code == 200  # one click (RFC 8058: no CSRF token)
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None
    other = Subscriber.objects.create(email="x@y.example", wants_press=True)
    forged = tokens.unsubscribe_token(Subscriber(pk=other.pk, email="someone@else.example"))
    client.post(reverse("investor:alerts-unsubscribe", args=[forged]))
    other.refresh_from_db()
    assert other.unsubscribed_at is None


def test_a_public_publication_going_live_alerts_its_topic_once_with_a_one_click_unsubscribe(
    django_capture_on_commit_callbacks,
):
    subscribers(3, topic="results")
    subscribers(2, topic="press", start=10)
    subscribers(1, topic="results", start=20, unsubscribed_at=timezone.now())
    report = publication(title="Q3 2026 interim report", category="quarterly", period="Q3")
    with django_capture_on_commit_callbacks(execute=True):
        services.went_live(instance=report)
        services.went_live(instance=report)  # published again: no second alert
    assert Alert.objects.count() == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == [f"holder{i}@mail.example" for i in range(3)]
    message = mail.outbox[0]
    assert "Q3 2026 interim report" in message.subject
    link = re.search(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body


def test_restricted_material_is_never_e_mailed(django_capture_on_commit_callbacks):
    subscribers(3, topic="results")
    with django_capture_on_commit_callbacks(execute=True):
        services.went_live(instance=publication(title="Plan", audience="registered"))
    assert Alert.objects.count() == 0 and mail.outbox == []


class FailingAfter(EmailBackend):
    """Hands `limit` messages to the 'server', then fails like a dropped SMTP connection."""

    limit = 0

    def send_messages(self, messages):
        if len(mail.outbox) >= FailingAfter.limit:
            raise OSError("connection reset")
        return super().send_messages(messages)


def test_the_fan_out_sends_exactly_once_when_a_batch_fails_and_is_retried(settings):
    subscribers(25, topic="results")
    alert = Alert.objects.create(topic="results", publication=publication(), subject="Results")
    fanout.recipients_list(alert)
    fanout.recipients_list(alert)  # a duplicated fan-out message lists nobody twice
    assert AlertDelivery.objects.filter(alert=alert).count() == 25
    settings.EMAIL_BACKEND = "tests.investors.test_alerts.FailingAfter"
    FailingAfter.limit = 7
    with pytest.raises(OSError):
        fanout.batch_send(alert, size=10)
    assert AlertDelivery.objects.filter(sent_at__isnull=False).count() == 7
    assert AlertDelivery.objects.exclude(claim="").filter(sent_at__isnull=True).count() == 0
    FailingAfter.limit = 10**6  # the server is back: the retry sends the rest
    while fanout.batch_send(alert, size=10):
        pass
    assert fanout.batch_send(alert, size=10) == 0  # and a late duplicate sends nothing
    counts = Counter(m.to[0] for m in mail.outbox)
    assert len(counts) == 25 and set(counts.values()) == {1}
    alert.refresh_from_db()
    assert alert.finished_at is not None


def test_rows_claimed_by_a_worker_that_died_are_sent_after_the_lease(settings):
    subscribers(4, topic="results")
    alert = Alert.objects.create(topic="results", publication=publication(), subject="Results")
    fanout.recipients_list(alert)
    _token, claimed = fanout.claim(alert, size=2)  # then the worker is killed
    assert fanout.batch_send(alert) == 2  # others are not blocked by the dead claim
    assert fanout.batch_send(alert) == 0  # the dead claim holds until its lease is over
    later = timezone.now() + fanout.CLAIM_LEASE + timedelta(seconds=1)
    assert fanout.batch_send(alert, at=later) == 2
    assert Counter(m.to[0] for m in mail.outbox).most_common(1)[0][1] == 1
    assert set(claimed) <= set(
        AlertDelivery.objects.filter(sent_at__isnull=False).values_list("pk", flat=True)
    )
