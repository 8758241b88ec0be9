"""Webhooks against a real HTTP server on 127.0.0.1: signed payloads, retries, the log."""

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.test import override_settings
from django.utils import timezone

from core.rules.models import WebhookDelivery
from core.rules.webhooks import (
    SIGNATURE_HEADER,
    DeliveryFailed,
    UnsafeURL,
    attempt,
    check_url,
    due_deliveries,
    signature,
    verify,
)
from core.tickets.lifecycle import Side, Status
from core.tickets.services import ticket_change_status
from tests.tickets.factories import customer, open_ticket, support_desk

from .factories import rule

pytestmark = pytest.mark.django_db
SECRET = "a-shared-secret-of-some-length"


class Receiver:
    """A local HTTP server that answers with the given statuses in turn (then 200)."""

    def __init__(self, statuses=()):
        self.statuses = list(statuses)
        self.requests: list[tuple[dict, bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/hooks/tickets"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def resolve(django_capture_on_commit_callbacks):
    desk = support_desk()

    def _resolve(url):
        rule(
            "POST resolved tickets",
            trigger="changed",
            event="resolved",
            actions=[{"kind": "webhook", "url": url, "secret": SECRET}],
        )
        ticket = open_ticket(customer())
        with django_capture_on_commit_callbacks(execute=True):
            ticket_change_status(ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT)
        return ticket

    return _resolve


def test_a_resolved_ticket_is_posted_signed(resolve):
    with Receiver() as receiver:
        ticket = resolve(receiver.url)
    ((headers, body),) = receiver.requests
    assert headers["Content-Type"] == "application/json"
    assert verify(SECRET, headers[SIGNATURE_HEADER], body)
    assert not verify("another-secret-entirely", headers[SIGNATURE_HEADER], body)
    payload = json.loads(body)
    assert payload["event"] == "resolved"
    assert payload["record"]["reference"] == ticket.reference
    assert payload["record"]["status"] == "resolved"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 1, 200)
    assert headers["X-Samudra-Delivery"] == delivery.idempotency_key


def test_failures_are_retried_with_exponential_back_off_and_logged(resolve):
    with Receiver(statuses=[500, 503]) as receiver:
        resolve(receiver.url)
        delivery = WebhookDelivery.objects.get()
        assert (delivery.status, delivery.attempts, delivery.last_error) == (
            "failed",
            1,
            "HTTP 500",
        )
        first_failure = delivery.next_attempt_at - timedelta(seconds=30)
        assert due_deliveries(first_failure + timedelta(seconds=29)) == []
        second = first_failure + timedelta(seconds=30)
        assert due_deliveries(second) == [delivery.pk]
        with pytest.raises(DeliveryFailed):
            attempt(delivery.pk, now=second)
        delivery.refresh_from_db()
        assert delivery.next_attempt_at == second + timedelta(seconds=60)  # doubled
        assert attempt(delivery.pk, now=second + timedelta(seconds=60)) is True
        assert attempt(delivery.pk, now=second + timedelta(seconds=999)) is True  # no repeat
    assert len(receiver.requests) == 3
    assert len({body for _headers, body in receiver.requests}) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 3, 200)


@override_settings(RULES_WEBHOOK_MAX_ATTEMPTS=2)
def test_after_the_last_attempt_the_log_says_it_gave_up(resolve):
    with Receiver(statuses=[500, 500, 500]) as receiver:
        resolve(receiver.url)
        delivery = WebhookDelivery.objects.get()
        later = delivery.next_attempt_at
        with pytest.raises(DeliveryFailed):
            attempt(delivery.pk, now=later)
        assert due_deliveries(later + timedelta(days=1)) == []
    assert len(receiver.requests) == 2
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("gave_up", 2, "HTTP 500")


def test_the_periodic_job_retries_what_is_due(resolve):
    from core.rules.tasks import retry_webhooks

    with Receiver(statuses=[500]) as receiver:
        resolve(receiver.url)
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        assert retry_webhooks() == 1
    assert WebhookDelivery.objects.get().status == "delivered"
    assert len(receiver.requests) == 2


def test_an_unreachable_receiver_is_logged_not_raised(resolve):
    with Receiver() as receiver:
        url = receiver.url
    with override_settings(RULES_WEBHOOK_MAX_ATTEMPTS=1):
        resolve(url)  # the server is gone: connection refused
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "gave_up" and delivery.last_error


def test_a_sweep_posts_each_escalated_ticket_once_and_one_failure_holds_up_no_other(
    django_capture_on_commit_callbacks,
):
    from core.rules.engine import sweep

    from .test_sweep import FRIDAY, gold_tickets

    desk = support_desk()
    with Receiver(statuses=[500]) as receiver:
        rule(
            "Escalations to the pager",
            trigger="time",
            calendar=desk.calendar,
            conditions=[("priority", "equals", "high"), ("value_tier", "equals", "gold")],
            levels=[(1, 20)],
            actions=[{"kind": "webhook", "level": 1, "url": receiver.url, "secret": SECRET}],
        )
        tickets = gold_tickets(3)
        with django_capture_on_commit_callbacks(execute=True):
            assert sum(sweep(FRIDAY).values()) == 3
    assert len(receiver.requests) == 3
    posted = [json.loads(body)["record"]["reference"] for _headers, body in receiver.requests]
    assert sorted(posted) == sorted(t.reference for t in tickets)
    assert all(verify(SECRET, h[SIGNATURE_HEADER], body) for h, body in receiver.requests)
    statuses = sorted(WebhookDelivery.objects.values_list("status", flat=True))
    assert statuses == ["delivered", "delivered", "failed"]  # the failed one waits for its retry
    assert {d.payload["event"] for d in WebhookDelivery.objects.all()} == {"level 1"}


def test_the_signature_covers_time_and_body():
    body = b'{"a":1}'
    header = signature(SECRET, 1_700_000_000, body)
    assert verify(SECRET, header, body, now=1_700_000_100)
    assert not verify(SECRET, header, body + b" ", now=1_700_000_100)
    assert not verify(SECRET, header, body, now=1_700_000_000 + 3600)  # a stale replay
    assert not verify(SECRET, "garbage", body)


@override_settings(RULES_WEBHOOK_ALLOW_PRIVATE=False)
@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/x",
        "file:///etc/passwd",
        "http://127.0.0.1:8000/",
        "http://10.1.2.3/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data",
        "http://localhost/",
    ],
)
def test_production_refuses_local_and_private_addresses(url):
    with pytest.raises(UnsafeURL):
        check_url(url)


def test_only_http_and_https_even_where_local_addresses_are_allowed():
    check_url("http://127.0.0.1:9/")
    with pytest.raises(UnsafeURL):
        check_url("gopher://127.0.0.1/")
