"""Faults: a worker killed in the middle of a task. The task runs again; its effect happens once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from uuid import uuid4

import pytest
from celery import Celery
from django.db import connection

from core.notifications.models import OutboundEmail

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/15"

pytestmark = [pytest.mark.celery, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def start_worker(queue: str, journal: Path, slow_seconds: float) -> subprocess.Popen:
    settings = connection.settings_dict
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portals.settings.test",
        "DATABASE_URL": f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/"
        f"{settings['NAME']}",
        "TEST_CELERY_BROKER_URL": REDIS_URL,
        "TEST_EMAIL_BACKEND": "tests.support.slow_email_backend.SlowRecordingBackend",
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "SLOW_EMAIL_JOURNAL": str(journal),
        "SLOW_EMAIL_SECONDS": str(slow_seconds),
    }
    return subprocess.Popen(  # noqa: S603 - our own worker, fixed arguments
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portals",
            "worker",
            "--pool",
            "solo",
            "--queues",
            queue,
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_worker_killed_mid_delivery_is_replaced_and_the_e_mail_goes_once(tmp_path):
    journal = tmp_path / "journal.txt"
    journal.touch()
    queue = f"fault-{uuid4().hex}"
    email = OutboundEmail.objects.create(
        to="investor@mail.example", subject="Q3 results", body_text="x"
    )
    Celery(broker=REDIS_URL).send_task(
        "core.notifications.tasks.deliver_outbound_email", args=[email.pk], queue=queue
    )

    doomed = start_worker(queue, journal, slow_seconds=60)
    try:
        assert wait_for(lambda: "started" in journal.read_text(), 60), (
            "the first worker never began"
        )
        doomed.send_signal(signal.SIGKILL)  # mid-task: after the send began, before it finished
        doomed.wait(timeout=10)
    finally:
        doomed.kill()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.PENDING

    rescuer = start_worker(queue, journal, slow_seconds=0)
    try:
        assert wait_for(lambda: "sent" in journal.read_text(), 90), "the task was not run again"
        time.sleep(4)  # long enough for a duplicate redelivery to show itself
    finally:
        rescuer.terminate()
        rescuer.wait(timeout=20)

    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert journal.read_text().count("sent Q3 results") == 1
