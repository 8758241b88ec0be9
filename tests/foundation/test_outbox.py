"""E-mail goes through the outbox: written with the change, sent after commit, never twice."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.notifications.models import OutboundEmail
from core.notifications.services import (
    email_queue,
    email_queue_many,
    email_queue_templated,
    outbound_email,
    templated_email,
)
from core.notifications.tasks import (
    deliver_outbound_email,
    deliver_outbound_emails,
    resend_stalled_outbound_emails,
)

pytestmark = pytest.mark.django_db


def test_an_e_mail_is_sent_only_after_the_change_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = email_queue(to="siti@sinarjaya.example", subject="Hello", text="Body")
    assert len(mail.outbox) == 0
    assert email.status == OutboundEmail.Status.PENDING
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["siti@sinarjaya.example"]]
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            email_queue(to="a@b.example", subject="Never", text="x")
            raise RuntimeError("the change failed")
    assert mail.outbox == []
    assert not OutboundEmail.objects.exists()


def test_the_same_key_queues_one_e_mail(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = email_queue(to="a@b.example", subject="One", text="x", key="ticket:1:reply:7")
        second = email_queue(to="a@b.example", subject="One", text="x", key="ticket:1:reply:7")
    assert first is not None and second is None
    assert len(mail.outbox) == 1


def test_delivering_twice_sends_once(django_capture_on_commit_callbacks):
    email = email_queue(to="a@b.example", subject="Once", text="x")
    deliver_outbound_email.delay(email.pk)
    deliver_outbound_email.delay(email.pk)  # a redelivered message after a worker restart
    assert len(mail.outbox) == 1


def test_a_failed_send_is_kept_and_retried_later():
    email = email_queue(to="a@b.example", subject="Retry", text="x")
    with (
        mock.patch(
            "django.core.mail.EmailMultiAlternatives.send",
            side_effect=smtplib.SMTPServerDisconnected,
        ),
        pytest.raises(Retry),
    ):
        deliver_outbound_email.apply(args=[email.pk])
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.PENDING
    assert email.attempts == 1
    assert "SMTPServerDisconnected" in email.last_error
    assert email.next_attempt_at > timezone.now()

    deliver_outbound_email.delay(email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_the_sweep_resends_what_a_lost_message_left_behind(django_capture_on_commit_callbacks):
    email = email_queue(to="a@b.example", subject="Lost", text="x")  # its task never ran
    OutboundEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert resend_stalled_outbound_emails.delay().get() == 1
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_a_broker_that_is_down_at_commit_loses_nothing(django_capture_on_commit_callbacks):
    with mock.patch.object(
        deliver_outbound_email, "delay", side_effect=ConnectionRefusedError("broker down")
    ):
        with django_capture_on_commit_callbacks(execute=True):
            email = email_queue(to="a@b.example", subject="Kept", text="x")
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.PENDING  # the change stood; the sweep sends it
    assert mail.outbox == []


def test_templated_e_mail_is_written_in_the_readers_language():
    from core.access.roles import Role
    from core.people.models import AccessRequest
    from tests.factories import PersonFactory

    request = AccessRequest(
        person=PersonFactory(), role=Role.CUSTOMER, organisation_name="X", status="granted"
    )
    email = email_queue_templated(
        to="a@b.example",
        template="access_request_decided",
        context={"access_request": request, "person": request.person},
        language="en",
    )
    assert "ready" in email.subject
    assert "/start/" in email.body_text


def test_many_e_mails_are_written_in_one_insert_and_sent_after_commit(
    django_capture_on_commit_callbacks,
):
    email_queue(to="old@x.example", subject="Sent before", text="x", key="batch:1")
    batch = [
        outbound_email(to=f"p{n}@x.example", subject=f"Hello  {n}\n", text="Body", key=f"batch:{n}")
        for n in range(1, 6)
    ]
    batch.append(outbound_email(to="p5@x.example", subject="Twice", text="x", key="batch:5"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with CaptureQueriesContext(connection) as queries:
            written = email_queue_many(batch)
    assert len(queries) == 2  # which keys were queued before; one INSERT
    assert [email.idempotency_key for email in written] == [f"batch:{n}" for n in range(2, 6)]
    assert len(callbacks) == 1  # one delivery task for the batch, after commit
    assert sorted(m.to[0] for m in mail.outbox) == [f"p{n}@x.example" for n in range(2, 6)]
    assert OutboundEmail.objects.get(idempotency_key="batch:2").subject == "Hello 2"


def test_a_batch_delivery_sends_the_rest_when_one_fails_and_keeps_that_one_for_retry(
    django_capture_on_commit_callbacks,
):
    emails = email_queue_many(
        [outbound_email(to=f"p{n}@x.example", subject="Hi", text="x") for n in range(3)]
    )
    real_send = EmailMultiAlternatives.send

    def send(message, *args, **kwargs):
        if message.to == ["p1@x.example"]:
            raise smtplib.SMTPServerDisconnected
        return real_send(message, *args, **kwargs)

    with mock.patch.object(EmailMultiAlternatives, "send", send):
        assert deliver_outbound_emails.delay([e.pk for e in emails]).get() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["p0@x.example", "p2@x.example"]
    failed = OutboundEmail.objects.get(to="p1@x.example")
    assert (failed.status, failed.attempts) == (OutboundEmail.Status.PENDING, 1)
    assert "SMTPServerDisconnected" in failed.last_error
    OutboundEmail.objects.filter(pk=failed.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=5)
    )
    with django_capture_on_commit_callbacks(execute=True):  # to the retrying task
        assert resend_stalled_outbound_emails.delay().get() == 1
    failed.refresh_from_db()
    assert failed.status == OutboundEmail.Status.SENT


def test_a_templated_row_is_rendered_by_the_worker_in_the_readers_language_when_it_is_sent(
    django_capture_on_commit_callbacks,
):
    context = {"rule": "Gold tickets", "rule_description": "", "level": 2, "name": "Wayan"}
    rows = [
        templated_email(
            to=f"{language}@x.example",
            template="rules_notify",
            context={**context, "title": "TCK-000042 Printer offline", "path": "/t/42/"},
            language=language,
            key=f"rendered-later:{language}",
        )
        for language in ("en", "id")
    ]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        written = email_queue_many(rows)
    assert [(row.subject, row.body_text) for row in written] == [("", ""), ("", "")]
    for callback in callbacks:
        callback()
    sent = {message.to[0]: message for message in mail.outbox}
    assert (
        sent["en@x.example"].subject
        == "Escalation level 2: TCK-000042 Printer offline (Gold tickets)"
    )
    assert sent["id@x.example"].subject.startswith("Tingkat eskalasi 2: TCK-000042")
    assert "Hello Wayan," in sent["en@x.example"].body
    # The outbox keeps what was sent, for staff reading the log.
    stored = OutboundEmail.objects.get(to="id@x.example")
    assert (stored.status, stored.subject) == ("sent", sent["id@x.example"].subject)
    assert "/t/42/" in stored.body_text
